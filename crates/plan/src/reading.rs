//! Reading a type from JSON text, naming the field at fault when it fails.
//!
//! The field is found from where the parser stopped: the text is walked up to that byte and the
//! keys and indices open there are the field's JSON Pointer. This costs nothing while reading
//! succeeds and keeps one deserialising copy of every type in the app's wasm (a path-tracking
//! deserializer, such as `serde_path_to_error`, adds a wrapped copy of each type's reader: about
//! 37 KB gzip of the first load).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde_json::error::Category;

use crate::assessment::escape_pointer;

/// Why text was not read as the type asked for, and where.
#[derive(Debug)]
pub(crate) struct Fault {
    /// The JSON Pointer of the field at fault ("" for the whole document or a syntax error).
    pub pointer: String,
    /// The parser's own error: its message, category, line and column.
    pub error: serde_json::Error,
}

impl Fault {
    /// The parser's message without its line and column, for text the person never saw (a
    /// value written again to be read).
    pub fn detail(&self) -> String {
        let message = self.error.to_string();
        let position = format!(" at line {} column {}", self.error.line(), self.error.column());
        message.strip_suffix(&position).map_or(message.clone(), str::to_owned)
    }
}

/// Reads `T` from `text` (the whole text: trailing characters are an error).
pub(crate) fn read<T: DeserializeOwned>(text: &str) -> Result<T, Fault> {
    serde_json::from_str(text).map_err(|error| {
        // A syntax error inside valid JSON is a list longer than its type holds.
        let pointer = match error.classify() {
            Category::Data | Category::Syntax => {
                pointer_at(text, offset_of(text, error.line(), error.column()))
            }
            Category::Eof | Category::Io => String::new(),
        };
        Fault { pointer, error }
    })
}

/// Reads a string and converts it while the parser still stands at it, so that a refusal is
/// placed at this field rather than at the end of the object around it (where an error raised
/// after reading, as `#[serde(try_from)]` does, is placed).
pub(crate) fn checked_str<'de, D, T, E>(
    d: D,
    convert: fn(&str) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    E: fmt::Display,
{
    d.deserialize_str(Checked { convert, what: "a string", out: PhantomData })
}

/// Reads an integer and converts it while the parser still stands at it (see [`checked_str`]).
pub(crate) fn checked_i64<'de, D, T, E>(
    d: D,
    convert: fn(i64) -> Result<T, E>,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    E: fmt::Display,
{
    d.deserialize_i64(Checked { convert, what: "an integer", out: PhantomData })
}

struct Checked<F, T> {
    convert: F,
    what: &'static str,
    out: PhantomData<T>,
}

impl<'de, T, E: fmt::Display> Visitor<'de> for Checked<fn(&str) -> Result<T, E>, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what)
    }

    fn visit_str<Er: de::Error>(self, v: &str) -> Result<T, Er> {
        (self.convert)(v).map_err(Er::custom)
    }
}

impl<'de, T, E: fmt::Display> Visitor<'de> for Checked<fn(i64) -> Result<T, E>, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what)
    }

    fn visit_i64<Er: de::Error>(self, v: i64) -> Result<T, Er> {
        (self.convert)(v).map_err(Er::custom)
    }

    fn visit_u64<Er: de::Error>(self, v: u64) -> Result<T, Er> {
        let v =
            i64::try_from(v).map_err(|_| Er::invalid_value(de::Unexpected::Unsigned(v), &self))?;
        self.visit_i64(v)
    }
}

/// The byte offset of serde_json's (1-based) line and column, which counts the bytes consumed
/// on that line.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    // Line n starts after the (n - 1)th newline.
    let start = match line.checked_sub(2) {
        None => 0,
        Some(newlines_before) => {
            text.match_indices('\n').nth(newlines_before).map_or(text.len(), |(i, _)| i + 1)
        }
    };
    (start + column).min(text.len())
}

/// Where the walk stands inside one open object or array.
enum Open {
    /// The key read last (none right after `{` or `,`).
    Object { key: Option<String> },
    /// The index of the element being read; `started` once its first byte is passed.
    Array { index: usize, started: bool },
}

/// The JSON Pointer of the innermost value open, or just ended, at byte `offset` of `text`
/// (which parses as JSON up to there): the keys and indices of the containers around it.
fn pointer_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let mut open: Vec<Open> = Vec::new();
    let mut i = 0;
    while i < offset.min(bytes.len()) {
        let b = bytes[i];
        match b {
            b'{' | b'[' => {
                start_value(&mut open);
                open.push(if b == b'{' {
                    Open::Object { key: None }
                } else {
                    Open::Array { index: 0, started: false }
                });
                i += 1;
            }
            b'}' | b']' => {
                open.pop();
                i += 1;
            }
            b',' => {
                match open.last_mut() {
                    Some(Open::Object { key }) => *key = None,
                    Some(Open::Array { index, started }) => {
                        *index += 1;
                        *started = false;
                    }
                    None => {}
                }
                i += 1;
            }
            b'"' => {
                let end = string_end(bytes, i);
                let awaiting_key = matches!(open.last(), Some(Open::Object { key: None }));
                if awaiting_key {
                    let key = serde_json::from_str::<String>(&text[i..end]).unwrap_or_default();
                    if let Some(Open::Object { key: slot }) = open.last_mut() {
                        *slot = Some(key);
                    }
                } else {
                    start_value(&mut open);
                }
                i = end;
            }
            b':' | b' ' | b'\t' | b'\n' | b'\r' => i += 1,
            _ => {
                // A number, true, false or null: up to the next delimiter.
                start_value(&mut open);
                while i < bytes.len() && !b",]}: \t\n\r".contains(&bytes[i]) {
                    i += 1;
                }
            }
        }
    }
    let mut pointer = String::new();
    for frame in &open {
        match frame {
            Open::Object { key: Some(key) } => {
                pointer.push('/');
                pointer.push_str(&escape_pointer(key));
            }
            Open::Array { index, started: true } => {
                pointer.push('/');
                pointer.push_str(&index.to_string());
            }
            Open::Object { key: None } | Open::Array { started: false, .. } => {}
        }
    }
    pointer
}

/// A value begins in the innermost container.
fn start_value(open: &mut [Open]) {
    if let Some(Open::Array { started, .. }) = open.last_mut() {
        *started = true;
    }
}

/// The byte after the string that opens at `start` (its closing quote included).
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        name: String,
        count: u8,
    }

    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
        #[serde(rename = "a/b")]
        odd: Option<u8>,
    }

    fn fault(text: &str) -> String {
        read::<Doc>(text).expect_err("refused").pointer
    }

    #[test]
    fn names_the_field_whose_value_is_wrong() {
        let text = r#"{"items": [{"name": "a", "count": 1}, {"name": "b", "count": 300}]}"#;
        assert_eq!(fault(text), "/items/1/count");
        let pretty = "{\n  \"items\": [\n    {\"name\": \"a,]}\\\"\", \"count\": \"x\"}\n  ]\n}";
        assert_eq!(fault(pretty), "/items/0/count");
        assert_eq!(fault(r#"{"items": [], "a/b": -1}"#), "/a~1b");
        assert_eq!(fault(r#"{"items": 5}"#), "/items");
        assert_eq!(fault(r#"{"items": [7]}"#), "/items/0");
    }

    #[test]
    fn names_the_object_that_lacks_a_field_and_the_unknown_field() {
        assert_eq!(fault(r#"{"items": [{"name": "a", "count": 1}, {"name": "b"}]}"#), "/items/1");
        let unknown = r#"{"items": [{"name": "a", "count": 1, "colour": 2}]}"#;
        assert_eq!(fault(unknown), "/items/0/colour");
        assert!(fault(r#"{"items": [{"colour": 2}]}"#).starts_with("/items/0"));
        assert_eq!(fault(r#"{}"#), "");
    }

    #[test]
    fn a_syntax_error_names_where_it_is_and_a_cut_text_no_field() {
        let e = read::<Doc>(r#"{"items": [{"name": "a", "count": 1}, }"#).expect_err("refused");
        assert_eq!((e.pointer.as_str(), e.error.classify()), ("/items", Category::Syntax));
        let e = read::<Doc>(r#"{"items": [{"name": "a", "#).expect_err("refused");
        assert_eq!((e.pointer.as_str(), e.error.classify()), ("", Category::Eof));
    }

    #[test]
    fn the_detail_leaves_out_the_position() {
        let e = read::<Doc>(r#"{"items": 5}"#).expect_err("refused");
        assert!(e.error.to_string().ends_with(" at line 1 column 11"), "{}", e.error);
        assert_eq!(e.detail(), "invalid type: integer `5`, expected a sequence");
    }

    #[test]
    fn a_list_longer_than_its_tuple_is_named() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code)]
        struct Stroke {
            points: Vec<(u8, u8)>,
        }
        let e = read::<Stroke>(r#"{"points": [[1, 2], [1, 2, 3]]}"#).expect_err("refused");
        assert!(e.pointer.starts_with("/points/1"), "{}", e.pointer);
    }

    #[test]
    fn offsets_count_bytes_on_the_line() {
        let text = "ab\ncdé\nfg";
        assert_eq!(offset_of(text, 1, 2), 2);
        assert_eq!(offset_of(text, 2, 1), 4);
        assert_eq!(offset_of(text, 3, 0), 8);
        assert_eq!(offset_of(text, 9, 99), text.len());
    }
}
