//! The budget rules with the figures of real presets: entitlements, allocation, every finding
//! (a plan that triggers it and one that does not), tranches, follow-up and local currency.

use chrono::NaiveDate;
use homeward_plan::budget::{
    Guidance, LineKind, allocations, follow_up_schedule, generate_follow_ups, generate_tranches,
    guidance, remove_tranche, set_tranche_amount, split_tranche, sync_tranches, to_local,
    to_programme,
};
use homeward_plan::catalogue::{BudgetArea, MeasureType};
use homeward_plan::finding::{Param, Severity};
use homeward_plan::model::{
    ContactKind, Dimension, FundingSource, Goal, HouseholdMember, Measure, MeasureStatus, Modality,
    Package, Plan, Term, Tranche, Vulnerability,
};
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::programme::{
    DecimalRate, LocalCurrency, ProgrammeConfig, TrancheRule, TrancheShare, preset,
};
use uuid::Uuid;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn eur(minor: i64) -> Money {
    Money::new(minor, CurrencyCode::eur())
}

const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
const RETURN: NaiveDate = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();

/// A returnee aged 35 returning on 1 March 2026 with `adults - 1` more adults and `minors`
/// children aged 14, all returning together.
fn family(adults: u32, minors: u32) -> Plan {
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

fn member(age: u32) -> HouseholdMember {
    HouseholdMember { age: Some(age), returns_with_returnee: true, ..Default::default() }
}

fn measure(term: Term, measure_type: MeasureType, cost: i64, modality: Modality) -> Measure {
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
fn add(plan: &mut Plan, dimension: Dimension, measure: Measure) -> String {
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

fn ids() -> impl FnMut() -> Uuid {
    let mut next = 0_u128;
    move || {
        next += 1;
        Uuid::from_u128(next)
    }
}

fn codes(g: &Guidance) -> Vec<&'static str> {
    g.findings.iter().map(|f| f.code).collect()
}

/// The findings of the rules, leaving out the reminder that no schedule has been made yet.
fn rule_codes(g: &Guidance) -> Vec<&'static str> {
    g.findings.iter().map(|f| f.code).filter(|c| *c != "tranches_missing").collect()
}

fn has(g: &Guidance, code: &str) -> bool {
    g.findings.iter().any(|f| f.code == code)
}

fn only<'a>(g: &'a Guidance, code: &str) -> &'a homeward_plan::finding::Finding {
    let found: Vec<_> = g.findings_with(code).collect();
    assert_eq!(found.len(), 1, "expected one {code}, got {:?}", g.findings);
    found[0]
}

fn eurp() -> ProgrammeConfig {
    preset("eurp_voluntary").unwrap()
}

fn available(g: &Guidance, package: Package) -> Option<i64> {
    g.package(package).unwrap().available.as_ref().map(|m| m.amount_minor)
}

// --- Entitlement -------------------------------------------------------------------------

#[test]
fn eurp_family_of_two_adults_and_three_minors() {
    let g = guidance(&family(2, 3), &eurp(), TODAY);
    // €2,000 × 2 + €1,000 × 3 = €7,000 longer-term, in kind only.
    assert_eq!(available(&g, Package::LongerTerm), Some(700_000));
    let longer = g.package(Package::LongerTerm).unwrap();
    assert_eq!(longer.cash_limit, Some(eur(0)));
    assert_eq!(longer.entitlement.lines.len(), 2);
    assert_eq!(longer.entitlement.lines[0].kind, LineKind::Adult);
    assert_eq!(longer.entitlement.lines[0].count, 2);
    assert_eq!(longer.entitlement.lines[1].kind, LineKind::Minor);
    assert_eq!(longer.entitlement.lines[1].count, 3);
    // €615 × 5 post-arrival, usable within 14 working days of Sunday 1 March 2026.
    assert_eq!(available(&g, Package::ShortTerm), Some(307_500));
    assert_eq!(g.package(Package::ShortTerm).unwrap().use_by, Some(d(2026, 3, 19)));
    assert_eq!(longer.use_by, Some(d(2027, 3, 1)));
    assert_eq!(g.household.len(), 5);
    assert!(g.findings.is_empty(), "{:?}", g.findings);
}

#[test]
fn members_who_stay_behind_do_not_count() {
    let mut plan = family(1, 0);
    plan.household.push(HouseholdMember { age: Some(8), ..Default::default() });
    let g = guidance(&plan, &eurp(), TODAY);
    assert_eq!(available(&g, Package::LongerTerm), Some(200_000));
}

#[test]
fn age_is_taken_on_the_return_date_or_today() {
    let mut plan = family(1, 0);
    plan.household.push(HouseholdMember {
        date_of_birth: Some(d(2008, 2, 1)),
        returns_with_returnee: true,
        ..Default::default()
    });
    // 18 on the return date: an adult.
    let g = guidance(&plan, &eurp(), TODAY);
    assert_eq!(available(&g, Package::LongerTerm), Some(400_000));
    assert!(g.return_date_set);
    // No return date: counted on today, 15 January 2026, when still 17.
    plan.case.return_date = None;
    let g = guidance(&plan, &eurp(), TODAY);
    assert_eq!(g.reference_date, TODAY);
    assert!(!g.return_date_set);
    assert_eq!(available(&g, Package::LongerTerm), Some(300_000));
}

#[test]
fn netherlands_unaccompanied_child_and_per_person_cash_limit() {
    let nl = preset("nl_avrr_2017").unwrap();
    let mut plan = family(1, 0);
    plan.case.age = Some(16);
    plan.case.vulnerabilities.push(Vulnerability::UnaccompaniedOrSeparatedChild);
    let g = guidance(&plan, &nl, TODAY);
    assert_eq!(available(&g, Package::LongerTerm), Some(280_000));
    assert_eq!(
        g.package(Package::LongerTerm).unwrap().entitlement.lines[0].kind,
        LineKind::UnaccompaniedChild
    );
    assert!(!g.package(Package::ShortTerm).unwrap().offered);
    // A family of two adults and a minor: €1,800 × 2 + €2,800, of which €300 each in cash.
    let g = guidance(&family(2, 1), &nl, TODAY);
    assert_eq!(available(&g, Package::LongerTerm), Some(640_000));
    assert_eq!(g.package(Package::LongerTerm).unwrap().cash_limit, Some(eur(90_000)));
}

#[test]
fn starthilfeplus_children_under_twelve_get_half() {
    let de = preset("de_starthilfeplus").unwrap();
    let mut plan = family(2, 0);
    plan.household.push(member(11));
    plan.household.push(member(12));
    let g = guidance(&plan, &de, TODAY);
    // €1,200 × 2 adults + €600 (11) + €1,200 (12) = €4,200.
    assert_eq!(available(&g, Package::LongerTerm), Some(420_000));
    plan.household.push(member(2));
    // Five people: + €600 + €500 family supplement.
    let g = guidance(&plan, &de, TODAY);
    assert_eq!(available(&g, Package::LongerTerm), Some(530_000));
}

#[test]
fn belgium_reinstallation_premium_and_unknown_reintegration_ceiling() {
    let be = preset("be_fedasil_2022").unwrap();
    let g = guidance(&family(2, 2), &be, TODAY);
    assert_eq!(available(&g, Package::ShortTerm), Some(105_000));
    assert_eq!(available(&g, Package::LongerTerm), None);
    assert_eq!(g.package(Package::LongerTerm).unwrap().remaining, None);
}

// --- Allocation --------------------------------------------------------------------------

#[test]
fn allocation_per_package_dimension_and_modality_with_other_funding_apart() {
    let mut plan = family(1, 0);
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::MicroBusiness, 120_000, Modality::InKind),
    );
    add(
        &mut plan,
        Dimension::Social,
        measure(Term::LongerTerm, MeasureType::Housing, 30_000, Modality::Service),
    );
    add(
        &mut plan,
        Dimension::Social,
        measure(Term::Immediate, MeasureType::Transport, 5_000, Modality::Cash),
    );
    add(
        &mut plan,
        Dimension::Psychosocial,
        measure(Term::LongerTerm, MeasureType::SupportGroups, 2_000, Modality::Service),
    );
    let mut own = measure(Term::LongerTerm, MeasureType::MicroBusiness, 50_000, Modality::InKind);
    own.funding = FundingSource::OwnContribution;
    add(&mut plan, Dimension::Economic, own);
    let mut other = measure(Term::LongerTerm, MeasureType::Education, 7_000, Modality::InKind);
    other.funding = FundingSource::Other;
    add(&mut plan, Dimension::Social, other);
    let mut cancelled = measure(Term::LongerTerm, MeasureType::Housing, 99_000, Modality::InKind);
    cancelled.status = MeasureStatus::Cancelled;
    add(&mut plan, Dimension::Social, cancelled);
    add(
        &mut plan,
        Dimension::Social,
        Measure { description: "no cost yet".into(), ..Default::default() },
    );

    let g = guidance(&plan, &eurp(), TODAY);
    let longer = g.package(Package::LongerTerm).unwrap();
    assert_eq!(longer.allocated, eur(152_000));
    assert_eq!(longer.remaining, Some(eur(48_000)));
    assert_eq!(longer.area(BudgetArea::Economic), 120_000);
    assert_eq!(longer.area(BudgetArea::Social), 30_000);
    assert_eq!(longer.area(BudgetArea::Psychosocial), 2_000);
    assert_eq!(longer.modality(Modality::InKind), 120_000);
    assert_eq!(longer.modality(Modality::Service), 32_000);
    let short = g.package(Package::ShortTerm).unwrap();
    assert_eq!(short.allocated, eur(5_000));
    assert_eq!(short.area(BudgetArea::ImmediateNeeds), 5_000);
    assert_eq!(short.modality(Modality::Cash), 5_000);
    assert_eq!(g.own_contribution, eur(50_000));
    assert_eq!(g.other_funding, eur(7_000));
    assert_eq!(allocations(&plan, &eurp()), [5_000, 152_000]);
}

// --- Findings: each triggered and not -----------------------------------------------------

#[test]
fn over_ceiling() {
    let mut plan = family(2, 3);
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::MicroBusiness, 200_000, Modality::InKind),
    );
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::IncomeGeneratingActivity, 200_000, Modality::InKind),
    );
    add(
        &mut plan,
        Dimension::Social,
        measure(Term::LongerTerm, MeasureType::Housing, 150_000, Modality::InKind),
    );
    add(
        &mut plan,
        Dimension::Social,
        measure(Term::LongerTerm, MeasureType::Education, 100_000, Modality::InKind),
    );
    add(
        &mut plan,
        Dimension::Social,
        measure(Term::LongerTerm, MeasureType::MedicalCare, 50_000, Modality::InKind),
    );
    let at_ceiling = guidance(&plan, &eurp(), TODAY);
    assert!(!has(&at_ceiling, "over_ceiling"), "€7,000 of €7,000 is allowed");
    assert_eq!(at_ceiling.package(Package::LongerTerm).unwrap().remaining, Some(eur(0)));

    plan.goals[1].measures[2].estimated_cost = Some(eur(50_001));
    let over = guidance(&plan, &eurp(), TODAY);
    let f = only(&over, "over_ceiling");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.path, "/budget");
    assert_eq!(f.param("package"), Some(&Param::Text("longer_term".into())));
    assert_eq!(f.param("allocated"), Some(&Param::Money(eur(700_001))));
    assert_eq!(f.param("available"), Some(&Param::Money(eur(700_000))));
    assert_eq!(f.param("excess"), Some(&Param::Money(eur(1))));
    assert_eq!(over.package(Package::LongerTerm).unwrap().remaining, Some(eur(-1)));
}

#[test]
fn cash_not_allowed_in_eurp_longer_term() {
    let mut plan = family(1, 0);
    let path = add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::MicroBusiness, 100_000, Modality::Cash),
    );
    let g = guidance(&plan, &eurp(), TODAY);
    let f = only(&g, "cash_not_allowed");
    assert_eq!(f.path, format!("{path}/modality"));
    assert_eq!(f.param("package"), Some(&Param::Text("longer_term".into())));
    assert_eq!(f.param("cost"), Some(&Param::Money(eur(100_000))));

    plan.goals[0].measures[0].modality = Modality::InKind;
    assert!(!has(&guidance(&plan, &eurp(), TODAY), "cash_not_allowed"));
    // A measure of type cash is cash whatever modality is chosen: "in kind" does not hide it.
    let mut plan = family(1, 0);
    let path = add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::Cash, 30_000, Modality::InKind),
    );
    let g = guidance(&plan, &eurp(), TODAY);
    let f = only(&g, "cash_not_allowed");
    assert_eq!(f.path, format!("{path}/measure_type"), "the type is what to change");
    assert_eq!(g.package(Package::LongerTerm).unwrap().modality(Modality::Cash), 30_000);
    assert_eq!(g.package(Package::LongerTerm).unwrap().modality(Modality::InKind), 0);
    // Cash is allowed in the post-arrival package.
    let mut plan = family(1, 0);
    add(
        &mut plan,
        Dimension::Social,
        measure(Term::Immediate, MeasureType::Cash, 20_000, Modality::Cash),
    );
    assert!(rule_codes(&guidance(&plan, &eurp(), TODAY)).is_empty());
}

#[test]
fn over_cash_limit() {
    let nl = preset("nl_avrr_2017").unwrap();
    let mut plan = family(1, 0);
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::MicroBusiness, 30_000, Modality::Cash),
    );
    assert!(!has(&guidance(&plan, &nl, TODAY), "over_cash_limit"));
    plan.goals[0].measures[0].estimated_cost = Some(eur(30_001));
    let g = guidance(&plan, &nl, TODAY);
    let f = only(&g, "over_cash_limit");
    assert_eq!(f.param("cash"), Some(&Param::Money(eur(30_001))));
    assert_eq!(f.param("limit"), Some(&Param::Money(eur(30_000))));
    assert_eq!(f.param("excess"), Some(&Param::Money(eur(1))));
    // A second returning person doubles the limit.
    plan.household.push(member(30));
    assert!(!has(&guidance(&plan, &nl, TODAY), "over_cash_limit"));
}

#[test]
fn modality_not_allowed() {
    let mut plan = family(1, 0);
    let path = add(
        &mut plan,
        Dimension::Social,
        measure(Term::LongerTerm, MeasureType::Housing, 10_000, Modality::Voucher),
    );
    let g = guidance(&plan, &eurp(), TODAY);
    let f = only(&g, "modality_not_allowed");
    assert_eq!(f.path, format!("{path}/modality"));
    assert_eq!(f.param("modality"), Some(&Param::Text("voucher".into())));
    plan.goals[0].measures[0].modality = Modality::Service;
    assert!(!has(&guidance(&plan, &eurp(), TODAY), "modality_not_allowed"));
}

#[test]
fn cost_outside_the_guidance_range() {
    let mut plan = family(1, 0);
    // EURP's indicative range for a micro-business: €500 to €2,000.
    let path = add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::MicroBusiness, 30_000, Modality::InKind),
    );
    let g = guidance(&plan, &eurp(), TODAY);
    let f = only(&g, "cost_below_guidance");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.path, format!("{path}/estimated_cost"));
    assert_eq!(f.param("measure_type"), Some(&Param::Text("micro_business".into())));
    assert_eq!(f.param("min"), Some(&Param::Money(eur(50_000))));
    assert_eq!(f.param("max"), Some(&Param::Money(eur(200_000))));

    plan.goals[0].measures[0].estimated_cost = Some(eur(50_000));
    assert!(rule_codes(&guidance(&plan, &eurp(), TODAY)).is_empty());
    plan.goals[0].measures[0].estimated_cost = Some(eur(200_000));
    assert!(rule_codes(&guidance(&plan, &eurp(), TODAY)).is_empty());

    // Above the range: also checked for the returnee's own contribution.
    plan.goals[0].measures[0].estimated_cost = Some(eur(200_001));
    plan.goals[0].measures[0].funding = FundingSource::OwnContribution;
    let g = guidance(&plan, &eurp(), TODAY);
    assert_eq!(codes(&g), ["cost_above_guidance"]);
}

#[test]
fn measure_dated_after_the_budget_period() {
    let mut plan = family(1, 0);
    let mut m =
        measure(Term::LongerTerm, MeasureType::VocationalTraining, 50_000, Modality::Service);
    m.start_date = Some(d(2026, 9, 1));
    m.due_date = Some(d(2027, 3, 1));
    let path = add(&mut plan, Dimension::Economic, m);
    assert!(
        !has(&guidance(&plan, &eurp(), TODAY), "after_budget_period"),
        "the last day is allowed"
    );

    plan.goals[0].measures[0].due_date = Some(d(2027, 3, 2));
    let g = guidance(&plan, &eurp(), TODAY);
    let f = only(&g, "after_budget_period");
    assert_eq!(f.path, format!("{path}/due_date"));
    assert_eq!(f.param("date"), Some(&Param::Date(d(2027, 3, 2))));
    assert_eq!(f.param("use_by"), Some(&Param::Date(d(2027, 3, 1))));

    // A late start with no due date names the start date.
    plan.goals[0].measures[0].due_date = None;
    plan.goals[0].measures[0].start_date = Some(d(2027, 4, 1));
    let g = guidance(&plan, &eurp(), TODAY);
    assert_eq!(only(&g, "after_budget_period").path, format!("{path}/start_date"));

    // Post-arrival help within 14 working days.
    let mut plan = family(1, 0);
    let mut m =
        measure(Term::Immediate, MeasureType::TemporaryAccommodation, 20_000, Modality::InKind);
    m.start_date = Some(d(2026, 3, 19));
    add(&mut plan, Dimension::Social, m);
    assert!(!has(&guidance(&plan, &eurp(), TODAY), "after_budget_period"));
    plan.goals[0].measures[0].start_date = Some(d(2026, 3, 20));
    assert!(has(&guidance(&plan, &eurp(), TODAY), "after_budget_period"));
}

#[test]
fn dimension_with_needs_but_nothing_planned() {
    let mut plan = family(1, 0);
    plan.needs.summary.social = "Needs a place to live".into();
    let g = guidance(&plan, &eurp(), TODAY);
    let f = only(&g, "dimension_not_planned");
    assert_eq!(f.path, "/needs/summary/social");
    assert_eq!(f.param("dimension"), Some(&Param::Text("social".into())));

    let mut cancelled = measure(Term::LongerTerm, MeasureType::Housing, 10_000, Modality::InKind);
    cancelled.status = MeasureStatus::Cancelled;
    add(&mut plan, Dimension::Social, cancelled);
    assert!(has(&guidance(&plan, &eurp(), TODAY), "dimension_not_planned"));

    // Any measure counts as planned, even one without a cost yet.
    add(
        &mut plan,
        Dimension::Social,
        Measure { description: "find a room".into(), ..Default::default() },
    );
    assert!(!has(&guidance(&plan, &eurp(), TODAY), "dimension_not_planned"));
    // Blank needs ask for nothing.
    plan.needs.summary.economic = "   ".into();
    assert!(!has(&guidance(&plan, &eurp(), TODAY), "dimension_not_planned"));
}

fn tranche(package: Package, date: NaiveDate, amount: i64) -> Tranche {
    Tranche::new(Uuid::nil(), package, date, eur(amount))
}

#[test]
fn tranche_dated_before_the_return_date() {
    let mut plan = family(1, 0);
    add(
        &mut plan,
        Dimension::Social,
        measure(Term::Immediate, MeasureType::Transport, 5_000, Modality::Cash),
    );
    plan.budget.tranches = vec![tranche(Package::ShortTerm, d(2026, 2, 28), 5_000)];
    let g = guidance(&plan, &eurp(), TODAY);
    let f = only(&g, "tranche_before_return");
    assert_eq!(f.path, "/budget/tranches/0/date");
    assert_eq!(f.param("return_date"), Some(&Param::Date(RETURN)));
    plan.budget.tranches[0].date = RETURN;
    assert!(guidance(&plan, &eurp(), TODAY).findings.is_empty());
    // Without a return date there is nothing to be before.
    plan.budget.tranches[0].date = d(2025, 1, 1);
    plan.case.return_date = None;
    assert!(!has(&guidance(&plan, &eurp(), TODAY), "tranche_before_return"));
}

#[test]
fn tranche_dated_after_the_budget_period() {
    let mut plan = family(1, 0);
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::MicroBusiness, 100_000, Modality::InKind),
    );
    plan.budget.tranches = vec![tranche(Package::LongerTerm, d(2027, 3, 1), 100_000)];
    assert!(guidance(&plan, &eurp(), TODAY).findings.is_empty());
    plan.budget.tranches[0].date = d(2027, 3, 2);
    let g = guidance(&plan, &eurp(), TODAY);
    assert_eq!(only(&g, "tranche_after_budget_period").path, "/budget/tranches/0/date");
}

#[test]
fn tranches_that_do_not_add_up() {
    let mut plan = family(1, 0);
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::MicroBusiness, 100_000, Modality::InKind),
    );
    let g = guidance(&plan, &eurp(), TODAY);
    let missing = only(&g, "tranches_missing");
    assert_eq!(missing.severity, Severity::Info);
    assert_eq!(missing.param("allocated"), Some(&Param::Money(eur(100_000))));

    plan.budget.tranches = generate_tranches(&plan, &eurp(), TODAY, &mut ids());
    assert!(guidance(&plan, &eurp(), TODAY).findings.is_empty());

    plan.goals[0].measures[0].estimated_cost = Some(eur(120_000));
    let g = guidance(&plan, &eurp(), TODAY);
    let f = only(&g, "tranches_mismatch");
    assert_eq!(f.path, "/budget/tranches");
    assert_eq!(f.param("tranches_total"), Some(&Param::Money(eur(100_000))));
    assert_eq!(f.param("allocated"), Some(&Param::Money(eur(120_000))));
    assert_eq!(f.param("difference"), Some(&Param::Money(eur(-20_000))));

    plan.budget.tranches = sync_tranches(&plan, &eurp(), TODAY, &mut ids());
    assert!(guidance(&plan, &eurp(), TODAY).findings.is_empty());
}

#[test]
fn costs_in_another_currency_are_not_counted() {
    let mut plan = family(1, 0);
    let mut m = measure(Term::LongerTerm, MeasureType::MicroBusiness, 100_000, Modality::InKind);
    m.estimated_cost = Some(Money::new(100_000, CurrencyCode::new("USD").unwrap()));
    add(&mut plan, Dimension::Economic, m);
    let g = guidance(&plan, &eurp(), TODAY);
    // The sum would mix currencies; `validate` names the cost (`currency_mismatch`).
    assert_eq!(g.package(Package::LongerTerm).unwrap().allocated, eur(0));
    assert!(g.findings.is_empty());
    plan.goals[0].measures[0].estimated_cost = Some(eur(100_000));
    let g = guidance(&plan, &eurp(), TODAY);
    assert_eq!(g.package(Package::LongerTerm).unwrap().allocated, eur(100_000));
}

#[test]
fn plan_costed_in_another_currency_than_the_programme() {
    let mut plan = family(1, 0);
    plan.budget.currency = CurrencyCode::new("XOF").unwrap();
    let g = guidance(&plan, &eurp(), TODAY);
    let f = only(&g, "plan_currency_not_programme");
    assert_eq!(f.path, "/budget/currency");
    assert_eq!(f.param("currency"), Some(&Param::Text("XOF".into())));
    assert_eq!(f.param("expected"), Some(&Param::Text("EUR".into())));
    plan.budget.currency = CurrencyCode::eur();
    assert!(guidance(&plan, &eurp(), TODAY).findings.is_empty());
}

#[test]
fn package_the_programme_does_not_offer() {
    let de = preset("de_starthilfeplus").unwrap();
    let mut plan = family(1, 0);
    let path = add(
        &mut plan,
        Dimension::Social,
        measure(Term::Immediate, MeasureType::Transport, 5_000, Modality::Cash),
    );
    let g = guidance(&plan, &de, TODAY);
    let f = only(&g, "package_not_offered");
    assert_eq!(f.path, format!("{path}/term"));
    assert!(!has(&g, "over_ceiling"));
    plan.goals[0].measures[0].term = Term::LongerTerm;
    assert!(!has(&guidance(&plan, &de, TODAY), "package_not_offered"));
}

#[test]
fn unknown_ceiling_is_said_not_checked() {
    let be = preset("be_fedasil_2022").unwrap();
    let mut plan = family(1, 0);
    assert!(!has(&guidance(&plan, &be, TODAY), "ceiling_unknown"), "nothing allocated yet");
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::MicroBusiness, 200_000, Modality::InKind),
    );
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::MicroBusiness, 200_000, Modality::InKind),
    );
    let g = guidance(&plan, &be, TODAY);
    assert_eq!(only(&g, "ceiling_unknown").severity, Severity::Info);
    assert!(!has(&g, "over_ceiling"));
}

#[test]
fn negative_costs_and_tranches_are_not_counted() {
    // `validate` reports them (`amount_negative`); the budget leaves them out of every sum.
    let mut plan = family(1, 0);
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::JobPlacement, -5, Modality::InKind),
    );
    let g = guidance(&plan, &eurp(), TODAY);
    assert!(g.findings.is_empty());
    assert_eq!(g.package(Package::LongerTerm).unwrap().allocated, eur(0));
    plan.budget.tranches = vec![tranche(Package::LongerTerm, RETURN, -1)];
    let g = guidance(&plan, &eurp(), TODAY);
    assert_eq!(g.package(Package::LongerTerm).unwrap().tranche_count, 0, "never in a total");
    assert!(g.findings.is_empty(), "{:?}", g.findings);
    let refused = homeward_plan::validate::validate(&plan, TODAY);
    assert!(
        refused
            .iter()
            .any(|f| f.code == "amount_negative" && f.path == "/budget/tranches/0/amount")
    );
    plan.budget.tranches[0].amount = Money::new(5, CurrencyCode::new("USD").unwrap());
    let g = guidance(&plan, &eurp(), TODAY);
    assert_eq!(g.package(Package::LongerTerm).unwrap().tranche_count, 0);
    assert!(g.findings.is_empty());
}

#[test]
fn unknown_ages_are_pointed_out() {
    let mut plan = family(1, 0);
    plan.case.age = None;
    plan.household.push(HouseholdMember { returns_with_returnee: true, ..Default::default() });
    plan.household.push(HouseholdMember { returns_with_returnee: false, ..Default::default() });
    let g = guidance(&plan, &eurp(), TODAY);
    assert_eq!(codes(&g), ["returnee_age_unknown", "member_age_unknown"]);
    assert_eq!(g.findings[0].path, "/case/date_of_birth");
    assert_eq!(g.findings[1].path, "/household/0/date_of_birth");
    assert_eq!(g.findings[1].param("member"), Some(&Param::Number(1)));
    // Counted as adults meanwhile.
    assert_eq!(available(&g, Package::LongerTerm), Some(400_000));
}

// --- Tranches ----------------------------------------------------------------------------

#[test]
fn eurp_tranches_follow_measure_starts_and_add_up() {
    let mut plan = family(2, 3);
    let mut a = measure(Term::LongerTerm, MeasureType::MicroBusiness, 150_000, Modality::InKind);
    a.start_date = Some(d(2026, 5, 1));
    let mut b =
        measure(Term::LongerTerm, MeasureType::VocationalTraining, 40_001, Modality::Service);
    b.start_date = Some(d(2026, 4, 1));
    let mut c = measure(Term::LongerTerm, MeasureType::Housing, 60_000, Modality::InKind);
    c.start_date = Some(d(2026, 5, 1));
    let mut early = measure(Term::LongerTerm, MeasureType::Education, 10_000, Modality::InKind);
    early.start_date = Some(d(2026, 1, 1));
    add(&mut plan, Dimension::Economic, a);
    add(&mut plan, Dimension::Economic, b);
    add(&mut plan, Dimension::Social, c);
    add(&mut plan, Dimension::Social, early);
    add(
        &mut plan,
        Dimension::Social,
        measure(Term::Immediate, MeasureType::Transport, 3_000, Modality::Cash),
    );
    let tranches = generate_tranches(&plan, &eurp(), TODAY, &mut ids());
    let summary: Vec<_> =
        tranches.iter().map(|t| (t.package, t.date, t.amount.amount_minor)).collect();
    assert_eq!(
        summary,
        [
            (Package::ShortTerm, RETURN, 3_000),
            // Nothing is bought before the return: the early start buys on the return date.
            (Package::LongerTerm, RETURN, 10_000),
            (Package::LongerTerm, d(2026, 4, 1), 40_001),
            (Package::LongerTerm, d(2026, 5, 1), 210_000),
        ]
    );
    assert_eq!(tranches[3].purpose, "micro_business 150000; housing 60000");
    assert!(tranches.iter().all(|t| !t.paid));
    let ids: Vec<_> = tranches.iter().map(|t| t.id).collect();
    assert_eq!(ids, (1..=4).map(Uuid::from_u128).collect::<Vec<_>>());
}

#[test]
fn starthilfeplus_pays_two_halves_six_months_apart_with_the_odd_cent_last() {
    let de = preset("de_starthilfeplus").unwrap();
    let mut plan = family(1, 0);
    plan.case.return_date = Some(d(2026, 8, 31));
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::IncomeGeneratingActivity, 120_001, Modality::Cash),
    );
    let tranches = generate_tranches(&plan, &de, TODAY, &mut ids());
    let summary: Vec<_> =
        tranches.iter().map(|t| (t.date, t.amount.amount_minor, t.at_departure)).collect();
    // The first half at departure (no departure date yet: on the return date); 31 August + 6
    // months clamps to the end of February.
    assert_eq!(summary, [(d(2026, 8, 31), 60_000, true), (d(2027, 2, 28), 60_001, false)]);

    // With a departure date, the first half falls on it, before the return, and that is not
    // an error; the second half stays counted from the return.
    plan.case.departure_date = Some(d(2026, 8, 28));
    plan.budget.tranches = generate_tranches(&plan, &de, TODAY, &mut ids());
    let dates: Vec<_> = plan.budget.tranches.iter().map(|t| t.date).collect();
    assert_eq!(dates, [d(2026, 8, 28), d(2027, 2, 28)]);
    let g = guidance(&plan, &de, TODAY);
    assert!(!has(&g, "tranche_before_return"), "{:?}", g.findings);
    // The same payment not marked as at departure is one before the return.
    plan.budget.tranches[0].at_departure = false;
    assert!(has(&guidance(&plan, &de, TODAY), "tranche_before_return"));
}

#[test]
fn belgium_pays_the_reinstallation_premium_at_departure() {
    let be = preset("be_fedasil_2022").unwrap();
    let mut plan = family(1, 1);
    plan.case.departure_date = Some(d(2026, 2, 26));
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::Immediate, MeasureType::Cash, 52_500, Modality::Cash),
    );
    plan.budget.tranches = generate_tranches(&plan, &be, TODAY, &mut ids());
    assert_eq!(plan.budget.tranches.len(), 1);
    let premium = &plan.budget.tranches[0];
    assert_eq!((premium.date, premium.at_departure), (d(2026, 2, 26), true));
    assert!(guidance(&plan, &be, TODAY).findings.is_empty());
}

#[test]
fn a_payment_at_departure_dated_after_the_return_is_a_warning() {
    let mut plan = family(1, 0);
    add(
        &mut plan,
        Dimension::Social,
        measure(Term::Immediate, MeasureType::Transport, 5_000, Modality::Cash),
    );
    let late = Tranche { at_departure: true, ..tranche(Package::ShortTerm, d(2026, 3, 2), 5_000) };
    plan.budget.tranches = vec![late];
    let g = guidance(&plan, &eurp(), TODAY);
    let f = only(&g, "departure_payment_after_return");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.path, "/budget/tranches/0/date");
}

#[test]
fn a_return_before_the_rules_took_effect_is_warned() {
    let mut config = eurp();
    config.effective_from = Some(d(2026, 3, 2));
    let mut plan = family(1, 0);
    let g = guidance(&plan, &config, TODAY);
    let f = only(&g, "rules_not_yet_in_effect");
    assert_eq!(f.path, "/case/return_date");
    assert_eq!(f.param("effective_from"), Some(&Param::Date(d(2026, 3, 2))));
    plan.case.return_date = Some(d(2026, 3, 2));
    assert!(!has(&guidance(&plan, &config, TODAY), "rules_not_yet_in_effect"));
}

#[test]
fn line_items_are_the_measures_cost_when_they_have_costs() {
    use homeward_plan::model::LineItem;
    let mut plan = family(1, 0);
    let mut m = measure(Term::LongerTerm, MeasureType::MicroBusiness, 100_000, Modality::InKind);
    let item = |quantity, unit: Option<i64>| LineItem {
        quantity,
        unit_cost: unit.map(eur),
        ..LineItem::default()
    };
    // Items without a cost leave the estimate as the cost.
    m.items = vec![item(2, None)];
    assert_eq!(m.cost(), Some(eur(100_000)));
    m.items = vec![item(2, Some(45_000)), item(1, None), item(3, Some(10_000))];
    assert_eq!(m.cost(), Some(eur(120_000)));
    add(&mut plan, Dimension::Economic, m);
    assert_eq!(allocations(&plan, &eurp()), [0, 120_000]);
    // A total that cannot be counted is no cost rather than a wrong one.
    plan.goals[0].measures[0].items = vec![item(u32::MAX, Some(i64::MAX))];
    assert_eq!(plan.goals[0].measures[0].cost(), None);
}

#[test]
fn a_top_up_counts_once_per_returning_person_with_the_vulnerability() {
    let mut config = eurp();
    config.entitlements.longer_term.as_mut().unwrap().top_ups =
        vec![homeward_plan::programme::TopUp {
            vulnerability: Vulnerability::Disability,
            amount: 50_000,
        }];
    let mut plan = family(1, 2);
    let ceiling = |plan: &Plan| guidance(plan, &config, TODAY).packages[1].available.clone();
    let base = ceiling(&plan).unwrap().amount_minor;
    plan.household[0].vulnerabilities = vec![Vulnerability::Disability, Vulnerability::Disability];
    assert_eq!(ceiling(&plan).unwrap().amount_minor, base + 50_000);
    plan.case.vulnerabilities = vec![Vulnerability::Disability];
    assert_eq!(ceiling(&plan).unwrap().amount_minor, base + 100_000);
    // A member who stays behind does not count.
    plan.household[0].returns_with_returnee = false;
    let without_child = ceiling(&plan).unwrap().amount_minor;
    plan.household[0].vulnerabilities.clear();
    assert_eq!(ceiling(&plan).unwrap().amount_minor, without_child);
}

#[test]
fn shares_split_in_minor_units_with_the_remainder_last() {
    let mut config = eurp();
    config.entitlements.longer_term.as_mut().unwrap().tranches = TrancheRule::Shares {
        parts: vec![
            TrancheShare { after_months: 0, percent: 33, at_departure: false },
            TrancheShare { after_months: 3, percent: 33, at_departure: false },
            TrancheShare { after_months: 6, percent: 34, at_departure: false },
        ],
    };
    let mut plan = family(1, 0);
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::MicroBusiness, 100_001, Modality::InKind),
    );
    let amounts: Vec<_> = generate_tranches(&plan, &config, TODAY, &mut ids())
        .iter()
        .map(|t| t.amount.amount_minor)
        .collect();
    assert_eq!(amounts, [33_000, 33_000, 34_001]);
}

#[test]
fn edits_keep_the_package_total() {
    let de = preset("de_starthilfeplus").unwrap();
    let mut plan = family(1, 0);
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::IncomeGeneratingActivity, 120_000, Modality::Cash),
    );
    let mut tranches = generate_tranches(&plan, &de, TODAY, &mut ids());
    set_tranche_amount(&mut tranches, 0, 100_000).unwrap();
    assert_eq!(
        (tranches[0].amount.amount_minor, tranches[1].amount.amount_minor),
        (100_000, 20_000)
    );
    assert_eq!(
        set_tranche_amount(&mut tranches, 0, 130_000).unwrap_err().code(),
        "partner_too_small"
    );
    assert_eq!(set_tranche_amount(&mut tranches, 0, -1).unwrap_err().code(), "negative_amount");
    assert_eq!(set_tranche_amount(&mut tranches, 9, 1).unwrap_err().code(), "no_such_tranche");
    split_tranche(&mut tranches, 1, d(2026, 12, 1), Uuid::from_u128(99)).unwrap();
    assert_eq!(tranches.len(), 3);
    assert_eq!(tranches[2].amount.amount_minor, 10_000);
    remove_tranche(&mut tranches, 0).unwrap();
    let total: i64 = tranches.iter().map(|t| t.amount.amount_minor).sum();
    assert_eq!(total, 120_000);
    // A paid tranche is never used to balance an edit, and cannot be split.
    tranches[1].paid = true;
    assert_eq!(set_tranche_amount(&mut tranches, 0, 5).unwrap_err().code(), "no_partner");
    let before = tranches.clone();
    assert_eq!(
        split_tranche(&mut tranches, 1, d(2026, 12, 1), Uuid::from_u128(98)).unwrap_err().code(),
        "paid"
    );
    assert_eq!(tranches, before, "a refused split changes nothing");
    plan.budget.tranches = tranches;
    assert!(guidance(&plan, &de, TODAY).findings.is_empty());
}

#[test]
fn sync_keeps_paid_tranches_and_drops_emptied_ones() {
    let mut plan = family(1, 0);
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::MicroBusiness, 100_000, Modality::InKind),
    );
    plan.budget.tranches = vec![
        Tranche { paid: true, ..tranche(Package::LongerTerm, RETURN, 60_000) },
        tranche(Package::LongerTerm, d(2026, 6, 1), 30_000),
        tranche(Package::LongerTerm, d(2026, 7, 1), 10_000),
    ];
    plan.goals[0].measures[0].estimated_cost = Some(eur(75_000));
    let synced = sync_tranches(&plan, &eurp(), TODAY, &mut ids());
    let summary: Vec<_> = synced.iter().map(|t| (t.amount.amount_minor, t.paid)).collect();
    assert_eq!(summary, [(60_000, true), (15_000, false)]);
    plan.goals[0].measures[0].estimated_cost = Some(eur(50_000));
    plan.budget.tranches = sync_tranches(&plan, &eurp(), TODAY, &mut ids());
    // Paid money stays paid: the schedule still exceeds the allocation and the guidance says so.
    assert_eq!(plan.budget.tranches.len(), 1);
    assert!(has(&guidance(&plan, &eurp(), TODAY), "tranches_mismatch"));
}

// --- Follow-up and local currency ---------------------------------------------------------

#[test]
fn follow_up_is_scheduled_from_the_return_date() {
    let schedule = follow_up_schedule(d(2026, 1, 31), &eurp());
    assert_eq!(
        schedule,
        [
            (d(2026, 2, 28), ContactKind::Call),
            (d(2026, 4, 30), ContactKind::Visit),
            (d(2026, 7, 31), ContactKind::Visit),
            (d(2027, 1, 31), ContactKind::Call),
        ]
    );
    let entries = generate_follow_ups(d(2026, 1, 31), &eurp(), &mut ids());
    assert_eq!(entries.len(), 4);
    assert_eq!(entries[2].months_after_return, Some(6));
    assert_eq!(entries[2].due_date, Some(d(2026, 7, 31)));
    assert_eq!(entries[0].id, Uuid::from_u128(1));
}

#[test]
fn local_currency_at_the_fixed_cfa_parity() {
    let mut config = eurp();
    assert_eq!(to_local(&eur(100), &config), None, "no local currency configured");
    let xof = CurrencyCode::new("XOF").unwrap();
    config.local_currency = Some(LocalCurrency {
        currency: xof.clone(),
        rate: DecimalRate::parse("655.957").unwrap(),
        source: "fixed parity".into(),
        as_of: None,
    });
    // €7,000 = 4,591,699 XOF exactly; €615 = 403,413.555 → 403,414 (half away from zero).
    assert_eq!(to_local(&eur(700_000), &config), Some(Money::new(4_591_699, xof.clone())));
    assert_eq!(to_local(&eur(61_500), &config), Some(Money::new(403_414, xof.clone())));
    assert_eq!(to_programme(&Money::new(403_414, xof.clone()), &config), Some(eur(61_500)));
    assert_eq!(
        to_local(&Money::new(1, xof.clone()), &config),
        None,
        "not in the programme's currency"
    );
    assert_eq!(to_programme(&eur(1), &config), None, "not in the local currency");
}
