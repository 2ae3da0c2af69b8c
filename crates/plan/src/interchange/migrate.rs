//! Migrations bring a document of an older version up to [`VERSION`], one version at a time,
//! on the parsed JSON value before it is read into the model.
//!
//! To publish a new version: bump [`VERSION`], add `(from, step)` to [`STEPS`] (a function that
//! rewrites a document of version `from` into one of `from + 1`), keep fixtures of the older
//! version and test that they import with nothing lost.
//!
//! A step rewrites only what has the shape it expects and leaves anything else as it is, so
//! the reader that follows refuses a broken document with the right path.

use serde_json::Value;

use super::VERSION;

/// Why a document could not be migrated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationError {
    /// JSON Pointer of the value the step could not rewrite.
    pub path: String,
    /// English detail, for logs only.
    pub detail: String,
}

/// A step rewrites a document of version `from` into version `from + 1`.
pub type Step = fn(&mut Value) -> Result<(), MigrationError>;

/// The published steps, by the version they start from.
pub const STEPS: &[(u32, Step)] = &[(1, v1_to_v2)];

/// Version 2 adds privacy: the counsellor's `private` mark on goals, measures, referrals,
/// priorities, payments, follow-ups and debts (none was marked in version 1), and priorities
/// become objects `{ "text": ..., "private": false }`. One line per change; add yours below.
fn v1_to_v2(doc: &mut Value) -> Result<(), MigrationError> {
    for priority in items_mut(doc, "/needs/priorities") {
        if let Value::String(text) = priority {
            *priority = serde_json::json!({ "text": std::mem::take(text), "private": false });
        }
    }
    for list in ["/goals", "/case/debts", "/budget/tranches", "/referrals", "/follow_ups"] {
        items_mut(doc, list).for_each(not_private);
    }
    for goal in items_mut(doc, "/goals") {
        items_mut(goal, "/measures").for_each(not_private);
    }
    Ok(())
}

/// The items of the array at `pointer`, none if there is no array there.
fn items_mut<'a>(doc: &'a mut Value, pointer: &str) -> impl Iterator<Item = &'a mut Value> {
    doc.pointer_mut(pointer).and_then(Value::as_array_mut).into_iter().flatten()
}

/// Adds `"private": false` to an object that has no mark yet.
fn not_private(item: &mut Value) {
    if let Some(obj) = item.as_object_mut() {
        obj.entry("private").or_insert(Value::Bool(false));
    }
}

/// The oldest version this build can read: the first version from which an unbroken chain of
/// steps leads to [`VERSION`].
pub fn oldest_supported() -> u32 {
    oldest_in(STEPS, VERSION)
}

fn oldest_in(steps: &[(u32, Step)], to: u32) -> u32 {
    let mut oldest = to;
    while oldest > 0 && steps.iter().any(|(from, _)| *from == oldest - 1) {
        oldest -= 1;
    }
    oldest
}

/// Migrates `doc` from version `from` to [`VERSION`] and sets its `version` field.
pub fn migrate(doc: Value, from: u32) -> Result<Value, MigrationError> {
    run(doc, from, VERSION, STEPS)
}

fn run(mut doc: Value, from: u32, to: u32, steps: &[(u32, Step)]) -> Result<Value, MigrationError> {
    for v in from..to {
        let Some((_, step)) = steps.iter().find(|(f, _)| *f == v) else {
            return Err(MigrationError {
                path: "/version".into(),
                detail: format!("no migration from version {v}"),
            });
        };
        step(&mut doc)?;
    }
    if let Some(obj) = doc.as_object_mut() {
        obj.insert("version".into(), Value::from(to));
    }
    Ok(doc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A made-up version 0 that called the case reference `reference`, to prove the seam.
    fn v0_to_v1(doc: &mut Value) -> Result<(), MigrationError> {
        let case = doc
            .get_mut("case")
            .and_then(Value::as_object_mut)
            .ok_or(MigrationError { path: "/case".into(), detail: "not an object".into() })?;
        if let Some(r) = case.remove("reference") {
            case.insert("case_reference".into(), r);
        }
        Ok(())
    }

    const TEST_STEPS: &[(u32, Step)] = &[(0, v0_to_v1)];

    #[test]
    fn steps_run_in_order_and_set_the_version() {
        let doc = json!({"format": "homeward.plan", "version": 0, "case": {"reference": "C1"}});
        let out = run(doc, 0, 1, TEST_STEPS).unwrap();
        assert_eq!(out["version"], json!(1));
        assert_eq!(out["case"], json!({"case_reference": "C1"}));
        assert_eq!(oldest_in(TEST_STEPS, 1), 0);
    }

    #[test]
    fn a_missing_step_or_a_failing_step_is_an_error() {
        let err = run(json!({}), 0, 2, TEST_STEPS).unwrap_err();
        assert_eq!(err.path, "/case");
        let err = run(json!({"case": {}}), 0, 2, TEST_STEPS).unwrap_err();
        assert_eq!(err.detail, "no migration from version 1");
    }

    #[test]
    fn version_1_is_the_oldest_read_and_the_current_version_is_left_alone() {
        assert_eq!(oldest_supported(), 1);
        let doc = json!({"version": VERSION});
        assert_eq!(migrate(doc.clone(), VERSION).unwrap(), doc);
    }

    #[test]
    fn v1_to_v2_makes_priorities_objects_and_marks_nothing_private() {
        let doc = json!({
            "version": 1,
            "case": {"debts": [{"creditor": "Uncle"}]},
            "needs": {"priorities": ["A home", "Work"]},
            "goals": [{"title": "G", "measures": [{"description": "M"}, {}]}, {"measures": []}],
            "budget": {"tranches": [{"purpose": "P"}]},
            "referrals": [{"purpose": "R"}],
            "follow_ups": [{"outcome": ""}],
        });
        let out = migrate(doc, 1).unwrap();
        assert_eq!(out["version"], json!(2));
        assert_eq!(
            out["needs"]["priorities"],
            json!([{"text": "A home", "private": false}, {"text": "Work", "private": false}])
        );
        assert_eq!(out["case"]["debts"], json!([{"creditor": "Uncle", "private": false}]));
        assert_eq!(
            out["goals"][0],
            json!({"title": "G", "private": false, "measures": [
                {"description": "M", "private": false}, {"private": false}
            ]})
        );
        assert_eq!(out["goals"][1]["private"], json!(false));
        assert_eq!(out["budget"]["tranches"][0]["private"], json!(false));
        assert_eq!(out["referrals"][0]["private"], json!(false));
        assert_eq!(out["follow_ups"][0]["private"], json!(false));
    }

    #[test]
    fn v1_to_v2_leaves_unexpected_shapes_for_the_reader_to_refuse() {
        let doc = json!({"needs": {"priorities": [3, {"text": "x"}]}, "goals": {"a": 1}});
        let out = migrate(doc.clone(), 1).unwrap();
        assert_eq!(out["needs"], doc["needs"]);
        assert_eq!(out["goals"], doc["goals"]);
    }
}
