//! Amounts and counts as people type and read them: any of three digit systems, the number
//! style of their language, grouping, and a refusal that says why.

use super::CurrencyCode;
use crate::code::codes;

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

codes!(AmountError {
    NotANumber => "not_a_number",
    Negative => "negative",
    TooManyDecimals => "too_many_decimals",
    TooLarge => "too_large",
    MisplacedSeparator => "misplaced_separator",
});

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
