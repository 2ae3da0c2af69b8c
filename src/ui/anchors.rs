//! Element ids of the cards and parts that other places bring into view (a finding's "go to",
//! a newly added goal or measure), kept in one place so both sides agree.

use uuid::Uuid;

/// A goal's card.
pub fn goal_element_id(id: Uuid) -> String {
    format!("hw-goal-{id}")
}

/// A measure's card heading.
pub fn measure_element_id(id: Uuid) -> String {
    format!("hw-measure-{id}")
}

/// A goal's "add a measure" button, where focus goes after one of its measures is removed.
pub fn add_measure_element_id(goal: Uuid) -> String {
    format!("hw-goal-{goal}-add-measure")
}

/// A tranche's heading in the payment schedule.
pub fn tranche_element_id(id: Uuid) -> String {
    format!("hw-tranche-{id}")
}

/// The packages' overview in the Budget step.
pub const PACKAGES_ID: &str = "hw-budget-packages";
