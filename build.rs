//! Writes each interface language's texts as one compact file, `$OUT_DIR/{lang}.json`, from the
//! translation files in `src/i18n/text/` (which hold every language of a key side by side). The
//! app compiles English in and fetches the others when chosen (`scripts/post-build.mjs` writes
//! the same files into the build); native builds and the tests compile all four in.

use std::collections::BTreeMap;
use std::path::Path;
use std::{env, fs};

const DIR: &str = "src/i18n/text";
const LANGS: [&str; 4] = ["en", "fr", "es", "ar"];

fn main() {
    println!("cargo::rerun-if-changed={DIR}");
    let mut by_lang: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    let mut files: Vec<_> = fs::read_dir(DIR)
        .map(|dir| dir.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        println!("cargo::rerun-if-changed={}", path.display());
        let parsed: Result<BTreeMap<String, BTreeMap<String, String>>, _> =
            fs::read_to_string(path)
                .map_err(|e| e.to_string())
                .and_then(|source| serde_json::from_str(&source).map_err(|e| e.to_string()));
        // A broken file is reported by the i18n tests, which name the key; its texts are left
        // out here so that the build still runs those tests.
        let Ok(entries) = parsed else {
            println!("cargo::warning={} does not parse", path.display());
            continue;
        };
        for (key, texts) in entries {
            for lang in LANGS {
                if let Some(text) = texts.get(lang) {
                    by_lang.entry(lang).or_default().insert(key.clone(), text.clone());
                }
            }
        }
    }
    let out = env::var("OUT_DIR").unwrap_or_else(|_| ".".into());
    for lang in LANGS {
        let table = by_lang.remove(lang).unwrap_or_default();
        let json = serde_json::to_string(&table).unwrap_or_else(|_| "{}".into());
        let path = Path::new(&out).join(format!("{lang}.json"));
        if let Err(e) = fs::write(&path, json) {
            panic!("cannot write {}: {e}", path.display());
        }
    }
}
