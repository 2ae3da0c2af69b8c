use serde_json::json;
use uuid::Uuid;

use super::*;
use crate::model::{Debt, Dimension, FollowUp, Goal, Measure, MeasureStatus};
use crate::money::{CurrencyCode, Money};
use crate::subject::{Subject, subject};

fn id(n: u128) -> Uuid {
    Uuid::from_u128(n)
}

fn key(k: &str) -> Segment {
    Segment::Key(k.to_owned())
}

fn item(n: u128) -> Segment {
    Segment::Id(id(n).to_string())
}

/// Two goals (10: economic with measures 11 and 12; 20: social), a debt 30, follow-ups 40
/// and 41.
fn plan() -> Plan {
    let mut plan = Plan::default();
    let mut economic = Goal::new(id(10), Dimension::Economic);
    economic.title = "A bakery".into();
    economic.measures = vec![Measure::new(id(11)), Measure::new(id(12))];
    plan.goals = vec![economic, Goal::new(id(20), Dimension::Social)];
    plan.case.debts = vec![Debt {
        id: id(30),
        amount: Money::new(50_000, CurrencyCode::eur()),
        creditor: "Uncle".into(),
        pressure_to_repay: Default::default(),
        private: false,
        withheld: None,
    }];
    plan.follow_ups = vec![
        FollowUp { id: id(40), outcome: "Settled in".into(), ..FollowUp::default() },
        FollowUp { id: id(41), ..FollowUp::default() },
    ];
    plan
}

/// `changes` of the two plans, checked to give `newer` back when applied to `older`.
fn changes_between(older: &Plan, newer: &Plan) -> Vec<Change> {
    let found = changes(older, newer);
    assert_eq!(apply(older, &found).as_ref(), Ok(newer), "{found:#?}");
    found
}

#[test]
fn the_same_plan_has_no_changes() {
    assert_eq!(changes(&plan(), &plan()), []);
    assert_eq!(changes(&Plan::default(), &Plan::default()), []);
}

#[test]
fn an_added_measure_is_the_whole_measure_where_the_newer_plan_holds_it() {
    let older = plan();
    let mut newer = older.clone();
    newer.add_measure(id(10), id(13));
    newer.measure_mut(id(13)).unwrap().description = "An oven".into();
    let found = changes_between(&older, &newer);
    assert_eq!(found.len(), 1, "{found:#?}");
    let c = &found[0];
    assert_eq!(
        (c.section.as_str(), c.kind, c.path.as_str()),
        ("goals", ChangeKind::Added, "/goals/0/measures/2")
    );
    assert_eq!(c.address, [key("goals"), item(10), key("measures"), item(13)]);
    assert_eq!(c.before, None);
    assert_eq!(c.after.as_ref().and_then(|m| m.get("description")), Some(&json!("An oven")));
    assert!(!c.bookkeeping);
    let named = subject(&newer, &c.path);
    assert!(matches!(named, Some(Subject::Measure { goal: 1, number: 3, .. })), "{named:?}");
}

#[test]
fn a_removed_debt_points_into_the_older_plan() {
    let older = plan();
    let mut newer = older.clone();
    newer.case.debts.clear();
    let found = changes_between(&older, &newer);
    assert_eq!(found.len(), 1);
    let c = &found[0];
    assert_eq!(
        (c.section.as_str(), c.kind, c.path.as_str()),
        ("case", ChangeKind::Removed, "/case/debts/0")
    );
    assert_eq!(c.address, [key("case"), key("debts"), item(30)]);
    assert_eq!(c.before.as_ref().and_then(|d| d.get("creditor")), Some(&json!("Uncle")));
    assert_eq!(c.after, None);
}

#[test]
fn a_changed_status_is_one_change_of_the_field() {
    let older = plan();
    let mut newer = older.clone();
    newer.measure_mut(id(12)).unwrap().status = MeasureStatus::Done;
    let found = changes_between(&older, &newer);
    assert_eq!(found.len(), 1);
    let c = &found[0];
    assert_eq!((c.kind, c.path.as_str()), (ChangeKind::Changed, "/goals/0/measures/1/status"));
    assert_eq!(c.address, [key("goals"), item(10), key("measures"), item(12), key("status")]);
    assert_eq!((c.before.clone(), c.after.clone()), (Some(json!("planned")), Some(json!("done"))));
}

#[test]
fn moved_goals_are_one_move_with_the_newer_order() {
    let older = plan();
    let mut newer = older.clone();
    newer.goals.swap(0, 1);
    // An edit in a moved goal is found at its new place.
    newer.goals[1].title = "A bigger bakery".into();
    let found = changes_between(&older, &newer);
    let ids = |ns: [u128; 2]| json!(ns.map(|n| id(n).to_string()));
    assert_eq!(found.len(), 2, "{found:#?}");
    assert_eq!((found[0].kind, found[0].path.as_str()), (ChangeKind::Changed, "/goals/1/title"));
    let moved = &found[1];
    assert_eq!((moved.kind, moved.path.as_str()), (ChangeKind::Moved, "/goals"));
    assert_eq!(moved.address, [key("goals")]);
    assert_eq!(moved.before, Some(ids([10, 20])));
    assert_eq!(moved.after, Some(ids([20, 10])));
}

#[test]
fn an_item_added_before_the_end_is_placed_by_a_move() {
    let older = plan();
    let mut newer = older.clone();
    newer.follow_ups.insert(0, FollowUp { id: id(42), ..FollowUp::default() });
    let found = changes_between(&older, &newer);
    let kinds: Vec<_> = found.iter().map(|c| c.kind).collect();
    assert_eq!(kinds, [ChangeKind::Added, ChangeKind::Moved]);
    assert_eq!(found[0].path, "/follow_ups/0");
    // Without the move it goes at the end.
    let at_end = apply(&older, &found[..1]).unwrap();
    assert_eq!(
        at_end.follow_ups.iter().map(|f| f.id).collect::<Vec<_>>(),
        [id(40), id(41), id(42)]
    );
}

#[test]
fn lists_without_ids_and_scalars_change_as_a_whole() {
    let older = plan();
    let mut newer = older.clone();
    newer.case.languages = vec!["fr".into()];
    newer.needs.priorities.push(crate::model::Priority::new("Work"));
    newer.updated_at = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap();
    let found = changes_between(&older, &newer);
    let seen: Vec<_> = found
        .iter()
        .map(|c| (c.section.as_str(), c.path.as_str(), c.kind, c.bookkeeping))
        .collect();
    // In document order of the sections: updated_at, case, needs.
    assert_eq!(
        seen,
        [
            ("updated_at", "/updated_at", ChangeKind::Changed, true),
            ("case", "/case/languages", ChangeKind::Changed, false),
            ("needs", "/needs/priorities", ChangeKind::Changed, false),
        ]
    );
}

#[test]
fn a_change_that_finds_nothing_or_breaks_the_plan_is_an_error() {
    let older = plan();
    let mut newer = older.clone();
    newer.measure_mut(id(12)).unwrap().status = MeasureStatus::Done;
    let found = changes(&older, &newer);
    let mut elsewhere = older.clone();
    elsewhere.goals[0].measures.pop();
    assert_eq!(
        apply(&elsewhere, &found),
        Err(ApplyError::NotFound { index: 0, path: "/goals/0/measures/1/status".into() })
    );
    let mut wrong = found.clone();
    wrong[0].after = Some(json!(42));
    let error = apply(&older, &wrong).unwrap_err();
    assert_eq!(error.code(), "not_a_plan", "{error}");
    let added = changes(&elsewhere, &older);
    assert_eq!(apply(&older, &added).unwrap_err().code(), "already_present");
    wrong[0].after = None;
    assert_eq!(apply(&older, &wrong).unwrap_err().code(), "malformed");
    assert!(ApplyError::CODES.contains(&error.code()));
}

/// The plan as sent, the plan on screen since and the partner's file.
fn round_trip(ours: impl Fn(&mut Plan), theirs: impl Fn(&mut Plan)) -> (Plan, Plan, Plan) {
    let base = plan();
    let (mut o, mut t) = (base.clone(), base.clone());
    ours(&mut o);
    theirs(&mut t);
    (base, o, t)
}

fn outcome(plan: &mut Plan, text: &str) {
    plan.follow_ups[0].outcome = text.into();
}

#[test]
fn both_changing_a_follow_up_outcome_is_a_conflict_to_choose() {
    let (base, ours, theirs) =
        round_trip(|p| outcome(p, "Found work"), |p| outcome(p, "Looking for work"));
    let merge = merge(Some(&base), &ours, &theirs);
    assert_eq!(merge.incoming.len(), 1, "{merge:#?}");
    let c = &merge.incoming[0];
    assert!(c.conflict);
    assert_eq!(c.default, None);
    assert_eq!(c.ours, Some(json!("Found work")));
    assert_eq!(c.change.after, Some(json!("Looking for work")));
    assert_eq!(c.change.path, "/follow_ups/0/outcome");
    assert_eq!(merge.conflicts().count(), 1);
    assert_eq!(
        resolve(&ours, &merge, &[]),
        Err(ResolveError::Unresolved { index: 0, path: "/follow_ups/0/outcome".into() })
    );
    assert_eq!(resolve(&ours, &merge, &[(0, Choice::Theirs)]), Ok(theirs.clone()));
    assert_eq!(resolve(&ours, &merge, &[(0, Choice::Ours)]), Ok(ours.clone()));
    assert_eq!(
        resolve(&ours, &merge, &[(1, Choice::Ours)]),
        Err(ResolveError::NoSuchChange { index: 1 })
    );
    // Without the copy that was sent, nothing is a conflict: theirs is taken unless declined.
    let blind = super::merge(None, &ours, &theirs);
    assert!(!blind.incoming[0].conflict);
    assert_eq!(blind.incoming[0].default, Some(Choice::Theirs));
}

#[test]
fn what_only_ours_changed_since_base_is_kept_without_asking() {
    let (base, ours, theirs) = round_trip(
        |p| {
            outcome(p, "Found work");
            p.goals.swap(0, 1);
            p.case.debts.clear();
            p.add_measure(id(20), id(21));
        },
        |_| {},
    );
    let merge = merge(Some(&base), &ours, &theirs);
    assert!(merge.is_empty(), "{merge:#?}");
    assert_eq!(resolve(&ours, &merge, &[]), Ok(ours.clone()));
    // The same edits on both sides are not incoming either.
    assert!(super::merge(Some(&base), &ours, &ours).is_empty());
}

#[test]
fn edits_of_different_fields_of_one_item_both_stay() {
    let (base, ours, theirs) = round_trip(
        |p| p.follow_ups[0].done_on = chrono::NaiveDate::from_ymd_opt(2026, 12, 1),
        |p| outcome(p, "Looking for work"),
    );
    let merge = merge(Some(&base), &ours, &theirs);
    assert_eq!(merge.incoming.len(), 1);
    assert!(!merge.incoming[0].conflict);
    let merged = resolve(&ours, &merge, &[]).unwrap();
    assert_eq!(merged.follow_ups[0].done_on, ours.follow_ups[0].done_on);
    assert_eq!(merged.follow_ups[0].outcome, "Looking for work");
}

#[test]
fn an_item_removed_on_one_side_and_edited_on_the_other_is_a_conflict() {
    let (base, ours, theirs) = round_trip(
        |p| outcome(p, "Found work"),
        |p| {
            p.follow_ups.remove(0);
        },
    );
    let merge = merge(Some(&base), &ours, &theirs);
    assert_eq!(merge.incoming.len(), 1);
    assert_eq!(
        (merge.incoming[0].change.kind, merge.incoming[0].conflict),
        (ChangeKind::Removed, true)
    );
    // And the other way round: theirs edited what ours removed.
    let merge = super::merge(Some(&base), &theirs, &ours);
    assert_eq!(
        (merge.incoming[0].change.kind, merge.incoming[0].conflict),
        (ChangeKind::Added, true)
    );
}

#[test]
fn a_move_from_theirs_orders_the_items_it_knows_and_leaves_ours_in_place() {
    let (base, ours, theirs) = round_trip(
        |p| p.follow_ups.insert(1, FollowUp { id: id(43), ..FollowUp::default() }),
        |p| p.follow_ups.swap(0, 1),
    );
    let merge = merge(Some(&base), &ours, &theirs);
    assert_eq!(merge.incoming.len(), 1, "{merge:#?}");
    assert_eq!(
        (merge.incoming[0].change.kind, merge.incoming[0].conflict),
        (ChangeKind::Moved, false)
    );
    let merged = resolve(&ours, &merge, &[]).unwrap();
    let order: Vec<_> = merged.follow_ups.iter().map(|f| f.id).collect();
    assert_eq!(order, [id(41), id(43), id(40)]);
    // Both reordering differently is a conflict.
    let (base, ours, theirs) =
        round_trip(|p| p.goals[0].measures.swap(0, 1), |p| p.goals[0].measures.swap(0, 1));
    assert!(super::merge(Some(&base), &ours, &theirs).is_empty(), "the same order");
    let mut base = base;
    base.follow_ups.push(FollowUp { id: id(42), ..FollowUp::default() });
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.follow_ups.rotate_left(1);
    theirs.follow_ups.rotate_right(1);
    let merge = super::merge(Some(&base), &ours, &theirs);
    let moved = merge.incoming.iter().find(|i| i.change.kind == ChangeKind::Moved).unwrap();
    assert!(moved.conflict, "{merge:#?}");
}

#[test]
fn bookkeeping_is_never_a_conflict_and_keeps_the_later_instant() {
    let at = |s| chrono::DateTime::from_timestamp(s, 0).unwrap();
    let (base, ours, theirs) =
        round_trip(|p| p.updated_at = at(2_000_000_000), |p| p.updated_at = at(1_900_000_000));
    let merge = merge(Some(&base), &ours, &theirs);
    let c = &merge.incoming[0];
    assert!(c.change.bookkeeping && !c.conflict);
    assert_eq!(c.default, Some(Choice::Ours));
    assert_eq!(resolve(&ours, &merge, &[]), Ok(ours.clone()));
    let merge = super::merge(Some(&base), &theirs, &ours);
    assert_eq!(merge.incoming[0].default, Some(Choice::Theirs));
}

#[test]
fn codes_are_stable() {
    assert_eq!(ChangeKind::ALL.map(ChangeKind::code), ["added", "changed", "removed", "moved"]);
    assert_eq!(Choice::ALL.map(Choice::code), ["theirs", "ours"]);
    assert_eq!(
        ResolveError::Unresolved { index: 0, path: String::new() }.code(),
        ResolveError::CODES[0]
    );
}
