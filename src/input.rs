//! Reading what a person types or picks in the app's own fields (amounts are read by the domain
//! crate, `homeward_plan::money::parse_amount`). Pure functions, so the property tests in
//! `tests/input_props.rs` can feed them anything: every input gives a value or "not readable",
//! never a panic.

use chrono::NaiveDate;
use homeward_plan::money::parse_count;

/// The day a date input gives: a full ISO 8601 day, or nothing (empty or still incomplete).
pub fn parse_day(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok()
}

/// A whole number field that may be left empty: `Some(None)` when empty, `Some(Some(n))` for a
/// whole number, `None` for anything else (the plan then stays as it was). Digits may be ASCII,
/// Arabic-Indic or Eastern Arabic-Indic, grouped by thousands or not, as
/// [`homeward_plan::money::parse_count`] reads them; [`count_problem`] says why a text is not
/// taken.
pub fn parse_optional_count(raw: &str) -> Option<Option<u32>> {
    parse_count(raw).ok()
}

/// Why a count field's text is not taken, as the code the interface translates
/// (`amount_error.<code>`); `None` when it is taken.
pub fn count_problem(raw: &str) -> Option<&'static str> {
    parse_count(raw).err().map(|e| e.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_and_counts_are_read_or_refused() {
        assert_eq!(parse_day("2026-11-23"), NaiveDate::from_ymd_opt(2026, 11, 23));
        assert_eq!(parse_day("2026-02-30"), None);
        assert_eq!(parse_day(""), None);
        assert_eq!(parse_optional_count(" 12 "), Some(Some(12)));
        assert_eq!(parse_optional_count(""), Some(None));
        assert_eq!(parse_optional_count("-1"), None);
        assert_eq!(parse_optional_count("1.5"), None);
        assert_eq!(parse_optional_count("\u{661}\u{662}"), Some(Some(12)));
        assert_eq!(parse_optional_count("\u{6f1}\u{6f2}"), Some(Some(12)));
        assert_eq!(parse_optional_count("1\u{66c}000"), Some(Some(1000)));
        assert_eq!(parse_optional_count("12\u{66b}0"), None);
        assert_eq!(count_problem("12\u{66b}0"), Some("misplaced_separator"));
        assert_eq!(count_problem("12."), Some("misplaced_separator"));
        assert_eq!(count_problem("12"), None);
    }
}
