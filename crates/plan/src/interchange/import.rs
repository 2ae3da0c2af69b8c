//! Import: parse, check format and version, migrate older versions, read into the model,
//! validate. A pure function of the text: a failed import returns an error and the caller keeps
//! the plan it had, so nothing is lost.

use std::fmt;

use chrono::NaiveDate;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess,
    Visitor,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::migrate::{self, MigrationError};
use super::strict;
use super::{FORMAT, VERSION};
use crate::budget::{BudgetRecord, check_record};
use crate::finding::{Finding, Severity};
use crate::model::Plan;
use crate::programme::ProgrammeConfig;
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

/// Reads a plan from the text of an exported file. `today` is used by validation. `programme`
/// is the configuration the caller works with: when it is the plan's programme, the budget
/// the file records is recomputed from its rules and every difference is a finding.
///
/// What is read is exactly what the published schema accepts: the document must be written as
/// export writes it (see [`super::strict`]), scores are 0–100 and amounts within
/// ±[`MAX_AMOUNT_MINOR`](crate::money::MAX_AMOUNT_MINOR).
pub fn import_json(
    input: &str,
    today: NaiveDate,
    programme: Option<&ProgrammeConfig>,
) -> Result<Imported, ImportError> {
    if input.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge { bytes: input.len(), max: MAX_IMPORT_BYTES });
    }
    let mut doc: Value = serde_json::from_str(input).map_err(|e| ImportError::NotJson {
        line: e.line(),
        column: e.column(),
        detail: e.to_string(),
    })?;
    strict::normalise_integers(&mut doc);
    let Some(obj) = doc.as_object() else {
        return Err(ImportError::NotAPlan { found_format: None });
    };
    match obj.get("format") {
        Some(Value::String(s)) if s == FORMAT => {}
        Some(other) => {
            let found = other.as_str().map_or_else(|| other.to_string(), str::to_owned);
            return Err(ImportError::NotAPlan { found_format: Some(found) });
        }
        None => return Err(ImportError::NotAPlan { found_format: None }),
    }
    let version = match obj.get("version") {
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
    let migrated_from = if version == u64::from(VERSION) {
        None
    } else {
        // Only older versions take this path: rewrite the document, then read it.
        let from = u32::try_from(version).unwrap_or(0);
        doc = migrate::migrate(doc, from).map_err(|MigrationError { path, detail }| {
            ImportError::InvalidField { path, line: None, column: None, detail }
        })?;
        Some(from)
    };
    // Positions in the text are those of the document as read, not of a migrated one.
    let text = migrated_from.is_none().then_some(input);
    let Value::Object(mut obj) = doc else {
        return Err(ImportError::NotAPlan { found_format: None });
    };
    obj.remove("format");
    obj.remove("version");
    let record = obj.remove(RECORD_FIELD);
    check_top_level_fields(obj.keys().map(String::as_str))?;
    let doc = Value::Object(obj);
    let plan: Plan = read_strictly(&doc, "", text)?;
    check_scores(&plan)?;
    let mut findings = validate(&plan, today);
    if let Some(record) = record.filter(|r| !r.is_null()) {
        let base = format!("/{RECORD_FIELD}");
        let record: BudgetRecord = read_strictly(&record, &base, text)?;
        findings.extend(check_record(&record, &plan, programme, &base));
    }
    Ok(Imported { plan, findings, migrated_from })
}

/// Reads `T` from `value` and checks that `value` is written as export writes a `T`. `base` is
/// the JSON Pointer of `value` in the document; `text`, when given, is the document's text, for
/// the line and column of a fault.
fn read_strictly<T: DeserializeOwned + Serialize>(
    value: &Value,
    base: &str,
    text: Option<&str>,
) -> Result<T, ImportError> {
    let located = |path: String, detail: String| {
        let (line, column) = text.and_then(|t| locate(t, &path)).unzip();
        ImportError::InvalidField { path, line, column, detail }
    };
    // Read from the value's own text, so that a fault is named by where the reading stopped.
    let own = serde_json::to_string(value).unwrap_or_default();
    let read: T = crate::reading::read(&own)
        .map_err(|fault| located(format!("{base}{}", fault.pointer), fault.detail()))?;
    strict::same_as(&read, value).map_err(|m| located(format!("{base}{}", m.path), m.detail))?;
    Ok(read)
}

/// Scores are 0–100, as the schema says, though their type holds up to 255.
fn check_scores(plan: &Plan) -> Result<(), ImportError> {
    let Some(assessment) = &plan.needs.assessment else { return Ok(()) };
    let s = &assessment.baseline;
    let scores = [("economic", s.economic), ("social", s.social), ("psychosocial", s.psychosocial)];
    let all = scores.into_iter().chain([("composite", s.composite)]);
    for (name, score) in all {
        if score.is_some_and(|v| v > MAX_SCORE) {
            return Err(invalid(
                &format!("/needs/assessment/baseline/{name}"),
                &format!("a score is at most {MAX_SCORE}"),
            ));
        }
    }
    Ok(())
}

/// Highest score of the assessment.
pub const MAX_SCORE: u8 = 100;

/// The top-level field holding the budget record (see [`crate::budget::BudgetRecord`]).
pub const RECORD_FIELD: &str = "budget_summary";

/// Line and column (1-based) of the value at `pointer` in `text`, found by walking the text to
/// it; the position is where the value starts (after its key). `None` if there is no such value.
fn locate(text: &str, pointer: &str) -> Option<(usize, usize)> {
    if pointer.is_empty() {
        return None;
    }
    let segments: Vec<String> = pointer.split('/').skip(1).map(unescape_pointer).collect();
    let mut de = serde_json::Deserializer::from_str(text);
    match Seek(&segments).deserialize(&mut de) {
        Err(e) if e.line() > 0 && e.to_string().starts_with(FOUND) => Some((e.line(), e.column())),
        _ => None,
    }
}

fn unescape_pointer(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

const FOUND: &str = "found the value";

/// Descends to the value at its path and stops there with an error that carries its position.
struct Seek<'a>(&'a [String]);

impl<'de> DeserializeSeed<'de> for Seek<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        if self.0.is_empty() {
            return Err(de::Error::custom(FOUND));
        }
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Seek<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let (first, rest) = self.0.split_first().ok_or_else(|| de::Error::custom("empty"))?;
        while let Some(key) = map.next_key::<String>()? {
            if &key == first {
                return map.next_value_seed(Seek(rest));
            }
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let (first, rest) = self.0.split_first().ok_or_else(|| de::Error::custom("empty"))?;
        let Ok(index) = first.parse::<usize>() else { return Ok(()) };
        for _ in 0..index {
            if seq.next_element::<IgnoredAny>()?.is_none() {
                return Ok(());
            }
        }
        seq.next_element_seed(Seek(rest)).map(|_| ())
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
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
