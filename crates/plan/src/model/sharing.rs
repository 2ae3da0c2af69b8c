//! What a partner file may hold: why an item is private, and the record a partner file
//! carries of whom it was made for and what it withheld (see `crate::privacy`).

use chrono::NaiveDate;
#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::code::codes;

/// Why an item is private, as a stable code: the interface translates
/// `code.privacy_category.<code>`, a partner file marks withheld items with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PrivacyCategory {
    /// Health: the health note, medical care, and what serves it.
    Health,
    /// Psychosocial state: the psychosocial dimension, counselling, the assessment's answers
    /// and psychosocial scores, and what serves them.
    Psychosocial,
    /// Vulnerabilities and their details.
    Vulnerability,
    /// Marked private by the counsellor.
    Private,
}

codes!(PrivacyCategory {
    Health => "health",
    Psychosocial => "psychosocial",
    Vulnerability => "vulnerability",
    Private => "private",
});

impl PrivacyCategory {
    /// The neutral English text that replaces a withheld text in a partner file. Fixed, not in
    /// the interface language, so the same plan always gives the same file; interfaces show
    /// their own translation of the code instead.
    pub fn withheld_label(self) -> &'static str {
        match self {
            PrivacyCategory::Health => "Health support, details withheld",
            PrivacyCategory::Psychosocial => "Psychosocial support, details withheld",
            PrivacyCategory::Vulnerability => "Vulnerability, details withheld",
            PrivacyCategory::Private => "Private, details withheld",
        }
    }
}

/// The record a partner file carries: whom it was made for, when, and under which consent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PartnerFile {
    /// The receiving organisation, one of `consent.partner_organisations`.
    pub recipient: String,
    /// Day the file was made.
    pub made_on: NaiveDate,
    /// The returnee consented to share special-category data, so nothing was withheld.
    pub special_category_shared: bool,
    /// What was withheld, in document order: empty when special-category data was shared.
    pub withheld: Vec<WithheldItem>,
}

/// One withheld item or field of a partner file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WithheldItem {
    /// JSON Pointer of the item or field in the document, e.g. `/goals/1/measures/5`.
    pub path: String,
    /// Why it is private.
    pub category: PrivacyCategory,
}
