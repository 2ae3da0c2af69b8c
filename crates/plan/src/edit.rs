//! Edits the interface sends: small pure functions from a plan to the changed plan. Items are
//! addressed by id, not by position, so an edit never lands on the wrong row after a reorder.

use uuid::Uuid;

use crate::model::{Dimension, FollowUp, Goal, HouseholdMember, Measure, Plan, Referral};

/// Something in a list that has an id.
pub trait Identified {
    fn id(&self) -> Uuid;
}

macro_rules! identified {
    ($($t:ty),*) => {$(
        impl Identified for $t {
            fn id(&self) -> Uuid {
                self.id
            }
        }
    )*};
}

identified!(
    HouseholdMember,
    crate::model::Debt,
    Goal,
    Measure,
    Referral,
    FollowUp,
    crate::model::Tranche,
    crate::protection::ProtectionReferral
);

/// Removes the item with `id`; false when there is none.
pub fn remove<T: Identified>(items: &mut Vec<T>, id: Uuid) -> bool {
    let before = items.len();
    items.retain(|item| item.id() != id);
    items.len() != before
}

/// Takes the item with `id` out of its list, with the place it held: what [`put_back`] needs
/// to undo the removal.
pub fn take<T: Identified>(items: &mut Vec<T>, id: Uuid) -> Option<(usize, T)> {
    let at = items.iter().position(|item| item.id() == id)?;
    Some((at, items.remove(at)))
}

/// Puts a removed item back at the place it held (at the end where the list has since become
/// shorter). False, and nothing changes, when an item with its id is there already.
pub fn put_back<T: Identified>(items: &mut Vec<T>, at: usize, item: T) -> bool {
    if items.iter().any(|i| i.id() == item.id()) {
        return false;
    }
    items.insert(at.min(items.len()), item);
    true
}

/// Moves the item with `id` one place up (`-1`) or down (`+1`); false when it cannot move.
pub fn shift<T: Identified>(items: &mut [T], id: Uuid, up: bool) -> bool {
    let Some(index) = items.iter().position(|item| item.id() == id) else {
        return false;
    };
    let target = if up { index.checked_sub(1) } else { Some(index + 1) };
    match target {
        Some(target) if target < items.len() => {
            items.swap(index, target);
            true
        }
        _ => false,
    }
}

/// The position of the item with `id`, looked for first at `hint` (where it was last seen), so
/// a row that has not moved is found without a search through its list.
pub fn position_near<T: Identified>(items: &[T], id: Uuid, hint: usize) -> Option<usize> {
    if items.get(hint).is_some_and(|item| item.id() == id) {
        return Some(hint);
    }
    items.iter().position(|item| item.id() == id)
}

/// The item with `id`, to change it.
pub fn find_mut<T: Identified>(items: &mut [T], id: Uuid) -> Option<&mut T> {
    items.iter_mut().find(|item| item.id() == id)
}

impl Plan {
    /// True while nothing has been entered: only ids, timestamps and the programme are set.
    /// Such a plan is not worth keeping on the device.
    pub fn is_blank(&self) -> bool {
        let blank = Plan {
            id: self.id,
            programme_id: self.programme_id.clone(),
            created_at: self.created_at,
            updated_at: self.updated_at,
            budget: crate::model::BudgetPlan {
                currency: self.budget.currency.clone(),
                tranches: Vec::new(),
            },
            ..Plan::default()
        };
        *self == blank
    }

    /// Adds a household member who returns with the returnee.
    pub fn add_household_member(&mut self, id: Uuid) {
        self.household.push(HouseholdMember {
            id,
            returns_with_returnee: true,
            ..Default::default()
        });
    }

    /// Adds an empty goal in `dimension`, after the others.
    pub fn add_goal(&mut self, id: Uuid, dimension: Dimension) {
        self.goals.push(Goal::new(id, dimension));
    }

    /// Adds an empty measure to the goal `goal_id`; false when there is no such goal.
    pub fn add_measure(&mut self, goal_id: Uuid, id: Uuid) -> bool {
        match find_mut(&mut self.goals, goal_id) {
            Some(goal) => {
                goal.measures.push(Measure::new(id));
                true
            }
            None => false,
        }
    }

    /// The measure `id` in whichever goal holds it.
    pub fn measure_mut(&mut self, id: Uuid) -> Option<&mut Measure> {
        self.goals.iter_mut().flat_map(|g| g.measures.iter_mut()).find(|m| m.id == id)
    }

    /// The goal that holds measure `id`.
    pub fn goal_of_measure_mut(&mut self, id: Uuid) -> Option<&mut Goal> {
        self.goals.iter_mut().find(|g| g.measures.iter().any(|m| m.id == id))
    }

    /// Removes the measure `id` from its goal.
    pub fn remove_measure(&mut self, id: Uuid) -> bool {
        self.goal_of_measure_mut(id).is_some_and(|g| remove(&mut g.measures, id))
    }

    /// Takes the measure `id` out of its goal: the goal's id, the measure's place and the
    /// measure, for [`Plan::put_back_measure`].
    pub fn take_measure(&mut self, id: Uuid) -> Option<(Uuid, usize, Measure)> {
        let goal = self.goal_of_measure_mut(id)?;
        let (at, measure) = take(&mut goal.measures, id)?;
        Some((goal.id, at, measure))
    }

    /// Puts a removed measure back in its goal at its place; false when the goal is gone or
    /// the measure is there already.
    pub fn put_back_measure(&mut self, goal_id: Uuid, at: usize, measure: Measure) -> bool {
        if self.goals.iter().any(|g| g.measures.iter().any(|m| m.id == measure.id)) {
            return false;
        }
        find_mut(&mut self.goals, goal_id).is_some_and(|g| put_back(&mut g.measures, at, measure))
    }

    /// Moves the measure `id` within its goal.
    pub fn shift_measure(&mut self, id: Uuid, up: bool) -> bool {
        self.goal_of_measure_mut(id).is_some_and(|g| shift(&mut g.measures, id, up))
    }

    /// Moves the goal `id` before or after the previous or next goal of the same dimension, so
    /// reordering within a dimension's section behaves as people see it.
    pub fn shift_goal(&mut self, id: Uuid, up: bool) -> bool {
        let Some(index) = self.goals.iter().position(|g| g.id == id) else {
            return false;
        };
        let dimension = self.goals[index].dimension;
        let same = |g: &Goal| g.dimension == dimension;
        let target = if up {
            self.goals[..index].iter().rposition(same)
        } else {
            self.goals[index + 1..].iter().position(same).map(|i| index + 1 + i)
        };
        match target {
            Some(target) => {
                self.goals.swap(index, target);
                true
            }
            None => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    #[test]
    fn a_plan_is_blank_until_something_is_entered() {
        let mut plan = Plan { programme_id: "eurp_voluntary".into(), ..Plan::default() };
        assert!(plan.is_blank());
        plan.case.town = "Kayes".into();
        assert!(!plan.is_blank());
        let mut plan = Plan::default();
        plan.add_goal(id(1), Dimension::Social);
        assert!(!plan.is_blank());
    }

    #[test]
    fn a_row_is_found_where_it_was_or_wherever_it_went() {
        let mut plan = Plan::default();
        for n in 1..=4 {
            plan.add_household_member(id(n));
        }
        let rows = &plan.household;
        assert_eq!(position_near(rows, id(3), 2), Some(2));
        assert_eq!(position_near(rows, id(3), 0), Some(2), "a wrong hint still finds it");
        assert_eq!(position_near(rows, id(3), 99), Some(2), "a hint past the end too");
        assert_eq!(position_near(rows, id(9), 2), None);
    }

    proptest::proptest! {
        /// Undoing a removal gives back the list as it was, whichever item went.
        #[test]
        fn put_back_undoes_take(len in 1usize..12, pick in 0usize..12) {
            let mut plan = Plan::default();
            for n in 0..len as u128 {
                plan.add_household_member(id(n + 1));
            }
            let before = plan.household.clone();
            let gone = before[pick % len].id;
            let (at, member) = take(&mut plan.household, gone).expect("it is there");
            proptest::prop_assert!(!plan.household.iter().any(|m| m.id == gone));
            proptest::prop_assert!(put_back(&mut plan.household, at, member.clone()));
            proptest::prop_assert_eq!(&plan.household, &before);
            proptest::prop_assert!(!put_back(&mut plan.household, at, member), "never twice");
            proptest::prop_assert_eq!(plan.household, before);
        }
    }

    #[test]
    fn a_measure_goes_back_into_its_goal_at_its_place() {
        let mut plan = Plan::default();
        plan.add_goal(id(1), Dimension::Economic);
        for n in 10..13 {
            plan.add_measure(id(1), id(n));
        }
        let before = plan.clone();
        let (goal, at, measure) = plan.take_measure(id(11)).expect("it is there");
        assert_eq!((goal, at), (id(1), 1));
        assert!(plan.take_measure(id(11)).is_none());
        assert!(plan.put_back_measure(goal, at, measure.clone()));
        assert_eq!(plan, before);
        assert!(!plan.put_back_measure(goal, at, measure.clone()), "never twice");
        plan.goals.clear();
        assert!(!plan.put_back_measure(goal, at, measure), "its goal is gone");
    }

    #[test]
    fn an_item_goes_back_at_the_end_of_a_shorter_list() {
        let mut plan = Plan::default();
        for n in 1..=3 {
            plan.add_household_member(id(n));
        }
        let (at, member) = take(&mut plan.household, id(3)).expect("there");
        plan.household.truncate(1);
        assert!(put_back(&mut plan.household, at, member));
        let order: Vec<_> = plan.household.iter().map(|m| m.id).collect();
        assert_eq!(order, [id(1), id(3)]);
    }

    #[test]
    fn remove_and_shift_by_id() {
        let mut plan = Plan::default();
        for n in 1..=3 {
            plan.add_household_member(id(n));
        }
        assert!(plan.household.iter().all(|m| m.returns_with_returnee));
        assert!(shift(&mut plan.household, id(3), true));
        let order: Vec<_> = plan.household.iter().map(|m| m.id).collect();
        assert_eq!(order, [id(1), id(3), id(2)]);
        assert!(!shift(&mut plan.household, id(1), true), "first cannot move up");
        assert!(!shift(&mut plan.household, id(2), false), "last cannot move down");
        assert!(!shift(&mut plan.household, id(9), false), "unknown id");
        assert!(remove(&mut plan.household, id(3)));
        assert!(!remove(&mut plan.household, id(3)));
        assert_eq!(plan.household.len(), 2);
    }

    #[test]
    fn measures_are_found_moved_and_removed_in_their_goal() {
        let mut plan = Plan::default();
        plan.add_goal(id(1), Dimension::Economic);
        plan.add_goal(id(2), Dimension::Social);
        assert!(plan.add_measure(id(2), id(20)));
        assert!(plan.add_measure(id(2), id(21)));
        assert!(!plan.add_measure(id(9), id(22)), "no such goal");
        if let Some(m) = plan.measure_mut(id(21)) {
            m.description = "rent".into();
        }
        assert!(plan.shift_measure(id(21), true));
        assert_eq!(plan.goals[1].measures[0].description, "rent");
        assert!(plan.remove_measure(id(20)));
        assert!(!plan.remove_measure(id(20)));
        assert_eq!(plan.measures().count(), 1);
    }

    #[test]
    fn goals_move_among_their_own_dimension() {
        let mut plan = Plan::default();
        plan.add_goal(id(1), Dimension::Economic);
        plan.add_goal(id(2), Dimension::Social);
        plan.add_goal(id(3), Dimension::Economic);
        assert!(plan.shift_goal(id(3), true));
        let order: Vec<_> = plan.goals.iter().map(|g| g.id).collect();
        assert_eq!(order, [id(3), id(2), id(1)]);
        assert!(!plan.shift_goal(id(3), true), "first economic goal");
        assert!(!plan.shift_goal(id(2), false), "only social goal");
    }
}
