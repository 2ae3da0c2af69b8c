//! The "private" switch on an item of the plan (goal, measure, referral, priority, payment,
//! follow-up note, debt): one tap marks it, and a private item is marked on screen by a lock
//! and the word, never by colour alone. An item private by rule (the domain's classification:
//! the psychosocial dimension, a sensitive measure type, a referral for a private measure)
//! shows the rule and cannot be un-marked.

use homeward_plan::privacy::Privacy;
use leptos::prelude::*;

use crate::i18n;
use crate::state::use_app;
use crate::ui::widgets::{Text, both_languages, unique_id};

/// The translation key of why an item is private.
pub fn reason_key(privacy: Privacy) -> String {
    format!("code.privacy_reason.{}", privacy.reason.code())
}

/// The switch. `label` is the translation key of its accessible name, with `{number}` filled
/// from `number`; `privacy` the domain's verdict on the item (`None`: not private).
#[component]
pub fn PrivateToggle(
    label: &'static str,
    #[prop(into)] number: Signal<String>,
    #[prop(into)] privacy: Signal<Option<Privacy>>,
    #[prop(into)] on_change: Callback<bool>,
) -> impl IntoView {
    let lang = use_app().lang;
    let id = unique_id("private");
    let note_id = format!("{id}-note");
    let private = move || privacy.get().is_some();
    let by_rule = move || privacy.get().filter(|p| p.by_rule());
    view! {
        <div class="hw-private" class:hw-is-private=private>
            <input type="checkbox" role="switch" id=id.clone() prop:checked=private
                disabled=move || by_rule().is_some()
                aria-describedby=note_id.clone()
                on:change=move |ev| on_change.run(event_target_checked(&ev)) />
            <label for=id>
                {both_languages(move |l| i18n::tf(l, label, &[("number", number.get())]))}
            </label>
            <span class="hw-private-note" id=note_id>
                {move || private().then(|| view! {
                    <span aria-hidden="true">"🔒 "</span>
                    <strong><Text key="private.marker" /></strong>
                })}
                {move || by_rule().map(|p| view! {
                    " · "
                    {i18n::t(lang.get(), &reason_key(p))}
                })}
            </span>
        </div>
    }
}
