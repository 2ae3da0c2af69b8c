//! Import: parse, check format and version, migrate older versions, read into the model,
//! validate. A pure function of the text: a failed import returns an error and the caller keeps
//! the plan it had, so nothing is lost.

use std::fmt;

use chrono::NaiveDate;
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use super::migrate::{self, MigrationError};
use super::{FORMAT, VERSION};
use crate::finding::{Finding, Severity};
use crate::model::Plan;
use crate::validate::validate;

/// Largest file read, in bytes. A plan with hundreds of measures is far below; this only stops
/// a wrong file from exhausting the browser's memory.
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// A plan read from a file, with what the rules say about it. Findings do not stop an import:
/// the interface shows them and lets the counsellor decide to keep the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub plan: Plan,
    /// [`validate`] on the imported plan, for the day given to [`import_json`].
    pub findings: Vec<Finding>,
    /// The version the file was written in, when it was older and was migrated.
    pub migrated_from: Option<u32>,
}

impl Imported {
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(|f| f.severity == Severity::Error)
    }
}

/// Why a file could not be imported. [`ImportError::code`] is stable: the interface translates
/// `import_error.<code>`; `Display` is English for logs only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Larger than [`MAX_IMPORT_BYTES`].
    TooLarge { bytes: usize, max: usize },
    /// Not JSON: a syntax error or the end of the text came too early.
    NotJson { line: usize, column: usize, detail: String },
    /// JSON, but not a Homeward plan: not an object, or `format` missing or different.
    NotAPlan { found_format: Option<String> },
    /// Written by a newer version of Homeward than this one reads.
    NewerVersion { found: u64, supported: u32 },
    /// Older than the oldest version that can be migrated.
    UnsupportedVersion { found: u64, oldest: u32 },
    /// A field is missing, unknown or of the wrong type or value. `path` is the JSON Pointer of
    /// the field; `line` and `column` are known when the fault was found while parsing the text.
    InvalidField { path: String, line: Option<usize>, column: Option<usize>, detail: String },
}

impl ImportError {
    /// Every code, so the interface can check it translates them all.
    pub const CODES: &[&str] = &[
        "too_large",
        "not_json",
        "not_a_plan",
        "newer_version",
        "unsupported_version",
        "invalid_field",
    ];

    /// Stable snake_case code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            ImportError::TooLarge { .. } => "too_large",
            ImportError::NotJson { .. } => "not_json",
            ImportError::NotAPlan { .. } => "not_a_plan",
            ImportError::NewerVersion { .. } => "newer_version",
            ImportError::UnsupportedVersion { .. } => "unsupported_version",
            ImportError::InvalidField { .. } => "invalid_field",
        }
    }

    /// JSON Pointer of the fault in the document (empty for the document as a whole).
    pub fn path(&self) -> &str {
        match self {
            ImportError::InvalidField { path, .. } => path,
            ImportError::NewerVersion { .. } | ImportError::UnsupportedVersion { .. } => "/version",
            ImportError::NotAPlan { found_format: Some(_) } => "/format",
            _ => "",
        }
    }

    /// 1-based line where parsing failed, when known.
    pub fn line(&self) -> Option<usize> {
        match self {
            ImportError::NotJson { line, .. } => Some(*line),
            ImportError::InvalidField { line, .. } => *line,
            _ => None,
        }
    }

    /// 1-based column where parsing failed, when known.
    pub fn column(&self) -> Option<usize> {
        match self {
            ImportError::NotJson { column, .. } => Some(*column),
            ImportError::InvalidField { column, .. } => *column,
            _ => None,
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes, max } => {
                write!(f, "file too large: {bytes} bytes (at most {max})")
            }
            ImportError::NotJson { line, column, detail } => {
                write!(f, "not JSON at line {line}, column {column}: {detail}")
            }
            ImportError::NotAPlan { found_format: None } => {
                write!(f, "not a Homeward plan: no \"format\": \"{FORMAT}\"")
            }
            ImportError::NotAPlan { found_format: Some(found) } => {
                write!(f, "not a Homeward plan: format is {found:?}, expected {FORMAT:?}")
            }
            ImportError::NewerVersion { found, supported } => write!(
                f,
                "plan version {found} is newer than this version of Homeward reads ({supported})"
            ),
            ImportError::UnsupportedVersion { found, oldest } => {
                write!(f, "plan version {found} is too old (oldest read: {oldest})")
            }
            ImportError::InvalidField { path, line, column, detail } => {
                let at = if path.is_empty() { "/" } else { path };
                write!(f, "invalid field {at}")?;
                if let (Some(l), Some(c)) = (line, column) {
                    write!(f, " (line {l}, column {c})")?;
                }
                write!(f, ": {detail}")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads a plan from the text of an exported file. `today` is used by validation.
pub fn import_json(input: &str, today: NaiveDate) -> Result<Imported, ImportError> {
    if input.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: input.len(), max: MAX_IMPORT_BYTES });
    }
    // First pass: syntax of the whole text and the envelope, without building the document.
    let envelope: Envelope = serde_json::from_str(input).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => ImportError::NotAPlan { found_format: None },
        _ => ImportError::NotJson { line: e.line(), column: e.column(), detail: e.to_string() },
    })?;
    match &envelope.format {
        Some(Value::String(s)) if s == FORMAT => {}
        Some(other) => {
            let found = other.as_str().map_or_else(|| other.to_string(), str::to_owned);
            return Err(ImportError::NotAPlan { found_format: Some(found) });
        }
        None => return Err(ImportError::NotAPlan { found_format: None }),
    }
    let version = match &envelope.version {
        Some(v) => v.as_u64().ok_or_else(|| invalid("/version", "not a whole number"))?,
        None => return Err(invalid("/version", "missing field `version`")),
    };
    if version > u64::from(VERSION) {
        return Err(ImportError::NewerVersion { found: version, supported: VERSION });
    }
    let oldest = migrate::oldest_supported();
    if version < u64::from(oldest) {
        return Err(ImportError::UnsupportedVersion { found: version, oldest });
    }

    let (plan, migrated_from) = if version == u64::from(VERSION) {
        check_top_level_fields(envelope.other_keys.iter().map(String::as_str))?;
        // Read from the text itself so a faulty field also gets its line and column.
        let mut de = serde_json::Deserializer::from_str(input);
        let plan = serde_path_to_error::deserialize::<_, Plan>(&mut de).map_err(field_error)?;
        (plan, None)
    } else {
        // Only older versions take this path: parse to a value, rewrite it, read it.
        let from = u32::try_from(version).unwrap_or(0);
        let doc: Value = serde_json::from_str(input).map_err(|e| ImportError::NotJson {
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })?;
        let doc = migrate::migrate(doc, from).map_err(|MigrationError { path, detail }| {
            ImportError::InvalidField { path, line: None, column: None, detail }
        })?;
        if let Some(obj) = doc.as_object() {
            check_top_level_fields(
                obj.keys().map(String::as_str).filter(|k| *k != "format" && *k != "version"),
            )?;
        }
        let plan = serde_path_to_error::deserialize::<_, Plan>(doc).map_err(field_error)?;
        (plan, Some(from))
    };
    let findings = validate(&plan, today);
    Ok(Imported { plan, findings, migrated_from })
}

fn invalid(path: &str, detail: &str) -> ImportError {
    ImportError::InvalidField { path: path.into(), line: None, column: None, detail: detail.into() }
}

/// Nested objects refuse unknown fields through serde; the top level is checked here, because
/// it also holds the envelope fields, which the plan itself does not have.
fn check_top_level_fields<'a>(keys: impl Iterator<Item = &'a str>) -> Result<(), ImportError> {
    let known = plan_fields();
    for key in keys {
        if !known.contains(&key) {
            return Err(invalid(
                &format!("/{}", crate::assessment::escape_pointer(key)),
                &format!("unknown field `{key}`"),
            ));
        }
    }
    Ok(())
}

fn field_error(e: serde_path_to_error::Error<serde_json::Error>) -> ImportError {
    let path = pointer(e.path());
    let inner = e.inner();
    let located = inner.line() > 0;
    ImportError::InvalidField {
        path,
        line: located.then(|| inner.line()),
        column: located.then(|| inner.column()),
        detail: inner.to_string(),
    }
}

/// A serde path as a JSON Pointer, e.g. `goals[0].measures[1].due_date` as
/// `/goals/0/measures/1/due_date`.
fn pointer(path: &serde_path_to_error::Path) -> String {
    use serde_path_to_error::Segment;
    let mut out = String::new();
    for seg in path.iter() {
        match seg {
            Segment::Seq { index } => out.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                out.push('/');
                out.push_str(&crate::assessment::escape_pointer(key));
            }
            Segment::Enum { variant } => {
                out.push('/');
                out.push_str(&crate::assessment::escape_pointer(variant));
            }
            Segment::Unknown => {}
        }
    }
    out
}

/// The names of the plan's top-level fields, as serde reads them (so they cannot drift from
/// the type): a probe deserializer records the field list serde passes to it.
fn plan_fields() -> &'static [&'static str] {
    let mut fields: &'static [&'static str] = &[];
    let _ = Plan::deserialize(FieldProbe(&mut fields));
    fields
}

struct FieldProbe<'a>(&'a mut &'static [&'static str]);

impl<'de> Deserializer<'de> for FieldProbe<'_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
        Err(de::Error::custom("field probe"))
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, Self::Error> {
        *self.0 = fields;
        Err(de::Error::custom("field probe"))
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map enum identifier
        ignored_any
    }
}

/// The envelope and the names of the other top-level fields, read in one pass that checks the
/// syntax of the whole text without building it.
struct Envelope {
    format: Option<Value>,
    version: Option<Value>,
    other_keys: Vec<String>,
}

impl<'de> Deserialize<'de> for Envelope {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Envelope;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Envelope, A::Error> {
                let mut env = Envelope { format: None, version: None, other_keys: Vec::new() };
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "format" => env.format = Some(map.next_value()?),
                        "version" => env.version = Some(map.next_value()?),
                        _ => {
                            map.next_value::<IgnoredAny>()?;
                            env.other_keys.push(key);
                        }
                    }
                }
                Ok(env)
            }
        }
        d.deserialize_map(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_probe_sees_every_top_level_field() {
        let fields = plan_fields();
        // A partner file's record is written only in partner files.
        let plan = Plan {
            partner_file: Some(crate::model::PartnerFile {
                recipient: "P".into(),
                made_on: chrono::NaiveDate::default(),
                special_category_shared: false,
                withheld: Vec::new(),
            }),
            ..Plan::default()
        };
        let value = serde_json::to_value(plan).unwrap();
        let keys: Vec<_> = value.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(fields.len(), keys.len());
        for k in keys {
            assert!(fields.contains(&k), "{k}");
        }
    }
}
