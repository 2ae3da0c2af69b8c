//! Properties of the changes between plans and of the partner's round trip, over generated
//! plans (`common::generated`) and random edits of them: items added, removed, reordered and
//! edited in every kind of list, scalars changed.
//! - applying the changes from one plan to another gives the other; a plan has no changes
//!   against itself;
//! - without the copy that was sent, nothing is a conflict, and taking every incoming change
//!   gives the file, declining every one the plan on screen;
//! - with it, nothing either side changed alone is lost;
//! - a partner file brings exactly what the partner changed, never what it withheld.

mod common;
#[path = "changes_props/edits.rs"]
mod edits;

use chrono::NaiveDate;
use common::generated::generated;
use edits::{Editor, edits, older};
use homeward_plan::changes::{
    Change, ChangeKind, Choice, Merge, Segment, apply, changes, merge, resolve,
};
use homeward_plan::interchange::{import_json, partner_export_json, withheld_items};
use homeward_plan::model::*;
use homeward_plan::subject::subject;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::Value;
use uuid::Uuid;

/// The value at an address of a plan's JSON form, the test's own reading of addresses.
fn at<'a>(doc: &'a Value, address: &[Segment]) -> Option<&'a Value> {
    address.iter().try_fold(doc, |v, s| match s {
        Segment::Key(k) => v.get(k),
        Segment::Id(id) => {
            v.as_array()?.iter().find(|i| i.get("id").and_then(Value::as_str) == Some(id))
        }
    })
}

fn json(plan: &Plan) -> Value {
    serde_json::to_value(plan).unwrap()
}

/// Every incoming change with the same choice.
fn all(merge: &Merge, choice: Choice) -> Vec<(usize, Choice)> {
    merge.incoming.iter().map(|i| (i.index, choice)).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn applying_the_changes_gives_the_newer_plan(older in older(), edits in edits()) {
        let newer = Editor::new(1).edited(&older, &edits);
        prop_assert_eq!(changes(&older, &older), Vec::<Change>::new());
        prop_assert_eq!(changes(&newer, &newer), Vec::<Change>::new());
        let found = changes(&older, &newer);
        prop_assert_eq!(found.is_empty(), older == newer);
        prop_assert_eq!(apply(&older, &found), Ok(newer.clone()));
        prop_assert_eq!(apply(&newer, &changes(&newer, &older)), Ok(older.clone()));
        let (old_doc, new_doc) = (json(&older), json(&newer));
        for c in &found {
            prop_assert_eq!(c.address.first(), Some(&Segment::Key(c.section.clone())));
            prop_assert!(c.path.starts_with(&format!("/{}", c.section)), "{:?}", c);
            // The pointer finds the value the change carries, in the plan it points into.
            let (doc, value) = match c.kind {
                ChangeKind::Removed => (&old_doc, &c.before),
                ChangeKind::Moved => continue,
                _ => (&new_doc, &c.after),
            };
            prop_assert_eq!(doc.pointer(&c.path), value.as_ref(), "{:?}", c);
            let _ = subject(&newer, &c.path);
        }
    }

    #[test]
    fn without_base_every_change_comes_in_and_either_side_can_be_kept(
        base in older(),
        ours_edits in edits(),
        theirs_edits in edits(),
    ) {
        let ours = Editor::new(1).edited(&base, &ours_edits);
        let theirs = Editor::new(2).edited(&base, &theirs_edits);
        let m = merge(None, &ours, &theirs);
        prop_assert_eq!(m.conflicts().count(), 0);
        prop_assert_eq!(resolve(&ours, &m, &all(&m, Choice::Theirs)), Ok(theirs.clone()));
        prop_assert_eq!(resolve(&ours, &m, &all(&m, Choice::Ours)), Ok(ours.clone()));
        let changes_in: Vec<Change> = m.incoming.iter().map(|i| i.change.clone()).collect();
        prop_assert_eq!(changes_in, changes(&ours, &theirs));
    }

    #[test]
    fn with_base_nothing_changed_on_one_side_alone_is_lost(
        base in older(),
        ours_edits in edits(),
        theirs_edits in edits(),
    ) {
        let ours = Editor::new(1).edited(&base, &ours_edits);
        let theirs = Editor::new(2).edited(&base, &theirs_edits);
        let m = merge(Some(&base), &ours, &theirs);
        prop_assert_eq!(resolve(&ours, &m, &all(&m, Choice::Ours)), Ok(ours.clone()));
        if theirs == base {
            prop_assert!(m.is_empty(), "{:#?}", m);
        }
        if ours == base {
            prop_assert_eq!(m.conflicts().count(), 0);
            prop_assert_eq!(resolve(&ours, &m, &[]), Ok(theirs.clone()));
        }
        for i in m.conflicts() {
            prop_assert_eq!(i.default, None);
        }
        // Everything by default; each conflict as `choice`. Only a conflict chosen against a
        // side may undo what that side did alone.
        let resolved = |choice| {
            let chosen: Vec<_> = m.conflicts().map(|i| (i.index, choice)).collect();
            resolve(&ours, &m, &chosen).map(|p| json(&p))
        };
        let keeping_ours = resolved(Choice::Ours).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let taking_theirs =
            resolved(Choice::Theirs).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let (b, o, t) = (json(&base), json(&ours), json(&theirs));
        for c in changes(&base, &ours).iter().filter(|c| !c.bookkeeping) {
            if at(&t, &c.address) == at(&b, &c.address) {
                prop_assert_eq!(at(&keeping_ours, &c.address), at(&o, &c.address), "ours' {:?}", c);
            }
        }
        for c in changes(&base, &theirs).iter().filter(|c| !c.bookkeeping) {
            if at(&o, &c.address) == at(&b, &c.address) {
                let taken = at(&taking_theirs, &c.address);
                prop_assert_eq!(taken, at(&t, &c.address), "theirs' {:?}", c);
            }
        }
    }
}

fn made_on() -> NaiveDate {
    common::date(2026, 11, 24)
}

/// The partner file of `plan` as the partner opens it.
fn partner_file(plan: &Plan) -> Plan {
    let recipient = &plan.consent.partner_organisations[0];
    let text = partner_export_json(plan, &common::programme(), recipient, made_on()).unwrap();
    import_json(&text, common::today(), Some(&common::programme())).unwrap().plan
}

/// What a partner records: payments made, follow-ups done, measures under way, referrals
/// taken up, a new follow-up.
#[derive(Debug, Clone)]
enum PartnerEdit {
    Paid(Index),
    Outcome(Index, u8),
    Done(Index, u8),
    Status(Index, u8),
    Referral(Index, u8),
    NewFollowUp(u8),
}

fn partner_edit() -> impl Strategy<Value = PartnerEdit> {
    prop_oneof![
        any::<Index>().prop_map(PartnerEdit::Paid),
        (any::<Index>(), any::<u8>()).prop_map(|(i, n)| PartnerEdit::Outcome(i, n)),
        (any::<Index>(), any::<u8>()).prop_map(|(i, n)| PartnerEdit::Done(i, n)),
        (any::<Index>(), any::<u8>()).prop_map(|(i, n)| PartnerEdit::Status(i, n)),
        (any::<Index>(), any::<u8>()).prop_map(|(i, n)| PartnerEdit::Referral(i, n)),
        any::<u8>().prop_map(PartnerEdit::NewFollowUp),
    ]
}

/// The partner's edits, made the same way on the file and on the plan (items by id).
fn partner_edited(plan: &Plan, edits: &[PartnerEdit]) -> Plan {
    let mut p = plan.clone();
    for e in edits {
        let pick = |i: &Index, len: usize| (len > 0).then(|| i.index(len));
        match e {
            PartnerEdit::Paid(i) => {
                if let Some(at) = pick(i, p.budget.tranches.len()) {
                    p.budget.tranches[at].paid = !p.budget.tranches[at].paid;
                }
            }
            PartnerEdit::Outcome(i, n) => {
                if let Some(at) = pick(i, p.follow_ups.len()) {
                    p.follow_ups[at].outcome = format!("partner outcome {n}");
                }
            }
            PartnerEdit::Done(i, n) => {
                if let Some(at) = pick(i, p.follow_ups.len()) {
                    p.follow_ups[at].done_on =
                        NaiveDate::from_ymd_opt(2027, 3, 1 + u32::from(n % 28));
                }
            }
            PartnerEdit::Status(i, n) => {
                let ids: Vec<Uuid> = p.measures().map(|m| m.measure.id).collect();
                if let Some(at) = pick(i, ids.len())
                    && let Some(m) = p.measure_mut(ids[at])
                {
                    m.status = MeasureStatus::ALL[usize::from(*n) % 4];
                }
            }
            PartnerEdit::Referral(i, n) => {
                if let Some(at) = pick(i, p.referrals.len()) {
                    p.referrals[at].status = ReferralStatus::ALL[usize::from(*n) % 5];
                }
            }
            PartnerEdit::NewFollowUp(n) => p.follow_ups.push(FollowUp {
                id: common::id(800_000 + u128::from(*n) + p.follow_ups.len() as u128 * 256),
                outcome: format!("partner visit {n}"),
                kind: ContactKind::Visit,
                ..FollowUp::default()
            }),
        }
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 150, ..ProptestConfig::default() })]

    #[test]
    fn a_partner_file_brings_what_the_partner_changed_and_nothing_it_withheld(
        g in generated(),
        shared in any::<bool>(),
        edits in vec(partner_edit(), 0..6),
    ) {
        let mut plan = g.plan;
        plan.consent.share_with_partners = true;
        plan.consent.share_special_category = shared;
        plan.protection = common::full_protection();
        let file = partner_file(&plan);
        prop_assert!(merge(Some(&plan), &plan, &file).is_empty());
        prop_assert!(merge(None, &plan, &file).is_empty());

        let theirs = partner_edited(&file, &edits);
        let expected = partner_edited(&plan, &edits);
        for base in [Some(&plan), None] {
            let m = merge(base, &plan, &theirs);
            let came_in: Vec<Change> = m.incoming.iter().map(|i| i.change.clone()).collect();
            prop_assert_eq!(came_in, changes(&plan, &expected));
            prop_assert_eq!(m.conflicts().count(), 0);
            prop_assert_eq!(resolve(&plan, &m, &[]), Ok(expected.clone()));
            prop_assert_eq!(resolve(&plan, &m, &all(&m, Choice::Theirs)), Ok(expected.clone()));
            prop_assert_eq!(resolve(&plan, &m, &all(&m, Choice::Ours)), Ok(plan.clone()));
        }
    }
}

/// The round trip of the family plan without consent to share special-category data.
#[test]
fn the_family_plan_comes_back_with_the_partner_s_follow_up_and_payment() {
    let mut plan = common::full_family_plan();
    plan.consent.share_special_category = false;
    // The follow-up and the payment the partner records are private: their texts are withheld.
    plan.follow_ups[1].private = true;
    plan.budget.tranches[1].private = true;
    let file = partner_file(&plan);
    assert!(withheld_items(&plan).len() > 10, "the file withholds much");
    assert_eq!(file.follow_ups[1].withheld, Some(PrivacyCategory::Private));
    assert_ne!(file, Plan { partner_file: file.partner_file.clone(), ..plan.clone() });
    assert!(merge(Some(&plan), &plan, &file).is_empty(), "{:#?}", merge(Some(&plan), &plan, &file));
    assert!(merge(None, &plan, &file).is_empty(), "{:#?}", merge(None, &plan, &file));

    let mut theirs = file.clone();
    theirs.follow_ups[1].outcome = "Workshop open three days a week.".into();
    theirs.follow_ups[1].done_on = Some(common::date(2027, 1, 5));
    theirs.budget.tranches[1].paid = true;
    for base in [Some(&plan), None] {
        let m = merge(base, &plan, &theirs);
        let came_in: Vec<_> = m
            .incoming
            .iter()
            .map(|i| {
                (
                    i.change.section.as_str(),
                    i.change.kind,
                    i.change.path.as_str(),
                    i.change.after.clone(),
                )
            })
            .collect();
        assert_eq!(
            came_in,
            [
                ("budget", ChangeKind::Changed, "/budget/tranches/1/paid", Some(Value::Bool(true))),
                (
                    "follow_ups",
                    ChangeKind::Changed,
                    "/follow_ups/1/done_on",
                    Some("2027-01-05".into())
                ),
                (
                    "follow_ups",
                    ChangeKind::Changed,
                    "/follow_ups/1/outcome",
                    Some("Workshop open three days a week.".into())
                ),
            ]
        );
        let merged = resolve(&plan, &m, &[]).unwrap();
        let mut expected = plan.clone();
        expected.follow_ups[1].outcome = "Workshop open three days a week.".into();
        expected.follow_ups[1].done_on = Some(common::date(2027, 1, 5));
        expected.budget.tranches[1].paid = true;
        assert_eq!(merged, expected, "the private texts stay, no mark or record comes in");
    }
}

/// The generated edits reach every kind of change, in every kind of list, and conflicts.
#[test]
fn generated_edits_reach_every_kind_of_change_and_conflicts() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    let strategy = (older(), edits(), edits());
    for _ in 0..200 {
        let (base, a, b) = strategy.new_tree(&mut runner).unwrap().current();
        let ours = Editor::new(1).edited(&base, &a);
        let theirs = Editor::new(2).edited(&base, &b);
        for c in changes(&base, &ours) {
            *seen.entry(format!("{} {}", c.section, c.kind.code())).or_default() += 1;
        }
        let m = merge(Some(&base), &ours, &theirs);
        *seen.entry("conflict".into()).or_default() += m.conflicts().count();
        *seen.entry("ours kept".into()).or_default() +=
            usize::from(m.incoming.len() < changes(&ours, &theirs).len());
    }
    for wanted in [
        "goals added",
        "goals removed",
        "goals changed",
        "goals moved",
        "household moved",
        "case changed",
        "protection removed",
        "follow_ups moved",
        "budget added",
        "needs changed",
        "updated_at changed",
        "conflict",
        "ours kept",
    ] {
        assert!(seen.get(wanted).is_some_and(|n| *n > 0), "{wanted}: {seen:?}");
    }
}
