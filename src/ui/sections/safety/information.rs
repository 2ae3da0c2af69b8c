//! What the returnee was told before departure: one checkbox per item, and the day it was told
//! (today when ticked, and can be changed).

use homeward_plan::protection::InformationItem;
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n;
use crate::state::use_app;
use crate::ui::widgets::{Text, unique_id};

/// The items in the order they are told, with their label keys.
pub const ITEMS: [(InformationItem, &str); 6] = [
    (InformationItem::SituationOnReturn, "code.information_item.situation_on_return"),
    (InformationItem::Documents, "code.information_item.documents"),
    (InformationItem::Travel, "code.information_item.travel"),
    (InformationItem::Arrival, "code.information_item.arrival"),
    (InformationItem::ServicesAndContacts, "code.information_item.services_and_contacts"),
    (InformationItem::RightToChangeMind, "code.information_item.right_to_change_mind"),
];

#[component]
pub fn InformationChecklist() -> impl IntoView {
    let items = ITEMS
        .into_iter()
        .map(|(item, key)| view! { <li><InformationRow item=item label=key /></li> })
        .collect_view();
    view! {
        <h2><Text key="safety.info.heading" /></h2>
        <fieldset class="hw-information">
            <legend><Text key="safety.info.intro" /></legend>
            <ul class="hw-plain-list">{items}</ul>
        </fieldset>
    }
}

/// One item: told or not, and the day.
#[component]
fn InformationRow(item: InformationItem, label: &'static str) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let id = unique_id("told");
    let told_on = move || draft.plan.with(|p| p.protection.information.told_on(item));
    let on_check = move |ev: leptos::ev::Event| {
        let day = event_target_checked(&ev).then_some(draft.today);
        draft.edit(|p| p.protection.information.set(item, day));
    };
    let on_day = move |ev: leptos::ev::Event| {
        // An emptied day keeps the item told: untick it to take it back.
        if let Some(day) = crate::input::parse_day(&event_target_value(&ev)) {
            draft.edit(|p| p.protection.information.set(item, Some(day)));
        }
    };
    let day_text = move || told_on().map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default();
    let day_label = move || {
        let l = lang.get();
        i18n::tf(l, "safety.info.day", &[("item", i18n::t(l, label))])
    };
    view! {
        <div class="hw-field hw-check hw-told" class:hw-checked=move || told_on().is_some()>
            <input type="checkbox" id=id.clone() prop:checked=move || told_on().is_some()
                on:change=on_check />
            <label for=id><Text key=label /></label>
            <Show when=move || told_on().is_some()>
                <input type="date" class="hw-told-on" prop:value=day_text on:change=on_day
                    aria-label=day_label />
            </Show>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_has_its_label() {
        let listed: Vec<_> = ITEMS.iter().map(|(i, _)| *i).collect();
        assert_eq!(listed, InformationItem::ALL);
        for (item, key) in ITEMS {
            assert_eq!(key, format!("code.information_item.{}", item.code()));
            assert!(i18n::has_key(key), "{key}");
        }
    }
}
