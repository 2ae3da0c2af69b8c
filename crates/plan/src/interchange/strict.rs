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

use std::fmt::{self, Display};

use serde::Serialize;
use serde::ser::{self, Impossible};
use serde_json::{Number, Value};

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

/// `Ok` when `input` is what serializing `value` writes, up to the equalities of the module
/// documentation; otherwise the first difference.
pub fn same_as<T: Serialize + ?Sized>(value: &T, input: &Value) -> Result<(), Mismatch> {
    value.serialize(Cmp { input: Some(input), path: Path { parent: None, seg: Seg::Root } })
}

#[derive(Clone, Copy)]
enum Seg<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

/// The path to the value being compared, built only when there is a difference to report.
#[derive(Clone, Copy)]
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    seg: Seg<'a>,
}

impl Path<'_> {
    fn pointer(&self) -> String {
        let mut segs = Vec::new();
        let mut at = Some(self);
        while let Some(p) = at {
            segs.push(p.seg);
            at = p.parent;
        }
        let mut out = String::new();
        for seg in segs.into_iter().rev() {
            match seg {
                Seg::Root => {}
                Seg::Key(k) => {
                    out.push('/');
                    out.push_str(&crate::assessment::escape_pointer(k));
                }
                Seg::Index(i) => out.push_str(&format!("/{i}")),
            }
        }
        out
    }

    fn key<'b>(&'b self, key: &'b str) -> Path<'b> {
        Path { parent: Some(self), seg: Seg::Key(key) }
    }
}

/// Compares one value. `input` is `None` when the field is absent.
struct Cmp<'a> {
    input: Option<&'a Value>,
    path: Path<'a>,
}

fn describe(v: Option<&Value>) -> &'static str {
    match v {
        None => "absent",
        Some(Value::Null) => "null",
        Some(Value::Bool(_)) => "a boolean",
        Some(Value::Number(_)) => "a number",
        Some(Value::String(_)) => "a string",
        Some(Value::Array(_)) => "an array",
        Some(Value::Object(_)) => "an object",
    }
}

impl<'a> Cmp<'a> {
    fn fail(&self, detail: impl Into<String>) -> Mismatch {
        Mismatch { path: self.path.pointer(), detail: detail.into() }
    }

    fn expected(&self, what: &str) -> Mismatch {
        self.fail(format!("expected {what}, found {}", describe(self.input)))
    }

    fn integer(self, v: i128) -> Result<(), Mismatch> {
        let found = match self.input {
            Some(Value::Number(n)) => {
                n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from))
            }
            _ => None,
        };
        if found == Some(v) { Ok(()) } else { Err(self.expected(&format!("the integer {v}"))) }
    }

    fn object(&self) -> Result<&'a serde_json::Map<String, Value>, Mismatch> {
        match self.input {
            Some(Value::Object(obj)) => Ok(obj),
            _ => Err(self.expected("an object")),
        }
    }

    /// An externally tagged variant: an object with the variant's name as its only key.
    fn variant(self, variant: &'static str) -> Result<(&'a Value, Path<'a>), Mismatch> {
        let obj = self.object()?;
        match obj.get(variant) {
            Some(inner) if obj.len() == 1 => Ok((inner, self.path)),
            _ => Err(self.fail(format!("expected an object with the single key `{variant}`"))),
        }
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

impl<'a> ser::Serializer for Cmp<'a> {
    type Ok = ();
    type Error = Mismatch;
    type SerializeSeq = SeqCmp<'a>;
    type SerializeTuple = SeqCmp<'a>;
    type SerializeTupleStruct = SeqCmp<'a>;
    type SerializeTupleVariant = SeqCmp<'a>;
    type SerializeMap = MapCmp<'a>;
    type SerializeStruct = StructCmp<'a>;
    type SerializeStructVariant = StructCmp<'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Mismatch> {
        match self.input {
            Some(Value::Bool(b)) if *b == v => Ok(()),
            _ => Err(self.expected(if v { "true" } else { "false" })),
        }
    }
    fn serialize_i8(self, v: i8) -> Result<(), Mismatch> {
        self.integer(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), Mismatch> {
        self.integer(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), Mismatch> {
        self.integer(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), Mismatch> {
        self.integer(v.into())
    }
    fn serialize_i128(self, v: i128) -> Result<(), Mismatch> {
        self.integer(v)
    }
    fn serialize_u8(self, v: u8) -> Result<(), Mismatch> {
        self.integer(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), Mismatch> {
        self.integer(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), Mismatch> {
        self.integer(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), Mismatch> {
        self.integer(v.into())
    }
    fn serialize_f32(self, _: f32) -> Result<(), Mismatch> {
        Err(self.fail("the format has no floating-point numbers"))
    }
    fn serialize_f64(self, _: f64) -> Result<(), Mismatch> {
        Err(self.fail("the format has no floating-point numbers"))
    }
    fn serialize_char(self, v: char) -> Result<(), Mismatch> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), Mismatch> {
        match self.input {
            Some(Value::String(s)) if s == v => Ok(()),
            Some(Value::String(s)) => {
                Err(self.fail(format!("{s:?} is not written as the format writes it: {v:?}")))
            }
            _ => Err(self.expected("a string")),
        }
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Mismatch> {
        Err(self.fail("the format has no byte strings"))
    }
    fn serialize_none(self) -> Result<(), Mismatch> {
        match self.input {
            None | Some(Value::Null) => Ok(()),
            _ => Err(self.expected("null")),
        }
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Mismatch> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Mismatch> {
        self.serialize_none()
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Mismatch> {
        self.serialize_none()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Mismatch> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Mismatch> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Mismatch> {
        let (inner, path) = self.variant(variant)?;
        value.serialize(Cmp { input: Some(inner), path: path.key(variant) })
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<SeqCmp<'a>, Mismatch> {
        match self.input {
            Some(Value::Array(items)) => Ok(SeqCmp { items, path: self.path, index: 0 }),
            _ => Err(self.expected("an array")),
        }
    }
    fn serialize_tuple(self, len: usize) -> Result<SeqCmp<'a>, Mismatch> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<SeqCmp<'a>, Mismatch> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<SeqCmp<'a>, Mismatch> {
        // The model has no tuple variants.
        Err(self.fail(format!("the tuple variant `{variant}` is not part of the format")))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<MapCmp<'a>, Mismatch> {
        let obj = self.object()?;
        Ok(MapCmp { obj, path: self.path, key: None, seen: 0 })
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<StructCmp<'a>, Mismatch> {
        let obj = self.object()?;
        Ok(StructCmp { obj, path: self.path, seen: 0, variant: None })
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<StructCmp<'a>, Mismatch> {
        let (inner, path) = self.variant(variant)?;
        match inner {
            Value::Object(obj) => Ok(StructCmp { obj, path, seen: 0, variant: Some(variant) }),
            _ => Err(Cmp { input: Some(inner), path: path.key(variant) }.expected("an object")),
        }
    }
    /// Only chrono's dates and timestamps serialize this way.
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<(), Mismatch> {
        let written = value.to_string();
        let Some(Value::String(found)) = self.input else {
            return Err(self.expected("a string"));
        };
        if is_date(&written) {
            if *found == written {
                return Ok(());
            }
            return Err(self.fail(format!("{found:?} is not a date written YYYY-MM-DD")));
        }
        if is_timestamp(&written) && is_timestamp(found) {
            return Ok(());
        }
        Err(self.fail(format!(
            "{found:?} is not a date YYYY-MM-DD or a timestamp YYYY-MM-DDThh:mm:ss[.fraction]Z \
             with a four-digit year"
        )))
    }
}

struct SeqCmp<'a> {
    items: &'a [Value],
    path: Path<'a>,
    index: usize,
}

impl SeqCmp<'_> {
    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Mismatch> {
        let path = Path { parent: Some(&self.path), seg: Seg::Index(self.index) };
        let input = self.items.get(self.index);
        self.index += 1;
        match input {
            Some(input) => value.serialize(Cmp { input: Some(input), path }),
            None => Err(Mismatch { path: path.pointer(), detail: "missing element".into() }),
        }
    }

    fn finish(self) -> Result<(), Mismatch> {
        if self.index == self.items.len() {
            Ok(())
        } else {
            let path = Path { parent: Some(&self.path), seg: Seg::Index(self.index) };
            Err(Mismatch { path: path.pointer(), detail: "unexpected element".into() })
        }
    }
}

impl ser::SerializeSeq for SeqCmp<'_> {
    type Ok = ();
    type Error = Mismatch;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Mismatch> {
        self.element(value)
    }
    fn end(self) -> Result<(), Mismatch> {
        self.finish()
    }
}

impl ser::SerializeTuple for SeqCmp<'_> {
    type Ok = ();
    type Error = Mismatch;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Mismatch> {
        self.element(value)
    }
    fn end(self) -> Result<(), Mismatch> {
        self.finish()
    }
}

impl ser::SerializeTupleStruct for SeqCmp<'_> {
    type Ok = ();
    type Error = Mismatch;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Mismatch> {
        self.element(value)
    }
    fn end(self) -> Result<(), Mismatch> {
        self.finish()
    }
}

impl ser::SerializeTupleVariant for SeqCmp<'_> {
    type Ok = ();
    type Error = Mismatch;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Mismatch> {
        self.element(value)
    }
    fn end(self) -> Result<(), Mismatch> {
        self.finish()
    }
}

struct MapCmp<'a> {
    obj: &'a serde_json::Map<String, Value>,
    path: Path<'a>,
    key: Option<String>,
    seen: usize,
}

impl ser::SerializeMap for MapCmp<'_> {
    type Ok = ();
    type Error = Mismatch;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Mismatch> {
        self.key = Some(key.serialize(KeyText)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Mismatch> {
        let key = self.key.take().unwrap_or_default();
        let path = self.path.key(&key);
        match self.obj.get(&key) {
            Some(input) => {
                self.seen += 1;
                value.serialize(Cmp { input: Some(input), path })
            }
            None => Err(Mismatch { path: path.pointer(), detail: "missing entry".into() }),
        }
    }
    fn end(self) -> Result<(), Mismatch> {
        if self.seen == self.obj.len() {
            Ok(())
        } else {
            Err(Mismatch { path: self.path.pointer(), detail: "unexpected entry".into() })
        }
    }
}

struct StructCmp<'a> {
    obj: &'a serde_json::Map<String, Value>,
    /// The path of the struct, or of the object holding the variant.
    path: Path<'a>,
    seen: usize,
    variant: Option<&'static str>,
}

impl StructCmp<'_> {
    fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Mismatch> {
        let input = self.obj.get(key);
        if input.is_some() {
            self.seen += 1;
        }
        match self.variant {
            None => value.serialize(Cmp { input, path: self.path.key(key) }),
            Some(v) => {
                let inner = self.path.key(v);
                value.serialize(Cmp { input, path: inner.key(key) })
            }
        }
    }

    fn finish(self) -> Result<(), Mismatch> {
        if self.seen == self.obj.len() {
            return Ok(());
        }
        let path = match self.variant {
            None => self.path.pointer(),
            Some(v) => self.path.key(v).pointer(),
        };
        Err(Mismatch { path, detail: "unknown field".into() })
    }
}

impl ser::SerializeStruct for StructCmp<'_> {
    type Ok = ();
    type Error = Mismatch;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Mismatch> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Mismatch> {
        self.finish()
    }
}

impl ser::SerializeStructVariant for StructCmp<'_> {
    type Ok = ();
    type Error = Mismatch;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Mismatch> {
        self.field(key, value)
    }
    fn end(self) -> Result<(), Mismatch> {
        self.finish()
    }
}

/// The text of a map key (every map of the model is keyed by strings).
struct KeyText;

impl ser::Serializer for KeyText {
    type Ok = String;
    type Error = Mismatch;
    type SerializeSeq = Impossible<String, Mismatch>;
    type SerializeTuple = Impossible<String, Mismatch>;
    type SerializeTupleStruct = Impossible<String, Mismatch>;
    type SerializeTupleVariant = Impossible<String, Mismatch>;
    type SerializeMap = Impossible<String, Mismatch>;
    type SerializeStruct = Impossible<String, Mismatch>;
    type SerializeStructVariant = Impossible<String, Mismatch>;

    fn serialize_str(self, v: &str) -> Result<String, Mismatch> {
        Ok(v.to_owned())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, Mismatch> {
        Ok(variant.to_owned())
    }
    fn collect_str<T: Display + ?Sized>(self, value: &T) -> Result<String, Mismatch> {
        Ok(value.to_string())
    }
    fn serialize_bool(self, _: bool) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_i8(self, _: i8) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_i16(self, _: i16) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_i32(self, _: i32) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_i64(self, _: i64) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_u8(self, _: u8) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_u16(self, _: u16) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_u32(self, _: u32) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_u64(self, _: u64) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_f32(self, _: f32) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_f64(self, _: f64) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_char(self, v: char) -> Result<String, Mismatch> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_none(self) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_unit(self) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Mismatch> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Mismatch> {
        Err(not_a_key())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Mismatch> {
        Err(not_a_key())
    }
}

fn not_a_key() -> Mismatch {
    Mismatch { path: String::new(), detail: "map keys are strings".into() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shapes_of_dates_and_timestamps() {
        assert!(is_date("2026-01-05"));
        assert!(!is_date("+12345-01-01"));
        assert!(!is_date("2026-1-05"));
        assert!(is_timestamp("2026-01-05T23:59:59Z"));
        assert!(is_timestamp("2026-01-05T10:00:00.123456789Z"));
        assert!(!is_timestamp("2026-01-05T10:00:00.1234567890Z"));
        assert!(!is_timestamp("2026-01-05T10:00:00.Z"));
        assert!(!is_timestamp("2026-01-05T24:00:00Z"));
        assert!(!is_timestamp("2026-01-05T10:60:00Z"));
        assert!(!is_timestamp("2026-01-05T10:00:60Z"));
        assert!(!is_timestamp("2026-01-05T10:00:00+00:00"));
        assert!(!is_timestamp("2026-01-05t10:00:00z"));
    }

    #[test]
    fn integral_floats_become_integers() {
        let mut v = json!({"a": [30.0, 1.5, -0.0, 1e300], "b": 3e1});
        normalise_integers(&mut v);
        assert_eq!(v, json!({"a": [30, 1.5, 0, 1e300], "b": 30}));
    }

    #[test]
    fn the_first_difference_is_named() {
        #[derive(Serialize)]
        struct S {
            a: Option<u32>,
            b: Vec<[i32; 2]>,
        }
        let s = S { a: None, b: vec![[1, 2]] };
        assert_eq!(same_as(&s, &json!({"b": [[1, 2]]})), Ok(()));
        assert_eq!(same_as(&s, &json!({"a": null, "b": [[1, 2]]})), Ok(()));
        assert_eq!(same_as(&s, &json!({"b": [[1, 3]]})).unwrap_err().path, "/b/0/1");
        assert_eq!(same_as(&s, &json!([null, [[1, 2]]])).unwrap_err().path, "");
        assert_eq!(same_as(&s, &json!({"a": 1, "b": [[1, 2]]})).unwrap_err().path, "/a");
    }
}
