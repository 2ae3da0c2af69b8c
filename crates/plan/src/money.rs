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

/// How a language writes numbers: the interface passes its own, the domain stays neutral.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NumberStyle {
    pub decimal: char,
    pub group: char,
}

impl NumberStyle {
    /// `1,234.50`
    pub const POINT: NumberStyle = NumberStyle { decimal: '.', group: ',' };
    /// `1 234,50` (with a narrow no-break space)
    pub const COMMA_SPACE: NumberStyle = NumberStyle { decimal: ',', group: '\u{202f}' };
    /// `1.234,50`
    pub const COMMA_POINT: NumberStyle = NumberStyle { decimal: ',', group: '.' };
}

/// Why a typed amount was not taken. The interface translates `amount_error.<code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    Negative,
    TooManyDecimals,
    TooLarge,
}

impl AmountError {
    pub fn code(self) -> &'static str {
        match self {
            AmountError::NotANumber => "not_a_number",
            AmountError::Negative => "negative",
            AmountError::TooManyDecimals => "too_many_decimals",
            AmountError::TooLarge => "too_large",
        }
    }
}

/// The largest amount a person may type: a thousand million major units. Anything above is a
/// slip of the finger, never a reintegration budget.
pub const MAX_TYPED_MAJOR: i64 = 1_000_000_000;

/// Reads an amount as a person types it, in major units, e.g. `1 234,50` or `1,234.50`, into
/// minor units of `currency`. Empty text is `Ok(None)`. Spaces and the style's group separator
/// are ignored; either `.` or `,` is taken as the decimal mark when it is the style's, or when
/// it is the only separator and is followed by no more digits than the currency has.
pub fn parse_amount(
    text: &str,
    currency: &CurrencyCode,
    style: NumberStyle,
) -> Result<Option<i64>, AmountError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    let (negative, body) = match trimmed.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, trimmed),
    };
    let cleaned: String = body
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202f}' && *c != '\u{a0}' && *c != '\'')
        .collect();
    if cleaned.is_empty() {
        return Err(AmountError::NotANumber);
    }
    let digits = currency.minor_digits() as usize;
    let decimal = decimal_mark(&cleaned, style, digits);
    let (whole, fraction) = match decimal {
        Some(pos) => (&cleaned[..pos], &cleaned[pos + 1..]),
        None => (cleaned.as_str(), ""),
    };
    let whole: String = whole.chars().filter(|c| *c != ',' && *c != '.').collect();
    if whole.is_empty() && fraction.is_empty()
        || !whole.chars().all(|c| c.is_ascii_digit())
        || !fraction.chars().all(|c| c.is_ascii_digit())
    {
        return Err(AmountError::NotANumber);
    }
    if negative {
        return Err(AmountError::Negative);
    }
    if fraction.len() > digits {
        return Err(AmountError::TooManyDecimals);
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else if whole.len() > 12 {
        return Err(AmountError::TooLarge);
    } else {
        whole.parse().map_err(|_| AmountError::NotANumber)?
    };
    if whole > MAX_TYPED_MAJOR {
        return Err(AmountError::TooLarge);
    }
    let mut minor_fraction: i64 = 0;
    for i in 0..digits {
        let digit = fraction.as_bytes().get(i).map_or(0, |b| i64::from(b - b'0'));
        minor_fraction = minor_fraction * 10 + digit;
    }
    Ok(Some(whole * currency.minor_per_major() + minor_fraction))
}

/// Where the decimal mark is, if any.
fn decimal_mark(text: &str, style: NumberStyle, digits: usize) -> Option<usize> {
    if let Some(pos) = text.rfind(style.decimal) {
        // The style's own mark, unless it is really grouping (e.g. `1.234.567` in 'es').
        if text.matches(style.decimal).count() == 1 {
            return Some(pos);
        }
        return None;
    }
    // The other mark, when used once and followed by few enough digits to be a fraction.
    let other = if style.decimal == ',' { '.' } else { ',' };
    let pos = text.rfind(other)?;
    let after = text.len() - pos - 1;
    (text.matches(other).count() == 1 && after <= digits && after != 3).then_some(pos)
}

/// Writes minor units as major units in the style, e.g. `1,234.50`, grouping thousands.
pub fn format_amount(amount_minor: i64, currency: &CurrencyCode, style: NumberStyle) -> String {
    let digits = currency.minor_digits() as usize;
    let per = currency.minor_per_major().unsigned_abs();
    let abs = amount_minor.unsigned_abs();
    let whole = (abs / per).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(style.group);
        }
        grouped.push(c);
    }
    let sign = if amount_minor < 0 { "-" } else { "" };
    if digits == 0 {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{:0digits$}", style.decimal, abs % per)
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

    fn eur() -> CurrencyCode {
        CurrencyCode::eur()
    }

    #[test]
    fn typed_amounts_in_each_style() {
        let p = |t: &str, s| parse_amount(t, &eur(), s);
        assert_eq!(p("", NumberStyle::POINT), Ok(None));
        assert_eq!(p("  ", NumberStyle::POINT), Ok(None));
        assert_eq!(p("615", NumberStyle::POINT), Ok(Some(61_500)));
        assert_eq!(p("1,234.5", NumberStyle::POINT), Ok(Some(123_450)));
        assert_eq!(p("1 234,50", NumberStyle::COMMA_SPACE), Ok(Some(123_450)));
        assert_eq!(p("1\u{202f}234,50", NumberStyle::COMMA_SPACE), Ok(Some(123_450)));
        assert_eq!(p("1.234,50", NumberStyle::COMMA_POINT), Ok(Some(123_450)));
        assert_eq!(p("1.234.567", NumberStyle::COMMA_POINT), Ok(Some(123_456_700)));
        // A comma typed on an English keyboard for cents is still understood...
        assert_eq!(p("12,5", NumberStyle::POINT), Ok(Some(1_250)));
        // ...but three digits after it are thousands.
        assert_eq!(p("1,234", NumberStyle::POINT), Ok(Some(123_400)));
        assert_eq!(p("0.05", NumberStyle::POINT), Ok(Some(5)));
        assert_eq!(p(".5", NumberStyle::POINT), Ok(Some(50)));
    }

    #[test]
    fn typed_amounts_that_are_refused() {
        let p = |t: &str| parse_amount(t, &eur(), NumberStyle::POINT);
        assert_eq!(p("-5"), Err(AmountError::Negative));
        assert_eq!(p("abc"), Err(AmountError::NotANumber));
        assert_eq!(p("12a"), Err(AmountError::NotANumber));
        assert_eq!(p("-"), Err(AmountError::NotANumber));
        assert_eq!(p("1.234"), Err(AmountError::TooManyDecimals));
        assert_eq!(p("99999999999999999999"), Err(AmountError::TooLarge));
        assert_eq!(p("1000000001"), Err(AmountError::TooLarge));
        let xof = CurrencyCode::new("XOF").expect("code");
        assert_eq!(
            parse_amount("1.5", &xof, NumberStyle::POINT),
            Err(AmountError::TooManyDecimals)
        );
        assert_eq!(parse_amount("655957", &xof, NumberStyle::POINT), Ok(Some(655_957)));
    }

    #[test]
    fn formatting_groups_thousands() {
        assert_eq!(format_amount(123_450, &eur(), NumberStyle::POINT), "1,234.50");
        assert_eq!(format_amount(700_000, &eur(), NumberStyle::COMMA_POINT), "7.000,00");
        assert_eq!(format_amount(-5, &eur(), NumberStyle::POINT), "-0.05");
        let xof = CurrencyCode::new("XOF").expect("code");
        assert_eq!(format_amount(403_414, &xof, NumberStyle::COMMA_SPACE), "403\u{202f}414");
    }

    proptest::proptest! {
        #[test]
        fn formatted_amounts_parse_back(minor in 0i64..100_000_000_000, style in 0usize..3) {
            let style = [NumberStyle::POINT, NumberStyle::COMMA_SPACE, NumberStyle::COMMA_POINT][style];
            let text = format_amount(minor, &eur(), style);
            proptest::prop_assert_eq!(parse_amount(&text, &eur(), style), Ok(Some(minor)));
        }

        #[test]
        fn parsing_any_text_never_panics(text in ".{0,40}") {
            let _ = parse_amount(&text, &eur(), NumberStyle::POINT);
            let _ = parse_amount(&text, &eur(), NumberStyle::COMMA_SPACE);
        }
    }
}
