//! The exchange rate between the programme's currency and the local currency of the country of
//! return. Written as a decimal string ("655.957") so a host can copy the official figure as it
//! is published, and held as an integer mantissa and scale so conversions never touch floating
//! point.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Most decimals a rate may have. Keeps `mantissa × amount × 10^digits` inside `i128`.
pub const MAX_RATE_DECIMALS: u32 = 12;

/// How many local major units one major unit of the programme's currency buys, e.g. `655.957`
/// XOF per EUR. Value = `mantissa / 10^scale`. Parsing accepts a sign so that a zero or negative
/// rate is reported by the configuration check with its own code rather than as bad syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(into = "String")]
pub struct DecimalRate {
    mantissa: i64,
    scale: u32,
}

impl<'de> Deserialize<'de> for DecimalRate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        crate::reading::checked_str(d, Self::parse)
    }
}

/// Why a text is not a decimal rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidRate(pub String);

/// Start of [`InvalidRate`]'s message; the configuration parser recognises it to give the
/// `invalid_rate` code.
pub(crate) const INVALID_RATE_MESSAGE: &str = "not a decimal exchange rate";

impl fmt::Display for InvalidRate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{INVALID_RATE_MESSAGE} (digits with at most {MAX_RATE_DECIMALS} decimals, e.g. \
             \"655.957\"): {:?}",
            self.0
        )
    }
}

impl std::error::Error for InvalidRate {}

impl DecimalRate {
    /// Parses `"655.957"`, `"1"`, `"0.0015"`. No exponent, no thousands separator.
    pub fn parse(text: &str) -> Result<Self, InvalidRate> {
        let invalid = || InvalidRate(text.to_owned());
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (int_part, frac_part) = match digits.split_once('.') {
            Some((i, f)) => (i, f),
            None => (digits, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if int_part.is_empty() || !all_digits(int_part) || !all_digits(frac_part) {
            return Err(invalid());
        }
        if digits.contains('.') && frac_part.is_empty() {
            return Err(invalid());
        }
        let scale = u32::try_from(frac_part.len()).map_err(|_| invalid())?;
        if scale > MAX_RATE_DECIMALS {
            return Err(invalid());
        }
        let mut mantissa: i64 = 0;
        for b in int_part.bytes().chain(frac_part.bytes()) {
            mantissa = mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(i64::from(b - b'0')))
                .ok_or_else(invalid)?;
        }
        if negative {
            mantissa = -mantissa;
        }
        Ok(Self { mantissa, scale })
    }

    /// The rate as `mantissa / 10^scale`.
    pub fn mantissa(&self) -> i64 {
        self.mantissa
    }

    pub fn scale(&self) -> u32 {
        self.scale
    }

    pub fn is_positive(&self) -> bool {
        self.mantissa > 0
    }
}

impl TryFrom<String> for DecimalRate {
    type Error = InvalidRate;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<DecimalRate> for String {
    fn from(value: DecimalRate) -> Self {
        value.to_string()
    }
}

impl fmt::Display for DecimalRate {
    /// Canonical form: the digits as parsed, trailing zeros kept (they are part of the official
    /// figure as published).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.mantissa < 0 { "-" } else { "" };
        let abs = self.mantissa.unsigned_abs();
        if self.scale == 0 {
            return write!(f, "{sign}{abs}");
        }
        let per = 10_u64.pow(self.scale);
        write!(f, "{sign}{}.{:0width$}", abs / per, abs % per, width = self.scale as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_back() {
        for text in ["655.957", "1", "0.0015", "1.95583", "-2.5", "0", "10.50"] {
            let rate = DecimalRate::parse(text).unwrap();
            assert_eq!(rate.to_string(), text);
        }
        let rate = DecimalRate::parse("655.957").unwrap();
        assert_eq!((rate.mantissa(), rate.scale()), (655_957, 3));
    }

    #[test]
    fn refuses_what_is_not_a_plain_decimal() {
        for text in [
            "",
            ".5",
            "5.",
            "1e3",
            "1,5",
            " 1",
            "abc",
            "--1",
            "1.0000000000001",
            "99999999999999999999",
        ] {
            assert!(DecimalRate::parse(text).is_err(), "{text:?} should be refused");
        }
    }

    #[test]
    fn sign_is_kept_for_the_semantic_check() {
        assert!(!DecimalRate::parse("-1").unwrap().is_positive());
        assert!(!DecimalRate::parse("0.000").unwrap().is_positive());
        assert!(DecimalRate::parse("0.001").unwrap().is_positive());
    }
}
