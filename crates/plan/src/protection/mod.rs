//! Safety on return: the protection screening asked with the returnee, the referrals to
//! protection actors it leads to, the counsellor's review of each concern, and what the returnee
//! was told before departure.
//!
//! No one is returned to a place where they face harm. Each screening question is answered yes,
//! no or "not asked yet", with a note; every "yes" is a concern that needs a referral to a
//! protection actor and the counsellor's recorded review (who, when, outcome) before the plan
//! can be agreed ([`open_concerns`], [`may_sign`]). The rules are in [`findings`]; regions where a
//! programme limits or suspends returns are configuration (`programme::ReturnRestriction`).
//!
//! Every answer, note and protection referral is special-category data.

pub mod findings;

use chrono::NaiveDate;
#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::code::codes;
use crate::model::Plan;

pub use findings::{FINDING_CODES, protection_findings, restriction_findings};

/// The protection screening of a plan and what came of it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Protection {
    /// Threats to the returnee's life, freedom or safety on return (the note says from whom
    /// and where).
    pub threat_on_return: ScreeningAnswer,
    /// Fear of persecution on return.
    pub fear_of_persecution: ScreeningAnswer,
    /// A creditor threatens the returnee (see `threatening_debt_id`).
    pub creditor_threats: ScreeningAnswer,
    /// The debt (in `/case/debts`) whose creditor threatens the returnee; its pressure to repay
    /// should then be high.
    pub threatening_debt_id: Option<Uuid>,
    /// Risk of being trafficked or exploited again.
    pub risk_of_exploitation: ScreeningAnswer,
    /// A serious health condition whose care is not available where the returnee goes.
    pub health_care_unavailable: ScreeningAnswer,
    /// A child returns without anyone known to take care of them on arrival (the note says
    /// who is expected to).
    pub child_without_care: ScreeningAnswer,
    /// Referrals to protection actors made for the concerns.
    pub referrals: Vec<ProtectionReferral>,
    /// What the returnee was told before departure, and when.
    pub information: InformationGiven,
}

/// One answer of the screening.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ScreeningAnswer {
    /// Yes, no, or not asked yet.
    pub answer: Answer,
    /// In the counsellor's or the returnee's words (e.g. from whom, where).
    pub note: String,
    /// The counsellor's review of the concern; needed when the answer is yes.
    pub review: ConcernReview,
}

/// An answer to a screening question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The question has not been asked yet.
    #[default]
    NotAsked,
    /// Yes: a concern.
    Yes,
    No,
}

// Offered as yes, no, not asked.
codes!(Answer { Yes => "yes", No => "no", NotAsked => "not_asked" });

/// The counsellor's review of a concern: who reviewed it, when, and what was decided.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ConcernReview {
    /// Who reviewed it (name or role); empty while not reviewed.
    pub reviewed_by: String,
    /// Day of the review.
    pub reviewed_on: Option<NaiveDate>,
    /// What was decided; absent while not decided.
    pub outcome: Option<ReviewOutcome>,
    /// Why, in the counsellor's words.
    pub note: String,
}

impl ConcernReview {
    /// Who, when and the outcome are all recorded.
    pub fn is_recorded(&self) -> bool {
        !self.reviewed_by.trim().is_empty() && self.reviewed_on.is_some() && self.outcome.is_some()
    }
}

/// What the review of a concern decided for the return.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewOutcome {
    /// The return goes ahead, with the referrals made.
    Proceed,
    /// The return waits until the concern is addressed.
    Postpone,
    /// The return does not go ahead.
    Stop,
}

codes!(ReviewOutcome { Proceed => "proceed", Postpone => "postpone", Stop => "stop" });

/// A question of the screening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Question {
    ThreatOnReturn,
    FearOfPersecution,
    CreditorThreats,
    RiskOfExploitation,
    HealthCareUnavailable,
    ChildWithoutCare,
}

// In the order the questions are asked; the code is the field name in `protection`.
codes!(Question {
    ThreatOnReturn => "threat_on_return",
    FearOfPersecution => "fear_of_persecution",
    CreditorThreats => "creditor_threats",
    RiskOfExploitation => "risk_of_exploitation",
    HealthCareUnavailable => "health_care_unavailable",
    ChildWithoutCare => "child_without_care",
});

impl Question {
    /// JSON Pointer of the question's answer in the exported document.
    pub fn path(self) -> String {
        format!("/protection/{}", self.code())
    }
}

impl Protection {
    /// The answer to a question.
    pub fn answer(&self, q: Question) -> &ScreeningAnswer {
        match q {
            Question::ThreatOnReturn => &self.threat_on_return,
            Question::FearOfPersecution => &self.fear_of_persecution,
            Question::CreditorThreats => &self.creditor_threats,
            Question::RiskOfExploitation => &self.risk_of_exploitation,
            Question::HealthCareUnavailable => &self.health_care_unavailable,
            Question::ChildWithoutCare => &self.child_without_care,
        }
    }

    /// The answer to a question, to change it.
    pub fn answer_mut(&mut self, q: Question) -> &mut ScreeningAnswer {
        match q {
            Question::ThreatOnReturn => &mut self.threat_on_return,
            Question::FearOfPersecution => &mut self.fear_of_persecution,
            Question::CreditorThreats => &mut self.creditor_threats,
            Question::RiskOfExploitation => &mut self.risk_of_exploitation,
            Question::HealthCareUnavailable => &mut self.health_care_unavailable,
            Question::ChildWithoutCare => &mut self.child_without_care,
        }
    }

    /// The questions answered yes, in the order they are asked.
    pub fn concerns(&self) -> impl Iterator<Item = Question> + '_ {
        Question::ALL.into_iter().filter(|q| self.answer(*q).answer == Answer::Yes)
    }

    /// The referrals made for a concern.
    pub fn referrals_for(&self, q: Question) -> impl Iterator<Item = &ProtectionReferral> {
        self.referrals.iter().filter(move |r| r.concern == q)
    }

    /// What a concern still lacks before the plan may be agreed: a referral, a review, or
    /// both; `None` when it is not a concern or nothing is lacking.
    pub fn lacking(&self, q: Question) -> Option<Lacking> {
        let answer = self.answer(q);
        if answer.answer != Answer::Yes {
            return None;
        }
        let referral = self.referrals_for(q).next().is_some();
        let review = answer.review.is_recorded();
        match (referral, review) {
            (true, true) => None,
            (false, true) => Some(Lacking::Referral),
            (true, false) => Some(Lacking::Review),
            (false, false) => Some(Lacking::ReferralAndReview),
        }
    }
}

/// What a concern lacks before the plan may be agreed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lacking {
    Referral,
    Review,
    ReferralAndReview,
}

/// The concerns that keep the plan from being agreed: each answered yes but without a referral
/// to a protection actor or without the counsellor's recorded review.
pub fn open_concerns(plan: &Plan) -> Vec<Question> {
    Question::ALL.into_iter().filter(|q| plan.protection.lacking(*q).is_some()).collect()
}

/// Whether the plan may be signed (marked agreed): no concern is open.
pub fn may_sign(plan: &Plan) -> bool {
    open_concerns(plan).is_empty()
}

/// A kind of protection actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProtectionActor {
    /// Legal counselling or aid.
    #[default]
    LegalCounselling,
    /// A protection service, e.g. a national referral mechanism.
    ProtectionService,
    /// Child protection authorities.
    ChildProtection,
    /// A shelter.
    Shelter,
    /// Health care.
    Health,
}

codes!(ProtectionActor {
    LegalCounselling => "legal_counselling",
    ProtectionService => "protection_service",
    ChildProtection => "child_protection",
    Shelter => "shelter",
    Health => "health",
});

/// A referral to a protection actor for one concern.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProtectionReferral {
    /// Identifier of the referral (UUID v4).
    pub id: Uuid,
    /// The concern it answers.
    pub concern: Question,
    /// The kind of actor referred to.
    pub actor: ProtectionActor,
    /// The organisation referred to.
    pub organisation: String,
    /// Day the referral was made.
    pub referred_on: Option<NaiveDate>,
    /// The returnee agreed to this referral.
    pub returnee_agreed: bool,
    /// What for, or what came of it.
    pub note: String,
}

impl ProtectionReferral {
    /// A new referral for a concern, not yet agreed.
    pub fn new(id: Uuid, concern: Question) -> Self {
        Self {
            id,
            concern,
            actor: ProtectionActor::default(),
            organisation: String::new(),
            referred_on: None,
            returnee_agreed: false,
            note: String::new(),
        }
    }
}

/// What the returnee was told before departure: the day each was told; absent while not told.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct InformationGiven {
    /// The situation where they return (security, services, what to expect).
    pub situation_on_return: Option<NaiveDate>,
    /// Documents they need and how to get them.
    pub documents: Option<NaiveDate>,
    /// The journey.
    pub travel: Option<NaiveDate>,
    /// What happens on arrival.
    pub arrival: Option<NaiveDate>,
    /// Services where they return, and whom to contact.
    pub services_and_contacts: Option<NaiveDate>,
    /// Their right to change their mind.
    pub right_to_change_mind: Option<NaiveDate>,
}

/// An item of the information checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum InformationItem {
    SituationOnReturn,
    Documents,
    Travel,
    Arrival,
    ServicesAndContacts,
    RightToChangeMind,
}

// In the order they are told; the code is the field name in `protection/information`.
codes!(InformationItem {
    SituationOnReturn => "situation_on_return",
    Documents => "documents",
    Travel => "travel",
    Arrival => "arrival",
    ServicesAndContacts => "services_and_contacts",
    RightToChangeMind => "right_to_change_mind",
});

impl InformationGiven {
    /// The day an item was told.
    pub fn told_on(&self, item: InformationItem) -> Option<NaiveDate> {
        *self.slot(item)
    }

    /// Records the day an item was told, or that it was not (`None`).
    pub fn set(&mut self, item: InformationItem, day: Option<NaiveDate>) {
        *self.slot_mut(item) = day;
    }

    fn slot(&self, item: InformationItem) -> &Option<NaiveDate> {
        match item {
            InformationItem::SituationOnReturn => &self.situation_on_return,
            InformationItem::Documents => &self.documents,
            InformationItem::Travel => &self.travel,
            InformationItem::Arrival => &self.arrival,
            InformationItem::ServicesAndContacts => &self.services_and_contacts,
            InformationItem::RightToChangeMind => &self.right_to_change_mind,
        }
    }

    fn slot_mut(&mut self, item: InformationItem) -> &mut Option<NaiveDate> {
        match item {
            InformationItem::SituationOnReturn => &mut self.situation_on_return,
            InformationItem::Documents => &mut self.documents,
            InformationItem::Travel => &mut self.travel,
            InformationItem::Arrival => &mut self.arrival,
            InformationItem::ServicesAndContacts => &mut self.services_and_contacts,
            InformationItem::RightToChangeMind => &mut self.right_to_change_mind,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_codes_are_the_field_names() {
        let value = serde_json::to_value(Protection::default()).unwrap();
        for q in Question::ALL {
            assert!(value.get(q.code()).is_some(), "{}", q.code());
            assert_eq!(serde_json::to_value(q).unwrap(), q.code());
        }
        let info = serde_json::to_value(InformationGiven::default()).unwrap();
        for item in InformationItem::ALL {
            assert!(info.get(item.code()).is_some(), "{}", item.code());
            assert_eq!(serde_json::to_value(item).unwrap(), item.code());
        }
    }

    #[test]
    fn each_question_and_item_has_its_own_slot() {
        let mut p = Protection::default();
        for (i, q) in Question::ALL.into_iter().enumerate() {
            p.answer_mut(q).answer = Answer::Yes;
            assert_eq!(p.concerns().count(), i + 1);
        }
        let mut info = InformationGiven::default();
        let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        for item in InformationItem::ALL {
            assert_eq!(info.told_on(item), None);
            info.set(item, Some(day));
            assert_eq!(info.told_on(item), Some(day));
        }
        assert!(info.right_to_change_mind.is_some() && info.situation_on_return.is_some());
    }
}
