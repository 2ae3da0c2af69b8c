//! The partner's round trip: what an opened file of the plan on screen brings into it.
//!
//! `ours` is the plan open in the browser, `theirs` the file being opened, `base` the copy that
//! was sent when it is known. The incoming changes are those from ours to theirs, less:
//! - what only ours changed since base (theirs still holds base's value there): the
//!   counsellor's own newer edit, kept without asking;
//! - what a partner file withheld, its `partner_file` record and its withheld marks: the
//!   withholding is not an edit (see `restore`).
//!
//! Where base is known and both sides changed the same thing differently, the change is a
//! conflict: both values are shown and the person chooses, there is no default. Without base
//! nothing is a conflict; every change is shown, taken by default, and can be declined.

use std::fmt;

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::apply::{ApplyError, apply};
use super::doc::{Node, same};
use super::restore::{self, WITHHELD};
use super::{Change, ChangeKind, Segment, diff};
use crate::code::codes;
use crate::model::Plan;

/// Which side's value to keep for an incoming change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Choice {
    /// Take the change: the value of the file being opened.
    Theirs,
    /// Decline it: keep the value of the plan on screen.
    Ours,
}

codes!(Choice { Theirs => "theirs", Ours => "ours" });

/// One change the opened file brings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    /// Its place in [`Merge::incoming`], by which a choice names it.
    pub index: usize,
    /// From ours to theirs: `before` is what ours holds, `after` what theirs brings. `path`
    /// points into theirs (into ours for a removal).
    pub change: Change,
    /// Both sides changed it since base, differently: the person must choose.
    pub conflict: bool,
    /// The value ours holds there (`None` where ours has nothing; for a move, ours' order of
    /// ids).
    pub ours: Option<Value>,
    /// What [`resolve`] takes unless told otherwise: theirs, except for a conflict, which has
    /// none. For [`BOOKKEEPING`](super::BOOKKEEPING) fields, which are never a conflict, the
    /// later of the two instants.
    pub default: Option<Choice>,
}

/// What an opened file brings into the plan on screen, in document order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Merge {
    pub incoming: Vec<Incoming>,
}

impl Merge {
    /// Nothing comes in: the file holds nothing the plan on screen lacks.
    pub fn is_empty(&self) -> bool {
        self.incoming.is_empty()
    }

    /// The changes the person must choose for.
    pub fn conflicts(&self) -> impl Iterator<Item = &Incoming> {
        self.incoming.iter().filter(|i| i.conflict)
    }
}

/// What `theirs` brings into `ours`, `base` being the copy both came from when it is known.
/// The caller has checked that both are the same plan (same id).
pub fn merge(base: Option<&Plan>, ours: &Plan, theirs: &Plan) -> Merge {
    let ours_doc = Node::of(ours);
    let theirs_doc = restore::incoming(theirs, base.unwrap_or(ours), ours);
    let base_doc = base.map(Node::of);
    let incoming = diff::diff(&ours_doc, &theirs_doc)
        .into_iter()
        .filter(|change| !withholding(change))
        .filter_map(|change| incoming(change, base_doc.as_ref(), &ours_doc, &theirs_doc))
        .enumerate()
        .map(|(index, incoming)| Incoming { index, ..incoming })
        .collect();
    Merge { incoming }
}

/// A difference that only the making of a partner file causes: its record, a withheld mark,
/// a withheld label (where the plan it was restored from no longer holds the item as private).
fn withholding(change: &Change) -> bool {
    change.section == "partner_file"
        || matches!(change.address.last(), Some(Segment::Key(k)) if k == WITHHELD)
        || matches!(&change.after, Some(Value::String(s)) if restore::is_withheld_label(s))
}

/// The change as it comes in, or `None` where only ours changed since base.
fn incoming(change: Change, base: Option<&Node>, ours: &Node, theirs: &Node) -> Option<Incoming> {
    let conflict = match base {
        None => false,
        Some(base) => {
            let [b, o, t] = [base, ours, theirs].map(|doc| doc.at(&change.address));
            if change.kind == ChangeKind::Moved {
                moved_conflict(b, o, t)?
            } else if same(t, b) {
                return None;
            } else {
                !same(o, b)
            }
        }
    };
    let default = if change.bookkeeping {
        Some(later(change.before.as_ref(), change.after.as_ref()))
    } else {
        (!conflict).then_some(Choice::Theirs)
    };
    Some(Incoming {
        index: 0,
        conflict: conflict && !change.bookkeeping,
        ours: change.before.clone(),
        default,
        change,
    })
}

/// For a move: `None` where theirs holds base's list of ids as it was (the order is ours' to
/// keep), else whether both reordered the items all three hold, differently. Items added or
/// removed on either side are no reordering.
fn moved_conflict(base: Option<&Node>, ours: Option<&Node>, theirs: Option<&Node>) -> Option<bool> {
    fn ids(n: Option<&Node>) -> Vec<&str> {
        n.and_then(Node::ids).unwrap_or_default()
    }
    let (b, o, t) = (ids(base), ids(ours), ids(theirs));
    if t == b {
        return None;
    }
    let in_all = |s: &[&str]| -> Vec<String> {
        s.iter()
            .filter(|id| b.contains(id) && o.contains(id) && t.contains(id))
            .map(|id| (*id).to_owned())
            .collect()
    };
    let (b, o, t) = (in_all(&b), in_all(&o), in_all(&t));
    Some(o != b && t != b && o != t)
}

/// The side whose instant is later; theirs when they are equal or not instants.
fn later(ours: Option<&Value>, theirs: Option<&Value>) -> Choice {
    let instant = |v: Option<&Value>| {
        v.and_then(Value::as_str)
            .and_then(|s| DateTime::parse_from_rfc3339(s).ok())
            .map(|t| t.with_timezone(&Utc))
    };
    match (instant(ours), instant(theirs)) {
        (Some(o), Some(t)) if o > t => Choice::Ours,
        _ => Choice::Theirs,
    }
}

/// Why the choices could not be applied. [`ResolveError::code`] is stable: the interface
/// translates `merge_error.<code>`; `Display` is English for logs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResolveError {
    /// A conflict was left without a choice: the first such, by its index and pointer.
    Unresolved { index: usize, path: String },
    /// A choice names no incoming change.
    NoSuchChange { index: usize },
    /// The chosen changes do not apply to the plan given (it is not the one the merge was made
    /// for); the error's index is that of the incoming change.
    Apply(ApplyError),
}

impl ResolveError {
    /// Every code, so the interface can check it translates them all.
    pub const CODES: &[&str] = &["unresolved", "no_such_change", "not_applicable"];

    /// Stable snake_case code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            ResolveError::Unresolved { .. } => "unresolved",
            ResolveError::NoSuchChange { .. } => "no_such_change",
            ResolveError::Apply(_) => "not_applicable",
        }
    }
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::Unresolved { index, path } => {
                write!(f, "change {index} at {path:?} is a conflict and has no choice")
            }
            ResolveError::NoSuchChange { index } => write!(f, "there is no change {index}"),
            ResolveError::Apply(e) => write!(f, "the chosen changes do not apply: {e}"),
        }
    }
}

impl std::error::Error for ResolveError {}

/// `ours` with the incoming changes of `merge` taken as chosen: `choices` name changes by
/// index (a later choice for the same change wins); a change not named takes its default. A
/// conflict without a choice is an error, and nothing is applied.
pub fn resolve(
    ours: &Plan,
    merge: &Merge,
    choices: &[(usize, Choice)],
) -> Result<Plan, ResolveError> {
    let mut chosen: Vec<Option<Choice>> = merge.incoming.iter().map(|i| i.default).collect();
    for &(index, choice) in choices {
        let at = merge.incoming.iter().position(|i| i.index == index);
        let slot = at.and_then(|at| chosen.get_mut(at));
        *slot.ok_or(ResolveError::NoSuchChange { index })? = Some(choice);
    }
    let mut taken = Vec::new();
    let mut taken_index = Vec::new();
    for (incoming, choice) in merge.incoming.iter().zip(chosen) {
        match choice {
            None => {
                return Err(ResolveError::Unresolved {
                    index: incoming.index,
                    path: incoming.change.path.clone(),
                });
            }
            Some(Choice::Theirs) => {
                taken.push(incoming.change.clone());
                taken_index.push(incoming.index);
            }
            Some(Choice::Ours) => {}
        }
    }
    apply(ours, &taken).map_err(|e| {
        let index_of = |i: usize| taken_index.get(i).copied().unwrap_or(i);
        ResolveError::Apply(match e {
            ApplyError::NotFound { index, path } => {
                ApplyError::NotFound { index: index_of(index), path }
            }
            ApplyError::AlreadyPresent { index, path } => {
                ApplyError::AlreadyPresent { index: index_of(index), path }
            }
            ApplyError::Malformed { index, path } => {
                ApplyError::Malformed { index: index_of(index), path }
            }
            other @ ApplyError::NotAPlan { .. } => other,
        })
    })
}
