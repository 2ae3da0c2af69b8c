//! Review and export: what is still missing, every finding with a way to its field, a readable
//! summary of the whole plan (also what is printed), and the plan as a file (`files`: save,
//! seal, open; `partner`: the partner's file and its preview).

mod copy;
mod files;
mod incoming;
mod partner;
mod preview;
mod summary;

use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::{self, format};
use crate::state::use_app;
use crate::ui::findings::FindingList;
use crate::ui::widgets::Text;

#[component]
pub fn ReviewSection() -> impl IntoView {
    // While the returnee's copy is printed, paper holds it instead of the plan.
    let printing: copy::CopyPrinting = RwSignal::new(None);
    view! {
        <Completeness />
        <AllFindings />
        <partner::Files />
        <copy::CopyControls printing=printing />
        <div class="hw-review-plan" class:hw-copy-printing=move || printing.get().is_some()>
            <Summary />
        </div>
        <copy::CopyPaper printing=printing />
    }
}

/// How complete the plan is, and what is still missing.
#[component]
fn Completeness() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    view! {
        <section class="hw-review-block hw-no-print" aria-labelledby="hw-missing-heading">
            <h2 id="hw-missing-heading"><Text key="review.missing_heading" /></h2>
            <p>
                {move || {
                    i18n::tf(
                        lang.get(),
                        "review.complete_percent",
                        &[("percent", draft.completeness.get().to_string())],
                    )
                }}
            </p>
            <progress max="100" value=move || draft.completeness.get().to_string()
                aria-labelledby="hw-missing-heading"></progress>
            <FindingList findings=Signal::derive(move || draft.missing.get()) empty="review.nothing_missing"
                go_to="review.go_to" />
        </section>
    }
}

/// Every error and warning of the plan, each with a way to the step where it is fixed.
#[component]
fn AllFindings() -> impl IntoView {
    let draft = use_draft();
    view! {
        <section class="hw-review-block hw-no-print" aria-labelledby="hw-findings-heading">
            <h2 id="hw-findings-heading"><Text key="review.findings_heading" /></h2>
            <FindingList findings=Signal::derive(move || draft.findings.get()) empty="review.no_findings"
                go_to="review.go_to" />
        </section>
    }
}

/// The whole plan in reading order, for the people at the table and on paper.
#[component]
fn Summary() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let second = use_app().second;
    view! {
        <PrintTitle />
        {move || {
            let lang = lang.get();
            let second = second.get().filter(|l| *l != lang);
            draft.plan.with(|plan| {
                summary::summary(lang, second, plan, draft.guidance.get(), Some("review.summary_heading"))
            })
        }}
    }
}

/// The printed plan's title, only on paper: whose plan, its case reference and the day it was
/// printed.
#[component]
fn PrintTitle() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let who = draft
        .part(|p| (p.case.full_name.trim().to_owned(), p.case.case_reference.trim().to_owned()));
    move || {
        let lang = lang.get();
        let (name, reference) = who.get();
        let reference = (!reference.is_empty())
            .then(|| i18n::tf(lang, "review.print_case", &[("reference", reference)]));
        let day = i18n::tf(lang, "review.print_date", &[("date", format::date(lang, draft.today))]);
        let line = [Some(name).filter(|n| !n.is_empty()), reference, Some(day)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" · ");
        view! {
            <header class="hw-print-only hw-print-title">
                <p class="hw-print-heading">{i18n::t(lang, "review.print_title")}</p>
                <p>{line}</p>
            </header>
        }
    }
}
