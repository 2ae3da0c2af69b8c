//! The reintegration plan as one value, following "What a plan holds" in the design brief.
//!
//! Conventions that the exported file relies on (see `interchange`):
//! - money is [`Money`](crate::money::Money) (integer minor units and an ISO 4217 code), never floating point;
//! - days are [`NaiveDate`](chrono::NaiveDate) (`YYYY-MM-DD`), instants are `DateTime<Utc>` (RFC 3339);
//! - enumerations serialize as stable snake_case codes, translated only by the interface;
//! - free texts are plain `String`s in whatever language they were typed; empty means "not given";
//! - every item of a list that the interface edits has a UUID v4 `id`, so it keeps its identity
//!   when the list is reordered.
//!
//! Doc comments on the types and fields become the descriptions of the published JSON Schema.

use chrono::{DateTime, NaiveDate, Utc};
#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::money::CurrencyCode;
use crate::protection::Protection;

mod budget;
mod case;
mod consent;
mod follow_up;
mod goals;
mod needs;
mod sharing;
#[cfg(test)]
mod tests;

pub use budget::{BudgetPlan, Package, Tranche};
pub use case::{
    Case, ContactWay, Debt, DocumentKind, Gender, HouseholdMember, IdentityDocument, PressureLevel,
    Relationship, ReturnContact, ReturnKind, Schooling, Vulnerability, years_between,
};
pub use consent::{Consent, Signature, SignatureMethod, Signatures};
pub use follow_up::{ContactKind, FollowUp, Referral, ReferralStatus};
pub use goals::{
    FundingSource, Goal, LineItem, Measure, MeasureRef, MeasureStatus, Modality, Responsible, Term,
};
pub use needs::{
    AssessmentRecord, Dimension, DimensionScores, DimensionSummaries, Needs, Priority,
};
pub use sharing::{PartnerFile, PrivacyCategory, WithheldItem};

/// One returnee's individual reintegration plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
pub struct Plan {
    /// Identifier of the plan (UUID v4), stable across exports.
    pub id: Uuid,
    /// Identifier of the programme configuration (budget rules) the plan was drafted under.
    pub programme_id: String,
    /// When the plan was first created (RFC 3339, UTC).
    pub created_at: DateTime<Utc>,
    /// When the plan was last changed (RFC 3339, UTC).
    pub updated_at: DateTime<Utc>,
    /// Present only in a file made for a partner organisation: who it is for, when it was made
    /// and whether special-category data was shared. Absent in a full export.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_file: Option<PartnerFile>,
    /// The case and the returnee.
    pub case: Case,
    /// The people in the returnee's household, returnee excluded.
    pub household: Vec<HouseholdMember>,
    /// The returnee's needs and aspirations, and the baseline assessment.
    pub needs: Needs,
    /// Goals per dimension, each with its measures.
    pub goals: Vec<Goal>,
    /// The budget: currency and payment or purchase schedule.
    pub budget: BudgetPlan,
    /// Organisations the returnee is referred to, and for what.
    pub referrals: Vec<Referral>,
    /// Monitoring contacts after the return.
    pub follow_ups: Vec<FollowUp>,
    /// The returnee's informed consent and consent to share.
    pub consent: Consent,
    /// Signatures of the returnee and the counsellor.
    pub signatures: Signatures,
    /// The counsellor who drafts the plan with the returnee.
    pub counsellor: Counsellor,
    /// Rises by one each time the plan is changed after both signed it (the signatures are
    /// then cleared, to be given again); 0 until the first agreed plan is changed.
    pub revision: u32,
    /// Day the plan was closed: the follow-up is over. Absent while open.
    pub closed_on: Option<NaiveDate>,
    /// The plan is meant to be sent to a partner organisation; requires consent to share.
    pub marked_for_partner_export: bool,
    /// Safety on return: the protection screening, its referrals and reviews, and what the
    /// returnee was told before departure. Special-category data (see `privacy`).
    pub protection: Protection,
}

/// The counsellor who drafts the plan (Annex 3 of the IOM Reintegration Handbook).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Counsellor {
    /// The counsellor's name.
    pub name: String,
    /// The organisation the counsellor works for.
    pub organisation: String,
}

impl Plan {
    /// An empty draft: valid, with nothing filled in yet. Time comes in as an argument because
    /// the domain never reads the clock.
    pub fn new(
        id: Uuid,
        programme_id: impl Into<String>,
        currency: CurrencyCode,
        now: DateTime<Utc>,
    ) -> Self {
        Self {
            id,
            programme_id: programme_id.into(),
            created_at: now,
            updated_at: now,
            budget: BudgetPlan { currency, tranches: Vec::new() },
            ..Self::default()
        }
    }

    /// Every measure of every goal, in document order.
    pub fn measures(&self) -> impl Iterator<Item = MeasureRef<'_>> {
        self.goals.iter().enumerate().flat_map(|(goal_index, goal)| {
            goal.measures.iter().enumerate().map(move |(measure_index, measure)| MeasureRef {
                goal_index,
                measure_index,
                goal,
                measure,
            })
        })
    }

    /// Both the returnee and the counsellor signed: the goals and measures are agreed.
    pub fn is_agreed(&self) -> bool {
        self.signatures.returnee.is_some() && self.signatures.counsellor.is_some()
    }

    /// Opens an agreed plan for a change: the revision rises by one and both signatures are
    /// cleared, to be given again for the changed plan. A plan not agreed is left as it is.
    pub fn open_for_revision(&mut self) -> bool {
        if !self.is_agreed() {
            return false;
        }
        self.revision = self.revision.saturating_add(1);
        self.signatures = Signatures::default();
        true
    }

    /// The currency the plan is costed in.
    pub fn currency(&self) -> &CurrencyCode {
        &self.budget.currency
    }

    /// Household members who return with the returnee.
    pub fn returning_household(&self) -> impl Iterator<Item = &HouseholdMember> {
        self.household.iter().filter(|m| m.returns_with_returnee)
    }
}
