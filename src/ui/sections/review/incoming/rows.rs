//! What an opened file of the open plan would change, as the review lists it: the changes a
//! person decides on (bookkeeping left out), grouped by the section of the app they belong to,
//! each named by its item and field with its values in words; and what the person's choices
//! allow. Pure functions, tested natively; the view only shows them.

use std::collections::BTreeMap;

use homeward_plan::changes::{ChangeKind, Choice, Incoming, Merge, Segment};
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
    let ours_doc = serde_json::to_value(ours).unwrap_or_default();
    let theirs_doc = serde_json::to_value(theirs).unwrap_or_default();
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
#[path = "rows_tests.rs"]
mod tests;
