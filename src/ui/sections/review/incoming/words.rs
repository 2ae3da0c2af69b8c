//! A change's place and values in words: the field by its label, a value as the screen writes
//! it (dates and money for the language, codes by their label, ids by what they name, objects
//! summarised, nothing as "—"). Pure functions over the plan's JSON form, tested natively.

use chrono::{DateTime, NaiveDate, Utc};
use homeward_plan::model::Plan;
use homeward_plan::money::Money;
use serde_json::{Map, Value};

use crate::i18n::{Lang, format, has_key, t, tf};

/// How the review writes "nothing": an empty text, list or field, or no value at all.
pub const EMPTY: &str = "—";

/// The longest text shown whole; longer ones are cut with an ellipsis.
const LONGEST: usize = 160;

/// The label of a field of the plan's file (`done_on`, `estimated_cost`...): the review's own,
/// else the interface's label for that name where it has one (consent items, concerns,
/// information given, signers, dimensions), else the name itself.
pub fn field_label(lang: Lang, name: &str) -> String {
    let keys = [
        format!("incoming.field.{name}"),
        format!("code.concern.{name}"),
        format!("code.information_item.{name}"),
        format!("code.item.{name}"),
        format!("code.signer.{name}"),
        format!("code.dimension.{name}"),
    ];
    match keys.iter().find(|key| has_key(key)) {
        Some(key) => t(lang, key),
        None => name.to_owned(),
    }
}

/// The fields below an item, e.g. `scores`, `economic` as "Scores › Economic"; a position in a
/// list is counted from 1 after the list's label ("Line items 2"). `None` for no field.
pub fn field_words(lang: Lang, segments: &[String]) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for segment in segments {
        match (segment.parse::<usize>(), parts.last_mut()) {
            (Ok(n), Some(last)) => *last = format!("{last} {}", n + 1),
            (Ok(n), None) => parts.push((n + 1).to_string()),
            (Err(_), _) => parts.push(field_label(lang, segment)),
        }
    }
    (!parts.is_empty()).then(|| parts.join(" › "))
}

/// The kind of label (`code.<kind>.<code>`) the values of field `name` at `pointer` take,
/// where the field holds an enumeration.
pub fn code_kind(name: &str, pointer: &str) -> Option<&'static str> {
    Some(match name {
        "measure_type" => "measure_type",
        "modality" => "modality",
        "term" => "term",
        "responsible" => "responsible",
        "funding" => "funding_source",
        "package" => "package",
        "gender" => "gender",
        "return_kind" => "return_kind",
        "relationship" => "relationship",
        "schooling" => "schooling",
        "pressure_to_repay" => "pressure_level",
        "vulnerabilities" => "vulnerability",
        "preferred" => "contact_way",
        "dimension" => "dimension",
        "category" | "withheld" => "privacy_category",
        "answer" => "answer",
        "concern" => "concern",
        "actor" => "protection_actor",
        "status" if pointer.starts_with("/referrals") => "referral_status",
        "status" => "measure_status",
        "kind" if pointer.starts_with("/follow_ups") => "contact_kind",
        "kind" => "document_kind",
        "outcome" if pointer.starts_with("/protection") => "review_outcome",
        _ => return None,
    })
}

/// The value of field `name` at `pointer` in words. `plans` name the items an id points at
/// (the plan on screen, then the file).
pub fn value_words(
    lang: Lang,
    name: &str,
    pointer: &str,
    value: Option<&Value>,
    plans: &[&Plan],
) -> String {
    match value {
        None | Some(Value::Null) => EMPTY.to_owned(),
        Some(Value::Bool(yes)) => t(lang, if *yes { "code.answer.yes" } else { "code.answer.no" }),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(text)) => text_words(lang, name, pointer, text, plans),
        Some(Value::Array(items)) if items.is_empty() => EMPTY.to_owned(),
        Some(Value::Array(items)) => {
            let separator = if items.iter().any(Value::is_object) { "; " } else { ", " };
            items
                .iter()
                .map(|item| value_words(lang, name, pointer, Some(item), plans))
                .collect::<Vec<_>>()
                .join(separator)
        }
        Some(Value::Object(fields)) => match money(fields) {
            Some(amount) => format::money(lang, &amount),
            None => summary(lang, pointer, fields, plans),
        },
    }
}

/// A text: a code by its label, an id by what it names, a day or an instant as the language
/// writes it, any other text as it is (cut when long).
fn text_words(lang: Lang, name: &str, pointer: &str, text: &str, plans: &[&Plan]) -> String {
    if text.trim().is_empty() {
        return EMPTY.to_owned();
    }
    if let Some(kind) = code_kind(name, pointer) {
        let key = format!("code.{kind}.{text}");
        if has_key(&key) {
            return t(lang, &key);
        }
    }
    if (name.ends_with("_id") || name.ends_with("_ids"))
        && let Some(named) = name_of_id(lang, text, plans)
    {
        return named;
    }
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return format::date(lang, day);
    }
    if let Ok(instant) = DateTime::parse_from_rfc3339(text) {
        return format::date(lang, instant.with_timezone(&Utc).date_naive());
    }
    shorten(text, LONGEST)
}

/// What an id of a measure or a debt names: the measure's description or type, "Debt 2".
fn name_of_id(lang: Lang, id: &str, plans: &[&Plan]) -> Option<String> {
    plans.iter().find_map(|plan| {
        let measure = plan.measures().enumerate().find(|(_, m)| m.measure.id.to_string() == id);
        if let Some((number, m)) = measure {
            return Some(format::measure_name(lang, number + 1, m.measure));
        }
        let debt = plan.case.debts.iter().position(|d| d.id.to_string() == id);
        debt.map(|i| tf(lang, "subject.debt", &[("number", (i + 1).to_string())]))
    })
}

/// An amount of money, when the object is one.
fn money(fields: &Map<String, Value>) -> Option<Money> {
    if fields.len() == 2 && fields.contains_key("amount_minor") && fields.contains_key("currency") {
        serde_json::from_value(Value::Object(fields.clone())).ok()
    } else {
        None
    }
}

/// The fields that name an item, in the order they are looked for.
const NAMING: [&str; 17] = [
    "title",
    "description",
    "text",
    "measure_type",
    "organisation",
    "purpose",
    "creditor",
    "full_name",
    "name",
    "relationship",
    "kind",
    "due_date",
    "date",
    "amount",
    "estimated_cost",
    "outcome",
    "signed_on",
];

/// Fields that say nothing to a person about what an item is.
const UNSAID: [&str; 3] = ["id", "private", "withheld"];

/// An item (a whole goal, payment, contact...) in a few words: up to three of its naming
/// fields, else up to three of its other fields with their labels, else "—".
pub fn summary(lang: Lang, pointer: &str, fields: &Map<String, Value>, plans: &[&Plan]) -> String {
    let said = |name: &str, value: &Value| {
        let words = value_words(lang, name, pointer, Some(value), plans);
        (words != EMPTY).then_some(words)
    };
    let naming: Vec<String> = NAMING
        .iter()
        .filter_map(|name| fields.get(*name).and_then(|v| said(name, v)))
        .take(3)
        .collect();
    if !naming.is_empty() {
        return naming.join(" · ");
    }
    let other: Vec<String> = fields
        .iter()
        .filter(|(name, value)| {
            !UNSAID.contains(&name.as_str()) && !value.is_object() && !value.is_array()
        })
        .filter_map(|(name, value)| {
            said(name, value).map(|words| format!("{}: {words}", field_label(lang, name)))
        })
        .take(3)
        .collect();
    if other.is_empty() { EMPTY.to_owned() } else { other.join(" · ") }
}

/// `text` cut after `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(max) {
        Some((end, _)) => format!("{}…", text[..end].trim_end()),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn words(name: &str, pointer: &str, value: Value) -> String {
        value_words(Lang::En, name, pointer, Some(&value), &[])
    }

    #[test]
    fn nothing_is_a_dash() {
        assert_eq!(value_words(Lang::En, "outcome", "/follow_ups/0/outcome", None, &[]), EMPTY);
        assert_eq!(words("outcome", "/follow_ups/0/outcome", json!(null)), EMPTY);
        assert_eq!(words("outcome", "/follow_ups/0/outcome", json!("  ")), EMPTY);
        assert_eq!(words("languages", "/case/languages", json!([])), EMPTY);
        assert_eq!(
            words("counsellor", "/counsellor", json!({"name": "", "organisation": ""})),
            EMPTY
        );
    }

    #[test]
    fn days_money_and_yes_or_no_are_written_for_the_language() {
        assert_eq!(
            words("done_on", "/follow_ups/1/done_on", json!("2027-01-05")),
            "5 January 2027"
        );
        assert_eq!(
            value_words(
                Lang::Fr,
                "done_on",
                "/follow_ups/1/done_on",
                Some(&json!("2027-01-05")),
                &[]
            ),
            "5 janvier 2027"
        );
        let cost = json!({"amount_minor": 250000, "currency": "EUR"});
        assert_eq!(
            words("estimated_cost", "/goals/0/measures/0/estimated_cost", cost),
            "2,500.00\u{a0}EUR"
        );
        assert_eq!(words("paid", "/budget/tranches/1/paid", json!(true)), "Yes");
        assert_eq!(words("paid", "/budget/tranches/1/paid", json!(false)), "No");
        assert_eq!(words("quantity", "/goals/0/measures/0/items/0/quantity", json!(3)), "3");
        assert_eq!(
            words("updated_at", "/updated_at", json!("2026-11-23T14:05:12.250Z")),
            "23 November 2026"
        );
    }

    #[test]
    fn codes_are_shown_by_their_label_where_the_kind_is_known() {
        assert_eq!(words("kind", "/follow_ups/0/kind", json!("visit")), "Visit");
        assert_eq!(
            words("status", "/referrals/0/status", json!("accepted")),
            t(Lang::En, "code.referral_status.accepted")
        );
        assert_eq!(
            words("status", "/goals/0/measures/0/status", json!("planned")),
            t(Lang::En, "code.measure_status.planned")
        );
        assert_eq!(
            words(
                "vulnerabilities",
                "/case/vulnerabilities",
                json!(["disability", "older_person"])
            ),
            format!(
                "{}, {}",
                t(Lang::En, "code.vulnerability.disability"),
                t(Lang::En, "code.vulnerability.older_person")
            )
        );
        // A code of no known kind, or not a code of its kind, stays as it is.
        assert_eq!(words("kind", "/follow_ups/0/kind", json!("carrier_pigeon")), "carrier_pigeon");
        assert_eq!(
            words("programme_id", "/programme_id", json!("eurp_voluntary")),
            "eurp_voluntary"
        );
    }

    #[test]
    fn long_texts_are_cut_and_ids_name_their_measure() {
        let long = "x".repeat(200);
        assert_eq!(
            words("outcome", "/follow_ups/0/outcome", json!(long)),
            format!("{}…", "x".repeat(160))
        );
        let mut plan = Plan::default();
        let goal = uuid::Uuid::from_u128(1);
        plan.goals
            .push(homeward_plan::model::Goal::new(goal, homeward_plan::model::Dimension::Economic));
        plan.add_measure(goal, uuid::Uuid::from_u128(7));
        plan.goals[0].measures[0].description = "Sewing machine".into();
        let id = uuid::Uuid::from_u128(7).to_string();
        let named = value_words(
            Lang::En,
            "measure_ids",
            "/budget/tranches/0/measure_ids",
            Some(&json!([id])),
            &[&plan],
        );
        assert_eq!(named, "Sewing machine");
    }

    #[test]
    fn an_item_is_summarised_by_what_names_it() {
        let contact = json!({
            "id": "5eed0000-0000-4000-8000-0000000002bd",
            "due_date": "2027-01-02",
            "kind": "visit",
            "outcome": "",
            "private": false,
        });
        assert_eq!(words("follow_ups", "/follow_ups/1", contact), "Visit · 2 January 2027");
        let scores = json!({"economic": 30, "social": null, "psychosocial": 40});
        assert_eq!(
            words("scores", "/follow_ups/0/scores", scores),
            "Economic: 30 · Psychosocial: 40"
        );
    }

    #[test]
    fn fields_are_named_by_their_labels_and_positions_count_from_one() {
        let segments = |s: &[&str]| s.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(
            field_words(Lang::En, &segments(&["scores", "economic"])).as_deref(),
            Some("Scores › Economic")
        );
        assert_eq!(
            field_words(Lang::En, &segments(&["items", "1", "quantity"])).as_deref(),
            Some("Items 2 › Quantity")
        );
        assert_eq!(field_words(Lang::En, &[]), None);
        assert_eq!(field_label(Lang::En, "no_pressure"), t(Lang::En, "code.item.no_pressure"));
        assert_eq!(field_label(Lang::En, "no_such_field"), "no_such_field");
    }

    /// Every field the plan's file can hold (its published schema, less what only the export
    /// adds) is named in every language.
    #[test]
    fn every_field_of_the_file_has_a_label() {
        use homeward_plan::interchange::{RECORD_FIELD, VERSION};
        let path = format!("{}/schema/plan.v{VERSION}.schema.json", env!("CARGO_MANIFEST_DIR"));
        let schema: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("schema")).expect("json");
        let defs = schema.get("$defs").cloned().unwrap_or_default();
        let mut names = std::collections::BTreeSet::new();
        let mut seen = std::collections::BTreeSet::new();
        let top = schema.get("properties").and_then(Value::as_object).cloned().unwrap_or_default();
        for (name, value) in &top {
            if ["format", "version", RECORD_FIELD].contains(&name.as_str()) {
                continue;
            }
            names.insert(name.clone());
            walk(value, &defs, &mut names, &mut seen);
        }
        assert!(names.len() > 100, "{names:?}");
        let mut missing = Vec::new();
        for name in &names {
            for lang in Lang::ALL {
                if field_label(lang, name) == *name {
                    missing.push(format!("{}: {name}", lang.code()));
                }
            }
        }
        assert!(missing.is_empty(), "fields without a label (incoming.field.<name>): {missing:?}");
    }

    fn walk(
        value: &Value,
        defs: &Value,
        names: &mut std::collections::BTreeSet<String>,
        seen: &mut std::collections::BTreeSet<String>,
    ) {
        match value {
            Value::Object(fields) => {
                if let Some(name) = fields.get("$ref").and_then(Value::as_str) {
                    let name = name.rsplit('/').next().unwrap_or_default().to_owned();
                    if seen.insert(name.clone())
                        && let Some(def) = defs.get(&name)
                    {
                        walk(def, defs, names, seen);
                    }
                }
                if let Some(properties) = fields.get("properties").and_then(Value::as_object) {
                    names.extend(properties.keys().cloned());
                }
                for (key, inner) in fields {
                    if key == "properties" {
                        for property in inner.as_object().into_iter().flat_map(|o| o.values()) {
                            walk(property, defs, names, seen);
                        }
                    } else if key != "$ref" {
                        walk(inner, defs, names, seen);
                    }
                }
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, defs, names, seen)),
            _ => {}
        }
    }
}
