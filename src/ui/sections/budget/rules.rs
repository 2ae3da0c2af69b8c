//! The programme whose rules apply, where its figures come from and what is uncertain.

use homeward_plan::programme::{self, ProgrammeConfig, localized_in};
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::{self, format};
use crate::state::use_app;
use crate::ui::widgets::{Text, unique_id};

/// The programme whose rules apply, where its figures come from and what is uncertain.
/// Switching keeps the whole plan; only the rules applied to it change.
#[component]
pub(super) fn ProgrammePicker() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let select_id = unique_id("programme");
    let presets = programme::presets();
    let current = move || draft.programme.with(|c| c.id.clone());
    // One option: the programme's name in the interface language, selected while it applies.
    let option = move |config: ProgrammeConfig| {
        let id = config.id.clone();
        let selected = {
            let id = id.clone();
            move || current() == id
        };
        view! {
            <option value=id selected=selected>
                {move || config.display_name(lang.get().code()).to_owned()}
            </option>
        }
    };
    let options = presets.iter().cloned().map(option).collect_view();
    // A host's own configuration (not a built-in preset) stays on the list for the whole
    // session, so trying a preset, here or after leaving the section, does not lose it.
    let own = draft.host_programme;
    let own_option = move || own.get().map(option);
    let on_change = move |ev: leptos::ev::Event| {
        let id = event_target_value(&ev);
        let chosen = own.get_untracked().filter(|c| c.id == id).or_else(|| programme::preset(&id));
        if let Some(config) = chosen {
            draft.switch_programme(config);
        }
    };
    let info = move || {
        let lang = lang.get();
        draft.programme.with(|c| {
            let code = lang.code();
            let sources = c
                .sources
                .iter()
                .map(|s| {
                    let url = s.url.clone().map(|u| view! { " " <span class="hw-url">{u}</span> });
                    view! { <li dir="auto">{s.title.clone()}{url}</li> }
                })
                .collect_view();
            let notes = localized_in(&c.notes, code).map(|(text_lang, n)| {
                view! { <p lang=text_lang.to_owned() dir="auto">{n.to_owned()}</p> }
            });
            let uncertain = c
                .uncertain
                .iter()
                .filter_map(|u| {
                    localized_in(&u.note, code).map(|(l, n)| (n.to_owned(), l.to_owned()))
                })
                .map(|(note, text_lang)| {
                    view! {
                        <li lang=text_lang dir="auto"><span aria-hidden="true">"⚠ "</span>{note}</li>
                    }
                })
                .collect_view();
            let has_uncertain = !c.uncertain.is_empty();
            view! {
                <p class="hw-as-of">
                    {i18n::tf(lang, "budget.as_of", &[("date", format::date(lang, c.as_of))])}
                </p>
                {notes}
                <details class="hw-sources">
                    <summary><Text key="budget.sources" /></summary>
                    <ul>{sources}</ul>
                </details>
                {has_uncertain.then(|| view! {
                    <h3><Text key="budget.uncertain" /></h3>
                    <ul class="hw-uncertain">{uncertain}</ul>
                })}
            }
        })
    };
    view! {
        <section class="hw-budget-part" aria-labelledby="hw-programme-heading">
            <h2 id="hw-programme-heading"><Text key="budget.programme_heading" /></h2>
            <div class="hw-field">
                <label for=select_id.clone()><Text key="budget.programme" /></label>
                <select id=select_id prop:value=current on:change=on_change>
                    {own_option}
                    {options}
                </select>
            </div>
            <p class="hw-hint"><Text key="budget.programme_hint" /></p>
            <div class="hw-programme-info">{info}</div>
        </section>
    }
}
