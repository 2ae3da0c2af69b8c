//! The Budget section: the programme and its rules, what the household is entitled to, what is
//! allocated per package, area and modality and what is left, the budget findings with a way to
//! the field concerned, a chart, and the payment and purchase schedule. Everything is read from
//! the draft's live guidance, so it follows every edit and every change of programme.

mod breakdown;
mod entitlement;
mod findings;
mod rules;
mod schedule;

use breakdown::{Breakdown, OtherFunding};
use entitlement::{Household, Packages};
use findings::BudgetFindings;
use rules::ProgrammePicker;
use schedule::{RoundingNote, Schedule};

use homeward_plan::model::Plan;
use homeward_plan::path::{Item, Part};
use leptos::prelude::*;
use uuid::Uuid;

use crate::step::{Step, step_for_path};
use crate::ui::chart::AllocationChart;
use crate::ui::measure::measure_element_id;
use crate::ui::sections::dimension::goal_element_id;
use crate::ui::widgets::Text;

/// Element id of a tranche's heading in the schedule.
pub fn tranche_element_id(id: Uuid) -> String {
    format!("hw-tranche-{id}")
}

/// Element id of the packages' overview.
const PACKAGES_ID: &str = "hw-budget-packages";

/// The step that shows the field at `path` (a JSON Pointer into the plan) and, when known, the
/// element to bring into view there: the measure's or goal's card, or the tranche.
pub fn finding_target(plan: &Plan, path: &str) -> (Step, Option<String>) {
    let step = step_for_path(plan, path);
    let element = match Item::containing(path) {
        Item::Measure { goal, measure } => plan.goals.get(goal).and_then(|g| {
            g.measures
                .get(measure)
                .map(|m| measure_element_id(m.id))
                .or(Some(goal_element_id(g.id)))
        }),
        Item::Goal(goal) => plan.goals.get(goal).map(|g| goal_element_id(g.id)),
        Item::Tranche(i) => plan.budget.tranches.get(i).map(|t| tranche_element_id(t.id)),
        Item::Part(Part::Budget) => Some(PACKAGES_ID.to_owned()),
        _ => None,
    };
    (step, element)
}

/// The Budget step, in the order a counsellor explains it: the rules, who counts, what each
/// package allows, where the money goes, what to fix, and when it is paid.
#[component]
pub fn BudgetSection() -> impl IntoView {
    view! {
        <div class="hw-budget">
            <ProgrammePicker />
            <Household />
            <Packages />
            <section class="hw-budget-part" aria-labelledby="hw-budget-chart-heading">
                <h2 id="hw-budget-chart-heading"><Text key="chart.heading" /></h2>
                <AllocationChart />
            </section>
            <Breakdown />
            <OtherFunding />
            <BudgetFindings />
            <Schedule />
            <RoundingNote />
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use homeward_plan::model::{Dimension, Package, Tranche};
    use homeward_plan::money::Money;

    fn plan() -> Plan {
        let mut plan = Plan::default();
        plan.add_goal(Uuid::from_u128(1), Dimension::Economic);
        plan.add_goal(Uuid::from_u128(2), Dimension::Social);
        plan.add_measure(Uuid::from_u128(2), Uuid::from_u128(20));
        plan.budget.tranches.push(Tranche {
            id: Uuid::from_u128(30),
            package: Package::LongerTerm,
            date: NaiveDate::default(),
            amount: Money::zero(plan.budget.currency.clone()),
            purpose: String::new(),
            paid: false,
            private: false,
            withheld: None,
        });
        plan
    }

    #[test]
    fn findings_lead_to_the_step_and_item_concerned() {
        let plan = plan();
        assert_eq!(
            finding_target(&plan, "/goals/1/measures/0/modality"),
            (Step::Social, Some(measure_element_id(Uuid::from_u128(20))))
        );
        assert_eq!(
            finding_target(&plan, "/goals/0/title"),
            (Step::Economic, Some(goal_element_id(Uuid::from_u128(1))))
        );
        assert_eq!(
            finding_target(&plan, "/goals/1/measures/7/modality"),
            (Step::Social, Some(goal_element_id(Uuid::from_u128(2))))
        );
        assert_eq!(finding_target(&plan, "/case/date_of_birth"), (Step::Case, None));
        assert_eq!(finding_target(&plan, "/household/2/date_of_birth"), (Step::Case, None));
        assert_eq!(
            finding_target(&plan, "/budget/tranches/0/date"),
            (Step::Budget, Some(tranche_element_id(Uuid::from_u128(30))))
        );
        assert_eq!(finding_target(&plan, "/budget"), (Step::Budget, Some(PACKAGES_ID.into())));
    }
}
