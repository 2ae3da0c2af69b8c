//! The end of the follow-up: the plan's stage and revision in words, and the day the partner
//! closed the plan, after which it counts as completed whatever is still open.

use homeward_plan::model::Plan;
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::format;
use crate::state::use_app;
use crate::ui::widgets::{DateField, Text};

#[component]
pub fn Closing() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let closed_on = draft.part(|p| p.closed_on);
    let agreed = draft.part(Plan::is_agreed);
    let state = move || draft.plan.with(|p| format::plan_state(lang.get(), p));
    view! {
        <section class="hw-closing" aria-labelledby="hw-closing-heading">
            <h2 id="hw-closing-heading"><Text key="follow_up.closing.heading" /></h2>
            <p class="hw-plan-state" role="status">{state}</p>
            <p class="hw-hint">
                {move || if agreed.get() {
                    view! { <Text key="follow_up.closing.hint" /> }
                } else {
                    view! { <Text key="follow_up.closing.not_agreed" /> }
                }}
            </p>
            <DateField label="follow_up.closing.closed_on" value=closed_on
                path=Signal::derive(|| "/closed_on".to_owned())
                on_change=Callback::new(move |day| draft.edit(|p| p.closed_on = day)) />
        </section>
    }
}
