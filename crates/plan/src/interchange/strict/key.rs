//! The text of a map key, for the comparing serializer.

use std::fmt::Display;

use serde::Serialize;
use serde::ser::{self, Impossible};

use super::Mismatch;

/// The text of a map key (every map of the model is keyed by strings).
pub(super) struct KeyText;

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
