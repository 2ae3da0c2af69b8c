//! The plan's JSON form with its fields in the order the file writes them. `serde_json::Value`
//! sorts the keys of an object, so it cannot say that `case` comes before `household`; this
//! tree keeps the order of the serialized text, so changes are listed as the plan reads, down
//! to the fields of an item, and a field added to the model tomorrow takes its place without a
//! list of sections to keep up to date here.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::Segment;
use crate::model::Plan;

/// A JSON value whose objects keep their fields in document order.
#[derive(Debug, Clone)]
pub(super) enum Node {
    /// `null`, a boolean, a number or a string.
    Leaf(Value),
    List(Vec<Node>),
    Object(Vec<(String, Node)>),
}

/// The name of the field that identifies an item of a list.
pub(super) const ID: &str = "id";

/// The plan's JSON text, written the way the export writes it. Every conversion of a whole plan
/// goes through this one writer (and [`plan_from_value`] as its one reader): each other way of
/// (de)serialising the plan's deep type would add its own copy of that code to the app's wasm.
fn plan_text(plan: &Plan) -> String {
    serde_json::to_string_pretty(plan).unwrap_or_default()
}

/// The plan as a JSON value (`Value::Null` if it could not be written, which the model never
/// does: see [`Node::of`]).
pub fn plan_value(plan: &Plan) -> Value {
    serde_json::from_str(&plan_text(plan)).unwrap_or_default()
}

/// The plan a JSON value holds, read as an imported file is read (see [`plan_text`]).
pub fn plan_from_value(doc: &Value) -> Result<Plan, String> {
    let text = serde_json::to_string(doc).unwrap_or_default();
    crate::reading::read(&text).map_err(|fault| format!("{}: {}", fault.pointer, fault.detail()))
}

impl Node {
    /// The plan as the file writes it.
    pub(super) fn of(plan: &Plan) -> Node {
        // Cannot fail: every map key of the model is a string and no Serialize impl of the
        // model returns an error (the export relies on the same). Should it ever, an empty
        // document lists every section as removed, never a panic that would take the plan on
        // screen down.
        serde_json::from_str(&plan_text(plan)).unwrap_or(Node::Object(Vec::new()))
    }

    /// The same value as a `serde_json::Value` (whose objects forget the order).
    pub(super) fn to_value(&self) -> Value {
        match self {
            Node::Leaf(v) => v.clone(),
            Node::List(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            Node::Object(fields) => {
                Value::Object(fields.iter().map(|(k, v)| (k.clone(), v.to_value())).collect())
            }
        }
    }

    /// The field `key` of an object.
    pub(super) fn get(&self, key: &str) -> Option<&Node> {
        match self {
            Node::Object(fields) => fields.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The `id` string of an object.
    pub(super) fn id(&self) -> Option<&str> {
        match self.get(ID) {
            Some(Node::Leaf(Value::String(id))) => Some(id),
            _ => None,
        }
    }

    /// The ids of a list whose items are all objects with a distinct `id` string, in order;
    /// `None` for any other value. An empty list is such a list.
    pub(super) fn ids(&self) -> Option<Vec<&str>> {
        let Node::List(items) = self else { return None };
        let ids: Vec<&str> = items.iter().map(Node::id).collect::<Option<_>>()?;
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        sorted.dedup();
        // Two items with one id cannot be told apart: such a list is compared as a whole.
        (sorted.len() == ids.len()).then_some(ids)
    }

    /// The item with `id` of a list, with its position.
    pub(super) fn item(&self, id: &str) -> Option<(usize, &Node)> {
        match self {
            Node::List(items) => items.iter().enumerate().find(|(_, n)| n.id() == Some(id)),
            _ => None,
        }
    }

    /// The value at `address`, if the document holds it.
    pub(super) fn at(&self, address: &[Segment]) -> Option<&Node> {
        address.iter().try_fold(self, |node, segment| match segment {
            Segment::Key(key) => node.get(key),
            Segment::Id(id) => node.item(id).map(|(_, n)| n),
        })
    }

    /// Equal as JSON: the order of an object's fields does not count, that of a list's items
    /// does.
    pub(super) fn same(&self, other: &Node) -> bool {
        match (self, other) {
            (Node::Leaf(a), Node::Leaf(b)) => a == b,
            (Node::List(a), Node::List(b)) => {
                a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.same(y))
            }
            (Node::Object(a), Node::Object(b)) => {
                // Keys are distinct within an object, so as many fields, each found, is all.
                a.len() == b.len() && a.iter().all(|(k, v)| other.get(k).is_some_and(|w| v.same(w)))
            }
            _ => false,
        }
    }
}

/// Whether two optional values are the same, absent counting as a value of its own.
pub(super) fn same(a: Option<&Node>, b: Option<&Node>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.same(b),
        (None, None) => true,
        _ => false,
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Leaf(Value::Bool(v)))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Leaf(Value::from(v)))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Leaf(Value::from(v)))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Leaf(serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Leaf(Value::String(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Leaf(Value::String(v)))
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Leaf(Value::Null))
    }

    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Leaf(Value::Null))
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        Node::deserialize(deserializer)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::List(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut fields: Vec<(String, Node)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Node>()? {
            // A key written twice keeps its last value, as `serde_json::Value` does.
            match fields.iter_mut().find(|(k, _)| *k == key) {
                Some(field) => field.1 = value,
                None => fields.push((key, value)),
            }
        }
        Ok(Node::Object(fields))
    }
}
