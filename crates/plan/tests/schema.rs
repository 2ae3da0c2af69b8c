//! The checked-in schema is what the types generate, and it is a real check of documents.
//!
//! When a change to the model is intended, regenerate the file with
//! `UPDATE_SCHEMA=1 cargo test -p homeward-plan --test schema` (or
//! `cargo run -p homeward-plan --example write_schema > schema/plan.v3.schema.json`)
//! and commit it with the change: partners read that file.

mod common;

use std::path::PathBuf;

use homeward_plan::interchange::{VERSION, export_json, plan_schema_json};
use serde_json::{Value, json};

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/plan.v3.schema.json")
}

fn checked_in_schema() -> Value {
    let text = std::fs::read_to_string(schema_path()).expect("schema/plan.v3.schema.json exists");
    serde_json::from_str(&text).expect("checked-in schema is JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&checked_in_schema())
        .expect("the checked-in schema is a valid draft 2020-12 schema")
}

#[test]
fn schema_is_up_to_date() {
    let generated = plan_schema_json();
    if std::env::var("UPDATE_SCHEMA").is_ok_and(|v| v == "1") {
        std::fs::write(schema_path(), &generated).expect("schema written");
    }
    let on_disk = std::fs::read_to_string(schema_path()).unwrap_or_default();
    assert!(
        on_disk == generated,
        "schema/plan.v3.schema.json differs from the types; if the change is intended, run \
         UPDATE_SCHEMA=1 cargo test -p homeward-plan --test schema"
    );
}

/// Versions 1 and 2 stay published as they were: partners validate older files with them.
#[test]
fn the_older_schemas_stay_published() {
    assert_eq!(checked_in_schema()["properties"]["version"]["const"], VERSION);
    for old in 1..VERSION {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join(format!("../../schema/plan.v{old}.schema.json"));
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("older schema"))
                .expect("older schema is JSON");
        assert_eq!(schema["properties"]["version"]["const"], old);
        assert_ne!(schema, checked_in_schema());
    }
}

#[test]
fn the_schema_declares_draft_2020_12() {
    assert_eq!(checked_in_schema()["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

fn errors(doc: &Value) -> Vec<String> {
    validator().iter_errors(doc).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

#[test]
fn the_schema_refuses_what_import_refuses() {
    let plan = common::full_family_plan();
    let good: Value = serde_json::from_str(&export_json(&plan, &common::programme())).unwrap();
    assert_eq!(errors(&good), Vec::<String>::new());

    let mut cases: Vec<(&str, Value)> = Vec::new();
    let mut v = good.clone();
    v["format"] = json!("other.format");
    cases.push(("format", v));
    let mut v = good.clone();
    v["version"] = json!(VERSION + 1);
    cases.push(("version", v));
    let mut v = good.clone();
    v["surprise"] = json!(true);
    cases.push(("unknown top-level field", v));
    let mut v = good.clone();
    v["goals"][0]["measures"][0]["colour"] = json!("red");
    cases.push(("unknown nested field", v));
    let mut v = good.clone();
    v["goals"][0]["measures"][0]["estimated_cost"]["amount_minor"] = json!(12.5);
    cases.push(("float amount", v));
    let mut v = good.clone();
    v["goals"][0]["measures"][0]["estimated_cost"]["currency"] = json!("euro");
    cases.push(("currency code", v));
    let mut v = good.clone();
    v["goals"][0]["measures"][0]["measure_type"] = json!("space_travel");
    cases.push(("measure type", v));
    let mut v = good.clone();
    v["case"]["return_date"] = json!("02/10/2026");
    cases.push(("date format", v));
    let mut v = good.clone();
    v["updated_at"] = json!("yesterday");
    cases.push(("timestamp format", v));
    let mut v = good.clone();
    v["id"] = json!("not-a-uuid");
    cases.push(("uuid format", v));
    let mut v = good;
    v.as_object_mut().unwrap().remove("consent");
    cases.push(("missing section", v));

    for (what, doc) in cases {
        assert!(!errors(&doc).is_empty(), "the schema accepted a document with a bad {what}");
        let text = serde_json::to_string(&doc).unwrap();
        assert!(
            homeward_plan::interchange::import_json(
                &text,
                common::today(),
                Some(&common::programme())
            )
            .is_err(),
            "import accepted a document with a bad {what}"
        );
    }
}
