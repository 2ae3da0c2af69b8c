//! Money as integer minor units with an ISO 4217 currency code. Never floating point: sums of
//! plan amounts must be exact, and the exported file must read the same everywhere.

use std::fmt;

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Serialize};

/// An ISO 4217 alphabetic code: three ASCII capital letters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CurrencyCode(String);

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
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Money {
    /// Amount in the currency's minor unit, e.g. 61500 for €615.00. An integer, never a float.
    pub amount_minor: i64,
    /// ISO 4217 code of the currency.
    pub currency: CurrencyCode,
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

impl fmt::Display for Money {
    /// Neutral form for logs and tests, e.g. `1234.50 EUR`. The interface formats by locale.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.currency.minor_digits();
        let per = self.currency.minor_per_major();
        let sign = if self.amount_minor < 0 { "-" } else { "" };
        let abs = self.amount_minor.unsigned_abs();
        let per = per.unsigned_abs();
        if digits == 0 {
            write!(f, "{sign}{abs} {}", self.currency)
        } else {
            write!(
                f,
                "{sign}{}.{:0width$} {}",
                abs / per,
                abs % per,
                self.currency,
                width = digits as usize
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_codes_are_three_capitals() {
        assert!(CurrencyCode::new("EUR").is_ok());
        assert!(CurrencyCode::new("eur").is_err());
        assert!(CurrencyCode::new("EURO").is_err());
        assert!(CurrencyCode::new("").is_err());
    }

    #[test]
    fn display_uses_minor_digits() {
        assert_eq!(Money::new(123450, CurrencyCode::eur()).to_string(), "1234.50 EUR");
        assert_eq!(Money::new(-5, CurrencyCode::eur()).to_string(), "-0.05 EUR");
        let xof = CurrencyCode::new("XOF").expect("valid code");
        assert_eq!(Money::new(65596, xof).to_string(), "65596 XOF");
    }

    #[test]
    fn major_saturates() {
        assert_eq!(Money::major(2000, CurrencyCode::eur()).amount_minor, 200_000);
        assert_eq!(Money::major(i64::MAX, CurrencyCode::eur()).amount_minor, i64::MAX);
    }
}
