//! The published JSON Schema (draft 2020-12) of the exported document, generated from the Rust
//! types so the two never drift. A test compares it with `schema/plan.v3.schema.json`; the
//! schema of version 1 stays published unchanged in `schema/plan.v1.schema.json`.
//!
//! Descriptions come from the doc comments of the types and fields. Every property and
//! definition also gets a title: explicit where the type gives one, otherwise derived from its
//! name (`due_date` → "Due date"), so partners' tools can label forms and reports.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

use super::import::MAX_SCORE;
use super::strict::{DATE_PATTERN, TIMESTAMP_PATTERN, UUID_PATTERN};
use crate::budget::BudgetRecord;
use crate::model::Plan;

/// The document as the schema describes it: the envelope, then the plan's fields.
#[derive(JsonSchema)]
#[schemars(
    title = "Homeward reintegration plan, version 3",
    description = "One individual reintegration plan exported by Homeward. The document is a \
                   single object: the envelope fields `format` (always \"homeward.plan\") and \
                   `version` (3), then the plan's fields. Money is an integer amount in minor \
                   units with an ISO 4217 code, never a float; dates are YYYY-MM-DD with a \
                   four-digit year; timestamps are RFC 3339 in UTC ending in Z, with an \
                   optional fraction of a second of up to nine digits; identifiers are \
                   lowercase hyphenated UUIDs; enumerations are stable snake_case codes. \
                   Unknown fields are refused: a reader of version 3 knows every field. \
                   Homeward reads exactly the documents this schema accepts. A file made for a \
                   partner organisation carries `partner_file` (its recipient, day and consent); \
                   unless `partner_file.special_category_shared` is true, every private item's \
                   texts are replaced by a neutral label and the item is marked `withheld` with \
                   the category, while its ids, amounts and dates stay."
)]
#[allow(dead_code)] // Exists only to describe the document; export writes the same shape.
struct PlanDocument {
    /// Identifies the document as a Homeward plan.
    #[schemars(extend("const" = "homeward.plan"))]
    format: String,
    /// Version of the format. Readers migrate older versions and refuse newer ones.
    #[schemars(extend("const" = super::VERSION))]
    version: u32,
    #[schemars(flatten)]
    plan: Plan,
    /// The budget the programme's rules give for the plan, written by export when it knows the
    /// plan's programme. Derived data, for partners without the programme's configuration:
    /// Homeward recomputes it when it reads the file and reports any difference. Absent in
    /// older files.
    budget_summary: Option<BudgetRecord>,
}

/// The schema as a JSON value, with sorted keys.
pub fn plan_schema() -> Value {
    let schema =
        SchemaSettings::draft2020_12().into_generator().into_root_schema_for::<PlanDocument>();
    let mut value = schema.to_value();
    if let Some(root) = value.as_object_mut() {
        // The top level holds the envelope next to the plan's fields, so serde cannot refuse
        // unknown fields there; import checks them, and the schema says so.
        root.insert("additionalProperties".into(), Value::Bool(false));
        if let Some(Value::Object(defs)) = root.get_mut("$defs") {
            for (name, def) in defs.iter_mut() {
                if let Some(def) = def.as_object_mut() {
                    def.entry("title").or_insert_with(|| Value::String(title_from_type(name)));
                }
            }
        }
    }
    add_property_titles(&mut value);
    exact_strings_and_integers(&mut value);
    if let Some(Value::Object(props)) = value.pointer_mut("/$defs/Scores/properties") {
        for score in props.values_mut().filter_map(Value::as_object_mut) {
            score.insert("maximum".into(), Value::from(MAX_SCORE));
        }
    }
    canonical(value)
}

/// The schema as the checked-in file holds it: pretty JSON ending with a newline.
pub fn plan_schema_json() -> String {
    // Cannot fail: a `Value` always serializes.
    let mut s = serde_json::to_string_pretty(&plan_schema()).unwrap_or_default();
    s.push('\n');
    s
}

fn add_property_titles(value: &mut Value) {
    match value {
        Value::Object(obj) => {
            // An externally tagged enum variant is an object with one property, the variant's
            // name: give that property the variant's description.
            let description = obj.get("description").cloned();
            if let (Some(desc), Some(Value::Object(props))) =
                (description, obj.get_mut("properties"))
                && props.len() == 1
                && let Some(Value::Object(only)) = props.values_mut().next()
            {
                only.entry("description").or_insert(desc);
            }
            if let Some(Value::Object(props)) = obj.get_mut("properties") {
                for (name, prop) in props.iter_mut() {
                    if let Some(p) = prop.as_object_mut() {
                        p.entry("title").or_insert_with(|| Value::String(title_from_field(name)));
                    }
                }
            }
            obj.values_mut().for_each(add_property_titles);
        }
        Value::Array(items) => items.iter_mut().for_each(add_property_titles),
        _ => {}
    }
}

/// What the importer reads, said in the schema: a pattern for each string format (validators
/// accept more than the importer for `date-time` and `uuid`, and some skip formats), and an
/// explicit range for each integer instead of schemars' `uint32`-like formats, which validators
/// ignore.
fn exact_strings_and_integers(value: &mut Value) {
    match value {
        Value::Object(obj) => {
            let format = obj.get("format").and_then(Value::as_str).map(str::to_owned);
            let pattern = match format.as_deref() {
                Some("date") => Some(DATE_PATTERN),
                Some("date-time") => Some(TIMESTAMP_PATTERN),
                Some("uuid") => Some(UUID_PATTERN),
                _ => None,
            };
            if let Some(p) = pattern {
                obj.insert("pattern".into(), Value::from(p));
            }
            let range: Option<(i64, i64)> = match format.as_deref() {
                Some("uint8") => Some((0, u8::MAX.into())),
                Some("uint16") => Some((0, u16::MAX.into())),
                Some("uint32") => Some((0, u32::MAX.into())),
                Some("int8") => Some((i8::MIN.into(), i8::MAX.into())),
                Some("int16") => Some((i16::MIN.into(), i16::MAX.into())),
                Some("int32") => Some((i32::MIN.into(), i32::MAX.into())),
                Some("int64") => {
                    Some((-super::strict::MAX_EXACT_INTEGER, super::strict::MAX_EXACT_INTEGER))
                }
                _ => None,
            };
            if let Some((min, max)) = range {
                obj.remove("format");
                obj.entry("minimum").or_insert(Value::from(min));
                obj.entry("maximum").or_insert(Value::from(max));
            }
            obj.values_mut().for_each(exact_strings_and_integers);
        }
        Value::Array(items) => items.iter_mut().for_each(exact_strings_and_integers),
        _ => {}
    }
}

/// `due_date` → "Due date".
fn title_from_field(name: &str) -> String {
    let words = name.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `HouseholdMember` → "Household member".
fn title_from_type(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push(' ');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Keys sorted at every level, whatever map serde_json was built with.
fn canonical(value: Value) -> Value {
    match value {
        Value::Object(obj) => {
            let mut entries: Vec<(String, Value)> = obj.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries.into_iter().map(|(k, v)| (k, canonical(v))).collect::<Map<_, _>>(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(canonical).collect()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_from_names() {
        assert_eq!(title_from_field("due_date"), "Due date");
        assert_eq!(title_from_field(""), "");
        assert_eq!(title_from_type("HouseholdMember"), "Household member");
    }

    #[test]
    fn the_schema_describes_the_envelope_and_every_field() {
        let s = plan_schema();
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        assert_eq!(s["properties"]["format"]["const"], "homeward.plan");
        assert_eq!(s["properties"]["version"]["const"], super::super::VERSION);
        assert_eq!(s["additionalProperties"], false);
        let required = s["required"].as_array().unwrap();
        for f in ["format", "version", "id", "case", "goals", "consent"] {
            assert!(required.contains(&Value::from(f)), "{f} required");
        }
        assert_eq!(s["properties"]["case"]["title"], "Case");
        let measure = &s["$defs"]["Measure"];
        assert_eq!(measure["title"], "Measure");
        assert_eq!(measure["properties"]["due_date"]["title"], "Due date");
        assert!(measure["properties"]["estimated_cost"]["description"].is_string());
    }

    /// Partners read the schema as the documentation of the format: every property and every
    /// definition says what it is.
    #[test]
    fn every_property_and_definition_has_a_title_and_a_description() {
        fn walk(v: &Value, path: &str, missing: &mut Vec<String>) {
            match v {
                Value::Object(obj) => {
                    if let Some(Value::Object(props)) = obj.get("properties") {
                        for (name, p) in props {
                            for key in ["title", "description"] {
                                if p.get(key).is_none() {
                                    missing.push(format!("{path}/properties/{name} {key}"));
                                }
                            }
                        }
                    }
                    for (k, x) in obj {
                        walk(x, &format!("{path}/{k}"), missing);
                    }
                }
                Value::Array(items) => {
                    for (i, x) in items.iter().enumerate() {
                        walk(x, &format!("{path}/{i}"), missing);
                    }
                }
                _ => {}
            }
        }
        let s = plan_schema();
        let mut missing = Vec::new();
        walk(&s, "", &mut missing);
        for (name, def) in s["$defs"].as_object().unwrap() {
            for key in ["title", "description"] {
                if def.get(key).is_none() {
                    missing.push(format!("$defs/{name} {key}"));
                }
            }
        }
        assert!(missing.is_empty(), "{missing:#?}");
    }
}
