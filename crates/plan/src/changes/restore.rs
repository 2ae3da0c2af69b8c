//! What a partner file withheld is not something the partner changed.
//!
//! Without consent to share special-category data, a partner file replaces the free texts of
//! private items by a fixed label and marks them `"withheld"`, empties the lists of such data,
//! leaves such scores out, resets the safety screening and drops the protection referrals
//! (`crate::interchange::partner`). Read as it is, the file would "change" all of that back
//! into the plan. So before it is compared, the file is given back what was withheld from it:
//! the withholding is done again on the plan the file was made from (the copy that was sent
//! when it is known, else the plan on screen), and wherever the file still holds exactly what
//! that gives, it holds nothing of the partner's and takes the plan's value instead. Whatever
//! the partner did change differs from it and stays. Doing the withholding again, rather than
//! listing here what it touches, keeps the two in step when the withholding grows.

use serde_json::Value;

use super::doc::Node;
use crate::interchange::partner::withhold_private;
use crate::model::{Plan, PrivacyCategory};

/// The field that marks a withheld item of a partner file.
pub(super) const WITHHELD: &str = "withheld";

/// `theirs` as it is compared with `ours`: a partner file with what it withheld given back
/// from `sent` (the plan it was made from, or the best guess of it) and its `partner_file`
/// record replaced by that of `ours`; any withheld mark left out.
pub(super) fn incoming(theirs: &Plan, sent: &Plan, ours: &Plan) -> Node {
    let file = Node::of(theirs);
    let restored = match &theirs.partner_file {
        None => file,
        Some(record) => {
            // What the partner received, had the file been made from `sent`.
            let mut seen = if record.special_category_shared {
                sent.clone()
            } else {
                withhold_private(sent).0
            };
            seen.partner_file = theirs.partner_file.clone();
            let mut sent = sent.clone();
            sent.partner_file = ours.partner_file.clone();
            restore(Some(&Node::of(&seen)), Some(&Node::of(&sent)), &file).unwrap_or(file)
        }
    };
    without_marks(restored)
}

/// Whether `text` is the label a partner file puts in place of a withheld text: never an edit.
pub(super) fn is_withheld_label(text: &str) -> bool {
    PrivacyCategory::ALL.iter().any(|c| c.withheld_label() == text)
}

/// `theirs` where it still holds what the partner `seen` takes the value `sent` holds there;
/// `None` where that is no value at all.
fn restore(seen: Option<&Node>, sent: Option<&Node>, theirs: &Node) -> Option<Node> {
    if seen.is_some_and(|seen| seen.same(theirs)) {
        return sent.cloned();
    }
    let (Some(seen), Some(sent)) = (seen, sent) else { return Some(theirs.clone()) };
    Some(match (seen, sent, theirs) {
        (Node::Object(_), Node::Object(sent_fields), Node::Object(fields)) => {
            let mut out: Vec<(String, Node)> = fields
                .iter()
                .filter_map(|(k, v)| restore(seen.get(k), sent.get(k), v).map(|v| (k.clone(), v)))
                .collect();
            // Fields the withholding left out altogether.
            out.extend(
                sent_fields
                    .iter()
                    .filter(|(k, _)| theirs.get(k).is_none() && seen.get(k).is_none())
                    .cloned(),
            );
            Node::Object(out)
        }
        (Node::List(seen_items), Node::List(sent_items), Node::List(items)) => {
            match (seen.ids(), sent.ids(), theirs.ids()) {
                (Some(_), Some(_), Some(_)) => {
                    let mut out: Vec<Node> = items
                        .iter()
                        .map(|item| {
                            let id = item.id().unwrap_or_default();
                            let (seen, sent) = (seen.item(id), sent.item(id));
                            restore(seen.map(|(_, n)| n), sent.map(|(_, n)| n), item)
                                .unwrap_or_else(|| item.clone())
                        })
                        .collect();
                    // Items the withholding took out of the list (protection referrals).
                    out.extend(
                        sent_items
                            .iter()
                            .filter(|n| {
                                let id = n.id().unwrap_or_default();
                                theirs.item(id).is_none() && seen.item(id).is_none()
                            })
                            .cloned(),
                    );
                    Node::List(out)
                }
                // A list without ids (priorities): the withholding changes its items in place,
                // so an item the partner left as received is found at its place, or elsewhere
                // if the partner added or removed some before it.
                _ => Node::List(
                    items
                        .iter()
                        .enumerate()
                        .map(|(i, item)| {
                            let unchanged = std::iter::once(i)
                                .chain(0..seen_items.len())
                                .find(|&j| seen_items.get(j).is_some_and(|s| s.same(item)));
                            let j = unchanged.unwrap_or(i);
                            match (seen_items.get(j), sent_items.get(j)) {
                                (Some(s), Some(r)) => {
                                    restore(Some(s), Some(r), item).unwrap_or_else(|| item.clone())
                                }
                                _ => item.clone(),
                            }
                        })
                        .collect(),
                ),
            }
        }
        _ => theirs.clone(),
    })
}

/// `node` without any withheld mark (a `withheld` field holding a category's code): the marks
/// are the file's, never the plan's.
fn without_marks(node: Node) -> Node {
    match node {
        Node::Object(fields) => Node::Object(
            fields
                .into_iter()
                .filter(|(k, v)| !(k == WITHHELD && matches!(v, Node::Leaf(Value::String(_)))))
                .map(|(k, v)| (k, without_marks(v)))
                .collect(),
        ),
        Node::List(items) => Node::List(items.into_iter().map(without_marks).collect()),
        leaf => leaf,
    }
}
