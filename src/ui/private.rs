//! The "private" switch on an item of the plan (goal, measure, referral, priority, payment,
//! follow-up note, debt): one tap marks it, and a private item is marked on screen by a lock
//! and the word, never by colour alone. An item private by rule (the domain's classification:
//! the psychosocial dimension, a sensitive measure type, a referral linked to a sensitive
//! measure) shows the rule and cannot be un-marked.

use leptos::prelude::*;

use crate::app::use_app;
use crate::i18n;
use crate::ui::widgets::unique_id;

/// The switch. `label` is the translation key of its accessible name, with `{number}` filled
/// from `number`; `by_rule` the translation key of the rule that makes it private, if any.
#[component]
pub fn PrivateToggle(
    label: &'static str,
    #[prop(into)] number: Signal<String>,
    /// The item's own mark.
    #[prop(into)]
    marked: Signal<bool>,
    #[prop(into)] by_rule: Signal<Option<&'static str>>,
    #[prop(into)] on_change: Callback<bool>,
) -> impl IntoView {
    let lang = use_app().lang;
    let id = unique_id("private");
    let note_id = format!("{id}-note");
    let private = move || marked.get() || by_rule.get().is_some();
    view! {
        <div class="hw-private" class:hw-is-private=private>
            <input type="checkbox" role="switch" id=id.clone() prop:checked=private
                disabled=move || by_rule.get().is_some()
                aria-describedby=note_id.clone()
                on:change=move |ev| on_change.run(event_target_checked(&ev)) />
            <label for=id>
                {move || i18n::tf(lang.get(), label, &[("number", number.get())])}
            </label>
            <span class="hw-private-note" id=note_id>
                {move || private().then(|| view! {
                    <span aria-hidden="true">"🔒 "</span>
                    <strong>{i18n::t(lang.get(), "private.marker")}</strong>
                })}
                {move || by_rule.get().map(|key| view! {
                    " "
                    {i18n::t(lang.get(), key)}
                })}
            </span>
        </div>
    }
}
