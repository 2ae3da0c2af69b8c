//! Writes each interface language's texts as one compact file, `$OUT_DIR/{lang}.json`, from the
//! translation files in `src/i18n/text/` (which hold every language of a key side by side). The
//! app compiles English in and fetches the others when chosen (`scripts/post-build.mjs` writes
//! the same files into the build); native builds and the tests compile all four in.
//!
//! Also sets `HOMEWARD_TEXTS_HASH`, a hash of the translation files that the fetched files'
//! names carry (`lang-fr-{hash}.json`), so a browser or a cache never pairs an app with another
//! build's texts. `scripts/post-build.mjs` computes the same hash over the same files.

use std::collections::BTreeMap;
use std::path::Path;
use std::{env, fs};

const DIR: &str = "src/i18n/text";
const LANGS: [&str; 4] = ["en", "fr", "es", "ar"];

fn main() {
    println!("cargo::rerun-if-changed={DIR}");
    // The wasm splitter (`scripts/split.mjs`) reads the linker's relocations to move code out.
    if env::var_os("CARGO_FEATURE_SPLIT").is_some() {
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
    let mut by_lang: BTreeMap<&str, BTreeMap<String, String>> = BTreeMap::new();
    let mut files: Vec<_> = fs::read_dir(DIR)
        .map(|dir| dir.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.sort();
    let mut hash = Fnv1a::default();
    for path in files.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        println!("cargo::rerun-if-changed={}", path.display());
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        hash.add(name.as_bytes());
        hash.add(&[0]);
        hash.add(&fs::read(path).unwrap_or_default());
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
    println!("cargo::rustc-env=HOMEWARD_TEXTS_HASH={:016x}", hash.0);
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

/// FNV-1a, 64 bits: a few lines here and in the post-build script, no dependency.
struct Fnv1a(u64);

impl Default for Fnv1a {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv1a {
    fn add(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = (self.0 ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}
