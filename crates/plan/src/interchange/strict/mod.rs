//! One meaning for every file: what the importer reads must be written exactly as export writes
//! it, so the published schema (which describes what export writes) and the importer accept the
//! same files.
//!
//! serde alone is lenient: chrono reads `+12345-01-01`, `2026-1-5` and timestamps with offsets,
//! uuid reads braced, `urn:` and uppercase forms, and a derived `Deserialize` reads a JSON array
//! in place of a struct. So after the plan is read, it is serialized again through
//! [`same_as`], a serializer that writes nothing but walks the parsed input beside it and stops
//! at the first place where the input is not what export would write (an absent optional field
//! counts as `null`). Two things are equal in meaning without being the same text, as JSON
//! Schema sees them too: an integral number written with a fraction or an exponent (`30.0`,
//! `3e1`), and the digits of a timestamp's fraction of a second (`.25Z` and `.250Z`).
//!
//! Dates and timestamps are the only values serialized with `collect_str` (chrono's `Display`);
//! they must have the shapes the schema's patterns give: [`DATE_PATTERN`] and
//! [`TIMESTAMP_PATTERN`].

mod compare;
mod key;
#[cfg(test)]
mod tests;

use std::fmt::{self, Display};

use serde::ser;
use serde_json::{Number, Value};

pub use compare::same_as;

/// The schema's pattern for a date: four-digit year (format `date` checks the calendar).
pub const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$";
/// The schema's pattern for a timestamp: RFC 3339 in UTC with `Z`, whole seconds or a fraction
/// of one to nine digits (format `date-time` checks the calendar).
pub const TIMESTAMP_PATTERN: &str =
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\\.[0-9]{1,9})?Z$";
/// The schema's pattern for an identifier: a canonical UUID, lowercase and hyphenated.
pub const UUID_PATTERN: &str = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

/// Largest integer every JSON reader holds exactly (2^53 - 1): numbers beyond are not integers
/// a partner's validator can check.
pub const MAX_EXACT_INTEGER: i64 = crate::money::MAX_AMOUNT_MINOR;

/// Where and how the input differs from what export writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mismatch {
    /// JSON Pointer of the value, relative to the value compared.
    pub path: String,
    /// English detail, for logs only.
    pub detail: String,
}

impl Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.detail)
    }
}

impl std::error::Error for Mismatch {}

impl ser::Error for Mismatch {
    fn custom<T: Display>(msg: T) -> Self {
        Mismatch { path: String::new(), detail: msg.to_string() }
    }
}

/// Replaces every number that JSON Schema counts as an integer but serde would read as a float
/// (`30.0`, `3e1`, `-0`) by that integer, within [`MAX_EXACT_INTEGER`].
pub fn normalise_integers(value: &mut Value) {
    match value {
        Value::Number(n) if n.is_f64() => {
            if let Some(f) = n.as_f64()
                && f.fract() == 0.0
                && f.abs() <= MAX_EXACT_INTEGER as f64
            {
                // Exact: |f| ≤ 2^53 - 1 and integral.
                *n = Number::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(normalise_integers),
        Value::Object(obj) => obj.values_mut().for_each(normalise_integers),
        _ => {}
    }
}

/// Shape of a date as export writes it: `YYYY-MM-DD`.
fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter()
            .enumerate()
            .all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
}

/// Shape of a timestamp as [`TIMESTAMP_PATTERN`] gives it.
fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    if b.len() < 20 || !is_date(&s[..10]) || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return false;
    }
    if !digits(11..13) || !digits(14..16) || !digits(17..19) {
        return false;
    }
    let hour = (b[11] - b'0') * 10 + (b[12] - b'0');
    if hour > 23 || b[14] > b'5' || b[17] > b'5' {
        return false;
    }
    match &b[19..] {
        [b'Z'] => true,
        [b'.', rest @ .., b'Z'] => {
            (1..=9).contains(&rest.len()) && rest.iter().all(u8::is_ascii_digit)
        }
        _ => false,
    }
}
