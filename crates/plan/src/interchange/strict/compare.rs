//! The comparing serializer: serializes the parsed plan beside the input and stops at the
//! first place where the input is not what export would write.

use std::fmt::Display;

use serde::Serialize;
use serde::ser;
use serde_json::Value;

use super::key::KeyText;
use super::{Mismatch, is_date, is_timestamp};

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
