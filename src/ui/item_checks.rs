//! Several of the plan's items picked by id, as a list of checkboxes (a payment's measures).
//! Native checkboxes rather than a multiple select: a multiple select is hard to use by touch.

use leptos::prelude::*;
use uuid::Uuid;

use crate::i18n::Lang;
use crate::state::use_app;
use crate::ui::widgets::{FieldFindings, Text, unique_id};

/// The items to pick from, each its id and its text in this language; ids chosen that name no
/// item any more stay chosen until unticked.
#[component]
pub fn ItemChecks(
    /// Translation key of the legend.
    legend: &'static str,
    /// Translation key shown when there is nothing to pick.
    empty: &'static str,
    #[prop(into)] path: Signal<String>,
    #[prop(into)] chosen: Signal<Vec<Uuid>>,
    items: Callback<Lang, Vec<(Uuid, String)>>,
    #[prop(into)] on_change: Callback<Vec<Uuid>>,
) -> impl IntoView {
    let lang = use_app().lang;
    let boxes = move || {
        let items = items.run(lang.get());
        if items.is_empty() {
            return view! { <p class="hw-hint"><Text key=empty /></p> }.into_any();
        }
        items
            .into_iter()
            .map(|(id, text)| {
                let box_id = unique_id("item");
                let checked = move || chosen.with(|c| c.contains(&id));
                let toggle = move |ev: leptos::ev::Event| {
                    let mut list = chosen.get_untracked();
                    list.retain(|x| *x != id);
                    if event_target_checked(&ev) {
                        list.push(id);
                    }
                    on_change.run(list);
                };
                view! {
                    <li class="hw-field hw-check">
                        <input id=box_id.clone() type="checkbox" prop:checked=checked
                            on:change=toggle />
                        <label for=box_id>{text}</label>
                    </li>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <fieldset class="hw-checks">
            <legend><Text key=legend /></legend>
            <ul class="hw-check-list">{boxes}</ul>
            <FieldFindings path=path id=unique_id("findings") />
        </fieldset>
    }
}
