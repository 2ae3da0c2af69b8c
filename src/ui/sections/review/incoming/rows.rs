//! What an opened file of the open plan would change, as the review lists it: the changes a
//! person decides on (bookkeeping left out), grouped by the section of the app they belong to,
//! each named by its item and field with its values in words; and what the person's choices
//! allow. Pure functions, tested natively; the view only shows them.

use std::collections::BTreeMap;

use homeward_plan::changes::{ChangeKind, Choice, Incoming, Merge, Segment, plan_value};
use homeward_plan::model::Plan;
use homeward_plan::path::Item;
use homeward_plan::subject::subject;
use serde_json::Value;

use super::words::{self, EMPTY};
use crate::i18n::{Lang, format};
use crate::step::{Step, step_for_path};

/// One change as the review shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The change's index in the merge, by which it is chosen.
    pub index: usize,
    pub kind: ChangeKind,
    /// Both sides changed it since the plan was sent: the person chooses, nothing is ticked.
    pub conflict: bool,
    /// The item it is in ("Contact 2"), when it is in one.
    pub subject: Option<String>,
    /// The field ("Outcome"), when the change is not a whole item.
    pub field: Option<String>,
    /// What the plan on screen holds.
    pub before: String,
    /// What the file brings.
    pub after: String,
}

impl Row {
    /// The change named as one line: "Contact 2 — Outcome".
    pub fn what(&self) -> String {
        match (&self.subject, &self.field) {
            (Some(subject), Some(field)) => format!("{subject} — {field}"),
            (Some(one), None) | (None, Some(one)) => one.clone(),
            (None, None) => EMPTY.to_owned(),
        }
    }
}

/// The changes of one section of the app, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub step: Step,
    pub rows: Vec<Row>,
}

/// Whether the review shows a change: bookkeeping (`updated_at`, `created_at`) is applied as
/// the merge says, never asked about.
pub fn shown(incoming: &Incoming) -> bool {
    !incoming.change.bookkeeping
}

/// The file holds nothing a person would take.
pub fn nothing_new(merge: &Merge) -> bool {
    !merge.incoming.iter().any(shown)
}

/// The changes shown, grouped by section in the order of the app's steps. `ours` is the plan
/// on screen, `theirs` the file (`merge` is theirs into ours).
pub fn groups(lang: Lang, merge: &Merge, ours: &Plan, theirs: &Plan) -> Vec<Group> {
    let ours_doc = plan_value(ours);
    let theirs_doc = plan_value(theirs);
    let mut by_step: BTreeMap<usize, Group> = BTreeMap::new();
    for incoming in merge.incoming.iter().filter(|i| shown(i)) {
        let change = &incoming.change;
        // Named as the plan on screen names it where it holds the item (a partner file may
        // hold a withheld label there), else as the file does.
        let in_ours = match change.kind {
            ChangeKind::Removed => Some(change.path.clone()),
            _ => pointer_in(&ours_doc, &change.address),
        };
        let (plan, pointer) = match in_ours {
            Some(pointer) => (ours, pointer),
            None => (theirs, change.path.clone()),
        };
        let step = step_of(plan, &pointer);
        let named = subject(plan, &pointer);
        let segments = segments(&pointer);
        let field_segments = match (&named, Item::containing(&pointer)) {
            (Some(_), item) => segments.get(self::segments(&item.path()).len()..),
            (None, _) if segments.len() > 1 => segments.get(1..),
            (None, _) => segments.get(..),
        };
        let plans = [ours, theirs];
        let (before, after) = if change.kind == ChangeKind::Moved {
            (
                order(lang, &ours_doc, &change.address, &plans),
                order(lang, &theirs_doc, &change.address, &plans),
            )
        } else {
            let name = segments.iter().rev().find(|s| s.parse::<usize>().is_err());
            let name = name.map(String::as_str).unwrap_or_default();
            let value = |v: Option<&Value>| words::value_words(lang, name, &pointer, v, &plans);
            (value(change.before.as_ref()), value(change.after.as_ref()))
        };
        let row = Row {
            index: incoming.index,
            kind: change.kind,
            conflict: incoming.conflict,
            subject: named.map(|s| format::subject(lang, &s)),
            field: field_segments.and_then(|s| words::field_words(lang, s)),
            before,
            after,
        };
        by_step
            .entry(step.index())
            .or_insert_with(|| Group { step, rows: Vec::new() })
            .rows
            .push(row);
    }
    by_step.into_values().collect()
}

/// The section of the app where the thing at `pointer` is edited.
fn step_of(plan: &Plan, pointer: &str) -> Step {
    match segments(pointer).first().map(String::as_str) {
        Some("counsellor") => Step::Case,
        Some("programme_id") => Step::Budget,
        _ => step_for_path(plan, pointer),
    }
}

/// The positional JSON Pointer of `address` in `doc`, where `doc` holds every item the address
/// names by id (fields need not exist).
fn pointer_in(doc: &Value, address: &[Segment]) -> Option<String> {
    let mut at = Some(doc);
    let mut pointer = String::new();
    for segment in address {
        match segment {
            Segment::Key(key) => {
                pointer.push('/');
                pointer.push_str(&key.replace('~', "~0").replace('/', "~1"));
                at = at.and_then(|v| v.get(key));
            }
            Segment::Id(id) => {
                let list = at?.as_array()?;
                let i = list
                    .iter()
                    .position(|item| item.get("id").and_then(Value::as_str) == Some(id))?;
                pointer.push_str(&format!("/{i}"));
                at = list.get(i);
            }
        }
    }
    Some(pointer)
}

/// The parts of a JSON Pointer, unescaped.
fn segments(pointer: &str) -> Vec<String> {
    pointer.split('/').skip(1).map(|s| s.replace("~1", "/").replace("~0", "~")).collect()
}

/// The items of the list at `address` in `doc`, in its order, each in a few words.
fn order(lang: Lang, doc: &Value, address: &[Segment], plans: &[&Plan]) -> String {
    let Some(pointer) = pointer_in(doc, address) else { return EMPTY.to_owned() };
    let Some(items) = doc.pointer(&pointer).and_then(Value::as_array) else {
        return EMPTY.to_owned();
    };
    let named: Vec<String> = items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("{pointer}/{i}");
            let words = match item.as_object() {
                Some(fields) => words::summary(lang, &at, fields, plans),
                None => words::value_words(lang, "", &at, Some(item), plans),
            };
            format!("{}. {words}", i + 1)
        })
        .collect();
    if named.is_empty() { EMPTY.to_owned() } else { named.join("; ") }
}

/// What the person chose so far, by change index: `Theirs` takes the file's value, `Ours`
/// keeps the plan's. A conflict has no entry until chosen.
pub type Chosen = BTreeMap<usize, Choice>;

/// The choices the review starts from: every shown change that is not a conflict ticked (its
/// default), no conflict chosen.
pub fn initial(merge: &Merge) -> Chosen {
    merge
        .incoming
        .iter()
        .filter(|i| shown(i) && !i.conflict)
        .map(|i| (i.index, i.default.unwrap_or(Choice::Theirs)))
        .collect()
}

/// What the apply button allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Readiness {
    /// Conflicts are left to choose: the button waits.
    Choose { left: usize },
    /// Every conflict is chosen; this many changes would be taken (perhaps none).
    Ready { taken: usize },
}

/// Whether the chosen changes can be applied, and how many they are.
pub fn readiness(merge: &Merge, chosen: &Chosen) -> Readiness {
    let left = merge.conflicts().filter(|i| !chosen.contains_key(&i.index)).count();
    if left > 0 {
        return Readiness::Choose { left };
    }
    let taken = merge
        .incoming
        .iter()
        .filter(|i| shown(i) && chosen.get(&i.index) == Some(&Choice::Theirs))
        .count();
    Readiness::Ready { taken }
}

/// The first conflict still without a choice.
pub fn first_unchosen(merge: &Merge, chosen: &Chosen) -> Option<usize> {
    merge.conflicts().map(|i| i.index).find(|index| !chosen.contains_key(index))
}

/// The choices to resolve the merge with: those the person made on shown changes (the hidden
/// bookkeeping takes its default).
pub fn choices(merge: &Merge, chosen: &Chosen) -> Vec<(usize, Choice)> {
    merge
        .incoming
        .iter()
        .filter(|i| shown(i))
        .filter_map(|i| chosen.get(&i.index).map(|c| (i.index, *c)))
        .collect()
}

#[cfg(test)]
mod tests {
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
        let conflicts: Vec<&Row> =
            groups.iter().flat_map(|g| &g.rows).filter(|r| r.conflict).collect();
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
        let file =
            partner_document(&sent, "Caritas Sénégal", day(2026, 11, 24)).expect("partner file");
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
        assert_eq!(
            (added.before.as_str(), added.after.as_str()),
            ("—", "Phone call · 2 January 2028")
        );
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
                assert!(
                    !what.contains("incoming.") && !what.contains("subject."),
                    "{lang:?}: {what}"
                );
                assert!(!row.after.contains("incoming."), "{lang:?}: {}", row.after);
            }
        }
    }
}
