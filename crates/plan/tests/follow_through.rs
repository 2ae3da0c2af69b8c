//! One test per check of what a plan records once it is carried out (`validate/follow_through`):
//! a plan that breaks the rule, with the finding at the field, and the same plan mended.

mod common;

use common::{date, eur, id, today};
use homeward_plan::finding::Severity;
use homeward_plan::model::*;
use homeward_plan::progress::{PlanState, plan_state};
use homeward_plan::validate::validate;

/// A plan with one measure, one payment, one referral and one follow-up contact, all clean.
fn base() -> Plan {
    let mut plan = common::minimal_plan();
    plan.case.return_date = Some(date(2026, 10, 1));
    let mut goal = Goal::new(id(2), Dimension::Economic);
    goal.measures.push(Measure::new(id(3)));
    plan.goals.push(goal);
    plan.budget.tranches.push(Tranche::new(id(4), Package::ShortTerm, date(2026, 10, 1), eur(100)));
    plan.referrals.push(Referral { id: id(5), ..Referral::default() });
    plan.follow_ups.push(FollowUp { id: id(6), ..FollowUp::default() });
    plan
}

/// The findings of the follow-through checks' codes, as (code, path, severity).
fn findings(plan: &Plan) -> Vec<(&'static str, String, Severity)> {
    const CODES: &[&str] = &[
        "departure_after_return",
        "date_in_future",
        "score_out_of_range",
        "tranche_measure_unknown",
        "closed_not_agreed",
        "amount_negative",
        "country_code_invalid",
    ];
    validate(plan, today())
        .into_iter()
        .filter(|f| CODES.contains(&f.code))
        .map(|f| (f.code, f.path, f.severity))
        .collect()
}

fn signed(plan: &mut Plan) {
    let sign = |name: &str| Signature {
        method: SignatureMethod::Typed { name: name.into() },
        signed_on: date(2026, 9, 20),
    };
    plan.signatures.returnee = Some(sign("A"));
    plan.signatures.counsellor = Some(sign("B"));
}

#[test]
fn the_base_plan_is_clean() {
    assert_eq!(findings(&base()), []);
}

#[test]
fn departure_after_return() {
    let mut plan = base();
    plan.case.departure_date = Some(date(2026, 10, 1));
    assert_eq!(findings(&plan), [], "leaving on the day of return is possible");
    plan.case.departure_date = Some(date(2026, 10, 2));
    assert_eq!(
        findings(&plan),
        [("departure_after_return", "/case/departure_date".into(), Severity::Error)]
    );
}

#[test]
fn a_day_something_happened_cannot_be_after_today() {
    let tomorrow = today().succ_opt().unwrap();
    let mut plan = base();
    plan.goals[0].measures[0].delivered_on = Some(today());
    plan.budget.tranches[0].paid_on = Some(today());
    plan.referrals[0].outcome_on = Some(today());
    plan.closed_on = Some(today());
    signed(&mut plan);
    assert_eq!(findings(&plan), [], "today is allowed");

    plan.goals[0].measures[0].delivered_on = Some(tomorrow);
    plan.budget.tranches[0].paid_on = Some(tomorrow);
    plan.referrals[0].outcome_on = Some(tomorrow);
    plan.closed_on = Some(tomorrow);
    let paths: Vec<_> = findings(&plan)
        .into_iter()
        .inspect(|(code, _, severity)| {
            assert_eq!((*code, *severity), ("date_in_future", Severity::Error));
        })
        .map(|(_, path, _)| path)
        .collect();
    assert_eq!(
        paths,
        [
            "/goals/0/measures/0/delivered_on",
            "/budget/tranches/0/paid_on",
            "/referrals/0/outcome_on",
            "/closed_on"
        ]
    );
}

#[test]
fn targets_and_follow_up_scores_are_0_to_100() {
    let mut plan = base();
    plan.needs.targets.social = Some(100);
    plan.follow_ups[0].scores.psychosocial = Some(0);
    assert_eq!(findings(&plan), []);
    plan.needs.targets.social = Some(101);
    plan.follow_ups[0].scores.psychosocial = Some(200);
    let paths: Vec<_> = findings(&plan).into_iter().map(|(c, p, _)| (c, p)).collect();
    assert_eq!(
        paths,
        [
            ("score_out_of_range", "/needs/targets/social".to_owned()),
            ("score_out_of_range", "/follow_ups/0/scores/psychosocial".to_owned())
        ]
    );
}

#[test]
fn a_payment_for_a_measure_the_plan_does_not_have() {
    let mut plan = base();
    plan.budget.tranches[0].measure_ids = vec![id(3)];
    assert_eq!(findings(&plan), []);
    plan.budget.tranches[0].measure_ids.push(id(99));
    assert_eq!(
        findings(&plan),
        [("tranche_measure_unknown", "/budget/tranches/0/measure_ids".into(), Severity::Warning)]
    );
}

#[test]
fn recorded_amounts_are_checked_like_every_amount() {
    let mut plan = base();
    let measure = &mut plan.goals[0].measures[0];
    measure.items.push(LineItem {
        id: id(7),
        quantity: 2,
        unit_cost: Some(eur(-5)),
        ..LineItem::default()
    });
    measure.actual_cost = Some(eur(-1));
    plan.budget.tranches[0].paid_amount = Some(eur(-2));
    let paths: Vec<_> = findings(&plan).into_iter().map(|(c, p, _)| (c, p)).collect();
    assert_eq!(
        paths,
        [
            ("amount_negative", "/goals/0/measures/0/items/0/unit_cost".to_owned()),
            ("amount_negative", "/goals/0/measures/0/actual_cost".to_owned()),
            ("amount_negative", "/budget/tranches/0/paid_amount".to_owned())
        ]
    );
}

#[test]
fn country_codes_of_the_case() {
    let mut plan = base();
    plan.case.nationality = "SN".into();
    plan.case.host_country = "DE".into();
    assert_eq!(findings(&plan), []);
    plan.case.host_country = "Germany".into();
    assert_eq!(
        findings(&plan),
        [("country_code_invalid", "/case/host_country".into(), Severity::Warning)]
    );
}

#[test]
fn a_closed_plan_is_completed_and_only_an_agreed_one_can_be_closed() {
    let mut plan = base();
    plan.closed_on = Some(date(2026, 11, 1));
    assert_eq!(findings(&plan), [("closed_not_agreed", "/closed_on".into(), Severity::Warning)]);
    assert_eq!(plan_state(&plan), PlanState::Draft);
    signed(&mut plan);
    assert_eq!(findings(&plan), []);
    assert_eq!(plan_state(&plan), PlanState::Completed, "closed whatever is still open");
}
