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
pub const STEPS: &[(u32, Step)] = &[(1, v1_to_v2), (2, v2_to_v3)];

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
    // Safety on return: no question of the screening was asked in version 1.
    if let Some(obj) = doc.as_object_mut() {
        let nothing_asked = serde_json::to_value(crate::protection::Protection::default())
            .map_err(|e| MigrationError { path: "/protection".into(), detail: e.to_string() })?;
        obj.entry("protection").or_insert(nothing_asked);
    }
    Ok(())
}

/// Version 3 follows the IOM plan template (Annex 3) and the partner's round trip: the
/// returnee's nationality, host country, departure date and contact after return; household
/// members' gender, schooling and vulnerabilities; targets and follow-up scores per dimension;
/// a measure's line items, actual cost and delivery day; a payment's timing, payment day and
/// amount and the measures it pays; a referral's contact, agreement and outcome; the counsellor,
/// the revision and the day the plan closed. Nothing of it was recorded in version 2, so each
/// gets its empty value.
fn v2_to_v3(doc: &mut Value) -> Result<(), MigrationError> {
    use serde_json::json;
    let empty_scores = json!({"economic": null, "social": null, "psychosocial": null});
    fill(
        doc.pointer_mut("/case"),
        &[
            ("nationality", json!("")),
            ("host_country", json!("")),
            ("departure_date", Value::Null),
            (
                "contact_after_return",
                json!({"phone": "", "address": "", "preferred": null, "note": ""}),
            ),
        ],
    );
    for member in items_mut(doc, "/household") {
        fill(
            Some(member),
            &[("gender", Value::Null), ("schooling", Value::Null), ("vulnerabilities", json!([]))],
        );
    }
    fill(doc.pointer_mut("/needs"), &[("targets", empty_scores.clone())]);
    for goal in items_mut(doc, "/goals") {
        for measure in items_mut(goal, "/measures") {
            fill(
                Some(measure),
                &[
                    ("items", json!([])),
                    ("actual_cost", Value::Null),
                    ("delivered_on", Value::Null),
                ],
            );
        }
    }
    for tranche in items_mut(doc, "/budget/tranches") {
        fill(
            Some(tranche),
            &[
                ("at_departure", json!(false)),
                ("paid_on", Value::Null),
                ("paid_amount", Value::Null),
                ("measure_ids", json!([])),
            ],
        );
    }
    for referral in items_mut(doc, "/referrals") {
        fill(
            Some(referral),
            &[
                ("contact", json!("")),
                ("returnee_agreed", Value::Null),
                ("outcome", json!("")),
                ("outcome_on", Value::Null),
            ],
        );
    }
    for follow_up in items_mut(doc, "/follow_ups") {
        fill(Some(follow_up), &[("scores", empty_scores.clone())]);
    }
    fill(
        Some(doc),
        &[
            ("counsellor", json!({"name": "", "organisation": ""})),
            ("revision", json!(0)),
            ("closed_on", Value::Null),
        ],
    );
    Ok(())
}

/// Adds each `(field, value)` to the object that lacks the field; anything but an object is
/// left for the reader to refuse.
fn fill(item: Option<&mut Value>, fields: &[(&str, Value)]) {
    if let Some(obj) = item.and_then(Value::as_object_mut) {
        for (field, value) in fields {
            obj.entry(*field).or_insert_with(|| value.clone());
        }
    }
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
        let out = run(doc, 1, 2, STEPS).unwrap();
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
    fn v2_to_v3_gives_every_new_field_its_empty_value() {
        let doc = json!({
            "version": 2,
            "case": {"case_reference": "C"},
            "household": [{"relationship": "child"}],
            "needs": {},
            "goals": [{"measures": [{"description": "M"}]}],
            "budget": {"tranches": [{"paid": true}]},
            "referrals": [{"organisation": "O"}],
            "follow_ups": [{"outcome": "x"}],
        });
        let out = migrate(doc, 2).unwrap();
        assert_eq!(out["version"], json!(VERSION));
        assert_eq!(out["case"]["host_country"], json!(""));
        assert_eq!(out["case"]["contact_after_return"]["phone"], json!(""));
        assert_eq!(out["household"][0]["vulnerabilities"], json!([]));
        assert_eq!(out["needs"]["targets"]["social"], json!(null));
        assert_eq!(out["goals"][0]["measures"][0]["items"], json!([]));
        assert_eq!(out["budget"]["tranches"][0]["at_departure"], json!(false));
        assert_eq!(out["budget"]["tranches"][0]["paid"], json!(true));
        assert_eq!(out["referrals"][0]["returnee_agreed"], json!(null));
        assert_eq!(out["follow_ups"][0]["scores"]["economic"], json!(null));
        assert_eq!(out["revision"], json!(0));
        assert_eq!(out["counsellor"], json!({"name": "", "organisation": ""}));
    }

    #[test]
    fn v1_to_v2_leaves_unexpected_shapes_for_the_reader_to_refuse() {
        let doc = json!({"needs": {"priorities": [3, {"text": "x"}]}, "goals": {"a": 1}});
        let out = run(doc.clone(), 1, 2, STEPS).unwrap();
        assert_eq!(out["needs"], doc["needs"]);
        assert_eq!(out["goals"], doc["goals"]);
    }
}
