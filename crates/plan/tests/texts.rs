//! Every text a built-in programme preset shows a person exists in every interface language,
//! and no translation is English left over.

use homeward_plan::programme::{preset, preset_ids};
use serde_json::Value;

/// The interface languages; English first, as every other text is compared with it.
const LANGUAGES: [&str; 4] = ["en", "fr", "es", "ar"];

/// Texts that are rightly the same as English in a language: (language, English text). Only
/// for a text that is a proper name or code alone; a sentence is always translated.
const SAME_AS_ENGLISH: &[(&str, &str)] = &[];

/// The texts every preset must carry, as JSON Pointers (`*` for each element of a list).
const REQUIRED_TEXTS: [&str; 4] = ["/name", "/notes", "/cost_guidance/basis", "/uncertain/*/note"];

/// A map from language codes to texts (or to lists of texts, like a scale's labels).
fn is_text_map(map: &serde_json::Map<String, Value>) -> bool {
    map.keys().any(|k| LANGUAGES.contains(&k.as_str()))
        && map.values().all(|v| match v {
            Value::String(_) => true,
            Value::Array(items) => items.iter().all(Value::is_string),
            _ => false,
        })
}

/// Every text map in `value` with its JSON Pointer.
fn text_maps<'a>(value: &'a Value, path: String, found: &mut Vec<(String, &'a Value)>) {
    match value {
        Value::Object(map) if is_text_map(map) => found.push((path, value)),
        Value::Object(map) => {
            for (key, child) in map {
                text_maps(child, format!("{path}/{key}"), found);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                text_maps(child, format!("{path}/{i}"), found);
            }
        }
        _ => {}
    }
}

/// The pointer with list indices replaced by `*`, to compare with [`REQUIRED_TEXTS`].
fn pattern(path: &str) -> String {
    path.split('/')
        .map(
            |part| {
                if part.bytes().all(|b| b.is_ascii_digit()) && !part.is_empty() {
                    "*"
                } else {
                    part
                }
            },
        )
        .collect::<Vec<_>>()
        .join("/")
}

/// The texts of one language, one per point for a list (a scale's labels).
fn texts(value: &Value) -> Vec<&str> {
    match value {
        Value::String(text) => vec![text.as_str()],
        Value::Array(items) => items.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    }
}

/// What is wrong with the texts of one preset, one line per problem.
fn problems(id: &str, config: &Value) -> Vec<String> {
    let mut found = Vec::new();
    text_maps(config, String::new(), &mut found);
    let mut out = Vec::new();
    for required in REQUIRED_TEXTS {
        if !found.iter().any(|(path, _)| pattern(path) == required) {
            out.push(format!("{id}: no text at {required}"));
        }
    }
    for (path, map) in found {
        let english = map.get("en").map(texts).unwrap_or_default();
        for lang in LANGUAGES {
            let Some(text) = map.get(lang) else {
                out.push(format!("{id} {path}: no {lang} text"));
                continue;
            };
            let text = texts(text);
            if text.is_empty() || text.iter().any(|t| t.trim().is_empty()) {
                out.push(format!("{id} {path}: the {lang} text is empty"));
            }
            if lang == "en" {
                continue;
            }
            if text.len() != english.len() {
                out.push(format!(
                    "{id} {path}: {lang} has {} texts, English {}",
                    text.len(),
                    english.len()
                ));
            }
            for (t, en) in text.iter().zip(&english) {
                if t == en && !SAME_AS_ENGLISH.contains(&(lang, *en)) {
                    out.push(format!("{id} {path}: the {lang} text is the English one: {en:?}"));
                }
            }
        }
    }
    out
}

#[test]
fn every_preset_text_is_in_every_language_and_translated() {
    let mut all = Vec::new();
    for id in preset_ids() {
        let config = preset(id).unwrap_or_else(|| panic!("preset {id} does not load"));
        let value = serde_json::to_value(&config).unwrap();
        all.extend(problems(id, &value));
    }
    assert!(all.is_empty(), "preset texts to translate:\n{}", all.join("\n"));
}

#[test]
fn the_check_finds_missing_empty_and_untranslated_texts() {
    let config = serde_json::json!({
        "name": {"en": "Programme", "fr": "Programme", "es": "Programa", "ar": "البرنامج"},
        "notes": {"en": "Notes", "fr": "Remarques", "es": " "},
        "cost_guidance": {"basis": {"en": "Basis", "fr": "Base", "es": "Base", "ar": "الأساس"}},
        "uncertain": [],
    });
    assert_eq!(
        problems("test", &config),
        [
            "test: no text at /uncertain/*/note",
            "test /name: the fr text is the English one: \"Programme\"",
            "test /notes: the es text is empty",
            "test /notes: no ar text",
        ]
    );
}

#[test]
fn every_exception_is_still_needed() {
    let mut english = Vec::new();
    for id in preset_ids() {
        let value = serde_json::to_value(preset(id).unwrap()).unwrap();
        let mut found = Vec::new();
        text_maps(&value, String::new(), &mut found);
        for (_, map) in found {
            for lang in &LANGUAGES[1..] {
                let en = map.get("en").map(texts).unwrap_or_default();
                let text = map.get(*lang).map(texts).unwrap_or_default();
                for (t, e) in text.iter().zip(&en) {
                    if t == e {
                        english.push((*lang, e.to_string()));
                    }
                }
            }
        }
    }
    for (lang, text) in SAME_AS_ENGLISH {
        assert!(
            english.iter().any(|(l, e)| l == lang && e == text),
            "exception ({lang}, {text:?}) is no longer needed: remove it"
        );
    }
}
