//! The file for a partner organisation follows the returnee's consent.
//!
//! - Without consent to share with partners, or with no organisation named, no partner file
//!   can be made; nor for an organisation the consent does not name.
//! - The file names its recipient and carries the consent record (`partner_file`, next to the
//!   plan's `consent`).
//! - Without consent to share special-category data, every private item of
//!   [`private_items`] is withheld: its free texts are replaced by the fixed English label of
//!   its category ([`PrivacyCategory::withheld_label`]) and it is marked
//!   `"withheld": "<category>"`; lists of such data (vulnerabilities, assessment answers) are
//!   emptied and such scores left out. Ids, types, amounts, dates, terms, packages and
//!   modalities stay, so the partner's budget adds up to the plan's. With that consent,
//!   everything is shared.
//!
//! The file is deterministic: the same plan, recipient and day give the same bytes, in the app
//! and in the command line.

use std::fmt;

use chrono::NaiveDate;

use super::export::{export_file_name, export_json_budgeted_as};
use crate::model::{PartnerFile, Plan, PrivacyCategory, WithheldItem};
use crate::privacy::{PrivateItem, PrivateItemKind, private_items};
use crate::programme::ProgrammeConfig;
use crate::protection::{Question, ScreeningAnswer};

/// Why no partner file can be made. [`PartnerExportError::code`] is stable: the interface
/// translates `partner_error.<code>`; `Display` is English for logs and the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PartnerExportError {
    /// The returnee did not consent to share the plan with partner organisations.
    NoConsentToShare,
    /// The consent names no partner organisation.
    NoPartnerNamed,
    /// The recipient is not one of the organisations named in the consent.
    RecipientNotNamed { recipient: String },
}

impl PartnerExportError {
    /// Every code, so the interface can check it translates them all.
    pub const CODES: &[&str] = &["no_consent_to_share", "no_partner_named", "recipient_not_named"];

    /// Stable snake_case code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            PartnerExportError::NoConsentToShare => "no_consent_to_share",
            PartnerExportError::NoPartnerNamed => "no_partner_named",
            PartnerExportError::RecipientNotNamed { .. } => "recipient_not_named",
        }
    }

    /// JSON Pointer of the part of the plan to change to allow the file: where consent is given.
    pub fn path(&self) -> &'static str {
        match self {
            PartnerExportError::NoConsentToShare => "/consent/share_with_partners",
            PartnerExportError::NoPartnerNamed | PartnerExportError::RecipientNotNamed { .. } => {
                "/consent/partner_organisations"
            }
        }
    }
}

impl fmt::Display for PartnerExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartnerExportError::NoConsentToShare => {
                f.write_str("the returnee has not consented to share the plan with partners")
            }
            PartnerExportError::NoPartnerNamed => {
                f.write_str("the consent names no partner organisation")
            }
            PartnerExportError::RecipientNotNamed { recipient } => {
                write!(f, "{recipient:?} is not a partner organisation named in the consent")
            }
        }
    }
}

impl std::error::Error for PartnerExportError {}

/// Whether a partner file may be made at all (before a recipient is chosen): `Ok` with the
/// organisations to choose from, or why not.
pub fn partner_recipients(plan: &Plan) -> Result<Vec<&str>, PartnerExportError> {
    if !plan.consent.share_with_partners {
        return Err(PartnerExportError::NoConsentToShare);
    }
    let named: Vec<&str> = plan.consent.named_partners().collect();
    if named.is_empty() {
        return Err(PartnerExportError::NoPartnerNamed);
    }
    Ok(named)
}

/// The recipient as the consent names it (trimmed), if the plan may go to them.
pub fn check_recipient<'a>(plan: &'a Plan, recipient: &str) -> Result<&'a str, PartnerExportError> {
    let wanted = recipient.trim();
    partner_recipients(plan)?
        .into_iter()
        .find(|named| *named == wanted)
        .ok_or_else(|| PartnerExportError::RecipientNotNamed { recipient: wanted.to_owned() })
}

/// What a partner file of this plan withholds, in document order, for the preview: every
/// private item without consent to share special-category data, nothing with it.
pub fn withheld_items(plan: &Plan) -> Vec<PrivateItem> {
    if plan.consent.share_special_category { Vec::new() } else { private_items(plan) }
}

/// The plan as the file for `recipient` holds it, made on `made_on`.
pub fn partner_document(
    plan: &Plan,
    recipient: &str,
    made_on: NaiveDate,
) -> Result<Plan, PartnerExportError> {
    let recipient = check_recipient(plan, recipient)?.to_owned();
    let shared = plan.consent.share_special_category;
    let (mut doc, withheld) =
        if shared { (plan.clone(), Vec::new()) } else { withhold_private(plan) };
    doc.partner_file =
        Some(PartnerFile { recipient, made_on, special_category_shared: shared, withheld });
    Ok(doc)
}

/// The plan with every private item withheld, as a partner file without consent to share
/// special-category data holds it, and the record of what was withheld. No consent is checked
/// and no `partner_file` set: opening a partner file again (`crate::changes::merge`) redoes the
/// withholding on the plan it came from, to tell what was withheld from what the partner edited.
pub(crate) fn withhold_private(plan: &Plan) -> (Plan, Vec<WithheldItem>) {
    let mut doc = plan.clone();
    let mut withheld = Vec::new();
    for item in private_items(plan) {
        withhold(&mut doc, item.kind, item.category);
        withheld.push(WithheldItem { path: item.path, category: item.category });
    }
    doc.protection.referrals.clear();
    (doc, withheld)
}

/// The partner file's text: [`partner_document`] as [`export_json`](super::export_json) writes it.
pub fn partner_export_json(
    plan: &Plan,
    programme: &ProgrammeConfig,
    recipient: &str,
    made_on: NaiveDate,
) -> Result<String, PartnerExportError> {
    partner_document(plan, recipient, made_on)
        .map(|doc| export_json_budgeted_as(&doc, plan, programme))
}

/// The partner file's name: the plan's file name with `-partner` before the extension.
pub fn partner_file_name(plan: &Plan) -> String {
    let name = export_file_name(plan);
    match name.strip_suffix(".json") {
        Some(stem) => format!("{stem}-partner.json"),
        None => format!("{name}-partner"),
    }
}

/// Withholds one private item of `doc` in place.
fn withhold(doc: &mut Plan, kind: PrivateItemKind, category: PrivacyCategory) {
    use PrivateItemKind as K;
    let label = || category.withheld_label().to_owned();
    let mark = Some(category);
    match kind {
        K::Debt(i) => {
            if let Some(d) = doc.case.debts.get_mut(i) {
                d.creditor = label();
                d.withheld = mark;
            }
        }
        K::Vulnerabilities => doc.case.vulnerabilities.clear(),
        K::VulnerabilityNote => doc.case.vulnerability_note = label(),
        K::HealthNote => doc.case.health_note = label(),
        K::Priority(i) => {
            if let Some(p) = doc.needs.priorities.get_mut(i) {
                p.text = label();
                p.withheld = mark;
            }
        }
        K::PsychosocialSummary => doc.needs.summary.psychosocial = label(),
        K::AssessmentAnswers => {
            if let Some(a) = &mut doc.needs.assessment {
                a.answers.clear();
            }
        }
        K::PsychosocialScore => {
            if let Some(a) = &mut doc.needs.assessment {
                a.baseline.psychosocial = None;
            }
        }
        K::CompositeScore => {
            if let Some(a) = &mut doc.needs.assessment {
                a.baseline.composite = None;
            }
        }
        K::PsychosocialTarget => doc.needs.targets.psychosocial = None,
        K::MemberVulnerabilities(i) => {
            if let Some(m) = doc.household.get_mut(i) {
                m.vulnerabilities.clear();
            }
        }
        K::FollowUpPsychosocialScore(i) => {
            if let Some(f) = doc.follow_ups.get_mut(i) {
                f.scores.psychosocial = None;
            }
        }
        K::Goal(g) => {
            if let Some(goal) = doc.goals.get_mut(g) {
                goal.title = label();
                goal.expected_outcome = label();
                goal.withheld = mark;
            }
        }
        K::Measure { goal, measure } => {
            if let Some(m) = doc.goals.get_mut(goal).and_then(|g| g.measures.get_mut(measure)) {
                m.description = label();
                m.provider = label();
                // What is bought and from whom says as much as the description.
                for item in &mut m.items {
                    item.description = label();
                    item.supplier = label();
                }
                m.withheld = mark;
            }
        }
        K::Tranche(i) => {
            if let Some(t) = doc.budget.tranches.get_mut(i) {
                t.purpose = label();
                t.withheld = mark;
            }
        }
        K::Referral(i) => {
            if let Some(r) = doc.referrals.get_mut(i) {
                r.organisation = label();
                r.purpose = label();
                r.contact = label();
                r.outcome = label();
                r.withheld = mark;
            }
        }
        K::FollowUp(i) => {
            if let Some(f) = doc.follow_ups.get_mut(i) {
                f.outcome = label();
                f.withheld = mark;
            }
        }
        // The answer itself says what the concern is: nothing of it stays.
        K::ProtectionAnswer(q) => {
            *doc.protection.answer_mut(q) = ScreeningAnswer::default();
            if q == Question::CreditorThreats {
                doc.protection.threatening_debt_id = None;
            }
        }
        // A protection referral's concern and kind of actor say what the concern is: they are
        // all taken out once every item is withheld (see `partner_document`).
        K::ProtectionReferral(_) => {}
    }
}
