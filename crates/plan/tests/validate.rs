//! One test per validation rule: a plan that breaks it and one that does not.

mod common;

use common::{date, eur, id, today};
use homeward_plan::catalogue::MeasureType;
use homeward_plan::finding::{Finding, Param, Severity};
use homeward_plan::model::*;
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::protection::{Answer, Question};
use homeward_plan::validate::{completeness, missing_for_completeness, validate};

/// A valid plan with one goal and one typed measure to break. The safety screening is done
/// (every answer no), so its own rules (`tests/protection.rs`) stay out of these tests.
fn base() -> Plan {
    let mut plan = common::minimal_plan();
    for q in Question::ALL {
        plan.protection.answer_mut(q).answer = Answer::No;
    }
    let mut goal = Goal::new(id(2), Dimension::Economic);
    let mut m = Measure::new(id(3));
    m.measure_type = Some(MeasureType::VocationalTraining);
    goal.measures.push(m);
    plan.goals.push(goal);
    plan
}

fn measure(plan: &mut Plan) -> &mut Measure {
    &mut plan.goals[0].measures[0]
}

fn codes(plan: &Plan) -> Vec<&'static str> {
    validate(plan, today()).into_iter().map(|f| f.code).collect()
}

fn only(plan: &Plan, code: &str) -> Finding {
    let findings = validate(plan, today());
    let matching: Vec<_> = findings.iter().filter(|f| f.code == code).cloned().collect();
    assert_eq!(matching.len(), 1, "expected one {code} in {findings:#?}");
    matching.into_iter().next().unwrap()
}

#[test]
fn base_plan_is_valid() {
    assert_eq!(validate(&base(), today()), Vec::new());
}

#[test]
fn due_before_start() {
    let mut plan = base();
    measure(&mut plan).start_date = Some(date(2026, 12, 1));
    measure(&mut plan).due_date = Some(date(2026, 12, 1));
    assert!(codes(&plan).is_empty(), "same day is fine");
    measure(&mut plan).due_date = Some(date(2026, 11, 30));
    let f = only(&plan, "due_before_start");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.path, "/goals/0/measures/0/due_date");
    assert_eq!(f.param("start"), Some(&Param::Date(date(2026, 12, 1))));
    assert_eq!(f.param("due"), Some(&Param::Date(date(2026, 11, 30))));
}

#[test]
fn return_date_implausible() {
    let mut plan = base();
    for ok in [date(2021, 11, 23), date(2026, 11, 23), date(2028, 11, 23)] {
        plan.case.return_date = Some(ok);
        assert!(codes(&plan).is_empty(), "{ok}");
    }
    for bad in [date(2021, 11, 22), date(2028, 11, 24), date(1970, 1, 1)] {
        plan.case.return_date = Some(bad);
        let f = only(&plan, "return_date_implausible");
        assert_eq!(f.path, "/case/return_date");
        assert_eq!(f.param("return_date"), Some(&Param::Date(bad)));
        assert_eq!(f.param("earliest"), Some(&Param::Date(date(2021, 11, 23))));
        assert_eq!(f.param("latest"), Some(&Param::Date(date(2028, 11, 23))));
    }
}

#[test]
fn planned_return_date_in_the_past() {
    let mut plan = base();
    plan.case.return_date = Some(date(2026, 11, 1));
    plan.case.return_date_is_planned = false;
    assert!(codes(&plan).is_empty());
    plan.case.return_date_is_planned = true;
    assert_eq!(only(&plan, "planned_return_date_past").path, "/case/return_date_is_planned");
    plan.case.return_date = Some(date(2026, 12, 1));
    assert!(codes(&plan).is_empty());
}

#[test]
fn amount_negative() {
    let mut plan = base();
    measure(&mut plan).estimated_cost = Some(eur(0));
    plan.case.debts.push(Debt {
        id: id(9),
        amount: eur(100),
        creditor: String::new(),
        pressure_to_repay: PressureLevel::Low,
        private: false,
        withheld: None,
    });
    assert!(codes(&plan).is_empty());
    measure(&mut plan).estimated_cost = Some(Money::new(-1, CurrencyCode::eur()));
    plan.case.debts[0].amount = eur(-5);
    plan.budget.tranches.push(Tranche::new(
        id(10),
        Package::ShortTerm,
        date(2026, 12, 1),
        eur(-615),
    ));
    let f: Vec<_> =
        validate(&plan, today()).into_iter().filter(|f| f.code == "amount_negative").collect();
    let paths: Vec<_> = f.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        ["/case/debts/0/amount", "/goals/0/measures/0/estimated_cost", "/budget/tranches/0/amount"]
    );
    assert_eq!(f[1].param("amount"), Some(&Param::Money(Money::new(-1, CurrencyCode::eur()))));
    assert!(f.iter().all(|f| f.severity == Severity::Error));
}

#[test]
fn amount_absurd() {
    let mut plan = base();
    measure(&mut plan).estimated_cost = Some(eur(1_000_000));
    assert!(codes(&plan).is_empty());
    measure(&mut plan).estimated_cost = Some(Money::new(100_000_001, CurrencyCode::eur()));
    let f = only(&plan, "amount_absurd");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.param("limit"), Some(&Param::Money(eur(1_000_000))));
    // Beyond what a JSON reader in JavaScript reads exactly: an error in any currency.
    let xof = CurrencyCode::new("XOF").unwrap();
    plan.goals[0].measures[0].estimated_cost = None;
    plan.case.debts.push(Debt {
        id: id(9),
        amount: Money::new(5_000_000_000, xof.clone()),
        creditor: String::new(),
        pressure_to_repay: PressureLevel::High,
        private: false,
        withheld: None,
    });
    assert!(codes(&plan).is_empty(), "a large debt in a local currency is plausible");
    plan.case.debts[0].amount = Money::new(i64::MAX, xof);
    let f = only(&plan, "amount_absurd");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.path, "/case/debts/0/amount");
}

#[test]
fn currency_mismatch() {
    let mut plan = base();
    measure(&mut plan).estimated_cost = Some(Money::new(100, CurrencyCode::new("USD").unwrap()));
    let f = only(&plan, "currency_mismatch");
    assert_eq!(f.path, "/goals/0/measures/0/estimated_cost/currency");
    assert_eq!(f.param("currency"), Some(&Param::Text("USD".into())));
    assert_eq!(f.param("expected"), Some(&Param::Text("EUR".into())));
    measure(&mut plan).estimated_cost = Some(eur(100));
    assert!(codes(&plan).is_empty());
}

#[test]
fn measure_type_missing() {
    let mut plan = base();
    measure(&mut plan).measure_type = None;
    let f = only(&plan, "measure_type_missing");
    assert_eq!(f.path, "/goals/0/measures/0/measure_type");
    assert!(codes(&base()).is_empty());
}

#[test]
fn measure_type_outside_dimension() {
    let mut plan = base();
    measure(&mut plan).measure_type = Some(MeasureType::Transport);
    assert!(codes(&plan).is_empty(), "immediate needs fit any dimension");
    measure(&mut plan).measure_type = Some(MeasureType::Housing);
    let f = only(&plan, "measure_type_outside_dimension");
    assert_eq!(f.param("measure_type"), Some(&Param::Text("housing".into())));
    assert_eq!(f.param("dimension"), Some(&Param::Text("economic".into())));
}

#[test]
fn age_out_of_range() {
    let mut plan = base();
    plan.household.push(HouseholdMember { id: id(5), age: Some(120), ..Default::default() });
    plan.case.age = Some(0);
    assert!(codes(&plan).is_empty());
    plan.household[0].age = Some(121);
    let f = only(&plan, "age_out_of_range");
    assert_eq!(f.path, "/household/0/age");
    assert_eq!(f.param("age"), Some(&Param::Number(121)));
    assert_eq!(f.param("max"), Some(&Param::Number(120)));
    plan.household[0].age = None;
    plan.household[0].date_of_birth = Some(date(1900, 1, 1));
    assert_eq!(only(&plan, "age_out_of_range").path, "/household/0/date_of_birth");
    plan.household[0].date_of_birth = Some(date(1906, 11, 23));
    assert!(codes(&plan).is_empty(), "exactly 120 today");
    plan.case.age = Some(500);
    assert_eq!(only(&plan, "age_out_of_range").path, "/case/age");
}

#[test]
fn date_of_birth_in_future() {
    let mut plan = base();
    plan.case.date_of_birth = Some(today());
    assert!(codes(&plan).is_empty());
    plan.case.date_of_birth = Some(date(2026, 11, 24));
    assert_eq!(only(&plan, "date_of_birth_in_future").path, "/case/date_of_birth");
}

#[test]
fn partner_export_without_consent() {
    let mut plan = base();
    plan.marked_for_partner_export = true;
    let f = only(&plan, "partner_export_without_consent");
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.path, "/consent/share_with_partners");
    plan.consent.share_with_partners = true;
    assert_eq!(
        only(&plan, "partner_export_without_consent").path,
        "/consent/partner_organisations"
    );
    plan.consent.partner_organisations.push("Caritas Sénégal".into());
    assert!(codes(&plan).is_empty());
    plan.marked_for_partner_export = false;
    plan.consent = Consent::default();
    assert!(codes(&plan).is_empty(), "no consent needed when not exporting to a partner");
}

#[test]
fn referral_decision_missing() {
    let mut plan = base();
    measure(&mut plan).provider = "   ".into();
    assert!(codes(&plan).is_empty(), "a blank provider is no provider");
    measure(&mut plan).provider = "Centre de formation".into();
    let f = only(&plan, "referral_decision_missing");
    assert_eq!(f.path, "/goals/0/measures/0/referral_needed");
    assert_eq!(f.param("provider"), Some(&Param::Text("Centre de formation".into())));
    measure(&mut plan).referral_needed = Some(false);
    assert!(codes(&plan).is_empty());
}

#[test]
fn referral_measure_unknown() {
    let mut plan = base();
    plan.referrals.push(Referral { id: id(7), measure_id: Some(id(3)), ..Default::default() });
    assert!(codes(&plan).is_empty());
    plan.referrals[0].measure_id = Some(id(99));
    assert_eq!(only(&plan, "referral_measure_unknown").path, "/referrals/0/measure_id");
}

#[test]
fn duplicate_id() {
    let mut plan = base();
    plan.follow_ups.push(FollowUp { id: id(8), ..Default::default() });
    assert!(codes(&plan).is_empty());
    plan.follow_ups[0].id = id(3);
    let f = only(&plan, "duplicate_id");
    assert_eq!(f.path, "/follow_ups/0/id");
    assert_eq!(f.param("id"), Some(&Param::Text(id(3).to_string())));
}

#[test]
fn country_and_language_codes() {
    let mut plan = base();
    plan.case.country_of_return = "SN".into();
    plan.case.languages = vec!["wo".into(), "fr-SN".into()];
    assert!(codes(&plan).is_empty());
    plan.case.country_of_return = "Senegal".into();
    plan.case.languages.push("French".into());
    assert_eq!(codes(&plan), ["country_code_invalid"], "French is a valid-looking tag");
    plan.case.languages.push("fr_FR".into());
    assert_eq!(only(&plan, "language_code_invalid").path, "/case/languages/3");
}

#[test]
fn score_out_of_range() {
    let mut plan = base();
    let mut record = AssessmentRecord::default();
    record.baseline.social = Some(100);
    plan.needs.assessment = Some(record);
    assert!(codes(&plan).is_empty());
    plan.needs.assessment.as_mut().unwrap().baseline.social = Some(101);
    assert_eq!(only(&plan, "score_out_of_range").path, "/needs/assessment/baseline/social");
}

#[test]
fn completeness_rises_to_100_as_sections_are_filled() {
    let mut plan = base();
    let before = completeness(&plan);
    let missing = missing_for_completeness(&plan);
    assert!(missing.iter().all(|f| f.severity == Severity::Info));
    assert!(
        missing
            .iter()
            .any(|f| f.code == "measure_not_agreed"
                && f.path == "/goals/0/measures/0/returnee_agreed")
    );
    assert!(missing.iter().any(|f| f.code == "goal_missing_in_dimension"
        && f.param("dimension") == Some(&Param::Text("social".into()))));
    assert!(missing.iter().any(|f| f.code == "signature_missing"
        && f.param("signer") == Some(&Param::Text("counsellor".into()))));
    plan.case.case_reference = "X-1".into();
    assert!(completeness(&plan) > before);
    let full = common::full_family_plan();
    assert_eq!(completeness(&full), 100);
    let mut almost = full.clone();
    almost.consent.time_to_consider = false;
    let missing = missing_for_completeness(&almost);
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].code, "consent_incomplete");
    assert_eq!(missing[0].param("item"), Some(&Param::Text("time_to_consider".into())));
    assert!(completeness(&almost) < 100);
}
