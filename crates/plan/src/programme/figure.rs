//! An entitlement figure that a programme may not have published. Written in JSON as a number of
//! minor units or as the string `"unknown"`, so a preset can say plainly that a ceiling is not
//! known instead of inventing one.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An amount in minor units, or not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Figure {
    Known(i64),
    Unknown,
}

impl Figure {
    pub fn known(self) -> Option<i64> {
        match self {
            Figure::Known(amount) => Some(amount),
            Figure::Unknown => None,
        }
    }
}

impl From<i64> for Figure {
    fn from(amount: i64) -> Self {
        Figure::Known(amount)
    }
}

impl Serialize for Figure {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Figure::Known(amount) => serializer.serialize_i64(*amount),
            Figure::Unknown => serializer.serialize_str("unknown"),
        }
    }
}

struct FigureVisitor;

impl Visitor<'_> for FigureVisitor {
    type Value = Figure;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an amount in minor units (an integer) or \"unknown\"")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Figure, E> {
        Ok(Figure::Known(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Figure, E> {
        i64::try_from(v)
            .map(Figure::Known)
            .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Figure, E> {
        if v == "unknown" {
            Ok(Figure::Unknown)
        } else {
            Err(E::invalid_value(de::Unexpected::Str(v), &self))
        }
    }
}

impl<'de> Deserialize<'de> for Figure {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FigureVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_and_unknown() {
        assert_eq!(serde_json::from_str::<Figure>("200000").unwrap(), Figure::Known(200_000));
        assert_eq!(serde_json::from_str::<Figure>("-5").unwrap(), Figure::Known(-5));
        assert_eq!(serde_json::from_str::<Figure>("\"unknown\"").unwrap(), Figure::Unknown);
        assert!(serde_json::from_str::<Figure>("\"2000\"").is_err());
        assert!(serde_json::from_str::<Figure>("20.5").is_err());
        assert!(serde_json::from_str::<Figure>("null").is_err());
        assert!(serde_json::from_str::<Figure>("18446744073709551615").is_err());
    }

    #[test]
    fn writes_back_the_same() {
        assert_eq!(serde_json::to_string(&Figure::Known(61_500)).unwrap(), "61500");
        assert_eq!(serde_json::to_string(&Figure::Unknown).unwrap(), "\"unknown\"");
    }
}
