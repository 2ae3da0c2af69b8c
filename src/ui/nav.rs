//! Step navigation over the plan's sections. Buttons in an ordered list: reachable by Tab, the
//! current one marked with `aria-current="step"` and by more than colour (a bar and bold text).

use leptos::prelude::*;

use crate::i18n;
use crate::state::use_app;
use crate::step::Step;

#[component]
pub fn StepNav() -> impl IntoView {
    let app = use_app();
    let step = app.step;
    let lang = app.lang;
    view! {
        <nav class="hw-nav" aria-label=app.t("nav.label")>
            <ol>
                {Step::ALL
                    .into_iter()
                    .map(|s| {
                        let is_current = move || step.get() == s;
                        view! {
                            <li>
                                <button
                                    type="button"
                                    id=format!("hw-nav-{}", s.slug())
                                    class="hw-nav-item"
                                    class:current=is_current
                                    aria-current=move || is_current().then_some("step")
                                    on:click=move |_| step.set(s)
                                >
                                    <span class="hw-nav-number" aria-hidden="true">
                                        {s.index() + 1}
                                    </span>
                                    <span class="hw-nav-text">
                                        {move || i18n::t(lang.get(), s.label_key())}
                                    </span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
        </nav>
    }
}
