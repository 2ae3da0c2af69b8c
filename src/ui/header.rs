//! The top bar: product name, where and when the draft was saved, new plan, end session, and
//! the language picker.

use leptos::prelude::*;

use crate::draft::{Access, use_draft};
use crate::i18n::{self, Lang};
use crate::session::{SaveState, local_time, use_session};
use crate::state::use_app;
use crate::ui::dialog::{Confirm, use_dialogs};
use crate::ui::widgets::Text;

#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let lang = app.lang;
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(chosen) = Lang::from_code(&event_target_value(&ev)) {
            app.choose(chosen, session);
        }
    };
    view! {
        <header class="hw-header">
            <p class="hw-brand">{app.t("app.name")}</p>
            <SaveIndicator />
            <SessionButtons />
            <div class="hw-lang">
                // The language pickers are named in the interface language only: the names people pick by.
                <label for="hw-lang-primary">{app.t("header.language")}</label>
                <select id="hw-lang-primary" on:change=on_change prop:value=move || lang.get().code()>
                    {Lang::ALL
                        .into_iter()
                        .map(|l| {
                            view! {
                                <option value=l.code() lang=l.code() selected=move || lang.get() == l>
                                    {l.native_name()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
            <SecondLanguage />
        </header>
    }
}

/// A second language shown under labels, help texts and the summary, for a returnee and a
/// counsellor who do not share a language. The plan's own texts are never translated.
#[component]
fn SecondLanguage() -> impl IntoView {
    let app = use_app();
    let session = use_session();
    let second = app.second;
    let on_change = move |ev: leptos::ev::Event| {
        app.choose_second(Lang::from_code(&event_target_value(&ev)), session);
    };
    let current = move || second.get().map(Lang::code).unwrap_or_default();
    view! {
        <div class="hw-lang">
            <label for="hw-lang-second">{app.t("header.second_language")}</label>
            <select id="hw-lang-second" on:change=on_change prop:value=current>
                <option value="" selected=move || second.get().is_none()>
                    {app.t("header.second_none")}
                </option>
                {Lang::ALL
                    .into_iter()
                    .map(|l| {
                        view! {
                            <option value=l.code() lang=l.code() selected=move || second.get() == Some(l)>
                                {l.native_name()}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Where and when the draft was saved, or why it was not.
#[component]
fn SaveIndicator() -> impl IntoView {
    let lang = use_app().lang;
    let session = use_session();
    let text = move || {
        let lang = lang.get();
        match session.save_state.get() {
            SaveState::NothingToSave => i18n::t(lang, "save.nothing"),
            SaveState::Saved(at) => i18n::tf(lang, "save.saved", &[("time", local_time(at))]),
            SaveState::Failed(e) => i18n::t(lang, &format!("storage_error.{}", e.code())),
            SaveState::Cleared => i18n::t(lang, "save.cleared"),
        }
    };
    let failed = move || matches!(session.save_state.get(), SaveState::Failed(_));
    view! {
        <p class="hw-save" class:hw-save-failed=failed role="status">
            <span aria-hidden="true">{move || if failed() { "⚠ " } else { "✓ " }}</span>
            {text}
        </p>
    }
}

/// New plan and End session, each after a confirmation.
#[component]
fn SessionButtons() -> impl IntoView {
    let draft = use_draft();
    let session = use_session();
    let dialogs = use_dialogs();
    let new_plan = move |_| {
        dialogs.ask(Confirm {
            title: "session.new_title",
            body: "session.new_body",
            args: Vec::new(),
            confirm: "session.new_confirm",
            action: Callback::new(move |()| session.new_plan(draft)),
        })
    };
    let end = move |_| {
        dialogs.ask(Confirm {
            title: "session.end_title",
            body: "session.end_body",
            args: Vec::new(),
            confirm: "session.end_confirm",
            action: Callback::new(move |()| session.end(draft)),
        })
    };
    view! {
        <div class="hw-session">
            <button
                type="button"
                class="hw-button hw-on-accent"
                on:click=new_plan
                disabled=move || draft.access.get() != Access::Editing
            >
                <Text key="session.new" />
            </button>
            <button type="button" class="hw-button hw-on-accent" on:click=end>
                <Text key="session.end" />
            </button>
        </div>
    }
}
