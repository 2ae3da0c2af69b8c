//! Applying changes to a plan, on its JSON form, by address.

use std::collections::HashMap;
use std::fmt;

use serde_json::Value;

use super::doc::ID;
use super::{Change, ChangeKind, Segment};
use crate::model::Plan;

/// Why changes could not be applied. [`ApplyError::code`] is stable: the interface translates
/// `change_error.<code>`; `Display` is English for logs. `index` is the change's place in the
/// slice given, `path` its pointer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplyError {
    /// The field or item the change is at, or the one that holds it, is not in the plan.
    NotFound { index: usize, path: String },
    /// An added field or item is in the plan already.
    AlreadyPresent { index: usize, path: String },
    /// The change does not carry what its kind needs (a value, an item with its id, a list of
    /// ids), or a move is at something that is not a list.
    Malformed { index: usize, path: String },
    /// The changed document does not read back as a plan.
    NotAPlan { detail: String },
}

impl ApplyError {
    /// Every code, so the interface can check it translates them all.
    pub const CODES: &[&str] = &["not_found", "already_present", "malformed", "not_a_plan"];

    /// Stable snake_case code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            ApplyError::NotFound { .. } => "not_found",
            ApplyError::AlreadyPresent { .. } => "already_present",
            ApplyError::Malformed { .. } => "malformed",
            ApplyError::NotAPlan { .. } => "not_a_plan",
        }
    }
}

impl fmt::Display for ApplyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApplyError::NotFound { index, path } => {
                write!(f, "change {index}: nothing at {path:?} to change")
            }
            ApplyError::AlreadyPresent { index, path } => {
                write!(f, "change {index}: {path:?} is there already")
            }
            ApplyError::Malformed { index, path } => {
                write!(f, "change {index} at {path:?} does not carry what its kind needs")
            }
            ApplyError::NotAPlan { detail } => {
                write!(f, "the changed document is not a plan: {detail}")
            }
        }
    }
}

impl std::error::Error for ApplyError {}

/// `older` with `changes` made. Moves are made after everything else, so an item added to a
/// list goes where the move puts it, or at the end of the list without one; a move orders the
/// items it names and leaves any other item of the list where it stands.
pub fn apply(older: &Plan, changes: &[Change]) -> Result<Plan, ApplyError> {
    let mut doc = super::plan_value(older);
    let (moves, others): (Vec<_>, Vec<_>) =
        changes.iter().enumerate().partition(|(_, c)| c.kind == ChangeKind::Moved);
    for (index, change) in others.into_iter().chain(moves) {
        apply_one(&mut doc, change).map_err(|problem| problem.at(index, change))?;
    }
    super::plan_from_value(&doc).map_err(|detail| ApplyError::NotAPlan { detail })
}

/// What went wrong with one change, before it is told which.
enum Problem {
    NotFound,
    AlreadyPresent,
    Malformed,
}

impl Problem {
    fn at(self, index: usize, change: &Change) -> ApplyError {
        let path = change.path.clone();
        match self {
            Problem::NotFound => ApplyError::NotFound { index, path },
            Problem::AlreadyPresent => ApplyError::AlreadyPresent { index, path },
            Problem::Malformed => ApplyError::Malformed { index, path },
        }
    }
}

fn apply_one(doc: &mut Value, change: &Change) -> Result<(), Problem> {
    let value = || change.after.clone().ok_or(Problem::Malformed);
    match change.kind {
        ChangeKind::Changed => {
            *locate(doc, &change.address).ok_or(Problem::NotFound)? = value()?;
        }
        ChangeKind::Moved => {
            let list = locate(doc, &change.address).ok_or(Problem::NotFound)?;
            let order = change.after.as_ref().and_then(ids).ok_or(Problem::Malformed)?;
            reorder(list.as_array_mut().ok_or(Problem::Malformed)?, &order);
        }
        ChangeKind::Added | ChangeKind::Removed => {
            let (last, parent) = change.address.split_last().ok_or(Problem::Malformed)?;
            let parent = locate(doc, parent).ok_or(Problem::NotFound)?;
            match (change.kind, last) {
                (ChangeKind::Added, Segment::Key(key)) => {
                    let fields = parent.as_object_mut().ok_or(Problem::NotFound)?;
                    if fields.contains_key(key) {
                        return Err(Problem::AlreadyPresent);
                    }
                    fields.insert(key.clone(), value()?);
                }
                (ChangeKind::Added, Segment::Id(id)) => {
                    let items = parent.as_array_mut().ok_or(Problem::NotFound)?;
                    let item = value()?;
                    if item.get(ID).and_then(Value::as_str) != Some(id.as_str()) {
                        return Err(Problem::Malformed);
                    }
                    if items.iter().any(|i| has_id(i, id)) {
                        return Err(Problem::AlreadyPresent);
                    }
                    items.push(item);
                }
                (_, Segment::Key(key)) => {
                    let fields = parent.as_object_mut().ok_or(Problem::NotFound)?;
                    fields.remove(key).ok_or(Problem::NotFound)?;
                }
                (_, Segment::Id(id)) => {
                    let items = parent.as_array_mut().ok_or(Problem::NotFound)?;
                    let at = items.iter().position(|i| has_id(i, id)).ok_or(Problem::NotFound)?;
                    items.remove(at);
                }
            }
        }
    }
    Ok(())
}

/// The value at `address`, to change it.
fn locate<'a>(doc: &'a mut Value, address: &[Segment]) -> Option<&'a mut Value> {
    address.iter().try_fold(doc, |value, segment| match segment {
        Segment::Key(key) => value.as_object_mut()?.get_mut(key),
        Segment::Id(id) => value.as_array_mut()?.iter_mut().find(|i| has_id(i, id)),
    })
}

fn has_id(item: &Value, id: &str) -> bool {
    item.get(ID).and_then(Value::as_str) == Some(id)
}

/// A list of id strings.
fn ids(value: &Value) -> Option<Vec<&str>> {
    value.as_array()?.iter().map(Value::as_str).collect()
}

/// Puts the items named in `order` in that order, in the places such items hold; items it does
/// not name stay where they are.
fn reorder(items: &mut [Value], order: &[&str]) {
    let rank: HashMap<&str, usize> = order.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    let rank_of =
        |item: &Value| item.get(ID).and_then(Value::as_str).and_then(|id| rank.get(id).copied());
    let mut named: Vec<(usize, Value)> =
        items.iter().filter_map(|item| rank_of(item).map(|r| (r, item.clone()))).collect();
    named.sort_by_key(|(r, _)| *r);
    let mut named = named.into_iter().map(|(_, item)| item);
    for item in items.iter_mut() {
        if rank_of(item).is_some()
            && let Some(next) = named.next()
        {
            *item = next;
        }
    }
}
