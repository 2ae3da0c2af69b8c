//! The budget guidance's findings with the figures of real presets: each triggered and not (a
//! plan that triggers it and one that does not). Those of the payment schedule are in
//! `budget_schedule.rs`.

#[path = "budget/helpers.rs"]
mod helpers;

use homeward_plan::budget::guidance;
use homeward_plan::catalogue::MeasureType;
use homeward_plan::finding::{Param, Severity};
use homeward_plan::model::{
    Dimension, FundingSource, HouseholdMember, Measure, MeasureStatus, Modality, Package, Term,
};
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::programme::preset;

use helpers::{
    RETURN, TODAY, add, available, codes, d, eur, eurp, family, has, measure, member, only,
    rule_codes, tranche,
};

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
