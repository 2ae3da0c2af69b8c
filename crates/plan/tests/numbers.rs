//! Numbers as people type them: every digit system and separator a counsellor's keyboard gives
//! is read to the same amount, and a separator out of place is refused, never read as another
//! amount.

use homeward_plan::money::{
    AmountError, CurrencyCode, NumberStyle, format_amount, parse_amount, parse_count,
};
use proptest::prelude::*;

const STYLES: [NumberStyle; 3] =
    [NumberStyle::POINT, NumberStyle::COMMA_SPACE, NumberStyle::COMMA_POINT];

/// Writes digit `d` in system 0 (ASCII), 1 (Arabic-Indic) or 2 (Eastern Arabic-Indic).
fn digit(d: u32, system: u8) -> char {
    let base = match system {
        0 => '0' as u32,
        1 => 0x660,
        _ => 0x6f0,
    };
    char::from_u32(base + d).unwrap()
}

/// `minor` written in major units with random digit systems, a grouping separator (or none)
/// and a decimal mark: the style's own or the Arabic decimal separator.
fn write(
    minor: i64,
    currency: &CurrencyCode,
    style: NumberStyle,
    systems: &[u8],
    group: Option<char>,
    arabic_decimal: bool,
) -> String {
    let per = currency.minor_per_major();
    let whole = (minor / per).to_string();
    let mut out = String::new();
    let mut k = 0;
    let mut next_digit = |c: char, out: &mut String| {
        out.push(digit(c.to_digit(10).unwrap(), systems[k % systems.len()]));
        k += 1;
    };
    for (i, c) in whole.chars().enumerate() {
        if i > 0
            && (whole.len() - i).is_multiple_of(3)
            && let Some(g) = group
        {
            out.push(g);
        }
        next_digit(c, &mut out);
    }
    let digits = currency.minor_digits() as usize;
    if digits > 0 {
        out.push(if arabic_decimal { '\u{66b}' } else { style.decimal });
        for c in format!("{:0digits$}", minor % per).chars() {
            next_digit(c, &mut out);
        }
    }
    out
}

fn currency() -> impl Strategy<Value = CurrencyCode> {
    prop_oneof![Just("EUR"), Just("XOF")].prop_map(|c| CurrencyCode::new(c).unwrap())
}

/// A valid typed amount: (text, style, currency, the amount in minor units).
fn typed_amount() -> impl Strategy<Value = (String, NumberStyle, CurrencyCode, i64)> {
    (
        0i64..=100_000_000_000,
        0usize..3,
        currency(),
        prop::collection::vec(0u8..3, 1..4),
        0usize..4,
        any::<bool>(),
    )
        .prop_map(|(minor, style, currency, systems, group, arabic_decimal)| {
            let style = STYLES[style];
            let minor =
                minor.min(homeward_plan::money::MAX_TYPED_MAJOR * currency.minor_per_major());
            let group = [None, Some(style.group), Some('\u{66c}'), Some(' ')][group];
            let text = write(minor, &currency, style, &systems, group, arabic_decimal);
            (text, style, currency, minor)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn any_digit_system_and_separator_reads_the_same_amount(
        (text, style, currency, minor) in typed_amount()
    ) {
        prop_assert_eq!(parse_amount(&text, &currency, style), Ok(Some(minor)), "{:?}", text);
    }

    /// A second decimal mark anywhere, or one after the last digit, is refused.
    #[test]
    fn a_second_decimal_mark_is_refused(
        (text, style, currency, _) in typed_amount(),
        at in any::<prop::sample::Index>(),
    ) {
        // A currency without minor unit is typed without a mark; give it one at the end.
        let mark = text.chars().find(|c| *c == style.decimal || *c == '\u{66b}');
        let text = if mark.is_some() { text } else { format!("{text}{}", style.decimal) };
        let mark = mark.unwrap_or(style.decimal);
        prop_assert!(parse_amount(&text, &currency, style).is_ok(), "{:?}", text);
        let chars: Vec<char> = text.chars().collect();
        let at = at.index(chars.len() + 1);
        let mut damaged: String = chars[..at].iter().collect();
        damaged.push(mark);
        damaged.extend(&chars[at..]);
        prop_assert!(parse_amount(&damaged, &currency, style).is_err(), "{:?} was read", damaged);
    }

    #[test]
    fn counts_read_in_every_digit_system(n in any::<u32>(), systems in prop::collection::vec(0u8..3, 1..4), group in 0usize..3) {
        let group = [None, Some('\u{66c}'), Some(',')][group];
        let text = write(i64::from(n), &CurrencyCode::new("XOF").unwrap(), NumberStyle::POINT, &systems, group, false);
        prop_assert_eq!(parse_count(&text), Ok(Some(n)), "{:?}", text);
        let trailing = format!("{text}.");
        let decimal = format!("{text}\u{66b}5");
        prop_assert!(parse_count(&trailing).is_err());
        prop_assert!(parse_count(&decimal).is_err());
    }

    #[test]
    fn formatted_amounts_still_read_back(minor in 0i64..100_000_000_000, style in 0usize..3) {
        let eur = CurrencyCode::eur();
        let text = format_amount(minor, &eur, STYLES[style]);
        prop_assert_eq!(parse_amount(&text, &eur, STYLES[style]), Ok(Some(minor)));
    }
}

#[test]
fn typed_examples() {
    let eur = CurrencyCode::eur();
    let p = |t: &str| parse_amount(t, &eur, NumberStyle::POINT);
    assert_eq!(p("\u{661}\u{662}\u{66b}\u{665}\u{660}"), Ok(Some(1_250)));
    assert_eq!(p("\u{6f1}\u{66c}\u{6f2}\u{6f3}\u{6f4}"), Ok(Some(123_400)));
    assert_eq!(p("\u{200f}\u{661}\u{662}\u{200f}"), Ok(Some(1_200)));
    assert_eq!(p("12.50."), Err(AmountError::MisplacedSeparator));
    assert_eq!(p("1.2.3"), Err(AmountError::MisplacedSeparator));
    assert_eq!(p("1,,234"), Err(AmountError::MisplacedSeparator));
    assert_eq!(p("1,23"), Ok(Some(123)));
    assert_eq!(p("12,34,567"), Ok(Some(123_456_700)));
    assert_eq!(p("12\u{66b}5\u{66b}0"), Err(AmountError::MisplacedSeparator));
    assert_eq!(p("1,234 567"), Err(AmountError::MisplacedSeparator));
    assert_eq!(p("1.234,5"), Err(AmountError::MisplacedSeparator));
    assert_eq!(p("5."), Ok(Some(500)));
    assert_eq!(p("١٢a"), Err(AmountError::NotANumber));
    assert_eq!(parse_count("\u{661}\u{662}"), Ok(Some(12)));
    assert_eq!(parse_count(""), Ok(None));
    assert_eq!(parse_count("-3"), Err(AmountError::Negative));
    assert_eq!(parse_count("4294967296"), Err(AmountError::TooLarge));
    assert_eq!(parse_count("1.5"), Err(AmountError::MisplacedSeparator));
}
