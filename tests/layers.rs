//! The app's modules import only downward (see `src/lib.rs`): a lower floor never names a
//! higher one, so there is no import loop. Read from the source, natively.

use std::fs;
use std::path::{Path, PathBuf};

/// Floors from the top. A module may use its own floor's modules only where listed as lower.
const FLOORS: &[(&str, u8)] = &[
    ("app", 0),
    ("ui", 1),
    ("state", 2),
    ("undo", 2),
    ("device", 3),
    ("session", 4),
    ("browser", 5),
    ("draft", 6),
    ("step", 6),
    ("input", 6),
    ("i18n", 6),
    ("split", 6),
];

fn floor(module: &str) -> Option<u8> {
    FLOORS.iter().find(|(name, _)| *name == module).map(|(_, floor)| *floor)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src is readable").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a source text names as `crate::<module>`.
fn named_modules(source: &str) -> Vec<String> {
    source
        .match_indices("crate::")
        .map(|(i, m)| {
            source[i + m.len()..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect::<String>()
        })
        .collect()
}

#[test]
fn modules_import_only_downward() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut upward = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        let top = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .map(|s| s.trim_end_matches(".rs").to_owned())
            .unwrap_or_default();
        if top == "lib" || top == "main" {
            continue;
        }
        let own = floor(&top).unwrap_or_else(|| panic!("{top} is not on a floor in FLOORS"));
        let source = fs::read_to_string(file).expect("readable source");
        for module in named_modules(&source) {
            if let Some(theirs) = floor(&module)
                && module != top
                && theirs <= own
            {
                upward.push(format!("{} uses crate::{module}", relative.display()));
            }
        }
    }
    assert!(files.len() > 40, "the source tree was found");
    assert!(upward.is_empty(), "imports that go up or sideways:\n{}", upward.join("\n"));
}

#[test]
fn the_check_sees_an_upward_import() {
    assert_eq!(named_modules("use crate::app::AppState;\nlet x = crate::ui::x();"), ["app", "ui"]);
}
