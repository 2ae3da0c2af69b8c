//! Property tests of the parsers behind the app's own fields: whatever a person types (or a
//! browser hands over), they give a value or "not readable", never a panic. The importer and the
//! amount parser have their own in `crates/plan`.
//!
//! Random text almost never is a date, a count, a step or a colour, so each parser is fed three
//! kinds of input on purpose: well-formed values as people and browsers write them (each must be
//! read, as exactly that value), the same values with one character changed, added or removed
//! (each is read only if it is still well formed), and junk.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{Datelike, NaiveDate};
use homeward::browser::embed::valid_accent;
use homeward::i18n::Lang;
use homeward::i18n::format::{amount_only, number_style};
use homeward::input::{count_problem, parse_day, parse_optional_count};
use homeward::step::Step;
use homeward_plan::money::{CurrencyCode, MAX_TYPED_MAJOR, Money, digit_value, parse_amount};
use proptest::prelude::*;

// ---------------------------------------------------------------------------------------------
// Building inputs.

/// Any day a date input can give: years 1 to 9999.
fn day() -> impl Strategy<Value = NaiveDate> {
    // Days from 0001-01-01 (day 1 of the common era) to 9999-12-31.
    (1..=3_652_059_i32).prop_map(|n| NaiveDate::from_num_days_from_ce_opt(n).unwrap_or_default())
}

/// Spaces and tabs a browser or a paste may leave around a value.
fn padding() -> impl Strategy<Value = String> {
    "[ \t]{0,2}"
}

/// `text` with one character replaced (`op` 0), inserted (1) or removed (2) at `at` (taken
/// modulo the length).
fn mutate(text: &str, op: u8, at: usize, c: char) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    match (op % 3, chars.len()) {
        (1, len) => chars.insert(at % (len + 1), c),
        (_, 0) => chars.push(c),
        (0, len) => chars[at % len] = c,
        (_, len) => {
            chars.remove(at % len);
        }
    }
    chars.into_iter().collect()
}

/// A character a mutation puts in: digits, separators and letters a field may meet.
fn stray() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::char::range('0', '9'),
        prop::sample::select(vec![
            '-', '.', ',', ' ', '/', ':', 'T', 'Z', '#', '\u{66c}', '\u{66b}'
        ]),
        prop::char::range('a', 'z'),
        any::<char>(),
    ]
}

/// `text`, or `text` with one character changed.
fn maybe_mutated(text: impl Strategy<Value = String>) -> impl Strategy<Value = String> {
    (text, any::<bool>(), any::<u8>(), any::<usize>(), stray())
        .prop_map(|(t, keep, op, at, c)| if keep { t } else { mutate(&t, op, at, c) })
}

/// `n` in decimal digits, each written in ASCII (0), Arabic-Indic (1) or Eastern Arabic-Indic
/// (2), the system of each digit taken in turn from `systems`.
fn digits_in(n: u32, systems: &[u8]) -> Vec<char> {
    n.to_string()
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let base = [0x30, 0x660, 0x6f0][usize::from(systems[i % systems.len()] % 3)];
            char::from_u32(base + c.to_digit(10).unwrap_or(0)).unwrap_or('0')
        })
        .collect()
}

/// The separators people group thousands with.
const GROUPS: [char; 7] = [',', '.', ' ', '\u{a0}', '\u{202f}', '\u{66c}', '\''];

/// A count as a person writes it: digits of any system, grouped by thousands (or in the Indian
/// way, 12,34,567) with one separator throughout, or not grouped; with the count it stands for.
fn written_count() -> impl Strategy<Value = (String, u32)> {
    (any::<u32>(), prop::collection::vec(0u8..3, 1..4), 0..=GROUPS.len(), any::<bool>(), padding())
        .prop_map(|(n, systems, group, indian, pad)| {
            let digits = digits_in(n, &systems);
            let mut text = pad.clone();
            for (i, c) in digits.iter().enumerate() {
                let left = digits.len() - i;
                let boundary = if indian {
                    left == 3 || (left > 3 && left % 2 == 1)
                } else {
                    left.is_multiple_of(3)
                };
                if i > 0
                    && boundary
                    && let Some(g) = GROUPS.get(group)
                {
                    text.push(*g);
                }
                text.push(*c);
            }
            text.push_str(&pad);
            (text, n)
        })
}

/// Every step's slug as it is saved beside the draft on people's devices: these must never
/// change, or a returning counsellor loses their place.
const SAVED_SLUGS: [&str; 10] = [
    "case",
    "safety",
    "needs",
    "economic",
    "social",
    "psychosocial",
    "budget",
    "follow-up",
    "consent",
    "review",
];

/// A plain hex colour as a host page writes it, in any case: `#1a7` or `#11aa77`.
fn hex_colour() -> impl Strategy<Value = String> {
    prop_oneof!["#[0-9a-fA-F]{3}", "#[0-9a-fA-F]{6}"]
}

// ---------------------------------------------------------------------------------------------
// Properties.

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// The date input gives `YYYY-MM-DD`: every such day is read as itself.
    #[test]
    fn every_day_the_date_input_gives_is_read(day in day(), pad in padding()) {
        let text = format!("{pad}{}{pad}", day.format("%Y-%m-%d"));
        prop_assert_eq!(parse_day(&text), Some(day));
    }

    /// A four-digit year, a month and a day of the month make a day exactly when the calendar
    /// has it: 30 February, month 13 or day 0 are not read as another day.
    #[test]
    fn a_date_is_read_only_when_the_calendar_has_it(y in 0..=9999_i32, m in 0..=13_u32, d in 0..=32_u32) {
        prop_assert_eq!(parse_day(&format!("{y:04}-{m:02}-{d:02}")), NaiveDate::from_ymd_opt(y, m, d));
    }

    /// Years far outside the input's range never panic, and a day read has the year, month and
    /// day written.
    #[test]
    fn date_like_text_is_the_day_written_or_nothing(y in -300_000i32..300_000, m in 0..15_u32, d in 0..40_u32) {
        if let Some(day) = parse_day(&format!("{y}-{m:02}-{d:02}")) {
            prop_assert_eq!((day.year(), day.month(), day.day()), (y, m, d));
        }
    }

    /// Near misses and junk: a day that is read is written back the way the date input gives
    /// it, and read again as the same day.
    #[test]
    fn any_text_in_a_date_field_is_a_day_or_nothing(
        raw in prop_oneof![
            maybe_mutated(day().prop_map(|d| d.format("%Y-%m-%d").to_string())),
            any::<String>(),
        ]
    ) {
        if let Some(day) = parse_day(&raw) {
            prop_assert_eq!(parse_day(&day.format("%Y-%m-%d").to_string()), Some(day));
        }
    }

    /// A count written in any digit system, grouped or not, padded or not, is that count.
    #[test]
    fn counts_as_people_write_them_are_read((text, n) in written_count()) {
        prop_assert_eq!(parse_optional_count(&text), Some(Some(n)));
        prop_assert_eq!(count_problem(&text), None);
    }

    /// One separator in a count groups thousands only as the last three digits, after one to
    /// three others: anywhere else it is refused as misplaced, never read as another number.
    #[test]
    fn a_separator_that_does_not_group_thousands_is_refused(
        (n, at) in (2u32..=7).prop_flat_map(|len| {
            // Half the time before the last three digits, else anywhere from start to end.
            let at = prop_oneof![Just(len.saturating_sub(3) as usize), 0..=len as usize];
            (10u32.pow(len - 1)..10u32.pow(len), at)
        }),
        sep in prop::sample::select(GROUPS.to_vec()),
    ) {
        let digits = n.to_string();
        let text = format!("{}{sep}{}", &digits[..at], &digits[at..]);
        let groups_thousands = digits.len() - at == 3 && (1..=3).contains(&at);
        let padding = sep.is_whitespace() && (at == 0 || at == digits.len());
        if groups_thousands || padding {
            // A space of any width at either end is padding: the count is read too.
            prop_assert_eq!(parse_optional_count(&text), Some(Some(n)));
        } else {
            prop_assert_eq!(parse_optional_count(&text), None);
            prop_assert_eq!(count_problem(&text), Some("misplaced_separator"));
        }
    }

    /// A count with a decimal mark after it is refused, whatever digits it is written in.
    #[test]
    fn a_count_with_a_decimal_mark_is_refused(n in any::<u32>(), systems in prop::collection::vec(0u8..3, 1..4)) {
        let text: String = digits_in(n, &systems).into_iter().collect();
        for refused in [format!("{text}."), format!("{text}\u{66b}"), format!("{text}\u{66b}5")] {
            prop_assert_eq!(parse_optional_count(&refused), None);
            prop_assert_eq!(count_problem(&refused), Some("misplaced_separator"));
        }
    }

    /// Near misses and junk: empty text is "no count", a count read is the count of its digits
    /// (in ASCII), and anything else is refused with a reason.
    #[test]
    fn any_text_in_a_count_field_is_a_count_empty_or_refused(
        raw in prop_oneof![
            maybe_mutated(written_count().prop_map(|(text, _)| text)),
            "[ \t]{0,3}",
            any::<String>(),
        ]
    ) {
        match parse_optional_count(&raw) {
            Some(None) => prop_assert!(raw.trim().is_empty()),
            Some(Some(n)) => {
                let ascii: String = raw
                    .chars()
                    .filter_map(|c| digit_value(c).map(|d| char::from(b'0' + d)))
                    .collect();
                prop_assert_eq!(ascii.parse::<u32>().ok(), Some(n));
            }
            None => {
                prop_assert!(!raw.trim().is_empty());
                prop_assert!(count_problem(&raw).is_some());
            }
        }
    }

    /// An amount as the app shows it in a language is read back, in that language's number
    /// style, as the same amount: what a money field shows, it takes.
    #[test]
    fn amounts_shown_in_each_language_are_read_back(
        major in 0..=MAX_TYPED_MAJOR, cents in 0..100_i64, xof in any::<bool>()
    ) {
        let (currency, minor) = if xof {
            (CurrencyCode::new("XOF").unwrap_or_else(|_| CurrencyCode::eur()), major)
        } else {
            (CurrencyCode::eur(), major * 100 + if major == MAX_TYPED_MAJOR { 0 } else { cents })
        };
        for lang in Lang::ALL {
            let shown = amount_only(lang, &Money::new(minor, currency.clone()));
            prop_assert_eq!(parse_amount(&shown, &currency, number_style(lang)), Ok(Some(minor)), "{}", shown);
        }
    }

    /// The step saved beside the draft is read back from storage, which anything may have
    /// written: a saved slug is its step, anything else (a slug in capitals, padded, cut short)
    /// is no step.
    #[test]
    fn any_saved_step_is_its_step_or_none(
        raw in prop_oneof![
            maybe_mutated(prop::sample::select(SAVED_SLUGS.to_vec()).prop_map(str::to_owned)),
            prop::sample::select(SAVED_SLUGS.to_vec()).prop_map(|s| s.to_uppercase()),
            prop::sample::select(SAVED_SLUGS.to_vec()).prop_map(|s| format!(" {s}")),
            any::<String>(),
        ]
    ) {
        match Step::from_slug(&raw) {
            Some(step) => prop_assert_eq!(step.slug(), raw.as_str()),
            None => prop_assert!(!SAVED_SLUGS.contains(&raw.as_str())),
        }
    }

    /// A host's `data-accent` reaches the style only as a plain hex colour, in lower case.
    #[test]
    fn a_hex_colour_is_taken_in_lower_case(colour in hex_colour()) {
        prop_assert_eq!(valid_accent(&colour), Some(colour.to_ascii_lowercase()));
    }

    /// Near misses and junk (a missing `#`, a fourth digit, a letter past `f`, a space) are
    /// refused; whatever is taken is `#` and three or six lower-case hex digits.
    #[test]
    fn any_accent_is_a_hex_colour_or_refused(
        raw in prop_oneof![maybe_mutated(hex_colour()), any::<String>()]
    ) {
        let plain = raw.strip_prefix('#').is_some_and(|hex| {
            matches!(hex.len(), 3 | 6) && hex.chars().all(|c| c.is_ascii_hexdigit())
        });
        match valid_accent(&raw) {
            Some(colour) => {
                prop_assert!(plain, "{:?} taken as {}", raw, colour);
                prop_assert!(colour.len() == 4 || colour.len() == 7);
                prop_assert!(colour.starts_with('#'));
                prop_assert!(colour[1..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
            }
            None => prop_assert!(!plain, "{:?} refused", raw),
        }
    }
}

/// Every saved slug is a step's, and every step has one of them.
#[test]
fn saved_slugs_are_the_steps() {
    let slugs: Vec<_> = Step::ALL.iter().map(|s| s.slug()).collect();
    assert_eq!(slugs, SAVED_SLUGS);
}
