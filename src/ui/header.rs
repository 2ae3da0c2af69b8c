//! The top bar: product name and language picker.

use leptos::prelude::*;

use crate::app::use_app;
use crate::i18n::Lang;

#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(chosen) = Lang::from_code(&event_target_value(&ev)) {
            lang.set(chosen);
        }
    };
    view! {
        <header class="hw-header">
            <p class="hw-brand">{app.t("app.name")}</p>
            <label class="hw-lang">
                <span class="hw-lang-label">{app.t("header.language")}</span>
                <select on:change=on_change prop:value=move || lang.get().code()>
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
            </label>
        </header>
    }
}
