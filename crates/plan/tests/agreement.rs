//! One meaning for every file: the checked-in schema, run by an independent validator (the
//! `jsonschema` crate, formats on), and the importer accept exactly the same documents. Checked
//! over the fixtures, a table of near misses (each must be refused by both or accepted by
//! both, and the table says which), and generated mutations of a valid document.

mod common;

use homeward_plan::interchange::{export_json, import_json};
use proptest::prelude::*;
use serde_json::{Value, json};

fn validator() -> &'static jsonschema::Validator {
    static VALIDATOR: std::sync::OnceLock<jsonschema::Validator> = std::sync::OnceLock::new();
    VALIDATOR.get_or_init(build_validator)
}

fn build_validator() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/plan.v3.schema.json");
    let schema: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("schema"))
        .expect("schema is JSON");
    jsonschema::draft202012::options().should_validate_formats(true).build(&schema).expect("schema")
}

fn family_doc() -> Value {
    serde_json::from_str(&export_json(&common::full_family_plan(), &common::programme())).unwrap()
}

/// (schema accepts, import accepts, import's error) for a document.
fn both(validator: &jsonschema::Validator, doc: &Value) -> (bool, bool, String) {
    let text = serde_json::to_string_pretty(doc).unwrap();
    let imported = import_json(&text, common::today(), Some(&common::programme()));
    let error = imported.as_ref().err().map(ToString::to_string).unwrap_or_default();
    (validator.is_valid(doc), imported.is_ok(), error)
}

#[test]
fn the_fixtures_are_accepted_by_both() {
    let validator = validator();
    for (name, _) in common::fixture_plans() {
        let doc: Value = serde_json::from_str(&common::read_fixture(name)).unwrap();
        assert_eq!(both(validator, &doc), (true, true, String::new()), "{name}");
    }
}

const MEASURE: &str = "/goals/0/measures/0";

/// Each near miss: where, what, and whether it is a valid document.
fn near_misses() -> Vec<(String, Value, bool)> {
    let m = |field: &str| format!("{MEASURE}/{field}");
    let s = |p: &str| p.to_owned();
    vec![
        // Dates: only YYYY-MM-DD with a four-digit year and a real day.
        (m("due_date"), json!("2027-01-31"), true),
        (m("due_date"), json!("+12345-01-01"), false),
        (m("due_date"), json!("12345-01-01"), false),
        (m("due_date"), json!("-0001-01-01"), false),
        (m("due_date"), json!("2027-1-31"), false),
        (m("due_date"), json!("2027-01-31 "), false),
        (m("due_date"), json!("2027 -01-31"), false),
        (m("due_date"), json!("2027-02-30"), false),
        (m("due_date"), json!("2027-01-31T00:00:00Z"), false),
        (m("due_date"), json!(""), false),
        (m("due_date"), json!(20270131), false),
        (m("due_date"), Value::Null, true),
        // Timestamps: RFC 3339 in UTC with Z, up to nine digits of fraction.
        (s("/updated_at"), json!("2026-11-23T14:05:12Z"), true),
        (s("/updated_at"), json!("2026-11-23T14:05:12.5Z"), true),
        (s("/updated_at"), json!("2026-11-23T14:05:12.123456789Z"), true),
        (s("/updated_at"), json!("2026-11-23T14:05:12.1234567891Z"), false),
        (s("/updated_at"), json!("2026-11-23T14:05:12+01:00"), false),
        (s("/updated_at"), json!("2026-11-23T14:05:12+00:00"), false),
        (s("/updated_at"), json!("2026-11-23t14:05:12z"), false),
        (s("/updated_at"), json!("2026-11-23 14:05:12Z"), false),
        (s("/updated_at"), json!("2026-11-23T14:05Z"), false),
        (s("/updated_at"), json!("2026-11-23T14:05:60Z"), false),
        (s("/updated_at"), json!("2026-11-23T24:00:00Z"), false),
        (s("/updated_at"), json!("+12026-11-23T14:05:12Z"), false),
        (s("/updated_at"), json!("2026-11-23T14:05:12.Z"), false),
        (s("/created_at"), Value::Null, false),
        // Identifiers: canonical lowercase hyphenated UUIDs only.
        (s("/id"), json!("6f1c2a34-9b7e-4d2a-8c3b-1e2f3a4b5c6d"), true),
        (s("/id"), json!("6F1C2A34-9B7E-4D2A-8C3B-1E2F3A4B5C6D"), false),
        (s("/id"), json!("{6f1c2a34-9b7e-4d2a-8c3b-1e2f3a4b5c6d}"), false),
        (s("/id"), json!("urn:uuid:6f1c2a34-9b7e-4d2a-8c3b-1e2f3a4b5c6d"), false),
        (s("/id"), json!("6f1c2a349b7e4d2a8c3b1e2f3a4b5c6d"), false),
        (s("/referrals/0/measure_id"), json!("6F1C2A34-9B7E-4D2A-8C3B-1E2F3A4B5C6D"), false),
        // Objects only as objects, variants only as their codes.
        (m("estimated_cost"), json!([1000, "EUR"]), false),
        (s("/signatures/counsellor"), json!([{"typed": {"name": "A"}}, "2026-11-20"]), false),
        (m("modality"), json!({"cash": null}), false),
        (m("modality"), json!("cash"), true),
        (m("measure_type"), json!("space_travel"), false),
        (s("/signatures/counsellor/method"), json!({"typed": {"name": "A"}, "drawn": {}}), false),
        // Integers with their real range; an integral number may be written with a fraction.
        (m("estimated_cost/amount_minor"), json!(9_007_199_254_740_991_i64), true),
        (m("estimated_cost/amount_minor"), json!(9_007_199_254_740_992_i64), false),
        (m("estimated_cost/amount_minor"), json!(-9_007_199_254_740_992_i64), false),
        (m("estimated_cost/amount_minor"), json!(i64::MAX), false),
        (m("estimated_cost/amount_minor"), json!(1000.0), true),
        (m("estimated_cost/amount_minor"), json!(1e3), true),
        (m("estimated_cost/amount_minor"), json!(1000.5), false),
        (m("estimated_cost/amount_minor"), json!("1000"), false),
        (s("/case/age"), json!(4_294_967_295_u64), true),
        (s("/case/age"), json!(4_294_967_296_u64), false),
        (s("/case/age"), json!(-1), false),
        (s("/case/age"), json!(30.0), true),
        (s("/household/0/age"), json!(1e300), false),
        (s("/needs/assessment/baseline/economic"), json!(100), true),
        (s("/needs/assessment/baseline/economic"), json!(101), false),
        (s("/needs/assessment/baseline/composite"), json!(255), false),
        (s("/needs/assessment/baseline/psychosocial"), json!(-1), false),
        (s("/signatures/returnee/method/drawn/strokes/0/0/0"), json!(2_147_483_648_i64), false),
        (s("/signatures/returnee/method/drawn/strokes/0/0"), json!([1, 2, 3]), false),
        (s("/version"), json!(3.0), true),
        // Required and optional fields.
        (s("/goals/0/title"), Value::Null, false),
        (m("referral_needed"), Value::Null, true),
        (s("/format"), json!("homeward.plan "), false),
        (s("/budget/currency"), json!("eur"), false),
        // The budget record: typed like the rest; its figures are checked, not refused.
        (s("/budget_summary"), Value::Null, true),
        (s("/budget_summary/packages/0/allocated/amount_minor"), json!(1), true),
        (s("/budget_summary/packages/0/allocated/amount_minor"), json!(1.5), false),
        (s("/budget_summary/programme/rules_as_of"), json!("2025-1-1"), false),
        (s("/budget_summary/packages/0/package"), json!("medium_term"), false),
        (s("/budget_summary/packages/0/remaining"), json!([1, "EUR"]), false),
    ]
}

#[test]
fn near_misses_are_refused_or_accepted_by_both() {
    let validator = validator();
    let mut wrong = Vec::new();
    for (pointer, value, valid) in near_misses() {
        let mut doc = family_doc();
        *doc.pointer_mut(&pointer).unwrap_or_else(|| panic!("{pointer} exists")) = value.clone();
        let (schema, import, error) = both(validator, &doc);
        if schema != valid || import != valid {
            wrong.push(format!(
                "{pointer} = {value}: schema {schema}, import {import} ({error}), expected {valid}"
            ));
        }
        if !import {
            // The refusal names the field, or one inside it.
            assert!(
                error.contains(&pointer) || error.contains("not a Homeward"),
                "{pointer} = {value}: {error}"
            );
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn absent_fields_are_treated_alike() {
    let validator = validator();
    let cases: Vec<(&str, &str, bool)> = vec![
        (MEASURE, "start_date", true),
        (MEASURE, "estimated_cost", true),
        (MEASURE, "description", false),
        ("", "budget_summary", true),
        ("", "created_at", false),
        ("/budget_summary", "local_currency", true),
        ("/budget_summary", "packages", false),
        ("/needs/assessment/baseline", "composite", true),
    ];
    for (parent, field, valid) in cases {
        let mut doc = family_doc();
        doc.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(field).unwrap();
        let (schema, import, error) = both(validator, &doc);
        assert_eq!((schema, import), (valid, valid), "{parent}/{field} absent: {error}");
    }
}

#[test]
fn an_unknown_field_anywhere_is_refused_by_both() {
    let validator = validator();
    for parent in ["", MEASURE, "/budget_summary", "/budget_summary/packages/1", "/consent"] {
        let mut doc = family_doc();
        doc.pointer_mut(parent).unwrap().as_object_mut().unwrap().insert("extra".into(), json!(1));
        let (schema, import, _) = both(validator, &doc);
        assert_eq!((schema, import), (false, false), "extra field in {parent:?}");
    }
}

/// Values that look like what a field holds and often are not.
fn near_miss_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        prop_oneof![
            Just(json!(0)),
            Just(json!(-1)),
            Just(json!(100)),
            Just(json!(101)),
            Just(json!(255)),
            Just(json!(256)),
            Just(json!(4_294_967_296_u64)),
            Just(json!(9_007_199_254_740_992_i64)),
            Just(json!(3.0)),
            Just(json!(2.5)),
            any::<i64>().prop_map(Value::from),
        ],
        prop_oneof![
            Just("2026-11-23"),
            Just("2026-11-31"),
            Just("+12345-01-01"),
            Just("2026-1-5"),
            Just("2026-11-23T10:00:00Z"),
            Just("2026-11-23T10:00:00.25Z"),
            Just("2026-11-23T10:00:00+02:00"),
            Just("6f1c2a34-9b7e-4d2a-8c3b-1e2f3a4b5c6d"),
            Just("6F1C2A34-9B7E-4D2A-8C3B-1E2F3A4B5C6D"),
            Just("EUR"),
            Just("cash"),
            Just("short_term"),
            Just(""),
        ]
        .prop_map(Value::from),
        Just(json!([])),
        Just(json!({})),
        Just(json!([1000, "EUR"])),
        Just(json!({"amount_minor": 1000, "currency": "EUR"})),
    ]
}

/// Every path to a value of the document, containers included.
fn paths(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(obj) => {
            for (k, x) in obj {
                paths(x, format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")), out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                paths(x, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
    if !at.is_empty() {
        out.push(at);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Any value of the family document replaced by a near miss: the schema and the importer
    /// decide alike.
    #[test]
    fn generated_near_misses_are_decided_alike(
        which in any::<prop::sample::Index>(),
        value in near_miss_value(),
    ) {
        let validator = validator();
        let mut doc = family_doc();
        let mut all = Vec::new();
        paths(&doc, String::new(), &mut all);
        let pointer = &all[which.index(all.len())];
        *doc.pointer_mut(pointer).unwrap() = value.clone();
        let (schema, import, error) = both(validator, &doc);
        prop_assert_eq!(schema, import, "{} = {}: import says {:?}", pointer, value, error);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Any value of the family document replaced by a near miss that the importer refuses: the
    /// refusal names that field, one inside it, or the object that holds it (an error raised
    /// once a whole object is read, such as a missing field or an unknown tag), with the line
    /// of the text it is on.
    #[test]
    fn a_refusal_is_placed_at_the_changed_field(
        which in any::<prop::sample::Index>(),
        value in near_miss_value(),
    ) {
        let mut doc = family_doc();
        let mut all = Vec::new();
        paths(&doc, String::new(), &mut all);
        let pointer = &all[which.index(all.len())];
        *doc.pointer_mut(pointer).unwrap() = value.clone();
        let text = serde_json::to_string_pretty(&doc).unwrap();
        if let Err(e) = import_json(&text, common::today(), Some(&common::programme())) {
            let path = e.path();
            let parent = pointer.rsplit_once('/').map_or("", |(p, _)| p);
            let placed = path.starts_with(pointer.as_str())
                || (!parent.is_empty() && path == parent)
                || e.code() != "invalid_field";
            prop_assert!(placed, "{} = {}: refused at {:?} ({})", pointer, value, path, e);
            let envelope = ["/format", "/version"].contains(&pointer.as_str());
            if e.code() == "invalid_field" && !path.is_empty() && !envelope {
                let Some(line) = e.line() else { return Err(TestCaseError::fail(format!("{pointer} = {value}: no line in {e}"))) };
                let key = path.rsplit('/').next().unwrap_or_default();
                let around = text.lines().skip(line.saturating_sub(3)).take(5).collect::<String>();
                let index = key.bytes().all(|b| b.is_ascii_digit());
                prop_assert!(index || around.contains(key), "{}: line {} is not near {:?}", pointer, line, key);
            }
        }
    }
}
