//! Plans and configurations crafted so that every rule of the domain speaks, for tests: the
//! domain's own (every listed finding code can be produced), and an interface's (every finding
//! it may show has a text that uses the finding's parameters). Behind the `samples` feature;
//! not part of what the app ships.

use chrono::NaiveDate;
use uuid::Uuid;

use crate::assessment::{self, AssessmentConfig};
use crate::budget::guidance;
use crate::catalogue::MeasureType;
use crate::finding::Finding;
use crate::model::*;
use crate::money::{CurrencyCode, Money};
use crate::programme::{self, Figure, ProgrammeConfig};
use crate::protection::{self, Answer, ConcernReview, ProtectionReferral, Question, ReviewOutcome};
use crate::validate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The day the samples are checked on.
pub fn today() -> NaiveDate {
    day(2026, 11, 23)
}

fn eur(major: i64) -> Money {
    Money::major(major, CurrencyCode::eur())
}

fn measure(id: u128, measure_type: Option<MeasureType>, cost: Option<Money>) -> Measure {
    Measure { measure_type, estimated_cost: cost, ..Measure::new(Uuid::from_u128(id)) }
}

/// A plan that breaks every validation rule at least once.
fn invalid_plan() -> Plan {
    let mut plan = Plan::default();
    plan.case.age = Some(130);
    plan.case.country_of_return = "sn".into();
    plan.case.languages = vec!["english language".into()];
    plan.case.return_date = Some(day(2010, 1, 1));
    plan.case.return_date_is_planned = true;
    plan.case.debts = vec![Debt {
        id: Uuid::from_u128(1),
        amount: eur(-5),
        creditor: String::new(),
        pressure_to_repay: PressureLevel::High,
        private: false,
        withheld: None,
    }];
    plan.household = vec![HouseholdMember {
        id: Uuid::from_u128(2),
        date_of_birth: Some(day(2030, 1, 1)),
        ..Default::default()
    }];
    plan.needs.assessment = Some(AssessmentRecord {
        baseline: assessment::Scores { economic: Some(150), ..Default::default() },
        ..Default::default()
    });
    let mut goal = Goal::new(Uuid::from_u128(3), Dimension::Economic);
    let mut housing = measure(4, Some(MeasureType::Housing), Some(eur(2_000_000)));
    housing.start_date = Some(day(2026, 12, 10));
    housing.due_date = Some(day(2026, 12, 1));
    housing.provider = "Caritas".into();
    let usd = CurrencyCode::new("USD").unwrap_or_else(|_| CurrencyCode::eur());
    goal.measures = vec![
        measure(5, None, None),
        housing,
        measure(6, Some(MeasureType::JobPlacement), Some(Money::major(10, usd))),
        measure(6, Some(MeasureType::JobPlacement), None),
    ];
    plan.goals = vec![goal, Goal::new(Uuid::from_u128(7), Dimension::Social)];
    plan.referrals = vec![Referral {
        id: Uuid::from_u128(8),
        measure_id: Some(Uuid::from_u128(99)),
        ..Default::default()
    }];
    plan.marked_for_partner_export = true;
    // Leaving after the return, a delivery recorded for a day still to come, a payment for a
    // measure the plan does not hold.
    plan.case.departure_date = Some(day(2010, 2, 1));
    if let Some(m) = plan.goals.first_mut().and_then(|g| g.measures.first_mut()) {
        m.delivered_on = Some(day(2027, 1, 1));
    }
    let mut payment = Tranche::new(Uuid::from_u128(9), Package::ShortTerm, day(2026, 1, 1), eur(0));
    payment.measure_ids = vec![Uuid::from_u128(98)];
    plan.budget.tranches = vec![payment];
    // Closed though never signed.
    plan.closed_on = Some(day(2026, 1, 2));
    plan
}

/// A household returning on `return_date`, ages unknown, with needs written for every
/// dimension but goals only in two.
fn budget_plan() -> Plan {
    let mut plan = Plan::default();
    plan.case.return_date = Some(day(2026, 12, 1));
    plan.household = vec![HouseholdMember {
        id: Uuid::from_u128(20),
        returns_with_returnee: true,
        ..Default::default()
    }];
    plan.needs.summary.psychosocial = "Sleeps badly.".into();
    let mut economic = Goal::new(Uuid::from_u128(21), Dimension::Economic);
    let mut cash_longer = measure(22, Some(MeasureType::MicroBusiness), Some(eur(9_000)));
    cash_longer.term = Term::LongerTerm;
    cash_longer.modality = Modality::Cash;
    let mut voucher_longer = measure(23, Some(MeasureType::VocationalTraining), Some(eur(100)));
    voucher_longer.term = Term::LongerTerm;
    voucher_longer.modality = Modality::Voucher;
    voucher_longer.due_date = Some(day(2029, 6, 1));
    let mut cash_now = measure(24, Some(MeasureType::Cash), Some(eur(600)));
    cash_now.modality = Modality::Cash;
    economic.measures = vec![cash_longer, voucher_longer, cash_now];
    let mut social = Goal::new(Uuid::from_u128(25), Dimension::Social);
    let mut housing = measure(26, Some(MeasureType::Housing), Some(eur(1)));
    housing.term = Term::LongerTerm;
    housing.modality = Modality::InKind;
    social.measures = vec![housing];
    plan.goals = vec![economic, social];
    let tranche = |id: u128, package: Package, date: NaiveDate, major: i64| {
        Tranche::new(Uuid::from_u128(id), package, date, eur(major))
    };
    // A payment at departure dated after the return.
    let late_departure =
        Tranche { at_departure: true, ..tranche(32, Package::ShortTerm, day(2026, 12, 5), 0) };
    plan.budget.tranches = vec![
        tranche(30, Package::LongerTerm, day(2026, 11, 1), 10),
        tranche(31, Package::LongerTerm, day(2029, 1, 1), 10),
        late_departure,
    ];
    plan
}

fn with_short_term_cash_limit(mut config: ProgrammeConfig) -> ProgrammeConfig {
    if let Some(rules) = config.entitlements.short_term.as_mut() {
        rules.cash_limit = Some(programme::CashLimit { per_person: None, total: Some(10_000) });
    }
    config
}

/// Findings of every code of [`finding::codes`](crate::finding::codes), from the rules run on
/// the plans and configurations above, as of [`today`].
pub fn findings_of_every_code() -> Vec<Finding> {
    let config = programme::default_preset();
    let mut out = validate::validate(&invalid_plan(), today());
    out.extend(validate::missing_for_completeness(&Plan::default()));
    out.extend(validate::missing_for_completeness(&invalid_plan()));

    let plan = budget_plan();
    out.extend(guidance(&plan, &config, today()).findings);
    out.extend(guidance(&plan, &with_short_term_cash_limit(config.clone()), today()).findings);
    let mut no_short_term = config.clone();
    no_short_term.entitlements.short_term = None;
    out.extend(guidance(&plan, &no_short_term, today()).findings);
    let mut unknown_ceiling = config.clone();
    if let Some(rules) = unknown_ceiling.entitlements.longer_term.as_mut() {
        rules.per_adult = Figure::Unknown;
    }
    out.extend(guidance(&plan, &unknown_ceiling, today()).findings);
    let mut other_currency = plan.clone();
    other_currency.budget.currency =
        CurrencyCode::new("USD").unwrap_or_else(|_| CurrencyCode::eur());
    out.extend(guidance(&other_currency, &config, today()).findings);
    let mut recorded = plan.clone();
    recorded.programme_id = config.id.clone();
    let mut record = crate::budget::budget_record(&recorded, &config);
    if let Some(p) = record.packages.first_mut() {
        p.allocated.amount_minor += 1;
    }
    out.extend(crate::budget::check_record(&record, &recorded, Some(&config), "/b"));
    recorded.programme_id = "unknown_programme".into();
    out.extend(crate::budget::check_record(&record, &recorded, None, "/b"));
    let mut balanced = plan;
    balanced.budget.tranches.clear();
    out.extend(guidance(&balanced, &config, today()).findings);
    let mut later_rules = config.clone();
    later_rules.effective_from = Some(day(2027, 1, 1));
    out.extend(guidance(&balanced, &later_rules, today()).findings);

    let check = AssessmentConfig::indicative_default();
    let mut answers = assessment::Answers::new();
    answers.insert("no_such_question".into(), 1);
    if let Some(q) = check.questions.first() {
        answers.insert(q.id.clone(), 99);
    }
    out.extend(assessment::check_answers(&check, &answers, "/needs/assessment/answers"));
    let mut broken = check.clone();
    broken.scale.labels.insert("en".into(), vec!["Only one".into()]);
    if let Some(mut q) = broken.questions.first().cloned() {
        q.text.clear();
        broken.questions.push(q);
    }
    out.extend(broken.check("/assessment"));
    broken.scale.max = broken.scale.min;
    out.extend(broken.check("/assessment"));
    out.extend(protection_findings_of_every_kind());
    out
}

/// A screening that raises every protection finding, and a return to restricted places.
fn protection_findings_of_every_kind() -> Vec<Finding> {
    let mut plan = invalid_plan();
    let review = |outcome| ConcernReview {
        reviewed_by: "K.".into(),
        reviewed_on: Some(today()),
        outcome: Some(outcome),
        note: String::new(),
    };
    let p = &mut plan.protection;
    p.threat_on_return.answer = Answer::Yes;
    p.fear_of_persecution.answer = Answer::Yes;
    p.fear_of_persecution.review = review(ReviewOutcome::Proceed);
    p.risk_of_exploitation.answer = Answer::Yes;
    p.risk_of_exploitation.review = review(ReviewOutcome::Stop);
    p.referrals.push(ProtectionReferral::new(Uuid::from_u128(40), Question::ThreatOnReturn));
    p.referrals.push(ProtectionReferral::new(Uuid::from_u128(41), Question::RiskOfExploitation));
    plan.signatures.returnee =
        Some(Signature { method: SignatureMethod::Typed { name: "A".into() }, signed_on: today() });
    plan.case.vulnerabilities =
        vec![Vulnerability::SeriousHealthCondition, Vulnerability::SurvivorOfTraffickingOrViolence];
    plan.case.age = Some(15);
    let mut out = protection::protection_findings(&plan, today());
    plan.case.country_of_return = "ML".into();
    plan.case.region = "Mopti".into();
    plan.protection = Default::default();
    plan.protection.creditor_threats.answer = Answer::Yes;
    out.extend(protection::protection_findings(&plan, today()));
    plan.protection.threatening_debt_id = plan.case.debts.first().map(|d| d.id);
    if let Some(d) = plan.case.debts.first_mut() {
        d.pressure_to_repay = PressureLevel::Low;
    }
    out.extend(protection::protection_findings(&plan, today()));
    let restriction = |level, region: Option<&str>| programme::ReturnRestriction {
        country: "ML".into(),
        region: region.map(str::to_owned),
        level,
        since: today(),
        source: "A source".into(),
    };
    use programme::RestrictionLevel::{Limited, Suspended};
    let restrictions = [
        restriction(Suspended, None),
        restriction(Limited, None),
        restriction(Suspended, Some("Mopti")),
        restriction(Limited, Some("mopti")),
    ];
    out.extend(protection::restriction_findings(&plan, &restrictions));
    out
}
