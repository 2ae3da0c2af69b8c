//! The plan's sections as steps of the navigation. Plain data, tested natively.

/// One section of the plan, in the order people work through it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Step {
    #[default]
    Case,
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
    pub const ALL: [Step; 9] = [
        Step::Case,
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

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(Step::Case.next(), Some(Step::Needs));
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
