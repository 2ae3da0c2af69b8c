//! The comparison itself, on the ordered JSON form (see `doc`).

use serde_json::Value;

use super::doc::Node;
use super::{Change, ChangeKind, Segment};
use crate::assessment::escape_pointer;

/// Where the walk is: the address, and the positional pointers in either document (they
/// differ once a list holds its items in another order).
#[derive(Clone)]
struct At {
    address: Vec<Segment>,
    older: String,
    newer: String,
}

impl At {
    fn key(&self, key: &str) -> At {
        let segment = escape_pointer(key);
        let mut address = self.address.clone();
        address.push(Segment::Key(key.to_owned()));
        At {
            address,
            older: format!("{}/{segment}", self.older),
            newer: format!("{}/{segment}", self.newer),
        }
    }

    fn item(&self, id: &str, older: Option<usize>, newer: Option<usize>) -> At {
        let mut address = self.address.clone();
        address.push(Segment::Id(id.to_owned()));
        let at = |base: &str, i: Option<usize>| match i {
            Some(i) => format!("{base}/{i}"),
            None => base.to_owned(),
        };
        At { address, older: at(&self.older, older), newer: at(&self.newer, newer) }
    }
}

/// Every difference from `older` to `newer`, both whole documents.
pub(super) fn diff(older: &Node, newer: &Node) -> Vec<Change> {
    let mut out = Vec::new();
    let root = At { address: Vec::new(), older: String::new(), newer: String::new() };
    compare(older, newer, &root, &mut out);
    out
}

fn compare(older: &Node, newer: &Node, at: &At, out: &mut Vec<Change>) {
    match (older, newer) {
        (Node::Object(old_fields), Node::Object(new_fields)) => {
            for (key, value) in new_fields {
                match older.get(key) {
                    Some(old) => compare(old, value, &at.key(key), out),
                    None => push(out, ChangeKind::Added, &at.key(key), None, Some(value)),
                }
            }
            for (key, value) in old_fields {
                if newer.get(key).is_none() {
                    push(out, ChangeKind::Removed, &at.key(key), Some(value), None);
                }
            }
        }
        (Node::List(_), Node::List(_)) => match (older.ids(), newer.ids()) {
            (Some(old_ids), Some(new_ids)) => {
                compare_items(older, newer, &old_ids, &new_ids, at, out)
            }
            _ if older.same(newer) => {}
            _ => push(out, ChangeKind::Changed, at, Some(older), Some(newer)),
        },
        _ if older.same(newer) => {}
        _ => push(out, ChangeKind::Changed, at, Some(older), Some(newer)),
    }
}

/// Two lists matched by id: the items of the newer in its order (added, or compared with the
/// older), the items gone, then one move if the newer order is not the older one with the
/// added items at the end (which is where [`super::apply`] puts them).
fn compare_items(
    older: &Node,
    newer: &Node,
    old_ids: &[&str],
    new_ids: &[&str],
    at: &At,
    out: &mut Vec<Change>,
) {
    for (n, id) in new_ids.iter().enumerate() {
        let Some((_, new)) = newer.item(id) else { continue };
        match older.item(id) {
            Some((o, old)) => compare(old, new, &at.item(id, Some(o), Some(n)), out),
            None => push(out, ChangeKind::Added, &at.item(id, None, Some(n)), None, Some(new)),
        }
    }
    for (o, id) in old_ids.iter().enumerate() {
        if !new_ids.contains(id)
            && let Some((_, old)) = older.item(id)
        {
            push(out, ChangeKind::Removed, &at.item(id, Some(o), None), Some(old), None);
        }
    }
    let kept = old_ids.iter().filter(|id| new_ids.contains(id));
    let added = new_ids.iter().filter(|id| !old_ids.contains(id));
    if !kept.chain(added).eq(new_ids.iter()) {
        let ids =
            |ids: &[&str]| Value::from(ids.iter().map(|id| Value::from(*id)).collect::<Vec<_>>());
        out.push(Change {
            section: section(&at.address),
            kind: ChangeKind::Moved,
            address: at.address.clone(),
            path: at.newer.clone(),
            before: Some(ids(old_ids)),
            after: Some(ids(new_ids)),
            bookkeeping: false,
        });
    }
}

fn push(
    out: &mut Vec<Change>,
    kind: ChangeKind,
    at: &At,
    before: Option<&Node>,
    after: Option<&Node>,
) {
    let path = if kind == ChangeKind::Removed { &at.older } else { &at.newer };
    out.push(Change {
        section: section(&at.address),
        kind,
        address: at.address.clone(),
        path: path.clone(),
        before: before.map(Node::to_value),
        after: after.map(Node::to_value),
        bookkeeping: Change::is_bookkeeping(&at.address),
    });
}

/// The top-level field an address is under.
fn section(address: &[Segment]) -> String {
    match address.first() {
        Some(Segment::Key(key) | Segment::Id(key)) => key.clone(),
        None => String::new(),
    }
}
