//! Money as integer minor units with an ISO 4217 currency code. Never floating point: sums of
//! plan amounts must be exact, and the exported file must read the same everywhere.

#[cfg(feature = "schema")]
use std::borrow::Cow;
use std::fmt;

#[cfg(feature = "schema")]
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
    let v = i64::deserialize(d)?;
    if v.unsigned_abs() > MAX_AMOUNT_MINOR.unsigned_abs() {
        return Err(serde::de::Error::custom(format!(
            "amount {v} is beyond ±{MAX_AMOUNT_MINOR} minor units"
        )));
    }
    Ok(v)
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

/// Why a typed amount or count was not taken. The interface translates `amount_error.<code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountError {
    NotANumber,
    Negative,
    TooManyDecimals,
    TooLarge,
    /// A separator where none can be: a second decimal mark, one at the end (`12.50.`), two in
    /// a row, groups of thousands of the wrong size, or a decimal mark in a count.
    MisplacedSeparator,
}

impl AmountError {
    pub const ALL: [AmountError; 5] = [
        AmountError::NotANumber,
        AmountError::Negative,
        AmountError::TooManyDecimals,
        AmountError::TooLarge,
        AmountError::MisplacedSeparator,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AmountError::NotANumber => "not_a_number",
            AmountError::Negative => "negative",
            AmountError::TooManyDecimals => "too_many_decimals",
            AmountError::TooLarge => "too_large",
            AmountError::MisplacedSeparator => "misplaced_separator",
        }
    }
}

/// The largest amount a person may type: a thousand million major units. Anything above is a
/// slip of the finger, never a reintegration budget.
pub const MAX_TYPED_MAJOR: i64 = 1_000_000_000;

/// One character of a typed number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok {
    Digit(u8),
    Point,
    Comma,
    /// U+066B ARABIC DECIMAL SEPARATOR: always the decimal mark.
    ArabicDecimal,
    /// U+066C ARABIC THOUSANDS SEPARATOR, spaces of every width and apostrophes: always
    /// grouping. Kept apart so that one number does not mix them with `.` or `,`.
    ArabicGroup,
    Space,
}

/// The value of a digit in ASCII, Arabic-Indic (U+0660–U+0669) or Eastern Arabic-Indic
/// (U+06F0–U+06F9).
pub fn digit_value(c: char) -> Option<u8> {
    let v = match c {
        '0'..='9' => c as u32 - '0' as u32,
        '\u{660}'..='\u{669}' => c as u32 - 0x660,
        '\u{6f0}'..='\u{6f9}' => c as u32 - 0x6f0,
        _ => return None,
    };
    u8::try_from(v).ok()
}

/// Invisible marks a right-to-left keyboard or a copied text may put around digits.
fn is_direction_mark(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{61c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// The characters of a number, or `NotANumber` for anything else. Direction marks are dropped.
fn tokens(text: &str) -> Result<Vec<Tok>, AmountError> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        let tok = match c {
            '.' => Tok::Point,
            ',' => Tok::Comma,
            '\u{66b}' => Tok::ArabicDecimal,
            '\u{66c}' => Tok::ArabicGroup,
            '\'' | '\u{2019}' => Tok::Space,
            c if c.is_whitespace() || c == '\u{202f}' || c == '\u{a0}' => Tok::Space,
            c if is_direction_mark(c) => continue,
            c => Tok::Digit(digit_value(c).ok_or(AmountError::NotANumber)?),
        };
        out.push(tok);
    }
    Ok(out)
}

/// The sign and the rest of a trimmed text.
fn split_sign(text: &str) -> (bool, &str) {
    let text = text.trim_matches(|c: char| c.is_whitespace() || is_direction_mark(c));
    match text.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest.trim_start()),
        None => (false, text),
    }
}

/// The digits of a whole part written with or without grouping: `1234`, `1,234,567`,
/// `1 234`, `1٬234`, or Indian `12,34,567`. Every separator is the same one, the first group has
/// one to three digits, the last three, those between three (or two, in Indian grouping).
fn whole_digits(toks: &[Tok]) -> Result<Vec<u8>, AmountError> {
    let mut groups: Vec<Vec<u8>> = vec![Vec::new()];
    let mut separator: Option<Tok> = None;
    for t in toks {
        match t {
            Tok::Digit(d) => groups.last_mut().map_or((), |g| g.push(*d)),
            sep => {
                if separator.is_some_and(|s| s != *sep) {
                    return Err(AmountError::MisplacedSeparator);
                }
                separator = Some(*sep);
                groups.push(Vec::new());
            }
        }
    }
    if groups.len() > 1 {
        let last = groups.len() - 1;
        let first_ok = (1..=3).contains(&groups[0].len());
        let last_ok = groups[last].len() == 3;
        let middle = &groups[1..last];
        let middle_ok = middle.iter().all(|g| g.len() == 3) || middle.iter().all(|g| g.len() == 2);
        if !(first_ok && last_ok && middle_ok) {
            return Err(AmountError::MisplacedSeparator);
        }
    }
    Ok(groups.concat())
}

/// Reads an amount as a person types it, in major units, e.g. `1 234,50`, `1,234.50` or
/// `١٬٢٣٤٫٥٠`, into minor units of `currency`. Empty text is `Ok(None)`.
///
/// Digits may be ASCII, Arabic-Indic or Eastern Arabic-Indic, mixed. The decimal mark is the
/// Arabic decimal separator (U+066B) when present, else the style's own mark when it is used
/// once, else the other of `.` and `,` when it is used once and followed by no more digits
/// than the currency has (and not exactly three, which is grouping). The Arabic thousands
/// separator, spaces and apostrophes only group. Groups must be well formed: anything else
/// (`12.50.`, `1.5.5`, `1,,234`) is refused, never read as another amount.
pub fn parse_amount(
    text: &str,
    currency: &CurrencyCode,
    style: NumberStyle,
) -> Result<Option<i64>, AmountError> {
    let (negative, body) = split_sign(text);
    if body.is_empty() {
        return if negative { Err(AmountError::NotANumber) } else { Ok(None) };
    }
    let toks = tokens(body)?;
    let digits = currency.minor_digits() as usize;
    let (whole, fraction) = match decimal_mark(&toks, style, digits)? {
        Some(pos) => (&toks[..pos], &toks[pos + 1..]),
        None => (&toks[..], &[][..]),
    };
    let fraction: Vec<u8> = fraction
        .iter()
        .map(|t| match t {
            Tok::Digit(d) => Ok(*d),
            _ => Err(AmountError::MisplacedSeparator),
        })
        .collect::<Result<_, _>>()?;
    let whole = if whole.is_empty() { Vec::new() } else { whole_digits(whole)? };
    if whole.is_empty() && fraction.is_empty() {
        return Err(AmountError::NotANumber);
    }
    if negative {
        return Err(AmountError::Negative);
    }
    if fraction.len() > digits {
        return Err(AmountError::TooManyDecimals);
    }
    let significant = whole.iter().skip_while(|d| **d == 0).count();
    if significant > 12 {
        return Err(AmountError::TooLarge);
    }
    let whole = whole.iter().fold(0_i64, |n, d| n * 10 + i64::from(*d));
    if whole > MAX_TYPED_MAJOR {
        return Err(AmountError::TooLarge);
    }
    let mut minor_fraction: i64 = 0;
    for i in 0..digits {
        minor_fraction = minor_fraction * 10 + i64::from(fraction.get(i).copied().unwrap_or(0));
    }
    Ok(Some(whole * currency.minor_per_major() + minor_fraction))
}

/// Where the decimal mark is, if any (see [`parse_amount`]).
fn decimal_mark(
    toks: &[Tok],
    style: NumberStyle,
    digits: usize,
) -> Result<Option<usize>, AmountError> {
    let positions =
        |tok: Tok| toks.iter().enumerate().filter(move |(_, t)| **t == tok).map(|(i, _)| i);
    let arabic: Vec<usize> = positions(Tok::ArabicDecimal).collect();
    match arabic.len() {
        0 => {}
        1 => return Ok(Some(arabic[0])),
        _ => return Err(AmountError::MisplacedSeparator),
    }
    let (own, other) =
        if style.decimal == ',' { (Tok::Comma, Tok::Point) } else { (Tok::Point, Tok::Comma) };
    let own_at: Vec<usize> = positions(own).collect();
    match own_at.len() {
        // The style's own mark, unless it is really grouping (e.g. `1.234.567` in 'es').
        1 => return Ok(Some(own_at[0])),
        0 => {}
        _ => return Ok(None),
    }
    // The other mark, when used once and followed by few enough digits to be a fraction.
    let other_at: Vec<usize> = positions(other).collect();
    let [pos] = other_at[..] else { return Ok(None) };
    let after = toks.len() - pos - 1;
    Ok((after <= digits && after != 3).then_some(pos))
}

/// Reads a count (a number of months, an age) as a person types it: digits of any of the three
/// systems, grouped or not as in [`parse_amount`]. Empty text is `Ok(None)`; a decimal mark,
/// a sign or a value beyond `u32` is refused.
pub fn parse_count(text: &str) -> Result<Option<u32>, AmountError> {
    let (negative, body) = split_sign(text);
    if body.is_empty() {
        return if negative { Err(AmountError::NotANumber) } else { Ok(None) };
    }
    let toks = tokens(body)?;
    if toks.contains(&Tok::ArabicDecimal) {
        return Err(AmountError::MisplacedSeparator);
    }
    let digits = whole_digits(&toks)?;
    if digits.is_empty() {
        return Err(AmountError::NotANumber);
    }
    if negative {
        return Err(AmountError::Negative);
    }
    digits
        .iter()
        .try_fold(0_u32, |n, d| n.checked_mul(10)?.checked_add(u32::from(*d)))
        .map(Some)
        .ok_or(AmountError::TooLarge)
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
