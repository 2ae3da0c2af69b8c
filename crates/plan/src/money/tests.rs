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
    assert_eq!(parse_amount("1.5", &xof, NumberStyle::POINT), Err(AmountError::TooManyDecimals));
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
