//! Special-category data, defined once. Health, psychosocial state and vulnerabilities (and, as
//! the counsellor judges, anything else such as a debt to a smuggler) leave the device only with
//! the returnee's consent. Free text cannot be classified by its words, so the rule is by item:
//!
//! - fields of the case and needs that hold such data by nature: the health note, the
//!   vulnerabilities and their note, the psychosocial summary, the assessment's answers and its
//!   psychosocial and composite scores (the composite would reveal the psychosocial score);
//! - the psychosocial dimension as a whole: its goals and their measures;
//! - measures of a sensitive type wherever they are ([`MeasureType::special_category`]);
//! - measures of a goal the counsellor marked private;
//! - referrals for a private measure;
//! - any goal, measure, referral, priority, payment, follow-up or debt the counsellor marked
//!   private.
//!
//! The interface asks [`goal_privacy`], [`measure_privacy`] and the like whether an item is
//! private and why; [`private_items`] lists every private item of a plan with its JSON Pointer,
//! which the partner file ([`crate::interchange::partner`]) withholds.

use crate::catalogue::MeasureType;
use crate::code::codes;
use crate::model::{
    Debt, Dimension, FollowUp, Goal, Measure, Plan, Priority, PrivacyCategory, Referral, Tranche,
};
use crate::path::Item;
use crate::protection::{Question, ScreeningAnswer};

/// Why an item is private. Stable codes; the interface translates
/// `code.privacy_reason.<code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrivacyReason {
    /// A field that holds special-category data by nature (health note, vulnerabilities,
    /// psychosocial summary, assessment answers and scores).
    SpecialCategoryField,
    /// A goal of the psychosocial dimension, or a measure of such a goal.
    PsychosocialDimension,
    /// A measure of a sensitive type (medical care, counselling...).
    SensitiveMeasureType,
    /// A measure of a goal the counsellor marked private.
    InPrivateGoal,
    /// A referral for a private measure.
    LinkedToPrivateMeasure,
    /// The counsellor marked the item private.
    MarkedPrivate,
}

codes!(PrivacyReason {
    SpecialCategoryField => "special_category_field",
    PsychosocialDimension => "psychosocial_dimension",
    SensitiveMeasureType => "sensitive_measure_type",
    InPrivateGoal => "in_private_goal",
    LinkedToPrivateMeasure => "linked_to_private_measure",
    MarkedPrivate => "marked_private",
});

/// That an item is private: what kind of data it is and why it counts as private.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Privacy {
    pub category: PrivacyCategory,
    pub reason: PrivacyReason,
}

impl Privacy {
    fn new(category: PrivacyCategory, reason: PrivacyReason) -> Self {
        Self { category, reason }
    }

    fn marked(private: bool) -> Option<Self> {
        private.then_some(Self::new(PrivacyCategory::Private, PrivacyReason::MarkedPrivate))
    }

    /// Private by a rule, not by the counsellor's mark: unmarking the item does not make it
    /// shareable, so the interface shows the mark as fixed.
    pub fn by_rule(self) -> bool {
        self.reason != PrivacyReason::MarkedPrivate
    }
}

/// Whether a goal is private, and why.
pub fn goal_privacy(goal: &Goal) -> Option<Privacy> {
    if goal.dimension == Dimension::Psychosocial {
        return Some(Privacy::new(
            PrivacyCategory::Psychosocial,
            PrivacyReason::PsychosocialDimension,
        ));
    }
    Privacy::marked(goal.private)
}

/// Whether a measure of `goal` is private, and why. The type comes first (it says what the
/// data is), then the goal, then the counsellor's mark.
pub fn measure_privacy(goal: &Goal, measure: &Measure) -> Option<Privacy> {
    if let Some(category) = measure.measure_type.and_then(MeasureType::special_category) {
        return Some(Privacy::new(category, PrivacyReason::SensitiveMeasureType));
    }
    match goal_privacy(goal) {
        Some(p) if p.reason == PrivacyReason::PsychosocialDimension => Some(p),
        Some(_) => Some(Privacy::new(PrivacyCategory::Private, PrivacyReason::InPrivateGoal)),
        None => Privacy::marked(measure.private),
    }
}

/// Whether a referral is private, and why: the measure it serves decides first.
pub fn referral_privacy(plan: &Plan, referral: &Referral) -> Option<Privacy> {
    let linked = referral.measure_id.and_then(|id| {
        plan.measures()
            .find(|m| m.measure.id == id)
            .and_then(|m| measure_privacy(m.goal, m.measure))
    });
    match linked {
        Some(p) => Some(Privacy::new(p.category, PrivacyReason::LinkedToPrivateMeasure)),
        None => Privacy::marked(referral.private),
    }
}

/// Whether a priority is private: only by the counsellor's mark.
pub fn priority_privacy(priority: &Priority) -> Option<Privacy> {
    Privacy::marked(priority.private)
}

/// Whether a payment is private: only by the counsellor's mark.
pub fn tranche_privacy(tranche: &Tranche) -> Option<Privacy> {
    Privacy::marked(tranche.private)
}

/// Whether a follow-up contact is private: only by the counsellor's mark.
pub fn follow_up_privacy(follow_up: &FollowUp) -> Option<Privacy> {
    Privacy::marked(follow_up.private)
}

/// Whether a debt is private: only by the counsellor's mark.
pub fn debt_privacy(debt: &Debt) -> Option<Privacy> {
    Privacy::marked(debt.private)
}

/// What a private item is, with its place in the plan. Stable codes; the interface translates
/// `code.private_item.<code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PrivateItemKind {
    Debt(usize),
    Vulnerabilities,
    VulnerabilityNote,
    HealthNote,
    Priority(usize),
    PsychosocialSummary,
    AssessmentAnswers,
    PsychosocialScore,
    CompositeScore,
    /// The psychosocial target score.
    PsychosocialTarget,
    /// A household member's vulnerabilities.
    MemberVulnerabilities(usize),
    Goal(usize),
    Measure {
        goal: usize,
        measure: usize,
    },
    Tranche(usize),
    Referral(usize),
    FollowUp(usize),
    /// An answer of the safety screening (with its note and review).
    ProtectionAnswer(Question),
    /// A referral to a protection actor.
    ProtectionReferral(usize),
    /// The psychosocial score recorded at a follow-up contact.
    FollowUpPsychosocialScore(usize),
}

impl PrivateItemKind {
    /// Every code, so the interface can check it translates them all.
    pub const CODES: &[&str] = &[
        "debt",
        "vulnerabilities",
        "vulnerability_note",
        "health_note",
        "priority",
        "psychosocial_summary",
        "assessment_answers",
        "psychosocial_score",
        "composite_score",
        "psychosocial_target",
        "member_vulnerabilities",
        "goal",
        "measure",
        "tranche",
        "referral",
        "follow_up",
        "protection_answer",
        "protection_referral",
        "follow_up_psychosocial_score",
    ];

    pub fn code(self) -> &'static str {
        use PrivateItemKind::*;
        match self {
            Debt(_) => "debt",
            Vulnerabilities => "vulnerabilities",
            VulnerabilityNote => "vulnerability_note",
            HealthNote => "health_note",
            Priority(_) => "priority",
            PsychosocialSummary => "psychosocial_summary",
            AssessmentAnswers => "assessment_answers",
            PsychosocialScore => "psychosocial_score",
            CompositeScore => "composite_score",
            PsychosocialTarget => "psychosocial_target",
            MemberVulnerabilities(_) => "member_vulnerabilities",
            Goal(_) => "goal",
            Measure { .. } => "measure",
            Tranche(_) => "tranche",
            Referral(_) => "referral",
            FollowUp(_) => "follow_up",
            ProtectionAnswer(_) => "protection_answer",
            ProtectionReferral(_) => "protection_referral",
            FollowUpPsychosocialScore(_) => "follow_up_psychosocial_score",
        }
    }

    /// JSON Pointer of the item in the exported document.
    pub fn path(self) -> String {
        use PrivateItemKind::*;
        match self {
            Debt(i) => Item::Debt(i).path(),
            Vulnerabilities => "/case/vulnerabilities".into(),
            VulnerabilityNote => "/case/vulnerability_note".into(),
            HealthNote => "/case/health_note".into(),
            Priority(i) => Item::Priority(i).path(),
            PsychosocialSummary => "/needs/summary/psychosocial".into(),
            AssessmentAnswers => "/needs/assessment/answers".into(),
            PsychosocialScore => "/needs/assessment/baseline/psychosocial".into(),
            CompositeScore => "/needs/assessment/baseline/composite".into(),
            PsychosocialTarget => "/needs/targets/psychosocial".into(),
            MemberVulnerabilities(i) => Item::HouseholdMember(i).field("vulnerabilities"),
            Goal(i) => Item::Goal(i).path(),
            Measure { goal, measure } => Item::Measure { goal, measure }.path(),
            Tranche(i) => Item::Tranche(i).path(),
            Referral(i) => Item::Referral(i).path(),
            FollowUp(i) => Item::FollowUp(i).path(),
            ProtectionAnswer(q) => q.path(),
            ProtectionReferral(i) => Item::ProtectionReferral(i).path(),
            FollowUpPsychosocialScore(i) => Item::FollowUp(i).field("scores/psychosocial"),
        }
    }
}

/// One private item of a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrivateItem {
    pub kind: PrivateItemKind,
    /// JSON Pointer of the item in the exported document, e.g. `/goals/2/measures/0`.
    pub path: String,
    pub category: PrivacyCategory,
    pub reason: PrivacyReason,
}

/// Every private item of the plan, in document order. Fields private by nature are listed only
/// when they hold something (an empty health note reveals nothing); items of lists always.
pub fn private_items(plan: &Plan) -> Vec<PrivateItem> {
    use PrivacyCategory as C;
    use PrivateItemKind as K;
    let field = |category| Some(Privacy::new(category, PrivacyReason::SpecialCategoryField));
    let mut found: Vec<(PrivateItemKind, Option<Privacy>)> = Vec::new();
    let case = &plan.case;
    found.extend(case.debts.iter().enumerate().map(|(i, d)| (K::Debt(i), debt_privacy(d))));
    if !case.vulnerabilities.is_empty() {
        found.push((K::Vulnerabilities, field(C::Vulnerability)));
    }
    if !case.vulnerability_note.is_empty() {
        found.push((K::VulnerabilityNote, field(C::Vulnerability)));
    }
    if !case.health_note.is_empty() {
        found.push((K::HealthNote, field(C::Health)));
    }
    for (i, member) in plan.household.iter().enumerate() {
        if !member.vulnerabilities.is_empty() {
            found.push((K::MemberVulnerabilities(i), field(C::Vulnerability)));
        }
    }
    let needs = &plan.needs;
    found.extend(
        needs.priorities.iter().enumerate().map(|(i, p)| (K::Priority(i), priority_privacy(p))),
    );
    if !needs.summary.psychosocial.is_empty() {
        found.push((K::PsychosocialSummary, field(C::Psychosocial)));
    }
    if let Some(a) = &needs.assessment {
        if !a.answers.is_empty() {
            found.push((K::AssessmentAnswers, field(C::Psychosocial)));
        }
        if a.baseline.psychosocial.is_some() {
            found.push((K::PsychosocialScore, field(C::Psychosocial)));
        }
        if a.baseline.composite.is_some() {
            found.push((K::CompositeScore, field(C::Psychosocial)));
        }
    }
    if needs.targets.psychosocial.is_some() {
        found.push((K::PsychosocialTarget, field(C::Psychosocial)));
    }
    for (g, goal) in plan.goals.iter().enumerate() {
        found.push((K::Goal(g), goal_privacy(goal)));
        found.extend(goal.measures.iter().enumerate().map(|(m, measure)| {
            (K::Measure { goal: g, measure: m }, measure_privacy(goal, measure))
        }));
    }
    found.extend(
        plan.budget.tranches.iter().enumerate().map(|(i, t)| (K::Tranche(i), tranche_privacy(t))),
    );
    found.extend(
        plan.referrals.iter().enumerate().map(|(i, r)| (K::Referral(i), referral_privacy(plan, r))),
    );
    for (i, f) in plan.follow_ups.iter().enumerate() {
        found.push((K::FollowUp(i), follow_up_privacy(f)));
        if f.scores.psychosocial.is_some() {
            found.push((K::FollowUpPsychosocialScore(i), field(C::Psychosocial)));
        }
    }
    found.extend(protection_privacy(plan));
    found
        .into_iter()
        .filter_map(|(kind, privacy)| {
            privacy.map(|p| PrivateItem {
                kind,
                path: kind.path(),
                category: p.category,
                reason: p.reason,
            })
        })
        .collect()
}

/// The kind of special-category data a safety concern is: health for care not available on
/// return, a vulnerability (violence, exploitation, threats, a child alone) for the others.
pub fn protection_category(q: Question) -> PrivacyCategory {
    match q {
        Question::HealthCareUnavailable => PrivacyCategory::Health,
        _ => PrivacyCategory::Vulnerability,
    }
}

/// The safety screening is special-category data by nature: every answer that holds anything
/// (asked, noted or reviewed) and every protection referral. What the returnee was told before
/// departure is not.
fn protection_privacy(plan: &Plan) -> Vec<(PrivateItemKind, Option<Privacy>)> {
    let protection = &plan.protection;
    let field = |q| Some(Privacy::new(protection_category(q), PrivacyReason::SpecialCategoryField));
    let mut found = Vec::new();
    for q in Question::ALL {
        let answer = protection.answer(q);
        let debt = q == Question::CreditorThreats && protection.threatening_debt_id.is_some();
        if *answer != ScreeningAnswer::default() || debt {
            found.push((PrivateItemKind::ProtectionAnswer(q), field(q)));
        }
    }
    for (i, r) in protection.referrals.iter().enumerate() {
        found.push((PrivateItemKind::ProtectionReferral(i), field(r.concern)));
    }
    found
}

/// Whether the item or field at `path` (a JSON Pointer as [`private_items`] gives it) is
/// private, and why.
pub fn privacy_at(plan: &Plan, path: &str) -> Option<Privacy> {
    private_items(plan)
        .into_iter()
        .find(|item| item.path == path)
        .map(|item| Privacy::new(item.category, item.reason))
}

#[cfg(test)]
mod tests;
