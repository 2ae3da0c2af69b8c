//! The Budget section: the programme and its rules, what the household is entitled to, what is
//! allocated per package, area and modality and what is left, the budget findings with a way to
//! the field concerned, a chart, and the payment and purchase schedule. Everything is read from
//! the draft's live guidance, so it follows every edit and every change of programme.

mod breakdown;
mod entitlement;
mod findings;
mod payment;
mod rules;
mod schedule;

use breakdown::{Breakdown, OtherFunding};
use entitlement::{Household, Packages};
use findings::BudgetFindings;
use rules::ProgrammePicker;
use schedule::{RoundingNote, Schedule};

use leptos::prelude::*;

use crate::ui::chart::AllocationChart;
use crate::ui::widgets::Text;

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
