//! What a finding is about, named as the person sees it on screen: "measure 2 of goal 1", not
//! "this measure" or a position in the file. Goals are numbered within their dimension, as
//! each dimension's section numbers them; every other list from 1 in its own order.

use crate::catalogue::MeasureType;
use crate::model::{Dimension, Plan};
use crate::path::Item;

/// The item a location is in, with what names it. Its texts are the plan's own; the interface
/// words the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subject {
    Goal {
        dimension: Dimension,
        number: usize,
        title: String,
    },
    Measure {
        dimension: Dimension,
        goal: usize,
        number: usize,
        kind: Option<MeasureType>,
        description: String,
    },
    /// One item of another list, counted from 1.
    Numbered {
        list: List,
        number: usize,
    },
}

/// The lists whose items are named by their number alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Debt,
    IdentityDocument,
    HouseholdMember,
    ProtectionReferral,
    Priority,
    Tranche,
    Referral,
    FollowUp,
}

impl List {
    /// A stable name, for the interface's translation keys.
    pub fn code(self) -> &'static str {
        match self {
            List::Debt => "debt",
            List::IdentityDocument => "identity_document",
            List::HouseholdMember => "household_member",
            List::ProtectionReferral => "protection_referral",
            List::Priority => "priority",
            List::Tranche => "tranche",
            List::Referral => "referral",
            List::FollowUp => "follow_up",
        }
    }

    pub const ALL: [List; 8] = [
        List::Debt,
        List::IdentityDocument,
        List::HouseholdMember,
        List::ProtectionReferral,
        List::Priority,
        List::Tranche,
        List::Referral,
        List::FollowUp,
    ];
}

/// The item `path` is in, or `None` for a part of the plan (the case, the budget as a whole)
/// or an item the plan does not hold.
pub fn subject(plan: &Plan, path: &str) -> Option<Subject> {
    let numbered = |list, index: usize, len: usize| {
        (index < len).then_some(Subject::Numbered { list, number: index + 1 })
    };
    match Item::containing(path) {
        Item::Part(_) | Item::Summary(_) => None,
        Item::Goal(g) => {
            let goal = plan.goals.get(g)?;
            Some(Subject::Goal {
                dimension: goal.dimension,
                number: number_in_dimension(plan, g),
                title: goal.title.trim().to_owned(),
            })
        }
        Item::Measure { goal: g, measure: m } => {
            let goal = plan.goals.get(g)?;
            let measure = goal.measures.get(m)?;
            Some(Subject::Measure {
                dimension: goal.dimension,
                goal: number_in_dimension(plan, g),
                number: m + 1,
                kind: measure.measure_type,
                description: measure.description.trim().to_owned(),
            })
        }
        Item::Debt(i) => numbered(List::Debt, i, plan.case.debts.len()),
        Item::IdentityDocument(i) => {
            numbered(List::IdentityDocument, i, plan.case.identity_documents.len())
        }
        Item::HouseholdMember(i) => numbered(List::HouseholdMember, i, plan.household.len()),
        Item::ProtectionReferral(i) => {
            numbered(List::ProtectionReferral, i, plan.protection.referrals.len())
        }
        Item::Priority(i) => numbered(List::Priority, i, plan.needs.priorities.len()),
        Item::Tranche(i) => numbered(List::Tranche, i, plan.budget.tranches.len()),
        Item::Referral(i) => numbered(List::Referral, i, plan.referrals.len()),
        Item::FollowUp(i) => numbered(List::FollowUp, i, plan.follow_ups.len()),
    }
}

/// The goal's number among the goals of its dimension, from 1.
fn number_in_dimension(plan: &Plan, index: usize) -> usize {
    let Some(dimension) = plan.goals.get(index).map(|g| g.dimension) else { return 0 };
    plan.goals.iter().take(index + 1).filter(|g| g.dimension == dimension).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Goal;
    use uuid::Uuid;

    fn plan() -> Plan {
        let mut plan = Plan::default();
        plan.goals.push(Goal::new(Uuid::from_u128(1), Dimension::Social));
        plan.goals.push(Goal::new(Uuid::from_u128(2), Dimension::Economic));
        plan.goals.push(Goal::new(Uuid::from_u128(3), Dimension::Economic));
        plan.add_measure(Uuid::from_u128(3), Uuid::from_u128(30));
        plan.add_measure(Uuid::from_u128(3), Uuid::from_u128(31));
        plan.goals[2].measures[1].measure_type = Some(MeasureType::VocationalTraining);
        plan.goals[2].title = "  A bakery ".to_owned();
        plan
    }

    #[test]
    fn a_measure_is_named_by_its_number_its_goal_s_number_in_its_dimension_and_its_type() {
        assert_eq!(
            subject(&plan(), "/goals/2/measures/1/estimated_cost"),
            Some(Subject::Measure {
                dimension: Dimension::Economic,
                goal: 2,
                number: 2,
                kind: Some(MeasureType::VocationalTraining),
                description: String::new(),
            })
        );
    }

    #[test]
    fn a_goal_is_numbered_within_its_dimension() {
        let plan = plan();
        assert_eq!(
            subject(&plan, "/goals/1/title"),
            Some(Subject::Goal { dimension: Dimension::Economic, number: 1, title: String::new() })
        );
        assert_eq!(
            subject(&plan, "/goals/2"),
            Some(Subject::Goal {
                dimension: Dimension::Economic,
                number: 2,
                title: "A bakery".to_owned()
            })
        );
        assert_eq!(
            subject(&plan, "/goals/0"),
            Some(Subject::Goal { dimension: Dimension::Social, number: 1, title: String::new() })
        );
    }

    #[test]
    fn parts_and_items_the_plan_does_not_hold_have_no_subject() {
        let plan = plan();
        for path in ["", "/case/return_date", "/budget", "/goals/9", "/goals/2/measures/5", "/x"] {
            assert_eq!(subject(&plan, path), None, "{path}");
        }
        assert_eq!(subject(&plan, "/budget/tranches/0/date"), None);
    }

    #[test]
    fn other_items_are_numbered_from_one() {
        let mut plan = plan();
        plan.household.push(Default::default());
        plan.household.push(Default::default());
        assert_eq!(
            subject(&plan, "/household/1/age"),
            Some(Subject::Numbered { list: List::HouseholdMember, number: 2 })
        );
    }
}
