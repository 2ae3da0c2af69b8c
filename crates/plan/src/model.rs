//! The reintegration plan as one value, following "What a plan holds" in the design brief.
//!
//! Conventions that the exported file relies on (see `interchange`):
//! - money is [`Money`] (integer minor units and an ISO 4217 code), never floating point;
//! - days are [`NaiveDate`] (`YYYY-MM-DD`), instants are `DateTime<Utc>` (RFC 3339);
//! - enumerations serialize as stable snake_case codes, translated only by the interface;
//! - free texts are plain `String`s in whatever language they were typed; empty means "not given";
//! - every item of a list that the interface edits has a UUID v4 `id`, so it keeps its identity
//!   when the list is reordered.
//!
//! Doc comments on the types and fields become the descriptions of the published JSON Schema.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::assessment::Scores;
use crate::catalogue::{BudgetArea, MeasureType};
use crate::money::{CurrencyCode, Money};
use crate::protection::Protection;

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
    /// The plan is meant to be sent to a partner organisation; requires consent to share.
    pub marked_for_partner_export: bool,
    /// Safety on return: the protection screening, its referrals and reviews, and what the
    /// returnee was told before departure. Special-category data (see `privacy`).
    pub protection: Protection,
}

/// The case and the returnee (item 1 of the brief).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Pseudonymous case code used in place of the name wherever possible.
    pub case_reference: String,
    /// The returnee's real name; empty when not recorded (it is optional).
    pub full_name: String,
    /// Date of birth, if known.
    pub date_of_birth: Option<NaiveDate>,
    /// Age in years as stated, used when the date of birth is not known.
    pub age: Option<u32>,
    /// Gender as the returnee states it; absent when not stated.
    pub gender: Option<Gender>,
    /// Languages the returnee speaks, as BCP 47 tags (e.g. `fr`, `ps-AF`), preferred first.
    pub languages: Vec<String>,
    /// Country of return, ISO 3166-1 alpha-2 code (e.g. `SN`); empty until known.
    pub country_of_return: String,
    /// Region or province of return.
    pub region: String,
    /// Town or village of return.
    pub town: String,
    /// Date of return, planned or actual (see `return_date_is_planned`).
    pub return_date: Option<NaiveDate>,
    /// The return date is still a plan, not a date that has happened.
    pub return_date_is_planned: bool,
    /// Kind of return; programmes grant different packages for each.
    pub return_kind: ReturnKind,
    /// Education, in the returnee's words.
    pub education: String,
    /// Skills, in the returnee's words.
    pub skills: String,
    /// Work experience, in the returnee's words.
    pub work_experience: String,
    /// Identity documents held or missing (missing ones often need a documentation measure).
    pub identity_documents: Vec<IdentityDocument>,
    /// Debts, notably those from the migration: one of the main barriers to reintegration.
    pub debts: Vec<Debt>,
    /// Vulnerabilities that call for specific support or a budget top-up.
    pub vulnerabilities: Vec<Vulnerability>,
    /// Details of other vulnerabilities (when `other` is listed).
    pub vulnerability_note: String,
    /// Health details. Special-category data: withheld from a partner file unless the returnee
    /// consented to share health and psychosocial details.
    pub health_note: String,
}

/// Gender as stated by the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
    Other,
}

/// How the return happened or will happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReturnKind {
    #[default]
    AssistedVoluntary,
    Spontaneous,
    AfterForcedReturn,
}

/// A kind of identity or civil document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    NationalIdentityCard,
    Passport,
    BirthCertificate,
    TravelDocument,
    DrivingLicence,
    Other,
}

/// One identity document, held or missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IdentityDocument {
    /// Kind of document.
    pub kind: DocumentKind,
    /// The returnee has it (true) or it is missing (false).
    pub held: bool,
    /// E.g. which document when the kind is `other`, or an expiry.
    pub note: String,
}

/// A debt the returnee carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Debt {
    /// Identifier of the debt (UUID v4).
    pub id: Uuid,
    /// Amount owed, in whatever currency the debt is in.
    pub amount: Money,
    /// To whom (family, a money lender, a smuggler, a bank...), in the counsellor's words.
    pub creditor: String,
    /// How hard the creditor presses for repayment.
    pub pressure_to_repay: PressureLevel,
    /// The counsellor marked the debt private (e.g. a debt to a smuggler): withheld from a
    /// partner file unless the returnee consented to share special-category data.
    pub private: bool,
    /// In a partner file only: the creditor was withheld, for this reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<PrivacyCategory>,
}

/// How strongly repayment is demanded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PressureLevel {
    /// Little or no pressure.
    #[default]
    Low,
    Medium,
    /// Threats or urgent demands: a risk to safety and to the plan.
    High,
}

/// A vulnerability that calls for specific support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Vulnerability {
    SeriousHealthCondition,
    Disability,
    SurvivorOfTraffickingOrViolence,
    UnaccompaniedOrSeparatedChild,
    OlderPerson,
    SingleParent,
    Other,
}

/// A household member other than the returnee.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HouseholdMember {
    /// Identifier of the member (UUID v4).
    pub id: Uuid,
    /// Relationship to the returnee.
    pub relationship: Relationship,
    /// Date of birth, if known.
    pub date_of_birth: Option<NaiveDate>,
    /// Age in years as stated, used when the date of birth is not known.
    pub age: Option<u32>,
    /// Depends on the returnee for a living.
    pub dependant: bool,
    /// Returns together with the returnee (and so may count for the family's entitlement).
    pub returns_with_returnee: bool,
}

/// Relationship of a household member to the returnee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    SpouseOrPartner,
    #[default]
    Child,
    Parent,
    Sibling,
    Grandparent,
    Grandchild,
    OtherRelative,
    NotRelated,
}

/// Needs and aspirations (item 2 of the brief).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Needs {
    /// The returnee's own goals, in their own words.
    pub aspirations: String,
    /// The returnee's priorities, most important first, in their own words.
    pub priorities: Vec<Priority>,
    /// The counsellor's summary of needs per dimension.
    pub summary: DimensionSummaries,
    /// The baseline assessment, once done.
    pub assessment: Option<AssessmentRecord>,
}

/// One of the returnee's priorities.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Priority {
    /// The priority, in the returnee's words.
    pub text: String,
    /// Marked private by the counsellor: withheld from a partner file unless the returnee
    /// consented to share special-category data.
    pub private: bool,
    /// In a partner file only: the text was withheld, for this reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<PrivacyCategory>,
}

impl Priority {
    /// A priority that is not private.
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into(), ..Self::default() }
    }
}

impl Needs {
    /// Replaces the priorities by `texts` (as typed, one per line), keeping the private mark of
    /// each text that was already there, so reordering or editing other lines keeps the marks.
    pub fn set_priority_texts(&mut self, texts: Vec<String>) {
        let mut old = std::mem::take(&mut self.priorities);
        self.priorities = texts
            .into_iter()
            .map(|text| match old.iter().position(|p| p.text == text) {
                Some(i) => old.remove(i),
                None => Priority::new(text),
            })
            .collect();
    }

    /// The priorities' texts, most important first.
    pub fn priority_texts(&self) -> Vec<String> {
        self.priorities.iter().map(|p| p.text.clone()).collect()
    }
}

/// The counsellor's summary of needs, one text per dimension.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DimensionSummaries {
    /// Economic needs: income, work, skills, debts.
    pub economic: String,
    /// Social needs: housing, health care, education, documents, safety.
    pub social: String,
    /// Psychosocial needs. Special-category data: withheld from a partner file unless the
    /// returnee consented to share health and psychosocial details.
    pub psychosocial: String,
}

impl DimensionSummaries {
    pub fn get(&self, d: Dimension) -> &str {
        match d {
            Dimension::Economic => &self.economic,
            Dimension::Social => &self.social,
            Dimension::Psychosocial => &self.psychosocial,
        }
    }

    pub fn get_mut(&mut self, d: Dimension) -> &mut String {
        match d {
            Dimension::Economic => &mut self.economic,
            Dimension::Social => &mut self.social,
            Dimension::Psychosocial => &mut self.psychosocial,
        }
    }
}

/// The answers to an assessment and the baseline scores they gave. The scores are stored, not
/// only computed, because the partner reading the file may not have the programme's questions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AssessmentRecord {
    /// Identifier of the assessment configuration whose questions were answered.
    pub config_id: String,
    /// The assessment is an indicative check, not a validated instrument.
    pub indicative: bool,
    /// Day the assessment was done.
    pub assessed_on: Option<NaiveDate>,
    /// Answer per question identifier, on the configuration's scale. Special-category data:
    /// emptied in a partner file unless the returnee consented.
    pub answers: BTreeMap<String, u8>,
    /// Baseline scores (0–100) per dimension and composite.
    pub baseline: Scores,
}

/// The three dimensions of reintegration.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    #[default]
    Economic,
    Social,
    Psychosocial,
}

impl Dimension {
    pub const ALL: [Dimension; 3] =
        [Dimension::Economic, Dimension::Social, Dimension::Psychosocial];

    /// Stable code, the same as in the file; translation key `dimension.<code>`.
    pub fn code(self) -> &'static str {
        match self {
            Dimension::Economic => "economic",
            Dimension::Social => "social",
            Dimension::Psychosocial => "psychosocial",
        }
    }

    pub fn from_code(code: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.code() == code)
    }
}

/// A goal in one dimension, with the measures that serve it (item 3 of the brief).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Identifier of the goal (UUID v4).
    pub id: Uuid,
    /// The dimension the goal belongs to.
    pub dimension: Dimension,
    /// The goal, ideally in the returnee's words.
    pub title: String,
    /// The improvement expected against the baseline.
    pub expected_outcome: String,
    /// The measures that serve the goal.
    pub measures: Vec<Measure>,
    /// Marked private by the counsellor, with its measures. Goals of the psychosocial dimension
    /// are private whatever this says.
    pub private: bool,
    /// In a partner file only: the title and expected outcome were withheld, for this reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<PrivacyCategory>,
}

impl Goal {
    pub fn new(id: Uuid, dimension: Dimension) -> Self {
        Self { id, dimension, ..Self::default() }
    }
}

/// One measure: a good, a service or an action that serves a goal.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Identifier of the measure (UUID v4).
    pub id: Uuid,
    /// Type from the catalogue; absent while the counsellor has not chosen one.
    pub measure_type: Option<MeasureType>,
    /// What the measure is, concretely.
    pub description: String,
    /// Immediate (short-term package) or longer-term.
    pub term: Term,
    /// Day the measure starts.
    pub start_date: Option<NaiveDate>,
    /// Day the measure is due to be completed; not before the start date.
    pub due_date: Option<NaiveDate>,
    /// Who is responsible for carrying it out.
    pub responsible: Responsible,
    /// Who provides the good or service (organisation, supplier, trainer...).
    pub provider: String,
    /// Whether a referral to the provider is needed; absent while not decided.
    pub referral_needed: Option<bool>,
    /// Estimated cost, in the plan's currency.
    pub estimated_cost: Option<Money>,
    /// How it is delivered: cash, in kind, voucher or service.
    pub modality: Modality,
    /// Who pays for it.
    pub funding: FundingSource,
    /// Where it stands.
    pub status: MeasureStatus,
    /// The returnee agreed to this measure.
    pub returnee_agreed: bool,
    /// Marked private by the counsellor. Measures of a sensitive type, of a psychosocial goal
    /// or of a private goal are private whatever this says.
    pub private: bool,
    /// In a partner file only: the description and provider were withheld, for this reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<PrivacyCategory>,
}

impl Measure {
    pub fn new(id: Uuid) -> Self {
        Self { id, ..Self::default() }
    }

    /// The budget area of the cost: the type's area, or the goal's dimension while untyped.
    pub fn area(&self, goal_dimension: Dimension) -> BudgetArea {
        self.measure_type.map_or(goal_dimension.into(), MeasureType::area)
    }
}

/// Whether a measure is immediate or longer-term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Term {
    #[default]
    Immediate,
    LongerTerm,
}

impl Term {
    /// The budget package that pays for a measure of this term.
    pub fn package(self) -> Package {
        match self {
            Term::Immediate => Package::ShortTerm,
            Term::LongerTerm => Package::LongerTerm,
        }
    }
}

/// Who carries out a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Responsible {
    #[default]
    Returnee,
    Counsellor,
    PartnerOrganisation,
}

/// How assistance is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Cash,
    #[default]
    InKind,
    Voucher,
    Service,
}

/// Who pays for a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    #[default]
    ProgrammeGrant,
    OwnContribution,
    Other,
}

/// Where a measure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Cancelled,
}

/// The budget packages of a programme.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Package {
    /// Post-arrival (short-term) package.
    #[default]
    ShortTerm,
    /// Longer-term reintegration package.
    LongerTerm,
}

/// The plan's budget (item 4 of the brief). Entitlements and what is left are computed from the
/// programme configuration, so only the plan's own choices are stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetPlan {
    /// Currency the plan is costed in (the programme's currency).
    pub currency: CurrencyCode,
    /// Payment or purchase schedule.
    pub tranches: Vec<Tranche>,
}

impl Default for BudgetPlan {
    fn default() -> Self {
        Self { currency: CurrencyCode::eur(), tranches: Vec::new() }
    }
}

/// One payment or purchase in the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tranche {
    /// Identifier of the tranche (UUID v4).
    pub id: Uuid,
    /// The package it is paid from.
    pub package: Package,
    /// Day the payment or purchase is planned or was made.
    pub date: NaiveDate,
    /// Amount, in the plan's currency.
    pub amount: Money,
    /// What it pays for.
    pub purpose: String,
    /// Paid or bought already.
    pub paid: bool,
    /// Marked private by the counsellor: the purpose is withheld from a partner file unless the
    /// returnee consented to share special-category data; the amount and date stay.
    pub private: bool,
    /// In a partner file only: the purpose was withheld, for this reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<PrivacyCategory>,
}

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
    /// The measure the referral serves, if any.
    pub measure_id: Option<Uuid>,
    /// Day the referral was made.
    pub referred_on: Option<NaiveDate>,
    /// Where the referral stands.
    pub status: ReferralStatus,
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

/// The returnee's informed consent (item 7 of the brief).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// The returnee confirms no one pressured them into the plan.
    pub no_pressure: bool,
    /// The returnee received the information about the programme and the plan.
    pub information_received: bool,
    /// The returnee had time to consider.
    pub time_to_consider: bool,
    /// The returnee knows they may withdraw or reconsider at any time.
    pub right_to_withdraw_explained: bool,
    /// The returnee agrees that the plan is shared with the partner organisations named below.
    pub share_with_partners: bool,
    /// The partner organisations the plan may be shared with.
    pub partner_organisations: Vec<String>,
    /// The returnee agrees that health and psychosocial details are shared with those partners.
    pub share_special_category: bool,
    /// Day consent was given.
    pub given_on: Option<NaiveDate>,
}

impl Consent {
    /// All four elements of informed consent are confirmed.
    pub fn informed(&self) -> bool {
        self.no_pressure
            && self.information_received
            && self.time_to_consider
            && self.right_to_withdraw_explained
    }

    /// The plan may go to a partner: consent to share, with at least one partner named.
    pub fn allows_partner_export(&self) -> bool {
        self.share_with_partners && self.named_partners().next().is_some()
    }

    /// The organisations named in the consent, trimmed, blanks and repeats left out, in the
    /// order given: the choices of recipient for a partner file.
    pub fn named_partners(&self) -> impl Iterator<Item = &str> {
        self.partner_organisations
            .iter()
            .map(|p| p.trim())
            .enumerate()
            .filter(|(i, p)| {
                !p.is_empty() && !self.partner_organisations[..*i].iter().any(|q| q.trim() == *p)
            })
            .map(|(_, p)| p)
    }
}

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

impl PrivacyCategory {
    pub const ALL: [PrivacyCategory; 4] = [
        PrivacyCategory::Health,
        PrivacyCategory::Psychosocial,
        PrivacyCategory::Vulnerability,
        PrivacyCategory::Private,
    ];

    /// Stable code, the same as in the file.
    pub fn code(self) -> &'static str {
        match self {
            PrivacyCategory::Health => "health",
            PrivacyCategory::Psychosocial => "psychosocial",
            PrivacyCategory::Vulnerability => "vulnerability",
            PrivacyCategory::Private => "private",
        }
    }

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

/// The two signatures of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signatures {
    /// The returnee's signature, once given.
    pub returnee: Option<Signature>,
    /// The counsellor's signature, once given.
    pub counsellor: Option<Signature>,
}

/// A signature and the day it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// Drawn or typed.
    pub method: SignatureMethod,
    /// Day of signing.
    pub signed_on: NaiveDate,
}

/// How a signature was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum SignatureMethod {
    /// Drawn with a finger or stylus: strokes of integer points on a canvas of the given size.
    Drawn {
        /// Width of the canvas the strokes were drawn on, in its own units.
        width: u32,
        /// Height of the canvas, in the same units.
        height: u32,
        /// Each stroke is the list of `[x, y]` points from touch-down to lift-off.
        strokes: Vec<Vec<[i32; 2]>>,
    },
    /// A typed name.
    Typed {
        /// The name as the signer typed it.
        name: String,
    },
}

/// A measure together with where it sits in the plan, so validation and budget name the same
/// paths for it.
#[derive(Debug, Clone, Copy)]
pub struct MeasureRef<'a> {
    pub goal_index: usize,
    pub measure_index: usize,
    pub goal: &'a Goal,
    pub measure: &'a Measure,
}

impl MeasureRef<'_> {
    /// JSON Pointer of the measure in the exported document, e.g. `/goals/0/measures/2`.
    pub fn path(&self) -> String {
        crate::path::Item::Measure { goal: self.goal_index, measure: self.measure_index }.path()
    }

    /// JSON Pointer of one of the measure's fields, e.g. `/goals/0/measures/2/due_date`.
    pub fn field_path(&self, field: &str) -> String {
        crate::path::Item::Measure { goal: self.goal_index, measure: self.measure_index }
            .field(field)
    }
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

    /// The currency the plan is costed in.
    pub fn currency(&self) -> &CurrencyCode {
        &self.budget.currency
    }

    /// Household members who return with the returnee.
    pub fn returning_household(&self) -> impl Iterator<Item = &HouseholdMember> {
        self.household.iter().filter(|m| m.returns_with_returnee)
    }
}

/// Full years from `birth` to `on`; `None` if `on` is before `birth`.
pub fn years_between(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

impl Case {
    /// Age on `date`: from the date of birth if known, else the stated age.
    pub fn age_on(&self, date: NaiveDate) -> Option<u32> {
        match self.date_of_birth {
            Some(dob) => years_between(dob, date),
            None => self.age,
        }
    }
}

impl HouseholdMember {
    /// Age on `date`: from the date of birth if known, else the stated age.
    pub fn age_on(&self, date: NaiveDate) -> Option<u32> {
        match self.date_of_birth {
            Some(dob) => years_between(dob, date),
            None => self.age,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn age_comes_from_date_of_birth_before_stated_age() {
        let mut m = HouseholdMember { age: Some(40), ..Default::default() };
        assert_eq!(m.age_on(d(2026, 1, 1)), Some(40));
        m.date_of_birth = Some(d(2010, 6, 15));
        assert_eq!(m.age_on(d(2026, 6, 14)), Some(15));
        assert_eq!(m.age_on(d(2026, 6, 15)), Some(16));
        assert_eq!(m.age_on(d(2009, 1, 1)), None);
        let c = Case { date_of_birth: Some(d(2000, 2, 29)), ..Default::default() };
        assert_eq!(c.age_on(d(2001, 2, 28)), Some(0));
        assert_eq!(c.age_on(d(2001, 3, 1)), Some(1));
    }

    #[test]
    fn measures_walks_every_goal_in_order_with_paths() {
        let mut plan = Plan::default();
        let mut g0 = Goal::new(Uuid::from_u128(1), Dimension::Economic);
        g0.measures = vec![Measure::new(Uuid::from_u128(10)), Measure::new(Uuid::from_u128(11))];
        let g1 = Goal::new(Uuid::from_u128(2), Dimension::Social);
        let mut g2 = Goal::new(Uuid::from_u128(3), Dimension::Psychosocial);
        g2.measures = vec![Measure::new(Uuid::from_u128(30))];
        plan.goals = vec![g0, g1, g2];
        let paths: Vec<_> = plan.measures().map(|m| m.path()).collect();
        assert_eq!(paths, ["/goals/0/measures/0", "/goals/0/measures/1", "/goals/2/measures/0"]);
        let last = plan.measures().last().unwrap();
        assert_eq!(last.measure.id, Uuid::from_u128(30));
        assert_eq!(last.goal.dimension, Dimension::Psychosocial);
        assert_eq!(last.field_path("due_date"), "/goals/2/measures/0/due_date");
    }

    #[test]
    fn untyped_measure_counts_in_its_goal_dimension() {
        let mut m = Measure::new(Uuid::nil());
        assert_eq!(m.area(Dimension::Social), BudgetArea::Social);
        m.measure_type = Some(MeasureType::Transport);
        assert_eq!(m.area(Dimension::Social), BudgetArea::ImmediateNeeds);
        assert_eq!(Term::LongerTerm.package(), Package::LongerTerm);
    }

    #[test]
    fn new_plan_carries_its_inputs() {
        let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z").unwrap().to_utc();
        let xof = CurrencyCode::new("XOF").unwrap();
        let plan = Plan::new(Uuid::from_u128(7), "eurp_voluntary", xof.clone(), now);
        assert_eq!(plan.currency(), &xof);
        assert_eq!(plan.created_at, now);
        assert_eq!(plan.updated_at, now);
        assert_eq!(plan.programme_id, "eurp_voluntary");
        assert!(plan.goals.is_empty());
    }

    #[test]
    fn editing_priority_texts_keeps_the_marks_of_unchanged_texts() {
        let mut needs = Needs::default();
        needs.set_priority_texts(vec!["a".into(), "b".into()]);
        needs.priorities[1].private = true;
        needs.set_priority_texts(vec!["b".into(), "c".into(), "a".into()]);
        let marks: Vec<_> = needs.priorities.iter().map(|p| (p.text.as_str(), p.private)).collect();
        assert_eq!(marks, [("b", true), ("c", false), ("a", false)]);
        assert_eq!(needs.priority_texts(), ["b", "c", "a"]);
    }

    #[test]
    fn named_partners_are_trimmed_without_blanks_or_repeats() {
        let c = Consent {
            partner_organisations: vec![" A ".into(), "".into(), "B".into(), "A".into()],
            ..Default::default()
        };
        assert_eq!(c.named_partners().collect::<Vec<_>>(), ["A", "B"]);
    }

    #[test]
    fn partner_export_needs_a_named_partner() {
        let mut c = Consent { share_with_partners: true, ..Default::default() };
        assert!(!c.allows_partner_export());
        c.partner_organisations.push("  ".into());
        assert!(!c.allows_partner_export());
        c.partner_organisations.push("Caritas Dakar".into());
        assert!(c.allows_partner_export());
        c.share_with_partners = false;
        assert!(!c.allows_partner_export());
    }
}
