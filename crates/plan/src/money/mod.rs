//! Money as integer minor units with an ISO 4217 currency code. Never floating point: sums of
//! plan amounts must be exact, and the exported file must read the same everywhere.

#[cfg(feature = "schema")]
use std::borrow::Cow;
use std::fmt;

#[cfg(feature = "schema")]
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

#[cfg(test)]
mod tests;
mod typed;

pub use typed::{
    AmountError, MAX_TYPED_MAJOR, NumberStyle, digit_value, format_amount, parse_amount,
    parse_count,
};

/// An ISO 4217 alphabetic code: three ASCII capital letters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "String")]
pub struct CurrencyCode(String);

impl<'de> Deserialize<'de> for CurrencyCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::reading::checked_str(d, Self::new)
    }
}

/// Why a text is not a currency code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidCurrencyCode(pub String);

impl fmt::Display for InvalidCurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an ISO 4217 currency code: {:?}", self.0)
    }
}

impl std::error::Error for InvalidCurrencyCode {}

impl CurrencyCode {
    pub fn new(code: &str) -> Result<Self, InvalidCurrencyCode> {
        if code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(Self(code.to_owned()))
        } else {
            Err(InvalidCurrencyCode(code.to_owned()))
        }
    }

    /// The euro, the currency of every built-in preset.
    pub fn eur() -> Self {
        Self("EUR".to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Digits after the decimal separator (ISO 4217 minor unit). Unlisted codes use 2.
    pub fn minor_digits(&self) -> u32 {
        match self.0.as_str() {
            // No minor unit.
            "BIF" | "CLP" | "DJF" | "GNF" | "ISK" | "JPY" | "KMF" | "KRW" | "PYG" | "RWF"
            | "UGX" | "UYI" | "VND" | "VUV" | "XAF" | "XOF" | "XPF" => 0,
            // Three digits.
            "BHD" | "IQD" | "JOD" | "KWD" | "LYD" | "OMR" | "TND" => 3,
            _ => 2,
        }
    }

    /// 10^minor_digits: how many minor units make one major unit.
    pub fn minor_per_major(&self) -> i64 {
        10_i64.pow(self.minor_digits())
    }
}

#[cfg(feature = "schema")]
impl JsonSchema for CurrencyCode {
    fn schema_name() -> Cow<'static, str> {
        "CurrencyCode".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": "^[A-Z]{3}$",
            "description": "ISO 4217 alphabetic currency code, e.g. EUR.",
        })
    }
}

impl TryFrom<String> for CurrencyCode {
    type Error = InvalidCurrencyCode;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::new(&value)
    }
}

impl From<CurrencyCode> for String {
    fn from(value: CurrencyCode) -> Self {
        value.0
    }
}

impl fmt::Display for CurrencyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An amount in minor units (cents for EUR) of one currency.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// Amount in the currency's minor unit, e.g. 61500 for €615.00. An integer, never a float,
    /// within ±(2^53 - 1) so that every JSON reader holds it exactly.
    #[serde(deserialize_with = "amount_in_range")]
    #[cfg_attr(
        feature = "schema",
        schemars(range(min = -9_007_199_254_740_991_i64, max = 9_007_199_254_740_991_i64))
    )]
    pub amount_minor: i64,
    /// ISO 4217 code of the currency.
    pub currency: CurrencyCode,
}

/// Largest amount in minor units a file may hold (2^53 - 1, the largest integer every JSON
/// reader holds exactly); the smallest is its negative.
pub const MAX_AMOUNT_MINOR: i64 = 9_007_199_254_740_991;

fn amount_in_range<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    crate::reading::checked_i64(d, |v| {
        if v.unsigned_abs() > MAX_AMOUNT_MINOR.unsigned_abs() {
            Err(format!("amount {v} is beyond ±{MAX_AMOUNT_MINOR} minor units"))
        } else {
            Ok(v)
        }
    })
}

impl Money {
    pub fn new(amount_minor: i64, currency: CurrencyCode) -> Self {
        Self { amount_minor, currency }
    }

    pub fn zero(currency: CurrencyCode) -> Self {
        Self::new(0, currency)
    }

    /// Whole major units, e.g. `Money::major(2000, eur)` is €2,000.00. Saturates instead of
    /// overflowing, so absurd configuration cannot panic.
    pub fn major(amount_major: i64, currency: CurrencyCode) -> Self {
        let minor = amount_major.saturating_mul(currency.minor_per_major());
        Self::new(minor, currency)
    }
}

impl Money {
    /// The amount in major units with a point and no grouping, e.g. `1234.50` or `-0.05`: the
    /// form for data files and spreadsheets, whatever the language.
    pub fn decimal(&self) -> String {
        let digits = self.currency.minor_digits();
        let per = self.currency.minor_per_major().unsigned_abs();
        let sign = if self.amount_minor < 0 { "-" } else { "" };
        let abs = self.amount_minor.unsigned_abs();
        if digits == 0 {
            format!("{sign}{abs}")
        } else {
            format!("{sign}{}.{:0width$}", abs / per, abs % per, width = digits as usize)
        }
    }
}

impl fmt::Display for Money {
    /// Neutral form for logs and tests, e.g. `1234.50 EUR`. The interface formats by locale.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.decimal(), self.currency)
    }
}
