//! Interface languages. Every user-facing string comes from the translation files in `text/`:
//! one file per area of the app, each mapping a key to its text in every language, so a missing
//! translation is a parse error that the tests catch, and two people can add texts to different
//! areas without touching the same file. `{name}` in a text marks a parameter.
//!
//! The build splits them by language (build.rs): the app holds English and fetches another
//! language's texts when it is first asked for (`browser::languages`, then [`install`]).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

#[cfg(test)]
mod coverage;
pub mod format;

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Fr,
    Es,
    Ar,
}

impl Lang {
    pub const ALL: [Lang; 4] = [Lang::En, Lang::Fr, Lang::Es, Lang::Ar];

    /// BCP 47 code, as used in `lang` attributes and the embedding's `data-lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
            Lang::Ar => "ar",
        }
    }

    /// The language for a code such as `fr` or `fr-BE`; `None` for a language we lack.
    pub fn from_code(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// Text direction for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            _ => "ltr",
        }
    }

    /// The language's name in itself, for the picker: a returnee finds their own language
    /// without reading the current one.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Fr => "Français",
            Lang::Es => "Español",
            Lang::Ar => "العربية",
        }
    }
}

/// One text in every language. Unknown or missing languages make the file fail to parse.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    en: String,
    fr: String,
    es: String,
    ar: String,
}

impl Entry {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Fr => &self.fr,
            Lang::Es => &self.es,
            Lang::Ar => &self.ar,
        }
    }
}

/// The translation files, by area. Add a file here when an area gets its own.
pub const FILES: [(&str, &str); 14] = [
    ("shell", include_str!("text/shell.json")),
    ("codes", include_str!("text/codes.json")),
    ("case", include_str!("text/case.json")),
    ("needs", include_str!("text/needs.json")),
    ("measures", include_str!("text/measures.json")),
    ("budget", include_str!("text/budget.json")),
    ("findings", include_str!("text/findings.json")),
    ("follow_up", include_str!("text/follow_up.json")),
    ("consent", include_str!("text/consent.json")),
    ("review", include_str!("text/review.json")),
    ("storage", include_str!("text/storage.json")),
    ("offline", include_str!("text/offline.json")),
    ("protection", include_str!("text/protection.json")),
    ("files", include_str!("text/files.json")),
];

/// Parses one translation file.
pub fn parse_file(source: &str) -> Result<BTreeMap<String, Entry>, serde_json::Error> {
    serde_json::from_str(source)
}

impl Lang {
    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Fr => 1,
            Lang::Es => 2,
            Lang::Ar => 3,
        }
    }

    /// The name of the file holding this language's texts, in the app's folder. It carries a
    /// hash of the translation files (see build.rs), so an app never reads another build's texts.
    pub fn file_name(self) -> String {
        format!("lang-{}-{}.json", self.code(), env!("HOMEWARD_TEXTS_HASH"))
    }
}

/// One language's texts, by key.
type Table = BTreeMap<String, String>;

static TABLES: [OnceLock<Table>; 4] = [const { OnceLock::new() }; 4];

/// The texts compiled into the app (see build.rs): English always, as the fallback; the other
/// languages only natively and with `all-languages`, since the app fetches them when chosen
/// (each would add about 20 KB gzip to the first load).
fn compiled_in(lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => Some(include_str!(concat!(env!("OUT_DIR"), "/en.json"))),
        #[cfg(any(not(target_arch = "wasm32"), feature = "all-languages"))]
        Lang::Fr => Some(include_str!(concat!(env!("OUT_DIR"), "/fr.json"))),
        #[cfg(any(not(target_arch = "wasm32"), feature = "all-languages"))]
        Lang::Es => Some(include_str!(concat!(env!("OUT_DIR"), "/es.json"))),
        #[cfg(any(not(target_arch = "wasm32"), feature = "all-languages"))]
        Lang::Ar => Some(include_str!(concat!(env!("OUT_DIR"), "/ar.json"))),
        #[cfg(all(target_arch = "wasm32", not(feature = "all-languages")))]
        _ => None,
    }
}

fn table(lang: Lang) -> Option<&'static Table> {
    let slot = &TABLES[lang.index()];
    if slot.get().is_none()
        && let Some(source) = compiled_in(lang)
    {
        // Compiled in from the checked files: a parse failure is a build defect the tests
        // catch; its keys then show as themselves instead of taking the app down.
        let _ = install(lang, source);
    }
    slot.get()
}

/// Takes `source`, a language file as the build writes it (`{"key": "text", ...}`), as the
/// texts of `lang`. A language already present is kept.
pub fn install(lang: Lang, source: &str) -> Result<(), serde_json::Error> {
    let parsed: Table = serde_json::from_str(source)?;
    let _ = TABLES[lang.index()].set(parsed);
    Ok(())
}

/// Whether the texts of `lang` are here (compiled in or fetched).
pub fn is_ready(lang: Lang) -> bool {
    table(lang).is_some()
}

/// Every key, for tests.
pub fn keys() -> impl Iterator<Item = &'static str> {
    table(Lang::En).into_iter().flat_map(|t| t.keys().map(String::as_str))
}

/// Whether a text exists for `key`.
pub fn has_key(key: &str) -> bool {
    table(Lang::En).is_some_and(|t| t.contains_key(key))
}

/// The text for `key` in `lang`; else in English (a language not fetched yet, or a file older
/// than the app); else the key itself (visible, so a missing text is noticed rather than
/// silently blank).
pub fn t(lang: Lang, key: &str) -> String {
    let text = |lang| table(lang).and_then(|t| t.get(key));
    text(lang).or_else(|| text(Lang::En)).map_or(key, String::as_str).to_owned()
}

/// `t` with `{name}` parameters replaced. Unknown placeholders stay as they are.
pub fn tf(lang: Lang, key: &str, args: &[(&str, String)]) -> String {
    fill(&t(lang, key), args)
}

/// Replaces each `{name}` in `template` by its value.
pub fn fill(template: &str, args: &[(&str, String)]) -> String {
    let mut out = template.to_owned();
    for (name, value) in args {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_regions_fold() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("fr-BE"), Some(Lang::Fr));
        assert_eq!(Lang::from_code("AR"), Some(Lang::Ar));
        assert_eq!(Lang::from_code("de"), None);
    }

    #[test]
    fn only_arabic_is_right_to_left() {
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert!(Lang::ALL.iter().filter(|l| **l != Lang::Ar).all(|l| l.dir() == "ltr"));
    }

    /// A key missing in a language, or a language the others lack, fails to parse.
    #[test]
    fn every_file_parses_with_every_language() {
        for (area, source) in FILES {
            let parsed = parse_file(source);
            assert!(parsed.is_ok(), "text/{area}.json: {:?}", parsed.err());
        }
    }

    /// build.rs splits the files by language: every text arrives as written, in its language.
    #[test]
    fn each_language_has_every_text_of_the_files() {
        let mut count = 0;
        for (_, source) in FILES {
            for (key, entry) in parse_file(source).unwrap_or_default() {
                for lang in Lang::ALL {
                    assert_eq!(t(lang, &key), entry.get(lang), "{}: {key}", lang.code());
                }
                count += 1;
            }
        }
        assert_eq!(keys().count(), count);
        assert!(Lang::ALL.into_iter().all(is_ready));
    }

    #[test]
    fn a_language_file_is_installed_once() {
        assert!(is_ready(Lang::Fr), "compiled in natively");
        assert!(install(Lang::Fr, "not json").is_err());
        assert!(install(Lang::Fr, r#"{"header.language": "autre"}"#).is_ok());
        assert_ne!(t(Lang::Fr, "header.language"), "autre", "the first texts stay");
    }

    #[test]
    fn no_key_is_defined_twice() {
        let mut seen = BTreeMap::new();
        for (area, source) in FILES {
            for key in parse_file(source).unwrap_or_default().into_keys() {
                if let Some(other) = seen.insert(key.clone(), area) {
                    panic!("{key} is in both text/{other}.json and text/{area}.json");
                }
            }
        }
    }

    #[test]
    fn no_text_is_empty_and_parameters_match_english() {
        assert!(keys().count() > 0);
        for key in keys() {
            let english = placeholders(&t(Lang::En, key));
            for lang in Lang::ALL {
                let text = t(lang, key);
                assert!(!text.trim().is_empty(), "{}: {key} is empty", lang.code());
                assert_eq!(
                    placeholders(&text),
                    english,
                    "{}: {key} has other parameters than English",
                    lang.code()
                );
            }
        }
    }

    /// Texts that are rightly the same as English in a language, by key and language: proper
    /// names, words spelt the same in that language, and texts made only of parameters. Any
    /// other text equal to English is English left over.
    const SAME_AS_ENGLISH: &[(&str, Lang)] = &[
        // The product's name.
        ("app.name", Lang::Fr),
        ("app.name", Lang::Es),
        ("app.name", Lang::Ar),
        // Only parameters and punctuation.
        ("budget.person", Lang::Es),
        ("budget.person", Lang::Ar),
        ("partner.item_numbered", Lang::Fr),
        ("partner.item_numbered", Lang::Es),
        ("partner.item_numbered", Lang::Ar),
        // Words spelt the same in French.
        ("budget.programme", Lang::Fr),
        ("budget.total", Lang::Fr),
        ("budget_bar.title", Lang::Fr),
        ("case.document.note", Lang::Fr),
        ("code.area.psychosocial", Lang::Fr),
        ("code.area.social", Lang::Fr),
        ("code.dimension.psychosocial", Lang::Fr),
        ("code.dimension.social", Lang::Fr),
        ("code.measure_type.transport", Lang::Fr),
        ("code.modality.service", Lang::Fr),
        ("code.privacy_category.psychosocial", Lang::Fr),
        ("consent.signatures.heading", Lang::Fr),
        ("follow_up.contact.legend", Lang::Fr),
        ("follow_up.referral.organisation", Lang::Fr),
        ("needs.scores", Lang::Fr),
        ("safety.referral.organisation", Lang::Fr),
        ("schedule.date", Lang::Fr),
        ("step.budget", Lang::Fr),
        ("step.psychosocial", Lang::Fr),
        ("step.social", Lang::Fr),
        // Words spelt the same in Spanish.
        ("budget.total", Lang::Es),
        ("code.answer.no", Lang::Es),
        ("code.area.social", Lang::Es),
        ("code.dimension.social", Lang::Es),
        ("measure.referral.no", Lang::Es),
        ("severity.error", Lang::Es),
        ("step.social", Lang::Es),
    ];

    /// A translation equal to English is English left over, unless it is a listed exception.
    #[test]
    fn no_translation_is_english_left_over() {
        let mut left_over = Vec::new();
        for key in keys() {
            let english = t(Lang::En, key);
            for lang in [Lang::Fr, Lang::Es, Lang::Ar] {
                if t(lang, key) == english && !SAME_AS_ENGLISH.contains(&(key, lang)) {
                    left_over.push(format!("{}: {key} is in English: {english:?}", lang.code()));
                }
            }
        }
        assert!(left_over.is_empty(), "texts to translate:\n{}", left_over.join("\n"));
    }

    /// An exception that is translated after all, or whose key is gone, is removed from the list.
    #[test]
    fn every_exception_to_translation_is_still_needed() {
        for (key, lang) in SAME_AS_ENGLISH {
            assert!(has_key(key), "{key} is no longer a text: remove it from SAME_AS_ENGLISH");
            assert_eq!(
                t(*lang, key),
                t(Lang::En, key),
                "{}: {key} is translated now: remove it from SAME_AS_ENGLISH",
                lang.code()
            );
        }
    }

    fn placeholders(text: &str) -> Vec<String> {
        let mut found: Vec<String> = text
            .split('{')
            .skip(1)
            .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn missing_keys_show_themselves_and_parameters_fill() {
        assert_eq!(t(Lang::Fr, "no.such.key"), "no.such.key");
        assert_eq!(t(Lang::Fr, "header.language"), "Langue");
        assert_eq!(fill("{a} and {b}", &[("a", "1".into()), ("b", "2".into())]), "1 and 2");
    }
}
