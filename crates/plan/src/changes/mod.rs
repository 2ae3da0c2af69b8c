//! What changed between two plans, and the three-way merge of the partner's round trip.
//!
//! A counsellor sends a plan to a partner organisation; the partner records follow-ups, scores
//! and payments and sends the file back. When a file of a plan that is already open is opened,
//! the interface shows what changed, section by section, before anything is replaced, and
//! where both sides changed the same thing the person chooses. Nothing is lost silently.
//!
//! Everything here works on the plan's JSON form, the file's own shape, so a field added to the
//! model is compared, shown and applied without a line here:
//! - objects are compared field by field; a field on one side only is added or removed;
//! - a list whose items all carry a distinct `id` string (goals, measures, household, debts,
//!   payments, referrals, follow-ups, protection referrals...) is matched by id, so a reordered
//!   list is one [`ChangeKind::Moved`], not every row changed;
//! - any other list (priorities, languages, identity documents...) and any scalar is compared
//!   as a whole.
//!
//! A [`Change`] is addressed by keys and ids ([`Segment`]), so it applies to the right item
//! wherever that item stands by then ([`apply`]); its `path` is the positional JSON Pointer
//! that [`crate::subject::subject`] and the findings use to name it.
//!
//! [`merge`] lists what an opened file brings into the plan on screen (theirs against ours,
//! knowing the copy that was sent when it can), marks conflicts, and leaves out what a partner
//! file only withheld; [`resolve`] applies the person's choices.

mod apply;
mod diff;
mod doc;
mod merge;
mod restore;
#[cfg(test)]
mod tests;

use serde_json::Value;

use crate::code::codes;
use crate::model::Plan;

pub use apply::{ApplyError, apply};
pub use doc::{plan_from_value, plan_value};
pub use merge::{Choice, Incoming, Merge, ResolveError, merge, resolve};

/// One step of a change's address: a field of an object, or the item of a list with this id.
/// Ids, not positions, so a change lands on its item after the list was reordered.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Segment {
    Key(String),
    Id(String),
}

/// What happened at an address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeKind {
    /// A field or an item that only the newer plan holds; `after` is all of it.
    Added,
    /// A value both plans hold, different; `before` and `after` are the whole value.
    Changed,
    /// A field or an item that only the older plan holds; `before` is all of it.
    Removed,
    /// The items of a list by id stand in another order: `before` and `after` are the lists of
    /// ids, older and newer.
    Moved,
}

codes!(ChangeKind {
    Added => "added",
    Changed => "changed",
    Removed => "removed",
    Moved => "moved",
});

/// Top-level fields whose changes are the plan's own bookkeeping, not something a person
/// entered: the interface may hide them, they are applied all the same.
pub const BOOKKEEPING: [&str; 2] = ["created_at", "updated_at"];

/// One difference between two plans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The top-level field of the document it is under (`case`, `goals`, `budget`...), or the
    /// top-level field itself (`updated_at`): the section the interface lists it in.
    pub section: String,
    pub kind: ChangeKind,
    /// Where it applies, by keys and ids.
    pub address: Vec<Segment>,
    /// JSON Pointer of the place, by position: in the newer plan for an added, changed or
    /// moved thing, in the older for a removed one (e.g. `/goals/0/measures/2/status`).
    pub path: String,
    /// The value in the older plan (none for an added thing).
    pub before: Option<Value>,
    /// The value in the newer plan (none for a removed thing).
    pub after: Option<Value>,
    /// A change of [`BOOKKEEPING`] the interface may hide.
    pub bookkeeping: bool,
}

impl Change {
    /// Whether `address` is that of a bookkeeping field.
    fn is_bookkeeping(address: &[Segment]) -> bool {
        matches!(address, [Segment::Key(key)] if BOOKKEEPING.contains(&key.as_str()))
    }
}

/// Every difference from `older` to `newer`, in document order of the sections (within a
/// list: its items in the newer order, then the removed ones, then the move).
/// `apply(older, &changes(older, newer))` gives `newer`.
pub fn changes(older: &Plan, newer: &Plan) -> Vec<Change> {
    diff::diff(&doc::Node::of(older), &doc::Node::of(newer))
}
