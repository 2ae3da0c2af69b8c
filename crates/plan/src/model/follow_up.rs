//! Referrals and follow-up (items 5 and 6 of the brief): the organisations the returnee is
//! referred to, and the monitoring contacts after the return.

use chrono::NaiveDate;
#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::needs::DimensionScores;
use super::sharing::PrivacyCategory;
use crate::code::codes;

/// A referral to an organisation (item 5 of the brief).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Referral {
    /// Identifier of the referral (UUID v4).
    pub id: Uuid,
    /// The organisation referred to.
    pub organisation: String,
    /// What for.
    pub purpose: String,
    /// Who to contact at the receiving organisation: a name, phone or email.
    pub contact: String,
    /// The measure the referral serves, if any.
    pub measure_id: Option<Uuid>,
    /// The returnee agreed to this referral; absent while not asked.
    pub returnee_agreed: Option<bool>,
    /// Day the referral was made.
    pub referred_on: Option<NaiveDate>,
    /// Where the referral stands.
    pub status: ReferralStatus,
    /// What came of it, once known.
    pub outcome: String,
    /// Day the outcome was known.
    pub outcome_on: Option<NaiveDate>,
    /// Marked private by the counsellor. A referral for a private measure is private whatever
    /// this says.
    pub private: bool,
    /// In a partner file only: the organisation and purpose were withheld, for this reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<PrivacyCategory>,
}

/// Where a referral stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReferralStatus {
    #[default]
    Planned,
    Made,
    Accepted,
    Declined,
    Completed,
}

codes!(ReferralStatus {
    Planned => "planned",
    Made => "made",
    Accepted => "accepted",
    Declined => "declined",
    Completed => "completed",
});

/// A monitoring contact (item 6 of the brief).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// Identifier of the contact (UUID v4).
    pub id: Uuid,
    /// Day the contact is due.
    pub due_date: Option<NaiveDate>,
    /// Months after the return date, when the contact comes from the programme's schedule.
    pub months_after_return: Option<u32>,
    /// Call or visit.
    pub kind: ContactKind,
    /// Day the contact took place; absent while it has not.
    pub done_on: Option<NaiveDate>,
    /// What came out of it.
    pub outcome: String,
    /// Scores per dimension at this contact (0–100), to compare with the baseline and the
    /// target. The psychosocial score is special-category data.
    pub scores: DimensionScores,
    /// Marked private by the counsellor: the outcome is withheld from a partner file unless
    /// the returnee consented to share special-category data.
    pub private: bool,
    /// In a partner file only: the outcome was withheld, for this reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<PrivacyCategory>,
}

/// How a follow-up contact is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactKind {
    #[default]
    Call,
    Visit,
}

codes!(ContactKind { Call => "call", Visit => "visit" });
