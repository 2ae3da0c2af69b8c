//! Follow-up: the organisations the returnee is referred to (items 5 of the brief), and the
//! monitoring contacts after the return (item 6), which can be scheduled from the programme's
//! configuration and the return date; the progress they record, and the plan's closing.

mod closing;
mod contacts;
mod referrals;

use leptos::prelude::*;

#[component]
pub fn FollowUpSection() -> impl IntoView {
    view! {
        <div class="hw-follow-up">
            <referrals::Referrals />
            <contacts::Contacts />
            <crate::ui::progress::ScoreTrails />
            <closing::Closing />
        </div>
    }
}
