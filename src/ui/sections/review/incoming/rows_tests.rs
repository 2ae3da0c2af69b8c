use chrono::NaiveDate;
use homeward_plan::changes::{merge, resolve};
use homeward_plan::interchange::{import_json, partner_document};

use super::*;

const FAMILY: &str = include_str!("../../../../../tests/fixtures/plan-family-full.json");

fn family() -> Plan {
    import_json(FAMILY, day(2026, 11, 23), None).expect("the family fixture opens").plan
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a day")
}

/// What the partner does in the round trip: a contact took place, a payment is paid.
fn partner_edits(plan: &mut Plan) {
    plan.follow_ups[1].done_on = Some(day(2027, 1, 5));
    plan.follow_ups[1].outcome = "Workshop open three days a week.".into();
    plan.budget.tranches[1].paid = true;
    plan.updated_at += chrono::Duration::days(40);
}

fn rows(groups: &[Group]) -> Vec<(Step, String, String, String)> {
    groups
        .iter()
        .flat_map(|g| {
            g.rows.iter().map(move |r| (g.step, r.what(), r.before.clone(), r.after.clone()))
        })
        .collect()
}

#[test]
fn a_partner_s_file_lists_what_the_partner_did_by_section_in_words() {
    let mut sent = family();
    sent.consent.share_special_category = false;
    let mut file =
        partner_document(&sent, "Caritas Sénégal", day(2026, 11, 24)).expect("partner file");
    assert!(!file.partner_file.as_ref().expect("a partner file").withheld.is_empty());
    partner_edits(&mut file);
    for base in [Some(&sent), None] {
        let m = merge(base, &sent, &file);
        assert!(!nothing_new(&m));
        let groups = groups(Lang::En, &m, &sent, &file);
        assert_eq!(
            rows(&groups),
            [
                (Step::Budget, "Payment 2 — Paid".into(), "No".into(), "Yes".into()),
                (
                    Step::FollowUp,
                    "Follow-up contact 2 — Day it took place".into(),
                    "—".into(),
                    "5 January 2027".into()
                ),
                (
                    Step::FollowUp,
                    "Follow-up contact 2 — Outcome".into(),
                    "—".into(),
                    "Workshop open three days a week.".into()
                ),
            ],
            "{m:#?}"
        );
        assert!(
            groups
                .iter()
                .flat_map(|g| &g.rows)
                .all(|r| !r.conflict && r.kind == ChangeKind::Changed)
        );
        // Taking them all gives the plan with the partner's edits, nothing else.
        let chosen = initial(&m);
        assert_eq!(readiness(&m, &chosen), Readiness::Ready { taken: 3 });
        let taken = resolve(&sent, &m, &choices(&m, &chosen)).expect("applies");
        let mut expected = sent.clone();
        partner_edits(&mut expected);
        assert_eq!(taken, expected);
    }
}

#[test]
fn a_conflict_waits_for_a_choice_and_keeping_ours_keeps_the_counsellor_s_text() {
    let sent = family();
    let mut ours = sent.clone();
    ours.follow_ups[1].outcome = "Called: the workshop opens in March.".into();
    let mut theirs = sent.clone();
    partner_edits(&mut theirs);
    let m = merge(Some(&sent), &ours, &theirs);
    let groups = groups(Lang::En, &m, &ours, &theirs);
    let conflicts: Vec<&Row> = groups.iter().flat_map(|g| &g.rows).filter(|r| r.conflict).collect();
    assert_eq!(conflicts.len(), 1);
    assert_eq!(conflicts[0].before, "Called: the workshop opens in March.");
    assert_eq!(conflicts[0].after, "Workshop open three days a week.");

    let mut chosen = initial(&m);
    assert_eq!(readiness(&m, &chosen), Readiness::Choose { left: 1 });
    assert_eq!(first_unchosen(&m, &chosen), Some(conflicts[0].index));
    assert!(resolve(&ours, &m, &choices(&m, &chosen)).is_err(), "nothing is applied before");
    chosen.insert(conflicts[0].index, Choice::Ours);
    assert_eq!(readiness(&m, &chosen), Readiness::Ready { taken: 2 });
    assert_eq!(first_unchosen(&m, &chosen), None);
    let merged = resolve(&ours, &m, &choices(&m, &chosen)).expect("applies");
    assert_eq!(merged.follow_ups[1].outcome, ours.follow_ups[1].outcome);
    assert_eq!(merged.follow_ups[1].done_on, Some(day(2027, 1, 5)));
    assert!(merged.budget.tranches[1].paid);
}

#[test]
fn an_unticked_change_is_not_taken() {
    let sent = family();
    let mut theirs = sent.clone();
    partner_edits(&mut theirs);
    let m = merge(Some(&sent), &sent, &theirs);
    let mut chosen = initial(&m);
    let paid = groups(Lang::En, &m, &sent, &theirs)[0].rows[0].index;
    chosen.insert(paid, Choice::Ours);
    assert_eq!(readiness(&m, &chosen), Readiness::Ready { taken: 2 });
    let merged = resolve(&sent, &m, &choices(&m, &chosen)).expect("applies");
    assert!(!merged.budget.tranches[1].paid);
    assert_eq!(merged.follow_ups[1].done_on, Some(day(2027, 1, 5)));
    for index in chosen.clone().keys() {
        chosen.insert(*index, Choice::Ours);
    }
    assert_eq!(readiness(&m, &chosen), Readiness::Ready { taken: 0 });
}

#[test]
fn bookkeeping_alone_is_nothing_new_and_the_sent_file_itself_brings_nothing() {
    let sent = family();
    let mut theirs = sent.clone();
    theirs.updated_at += chrono::Duration::days(1);
    let m = merge(Some(&sent), &sent, &theirs);
    assert!(!m.is_empty() && nothing_new(&m));
    assert!(groups(Lang::En, &m, &sent, &theirs).is_empty());
    let file = partner_document(&sent, "Caritas Sénégal", day(2026, 11, 24)).expect("partner file");
    assert!(nothing_new(&merge(Some(&sent), &sent, &file)));
}

#[test]
fn items_added_removed_and_moved_are_named_and_summarised() {
    let sent = family();
    let mut theirs = sent.clone();
    let mut extra = theirs.follow_ups[3].clone();
    extra.id = uuid::Uuid::from_u128(99);
    extra.due_date = Some(day(2028, 1, 2));
    theirs.follow_ups.push(extra);
    theirs.case.debts.clear();
    theirs.budget.tranches.swap(1, 2);
    let m = merge(Some(&sent), &sent, &theirs);
    let groups = groups(Lang::En, &m, &sent, &theirs);
    let all: Vec<&Row> = groups.iter().flat_map(|g| &g.rows).collect();
    let debt = all.iter().find(|r| r.kind == ChangeKind::Removed).expect("a removal");
    assert_eq!(debt.subject.as_deref(), Some("Debt 1"));
    assert_eq!(debt.field, None);
    assert_eq!(debt.after, "—");
    assert!(debt.before.contains(&sent.case.debts[0].creditor), "{}", debt.before);
    let added = all.iter().find(|r| r.kind == ChangeKind::Added).expect("an addition");
    assert_eq!(added.subject.as_deref(), Some("Follow-up contact 5"));
    assert_eq!((added.before.as_str(), added.after.as_str()), ("—", "Phone call · 2 January 2028"));
    let moved = all.iter().find(|r| r.kind == ChangeKind::Moved).expect("a move");
    assert_eq!(moved.what(), "Payments");
    assert!(moved.before.starts_with("1. ") && moved.before != moved.after, "{moved:?}");
    let steps: Vec<Step> = groups.iter().map(|g| g.step).collect();
    assert_eq!(steps, [Step::Case, Step::Budget, Step::FollowUp]);
}

#[test]
fn rows_are_worded_in_the_language_of_the_screen() {
    let sent = family();
    let mut theirs = sent.clone();
    partner_edits(&mut theirs);
    let m = merge(Some(&sent), &sent, &theirs);
    for lang in Lang::ALL {
        for row in groups(lang, &m, &sent, &theirs).iter().flat_map(|g| &g.rows) {
            let what = row.what();
            assert!(!what.contains("incoming.") && !what.contains("subject."), "{lang:?}: {what}");
            assert!(!row.after.contains("incoming."), "{lang:?}: {}", row.after);
        }
    }
}
