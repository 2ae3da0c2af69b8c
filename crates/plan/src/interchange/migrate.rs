//! Migrations bring a document of an older version up to [`VERSION`], one version at a time,
//! on the parsed JSON value before it is read into the model.
//!
//! Version 1 is the first published version, so there is no step yet. To publish version 2:
//! bump [`VERSION`], add `(1, v1_to_v2)` to [`STEPS`] (a function that rewrites a version-1
//! document into a version-2 one), keep a version-1 fixture and test that it imports.

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

/// The published steps, by the version they start from. Empty while only version 1 exists.
pub const STEPS: &[(u32, Step)] = &[];

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
    fn today_only_version_1_is_read() {
        assert_eq!(oldest_supported(), VERSION);
        let doc = json!({"version": 1});
        assert_eq!(migrate(doc.clone(), VERSION).unwrap(), doc);
    }
}
