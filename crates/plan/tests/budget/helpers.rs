//! What the budget tests share (`budget.rs`, `budget_findings.rs`, `budget_schedule.rs`): a
//! family returning on 1 March 2026, measures added to its goals, and readers of the guidance.
#![allow(dead_code)] // Each test crate uses a different part.

use chrono::NaiveDate;
use homeward_plan::budget::Guidance;
use homeward_plan::catalogue::MeasureType;
use homeward_plan::model::{
    Dimension, Goal, HouseholdMember, Measure, Modality, Package, Plan, Term, Tranche,
};
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::programme::{ProgrammeConfig, preset};
use uuid::Uuid;

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub fn eur(minor: i64) -> Money {
    Money::new(minor, CurrencyCode::eur())
}

pub const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();

pub const RETURN: NaiveDate = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();

/// A returnee aged 35 returning on 1 March 2026 with `adults - 1` more adults and `minors`
/// children aged 14, all returning together.
pub fn family(adults: u32, minors: u32) -> Plan {
    let mut plan = Plan { programme_id: "eurp_voluntary".into(), ..Default::default() };
    plan.case.age = Some(35);
    plan.case.return_date = Some(RETURN);
    for _ in 1..adults {
        plan.household.push(member(33));
    }
    for _ in 0..minors {
        plan.household.push(member(14));
    }
    plan
}

pub fn member(age: u32) -> HouseholdMember {
    HouseholdMember { age: Some(age), returns_with_returnee: true, ..Default::default() }
}

pub fn measure(term: Term, measure_type: MeasureType, cost: i64, modality: Modality) -> Measure {
    Measure {
        measure_type: Some(measure_type),
        description: format!("{} {cost}", measure_type.code()),
        term,
        estimated_cost: Some(eur(cost)),
        modality,
        ..Default::default()
    }
}

/// Adds the measure to the plan's first goal of `dimension` (creating it) and returns its path.
pub fn add(plan: &mut Plan, dimension: Dimension, measure: Measure) -> String {
    let goal_index = match plan.goals.iter().position(|g| g.dimension == dimension) {
        Some(i) => i,
        None => {
            plan.goals.push(Goal::new(Uuid::from_u128(plan.goals.len() as u128 + 1), dimension));
            plan.goals.len() - 1
        }
    };
    let goal = &mut plan.goals[goal_index];
    goal.measures.push(measure);
    format!("/goals/{goal_index}/measures/{}", goal.measures.len() - 1)
}

pub fn ids() -> impl FnMut() -> Uuid {
    let mut next = 0_u128;
    move || {
        next += 1;
        Uuid::from_u128(next)
    }
}

pub fn codes(g: &Guidance) -> Vec<&'static str> {
    g.findings.iter().map(|f| f.code).collect()
}

/// The findings of the rules, leaving out the reminder that no schedule has been made yet.
pub fn rule_codes(g: &Guidance) -> Vec<&'static str> {
    g.findings.iter().map(|f| f.code).filter(|c| *c != "tranches_missing").collect()
}

pub fn has(g: &Guidance, code: &str) -> bool {
    g.findings.iter().any(|f| f.code == code)
}

pub fn only<'a>(g: &'a Guidance, code: &str) -> &'a homeward_plan::finding::Finding {
    let found: Vec<_> = g.findings_with(code).collect();
    assert_eq!(found.len(), 1, "expected one {code}, got {:?}", g.findings);
    found[0]
}

pub fn eurp() -> ProgrammeConfig {
    preset("eurp_voluntary").unwrap()
}

pub fn available(g: &Guidance, package: Package) -> Option<i64> {
    g.package(package).unwrap().available.as_ref().map(|m| m.amount_minor)
}

pub fn tranche(package: Package, date: NaiveDate, amount: i64) -> Tranche {
    Tranche::new(Uuid::nil(), package, date, eur(amount))
}
