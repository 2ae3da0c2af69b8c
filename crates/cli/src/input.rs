//! Reading plan files: finding them in folders, reading them within the size limit, opening
//! sealed ones with the passphrase, and importing them with the domain's importer. Every failure
//! becomes a [`Failure`] naming the file and, where known, the field, line and column.

use std::fs::File;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use chrono::NaiveDate;
use homeward_plan::interchange::sealed::{self, MAX_SEALED_BYTES, SealedError};
use homeward_plan::interchange::{ImportError, Imported, MAX_IMPORT_BYTES, import_json};
use serde::Serialize;

/// The environment variable a passphrase may come from.
pub const PASSPHRASE_ENV: &str = "HOMEWARD_PASSPHRASE";

/// Why a file could not be read as a plan. `code` is the domain's error code where there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Failure {
    pub code: String,
    /// JSON Pointer of the fault, empty for the file as a whole.
    pub path: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    /// English, for people.
    pub message: String,
}

impl Failure {
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.into(),
            path: String::new(),
            line: None,
            column: None,
            message: message.into(),
        }
    }

    fn from_import(e: &ImportError) -> Self {
        Self {
            code: e.code().into(),
            path: e.path().into(),
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }
    }

    pub fn from_sealed(e: &SealedError) -> Self {
        let (line, column) = match e {
            SealedError::NotJson { line, column, .. } => (Some(*line), Some(*column)),
            _ => (None, None),
        };
        Self { code: e.code().into(), path: e.path().into(), line, column, message: e.to_string() }
    }
}

/// A plan read from a file.
pub struct Loaded {
    pub imported: Imported,
    /// The file was sealed and was opened with the passphrase.
    pub sealed: bool,
}

/// Where the passphrase comes from: a file, the environment, or a prompt. It is asked for at most
/// once, when the first sealed file needs it, and never taken from the command line.
pub struct Passphrase {
    file: Option<PathBuf>,
    prompt: &'static str,
    value: OnceLock<Result<String, String>>,
}

impl Passphrase {
    pub fn new(file: Option<PathBuf>) -> Self {
        Self { file, prompt: "Passphrase: ", value: OnceLock::new() }
    }

    /// The passphrase, read on first use.
    pub fn get(&self) -> Result<&str, Failure> {
        self.value
            .get_or_init(|| self.read())
            .as_deref()
            .map_err(|m| Failure::new("passphrase_unavailable", m.clone()))
    }

    fn read(&self) -> Result<String, String> {
        if let Some(path) = &self.file {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read passphrase file {}: {e}", path.display()))?;
            // One line ending is the file's, not the passphrase's.
            let text = text.strip_suffix('\n').unwrap_or(&text);
            let text = text.strip_suffix('\r').unwrap_or(text);
            return Ok(text.to_owned());
        }
        if let Ok(value) = std::env::var(PASSPHRASE_ENV) {
            return Ok(value);
        }
        let no_terminal = || {
            format!(
                "the file is sealed and no passphrase was given (and no terminal to ask); use \
                 --passphrase-file FILE or {PASSPHRASE_ENV}"
            )
        };
        if !std::io::stdin().is_terminal() {
            return Err(no_terminal());
        }
        rpassword::prompt_password(self.prompt).map_err(|_| no_terminal())
    }
}

/// The files named, with folders expanded to the `.json` files under them (sorted, recursive).
/// Names that do not exist are returned as failures, in order.
pub fn expand(inputs: &[PathBuf]) -> Vec<Result<PathBuf, (PathBuf, Failure)>> {
    let mut out = Vec::new();
    for input in inputs {
        if input.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found, &mut out);
            found.sort();
            out.extend(found.into_iter().map(Ok));
        } else if input.exists() {
            out.push(Ok(input.clone()));
        } else {
            out.push(Err((input.clone(), Failure::new("not_found", "no such file or folder"))));
        }
    }
    out
}

fn walk(dir: &Path, found: &mut Vec<PathBuf>, out: &mut Vec<Result<PathBuf, (PathBuf, Failure)>>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Err((dir.to_path_buf(), Failure::new("unreadable", e.to_string()))));
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, found, out);
        } else if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json")) {
            found.push(path);
        }
    }
}

/// The bytes of a file, refusing anything larger than `max` without reading it all.
pub fn read_limited(path: &Path, max: usize) -> Result<Vec<u8>, Failure> {
    let file = File::open(path).map_err(|e| Failure::new("unreadable", e.to_string()))?;
    let mut bytes = Vec::new();
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    file.take(limit)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::new("unreadable", e.to_string()))?;
    if bytes.len() > max {
        let size = std::fs::metadata(path).map_or(bytes.len() as u64, |m| m.len());
        return Err(Failure::new(
            "too_large",
            format!("file too large: {size} bytes (at most {max})"),
        ));
    }
    Ok(bytes)
}

/// The bytes as text, or a failure saying the file is not text.
pub fn text(bytes: Vec<u8>) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|e| {
        Failure::new(
            "not_text",
            format!(
                "not a text file (not UTF-8 at byte {}): not a plan",
                e.utf8_error().valid_up_to()
            ),
        )
    })
}

/// Opens a sealed file's text: the exact bytes that were sealed.
pub fn unseal(text: &str, passphrase: &Passphrase) -> Result<Vec<u8>, Failure> {
    let envelope = sealed::parse(text).map_err(|e| Failure::from_sealed(&e))?;
    let pass = passphrase.get()?;
    sealed::open(&envelope, pass).map_err(|e| Failure::from_sealed(&e))
}

/// Reads one plan file, sealed or not, and imports it with the domain's rules.
pub fn load(path: &Path, passphrase: &Passphrase, today: NaiveDate) -> Result<Loaded, Failure> {
    let raw = text(read_limited(path, MAX_SEALED_BYTES.max(MAX_IMPORT_BYTES))?)?;
    if raw.trim().is_empty() {
        return Err(Failure::new("empty", "the file is empty: not a plan"));
    }
    let (plain, sealed) = if sealed::looks_sealed(&raw) {
        (text(unseal(&raw, passphrase)?)?, true)
    } else {
        (raw, false)
    };
    // The budget record is checked against the built-in preset of the plan's programme.
    let imported = import_json(&plain, today, None).map_err(|e| Failure::from_import(&e))?;
    Ok(Loaded { imported, sealed })
}

/// Writes a file whole or not at all: into a temporary file next to it, then renamed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".partial");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path).inspect_err(|_| {
        let _ = std::fs::remove_file(&tmp);
    })
}
