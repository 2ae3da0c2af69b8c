//! Budget guidance runs on every keystroke; the brief allows 16 ms from keystroke to screen for a
//! plan with 200 measures, so the domain part must stay far below that.

use chrono::NaiveDate;
use homeward_plan::budget::{generate_tranches, guidance};
use homeward_plan::catalogue::MeasureType;
use homeward_plan::model::{Dimension, Goal, HouseholdMember, Measure, Modality, Plan, Term};
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::programme::default_preset;
use uuid::Uuid;

fn main() {
    divan::main();
}

/// A family of five with 200 measures over 20 goals, some of them breaking rules, and a
/// generated schedule.
fn big_plan() -> Plan {
    let mut plan = Plan::default();
    plan.case.age = Some(35);
    plan.case.return_date = NaiveDate::from_ymd_opt(2026, 3, 1);
    plan.needs.summary.psychosocial = "support".into();
    for age in [33, 14, 10, 4] {
        plan.household.push(HouseholdMember {
            age: Some(age),
            returns_with_returnee: true,
            ..Default::default()
        });
    }
    let start = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap_or_default();
    for g in 0..20_u32 {
        let dimension =
            [Dimension::Economic, Dimension::Social, Dimension::Psychosocial][g as usize % 3];
        let mut goal = Goal::new(Uuid::from_u128(u128::from(g)), dimension);
        for m in 0..10_u32 {
            let i = g * 10 + m;
            let types: Vec<_> = MeasureType::for_dimension(dimension).collect();
            goal.measures.push(Measure {
                id: Uuid::from_u128(u128::from(1000 + i)),
                measure_type: Some(types[i as usize % types.len()]),
                description: format!("measure {i}"),
                term: if i % 4 == 0 { Term::Immediate } else { Term::LongerTerm },
                start_date: Some(start + chrono::Days::new(u64::from(i * 2))),
                estimated_cost: Some(Money::new(i64::from(i) * 1_337, CurrencyCode::eur())),
                modality: if i % 17 == 0 { Modality::Cash } else { Modality::InKind },
                ..Default::default()
            });
        }
        plan.goals.push(goal);
    }
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default();
    let mut next = 0_u128;
    plan.budget.tranches = generate_tranches(&plan, &default_preset(), today, &mut || {
        next += 1;
        Uuid::from_u128(next)
    });
    plan
}

#[divan::bench]
fn guidance_200_measures(bencher: divan::Bencher) {
    let plan = big_plan();
    let config = default_preset();
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap_or_default();
    assert_eq!(plan.measures().count(), 200);
    bencher.bench(|| guidance(divan::black_box(&plan), divan::black_box(&config), today));
}

#[divan::bench]
fn parse_default_preset() -> usize {
    homeward_plan::programme::presets().len()
}
