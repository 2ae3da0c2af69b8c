//! The budget rules' findings in plain words, each with a button to the place to fix it.

use leptos::prelude::*;

use crate::draft::use_draft;
use crate::ui::findings::FindingList;
use crate::ui::widgets::Text;

/// The budget rules' findings in plain words, each with a button to the place to fix it.
#[component]
pub(super) fn BudgetFindings() -> impl IntoView {
    let draft = use_draft();
    view! {
        <section class="hw-budget-part" aria-labelledby="hw-budget-findings-heading">
            <h2 id="hw-budget-findings-heading"><Text key="budget.findings_heading" /></h2>
            <FindingList findings=Signal::derive(move || draft.guidance.with(|g| g.findings.clone()))
                empty="budget.no_findings" go_to="budget.go_to"
                class="hw-findings hw-budget-findings" button_class="hw-button hw-go" />
        </section>
    }
}
