//! The plan's sections as steps of the navigation. Plain data, tested natively.

use homeward_plan::model::{Dimension, Plan};
use homeward_plan::path::{Item, Part};

/// One section of the plan, in the order people work through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Step {
    #[default]
    Case,
    Safety,
    Needs,
    Economic,
    Social,
    Psychosocial,
    Budget,
    FollowUp,
    Consent,
    Review,
}

impl Step {
    pub const ALL: [Step; 10] = [
        Step::Case,
        Step::Safety,
        Step::Needs,
        Step::Economic,
        Step::Social,
        Step::Psychosocial,
        Step::Budget,
        Step::FollowUp,
        Step::Consent,
        Step::Review,
    ];

    /// Stable identifier, used in element ids and saved with the draft.
    pub fn slug(self) -> &'static str {
        match self {
            Step::Case => "case",
            Step::Safety => "safety",
            Step::Needs => "needs",
            Step::Economic => "economic",
            Step::Social => "social",
            Step::Psychosocial => "psychosocial",
            Step::Budget => "budget",
            Step::FollowUp => "follow-up",
            Step::Consent => "consent",
            Step::Review => "review",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.slug() == slug)
    }

    /// Translation key of the step's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Step::Case => "step.case",
            Step::Safety => "step.safety",
            Step::Needs => "step.needs",
            Step::Economic => "step.economic",
            Step::Social => "step.social",
            Step::Psychosocial => "step.psychosocial",
            Step::Budget => "step.budget",
            Step::FollowUp => "step.follow_up",
            Step::Consent => "step.consent",
            Step::Review => "step.review",
        }
    }

    /// Translation key of the one-line explanation under the section's heading.
    pub fn intro_key(self) -> &'static str {
        match self {
            Step::Case => "intro.case",
            Step::Safety => "intro.safety",
            Step::Needs => "intro.needs",
            Step::Economic => "intro.economic",
            Step::Social => "intro.social",
            Step::Psychosocial => "intro.psychosocial",
            Step::Budget => "intro.budget",
            Step::FollowUp => "intro.follow_up",
            Step::Consent => "intro.consent",
            Step::Review => "intro.review",
        }
    }

    /// Position from 0.
    pub fn index(self) -> usize {
        Step::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn next(self) -> Option<Step> {
        Step::ALL.get(self.index() + 1).copied()
    }

    pub fn previous(self) -> Option<Step> {
        self.index().checked_sub(1).and_then(|i| Step::ALL.get(i).copied())
    }
}

/// The step where the field at `path` (a JSON Pointer into the plan, as findings carry) is
/// edited, so a finding can take the person there.
pub fn step_for_path(plan: &Plan, path: &str) -> Step {
    match Item::containing(path) {
        Item::Part(Part::Case | Part::Household)
        | Item::Debt(_)
        | Item::IdentityDocument(_)
        | Item::HouseholdMember(_) => Step::Case,
        Item::Part(Part::Protection) | Item::ProtectionReferral(_) => Step::Safety,
        Item::Part(Part::Needs) | Item::Priority(_) => Step::Needs,
        // A dimension with needs but nothing planned: fixed in that dimension's section.
        Item::Summary(dimension) => Step::for_dimension(dimension),
        Item::Goal(goal) | Item::Measure { goal, .. } => {
            plan.goals.get(goal).map_or(Step::Economic, |g| Step::for_dimension(g.dimension))
        }
        Item::Part(Part::Goals) => Step::Economic,
        Item::Part(Part::Budget) | Item::Tranche(_) => Step::Budget,
        Item::Part(Part::Referrals | Part::FollowUps) | Item::Referral(_) | Item::FollowUp(_) => {
            Step::FollowUp
        }
        Item::Part(Part::Consent | Part::Signatures) => Step::Consent,
        Item::Part(Part::Plan) => Step::Review,
    }
}

impl Step {
    /// The section of a dimension's goals and measures.
    pub fn for_dimension(dimension: Dimension) -> Step {
        match dimension {
            Dimension::Economic => Step::Economic,
            Dimension::Social => Step::Social,
            Dimension::Psychosocial => Step::Psychosocial,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use homeward_plan::model::Goal;
    use uuid::Uuid;

    #[test]
    fn findings_lead_to_the_step_where_their_field_is() {
        let mut plan = Plan::default();
        plan.goals.push(Goal::new(Uuid::from_u128(1), Dimension::Social));
        assert_eq!(step_for_path(&plan, "/case/return_date"), Step::Case);
        assert_eq!(step_for_path(&plan, "/household/2/age"), Step::Case);
        assert_eq!(step_for_path(&plan, "/protection/threat_on_return"), Step::Safety);
        assert_eq!(step_for_path(&plan, "/protection/referrals/0/returnee_agreed"), Step::Safety);
        assert_eq!(step_for_path(&plan, "/needs/aspirations"), Step::Needs);
        // A dimension with needs but nothing planned: fixed in that dimension's section.
        assert_eq!(step_for_path(&plan, "/needs/summary/psychosocial"), Step::Psychosocial);
        assert_eq!(step_for_path(&plan, "/goals/0/measures/3/modality"), Step::Social);
        assert_eq!(step_for_path(&plan, "/goals/7/measures/0"), Step::Economic);
        assert_eq!(step_for_path(&plan, "/budget/tranches/0/date"), Step::Budget);
        assert_eq!(step_for_path(&plan, "/follow_ups/1/due_date"), Step::FollowUp);
        assert_eq!(step_for_path(&plan, "/consent/share_with_partners"), Step::Consent);
        assert_eq!(step_for_path(&plan, "/signatures/returnee"), Step::Consent);
        assert_eq!(step_for_path(&plan, ""), Step::Review);
    }

    #[test]
    fn slugs_are_unique_and_round_trip() {
        for step in Step::ALL {
            assert_eq!(Step::from_slug(step.slug()), Some(step));
        }
        assert_eq!(Step::from_slug("nope"), None);
    }

    #[test]
    fn next_and_previous_walk_the_order() {
        assert_eq!(Step::Case.previous(), None);
        assert_eq!(Step::Case.next(), Some(Step::Safety));
        assert_eq!(Step::Safety.next(), Some(Step::Needs));
        assert_eq!(Step::Review.next(), None);
        assert_eq!(Step::Review.previous(), Some(Step::Consent));
        for (i, step) in Step::ALL.into_iter().enumerate() {
            assert_eq!(step.index(), i);
        }
    }

    #[test]
    fn every_step_has_translated_texts() {
        for step in Step::ALL {
            assert!(crate::i18n::has_key(step.label_key()), "{}", step.label_key());
            assert!(crate::i18n::has_key(step.intro_key()), "{}", step.intro_key());
        }
    }
}
