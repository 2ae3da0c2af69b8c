//! Import: every way a file can be refused, with its code, JSON Pointer and position.

mod common;

use homeward_plan::interchange::{
    ImportError, MAX_IMPORT_BYTES, VERSION, export_json, import_json,
};
use serde_json::{Value, json};

fn import(text: &str) -> Result<homeward_plan::interchange::Imported, ImportError> {
    import_json(text, common::today(), Some(&common::programme()))
}

fn family_doc() -> Value {
    serde_json::from_str(&export_json(&common::full_family_plan(), &common::programme())).unwrap()
}

fn err(doc: &Value) -> ImportError {
    import(&serde_json::to_string_pretty(doc).unwrap()).unwrap_err()
}

#[test]
fn not_json_says_where() {
    for (text, line, column) in
        [("", 1, 0), ("{\n  \"format\": \"homeward.plan\",\n  oops\n}", 3, 3)]
    {
        let e = import(text).unwrap_err();
        assert_eq!(e.code(), "not_json", "{text:?}");
        assert_eq!((e.line(), e.column()), (Some(line), Some(column)), "{text:?}");
        assert_eq!(e.path(), "");
    }
    let truncated = &export_json(&common::full_family_plan(), &common::programme())[..500];
    assert_eq!(import(truncated).unwrap_err().code(), "not_json");
    assert_eq!(import("{} trailing").unwrap_err().code(), "not_json");
}

#[test]
fn not_a_plan() {
    for text in ["[]", "42", "\"homeward.plan\"", "null", "{}", r#"{"version": 1}"#] {
        let e = import(text).unwrap_err();
        assert_eq!(e, ImportError::NotAPlan { found_format: None }, "{text}");
        assert_eq!(e.code(), "not_a_plan");
    }
    let e = import(r#"{"format": "other.app", "version": 1}"#).unwrap_err();
    assert_eq!(e, ImportError::NotAPlan { found_format: Some("other.app".into()) });
    assert_eq!(e.path(), "/format");
    assert_eq!(import(r#"{"format": 3}"#).unwrap_err().code(), "not_a_plan");
}

#[test]
fn a_newer_version_is_refused_with_that_reason() {
    let mut doc = family_doc();
    doc["version"] = json!(VERSION + 1);
    // Even with fields this version does not know: the version is checked first.
    doc["new_section"] = json!({"anything": true});
    let e = err(&doc);
    assert_eq!(e, ImportError::NewerVersion { found: u64::from(VERSION) + 1, supported: VERSION });
    assert_eq!(e.code(), "newer_version");
    assert_eq!(e.path(), "/version");
    assert!(e.to_string().contains("newer"));
}

#[test]
fn a_version_older_than_any_migration_is_unsupported() {
    let mut doc = family_doc();
    doc["version"] = json!(0);
    let e = err(&doc);
    assert_eq!(e, ImportError::UnsupportedVersion { found: 0, oldest: 1 });
    assert_eq!(e.code(), "unsupported_version");
}

#[test]
fn a_missing_or_odd_version_is_an_invalid_field() {
    let mut doc = family_doc();
    doc["version"] = json!("1");
    assert_eq!(err(&doc).path(), "/version");
    doc["version"] = json!(1.5);
    assert_eq!(err(&doc).code(), "invalid_field");
    doc.as_object_mut().unwrap().remove("version");
    let e = err(&doc);
    assert_eq!((e.code(), e.path()), ("invalid_field", "/version"));
}

#[test]
fn a_bad_field_is_named_by_pointer_line_and_column() {
    let mut doc = family_doc();
    doc["goals"][1]["measures"][2]["due_date"] = json!("2026-13-01");
    let text = serde_json::to_string_pretty(&doc).unwrap();
    let e = import(&text).unwrap_err();
    assert_eq!(e.code(), "invalid_field");
    assert_eq!(e.path(), "/goals/1/measures/2/due_date");
    let line = e.line().expect("line known");
    let text_line = text.lines().nth(line - 1).unwrap();
    assert!(text_line.contains("2026-13-01"), "line {line} is {text_line:?}");
    assert!(e.column().is_some());
    assert!(e.to_string().starts_with("invalid field /goals/1/measures/2/due_date (line "));
}

#[test]
fn wrong_types_and_unknown_values_are_invalid_fields() {
    let cases: Vec<(&str, Value, &str)> = vec![
        ("/goals/0/measures/0/estimated_cost/amount_minor", json!(12.5), "float amount"),
        ("/goals/0/measures/0/measure_type", json!("space_travel"), "unknown code"),
        ("/budget/currency", json!("eur"), "currency"),
        ("/household/0/age", json!(-3), "negative age"),
        ("/case/languages", json!("fr"), "not a list"),
        ("/signatures/returnee/method", json!({"carved": {}}), "unknown variant"),
    ];
    for (pointer, value, what) in cases {
        let mut doc = family_doc();
        *doc.pointer_mut(pointer).unwrap() = value;
        let e = err(&doc);
        assert_eq!(e.code(), "invalid_field", "{what}");
        assert!(e.path().starts_with(pointer), "{what}: {} not under {pointer}", e.path());
    }
}

#[test]
fn unknown_fields_are_refused_where_they_are() {
    let mut doc = family_doc();
    doc["goals"][0]["measures"][1]["colour"] = json!("red");
    let e = err(&doc);
    assert_eq!(e.code(), "invalid_field");
    assert!(e.path().starts_with("/goals/0/measures/1"), "{}", e.path());
    assert!(e.to_string().contains("colour"));

    let mut doc = family_doc();
    doc["extra/field"] = json!(1);
    let e = err(&doc);
    assert_eq!(e.path(), "/extra~1field");
}

#[test]
fn a_missing_field_is_refused() {
    let mut doc = family_doc();
    doc["goals"][0].as_object_mut().unwrap().remove("title");
    let e = err(&doc);
    assert_eq!(e.code(), "invalid_field");
    assert!(e.to_string().contains("title"));
    assert!(e.path().starts_with("/goals/0"), "{}", e.path());
}

#[test]
fn a_huge_file_is_refused_before_parsing() {
    let text = " ".repeat(MAX_IMPORT_BYTES + 1);
    let e = import(&text).unwrap_err();
    assert_eq!(e.code(), "too_large");
}

#[test]
fn a_plan_that_breaks_rules_imports_with_its_findings() {
    let mut plan = common::full_family_plan();
    plan.goals[0].measures[0].due_date = Some(common::date(2020, 1, 1));
    let imported = import(&export_json(&plan, &common::programme())).unwrap();
    assert_eq!(imported.plan, plan);
    assert!(imported.has_errors());
    let f = &imported.findings[0];
    assert_eq!((f.code, f.path.as_str()), ("due_before_start", "/goals/0/measures/0/due_date"));
}

#[test]
fn key_order_and_whitespace_do_not_matter() {
    let plan = common::full_family_plan();
    let compact = serde_json::to_string(&family_doc()).unwrap();
    assert_eq!(import(&compact).unwrap().plan, plan);
    // Envelope last instead of first.
    let mut doc = family_doc();
    let obj = doc.as_object_mut().unwrap();
    let format = obj.remove("format").unwrap();
    let version = obj.remove("version").unwrap();
    let mut text = serde_json::to_string(&doc).unwrap();
    text.pop();
    text.push_str(&format!(",\"version\":{version},\"format\":{format}}}"));
    assert_eq!(import(&text).unwrap().plan, plan);
}

#[test]
fn every_error_has_a_distinct_stable_code() {
    let errors = [
        ImportError::TooLarge { bytes: 2, max: 1 },
        ImportError::NotJson { line: 1, column: 1, detail: String::new() },
        ImportError::NotAPlan { found_format: None },
        ImportError::NewerVersion { found: 2, supported: 1 },
        ImportError::UnsupportedVersion { found: 0, oldest: 1 },
        ImportError::InvalidField {
            path: "/a".into(),
            line: None,
            column: None,
            detail: "x".into(),
        },
    ];
    let codes: Vec<_> = errors.iter().map(ImportError::code).collect();
    assert_eq!(codes, ImportError::CODES);
    for e in &errors {
        assert!(!e.to_string().is_empty());
    }
}
