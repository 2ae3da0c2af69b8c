//! Regions where a programme limits or suspends returns: configuration, because programmes
//! decide them from their own sources and change them as the situation changes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::code::codes;

/// Returns to a country, or to one region of it, are limited or suspended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReturnRestriction {
    /// Country, ISO 3166-1 alpha-2 code in capitals (e.g. `ML`).
    pub country: String,
    /// The region concerned, as plans write it; the whole country when absent.
    #[serde(default)]
    pub region: Option<String>,
    /// Limited or suspended.
    pub level: RestrictionLevel,
    /// Since when.
    pub since: NaiveDate,
    /// Where the decision or assessment comes from (a document, an authority).
    pub source: String,
}

/// How far returns are restricted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RestrictionLevel {
    /// Returns go ahead only case by case, after a closer look at safety.
    Limited,
    /// No returns.
    Suspended,
}

codes!(RestrictionLevel { Limited => "limited", Suspended => "suspended" });

impl ReturnRestriction {
    /// Whether the restriction covers a return to `country` and `region` (as a plan writes
    /// them): the same country, and either no region in the restriction or the same region,
    /// ignoring case and extra spaces (accents count).
    pub fn applies_to(&self, country: &str, region: &str) -> bool {
        if !self.country.trim().eq_ignore_ascii_case(country.trim()) {
            return false;
        }
        match &self.region {
            None => true,
            Some(r) => {
                let wanted = normalize(r);
                !wanted.is_empty() && wanted == normalize(region)
            }
        }
    }
}

/// Lower case with single spaces, for comparing region names as people type them.
fn normalize(text: &str) -> String {
    text.split_whitespace().map(str::to_lowercase).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn restriction(region: Option<&str>) -> ReturnRestriction {
        ReturnRestriction {
            country: "ML".into(),
            region: region.map(str::to_owned),
            level: RestrictionLevel::Suspended,
            since: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            source: "UNHCR position".into(),
        }
    }

    #[test]
    fn a_country_wide_restriction_covers_every_region() {
        let r = restriction(None);
        assert!(r.applies_to("ML", ""));
        assert!(r.applies_to("ml", "Kayes"));
        assert!(!r.applies_to("SN", "Kayes"));
        assert!(!r.applies_to("", ""));
    }

    #[test]
    fn a_regional_restriction_covers_that_region_only() {
        let r = restriction(Some("Mopti"));
        assert!(r.applies_to("ML", "Mopti"));
        assert!(r.applies_to("ML", "  mopti "));
        assert!(!r.applies_to("ML", "Kayes"));
        assert!(!r.applies_to("ML", ""));
        assert!(!r.applies_to("SN", "Mopti"));
        let r = restriction(Some("Ségou  Région"));
        assert!(r.applies_to("ML", "ségou région"));
    }
}
