//! The budget rules' findings in plain words, each with a button to the place to fix it.

use leptos::prelude::*;

use crate::browser::dom;
use crate::draft::use_draft;
use crate::i18n::{self, format};
use crate::state::use_app;
use crate::ui::widgets::{Text, severity_look};

use super::*;

/// The budget rules' findings in plain words, each with a button to the place to fix it.
#[component]
pub(super) fn BudgetFindings() -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let lang = app.lang;
    let findings = Memo::new(move |_| draft.guidance.with(|g| g.findings.clone()));
    let go = move |path: String| {
        let (step, element) = draft.plan.with_untracked(|p| finding_target(p, &path));
        // Setting the same step would rebuild the section under the person's finger.
        if app.step.get_untracked() != step {
            app.step.set(step);
        }
        if let Some(element) = element {
            dom::reveal_later(element);
        }
    };
    view! {
        <section class="hw-budget-part" aria-labelledby="hw-budget-findings-heading">
            <h2 id="hw-budget-findings-heading"><Text key="budget.findings_heading" /></h2>
            {move || findings.with(Vec::is_empty).then(|| view! {
                <p><span aria-hidden="true">"✔ "</span><Text key="budget.no_findings" /></p>
            })}
            <ul class="hw-findings hw-budget-findings" aria-live="polite">
                {move || {
                    let lang = lang.get();
                    let plan_targets = findings.get();
                    plan_targets
                        .into_iter()
                        .map(|f| {
                            let (class, symbol, word) = severity_look(f.severity);
                            let path = f.path.clone();
                            let (step, _) = draft.plan.with(|p| finding_target(p, &path));
                            let button = {
                                let label = i18n::tf(
                                    lang,
                                    "budget.go_to",
                                    &[("step", i18n::t(lang, step.label_key()))],
                                );
                                view! {
                                    <button type="button" class="hw-button hw-go"
                                        on:click=move |_| go(path.clone())>
                                        {label}
                                        <span class="hw-arrow" aria-hidden="true">" ›"</span>
                                    </button>
                                }
                            };
                            view! {
                                <li class=class data-code=f.code>
                                    <p>
                                        <span aria-hidden="true">{symbol}</span>
                                        " "
                                        <strong>{i18n::t(lang, word)}</strong>
                                        " "
                                        {format::finding(lang, &f)}
                                    </p>
                                    {button}
                                </li>
                            }
                        })
                        .collect_view()
                }}
            </ul>
        </section>
    }
}
