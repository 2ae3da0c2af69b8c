//! Property tests of the parsers behind the app's own fields: whatever a person types (or a
//! browser hands over), they give a value or "not readable", never a panic. The importer and the
//! amount parser have their own in `crates/plan`.
#![cfg(not(target_arch = "wasm32"))]

use homeward::browser::embed::valid_accent;
use homeward::input::{parse_day, parse_optional_count};
use homeward::step::Step;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    #[test]
    fn any_text_in_a_date_field_is_a_day_or_nothing(raw in any::<String>()) {
        if let Some(day) = parse_day(&raw) {
            // A day that was read is written back the way the date input gives it.
            prop_assert_eq!(parse_day(&day.format("%Y-%m-%d").to_string()), Some(day));
        }
    }

    #[test]
    fn date_like_text_never_panics(y in -300_000i64..300_000, m in -2i64..15, d in -2i64..40) {
        let raw = format!("{y}-{m:02}-{d:02}");
        let _ = parse_day(&raw);
    }

    #[test]
    fn any_text_in_a_count_field_is_a_count_empty_or_refused(raw in any::<String>()) {
        match parse_optional_count(&raw) {
            Some(None) => prop_assert!(raw.trim().is_empty()),
            // Read from digits only: the same digits in ASCII give the same count.
            Some(Some(n)) => {
                let ascii: String = raw
                    .chars()
                    .filter_map(|c| homeward_plan::money::digit_value(c).map(|d| char::from(b'0' + d)))
                    .collect();
                prop_assert_eq!(ascii.parse::<u32>().ok(), Some(n));
            }
            None => prop_assert!(!raw.trim().is_empty()),
        }
    }

    /// A count typed in any digit system, ASCII, Arabic-Indic or Eastern Arabic-Indic (mixed
    /// too), is the same count; with a decimal separator after it, it is refused.
    #[test]
    fn counts_in_every_digit_system(n in any::<u32>(), systems in prop::collection::vec(0u32..3, 1..4)) {
        let text: String = n
            .to_string()
            .chars()
            .enumerate()
            .map(|(i, c)| {
                let base = [0x30, 0x660, 0x6f0][systems[i % systems.len()] as usize];
                char::from_u32(base + c.to_digit(10).unwrap_or(0)).unwrap_or('0')
            })
            .collect();
        prop_assert_eq!(parse_optional_count(&text), Some(Some(n)));
        let trailing = format!("{text}.");
        let decimal = format!("{text}\u{66b}");
        prop_assert_eq!(parse_optional_count(&trailing), None);
        prop_assert_eq!(parse_optional_count(&decimal), None);
        let problem = homeward::input::count_problem(&decimal);
        prop_assert_eq!(problem, Some("misplaced_separator"));
    }

    #[test]
    fn whole_numbers_are_read_back(n in any::<u32>(), pad in "[ \t]{0,3}") {
        prop_assert_eq!(parse_optional_count(&format!("{pad}{n}{pad}")), Some(Some(n)));
    }

    /// The step saved beside the draft is read back from storage, which anything may have
    /// written.
    #[test]
    fn any_saved_step_is_a_step_or_none(raw in any::<String>()) {
        if let Some(step) = Step::from_slug(&raw) {
            prop_assert_eq!(step.slug(), raw.as_str());
        }
    }

    /// A host's `data-accent` reaches the style only as a plain hex colour.
    #[test]
    fn any_accent_is_a_hex_colour_or_refused(raw in any::<String>()) {
        if let Some(colour) = valid_accent(&raw) {
            prop_assert!(colour.len() == 4 || colour.len() == 7);
            prop_assert!(colour.starts_with('#'));
            prop_assert!(colour[1..].bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        }
    }
}
