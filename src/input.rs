//! Reading what a person types or picks in the app's own fields (amounts are read by the domain
//! crate, `homeward_plan::money::parse_amount`). Pure functions, so the property tests in
//! `tests/input_props.rs` can feed them anything: every input gives a value or "not readable",
//! never a panic.

use chrono::NaiveDate;

/// The day a date input gives: a full ISO 8601 day, or nothing (empty or still incomplete).
pub fn parse_day(raw: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(raw.trim(), "%Y-%m-%d").ok()
}

/// A whole number field that may be left empty: `Some(None)` when empty, `Some(Some(n))` for a
/// whole number, `None` for anything else (the plan then stays as it was).
pub fn parse_optional_count(raw: &str) -> Option<Option<u32>> {
    let raw = raw.trim();
    if raw.is_empty() { Some(None) } else { raw.parse::<u32>().ok().map(Some) }
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
    }
}
