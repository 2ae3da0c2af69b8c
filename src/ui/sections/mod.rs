//! The current section of the plan, framed the same way for every step: heading, a one-line
//! explanation, the section's own content (one module each), and previous/next buttons.

mod budget;
mod case;
mod consent;
mod dimension;
mod follow_up;
mod later;
mod needs;
mod review;
mod safety;

use leptos::prelude::*;

use crate::i18n;
use crate::state::use_app;
use crate::step::Step;
use crate::ui::widgets::Text;

pub use later::preload_later_sections;

/// The section for the current step.
#[component]
pub fn SectionView() -> impl IntoView {
    let app = use_app();
    let step = app.step;

    // After the person picks another step, move focus to its heading so keyboard and screen
    // reader users land on the new content; skip the first run so loading steals no focus.
    let first_run = StoredValue::new(true);
    Effect::new(move |_| {
        step.track();
        if first_run.get_value() {
            first_run.set_value(false);
            return;
        }
        crate::browser::dom::focus_by_id("hw-section-heading");
    });

    view! {
        {move || {
            let s = step.get();
            view! {
                <section class="hw-section" id=format!("hw-section-{}", s.slug())
                    aria-labelledby="hw-section-heading">
                    <h1 id="hw-section-heading" tabindex="-1">
                        <Text key=s.label_key() />
                    </h1>
                    <p class="hw-intro"><Text key=s.intro_key() /></p>
                    {section_content(s)}
                    <StepPager current=s />
                </section>
            }
        }}
    }
}

/// The content of one section. The first section is in the first load; the others come from
/// `later.rs`.
fn section_content(step: Step) -> AnyView {
    match step {
        Step::Case => view! { <case::CaseSection /> }.into_any(),
        other => later::section(other),
    }
}

/// Previous and next buttons under each section, so the plan can be walked in order.
#[component]
fn StepPager(current: Step) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let step = app.step;
    let previous = current.previous().map(|p| {
        view! {
            <button type="button" class="hw-button hw-previous" on:click=move |_| step.set(p)>
                <span class="hw-arrow" aria-hidden="true">"‹"</span>
                {move || i18n::tf(lang.get(), "pager.previous", &[("step", i18n::t(lang.get(), p.label_key()))])}
            </button>
        }
    });
    let next = current.next().map(|n| {
        view! {
            <button type="button" class="hw-button hw-primary hw-next" on:click=move |_| step.set(n)>
                {move || i18n::tf(lang.get(), "pager.next", &[("step", i18n::t(lang.get(), n.label_key()))])}
                <span class="hw-arrow" aria-hidden="true">"›"</span>
            </button>
        }
    });
    view! { <div class="hw-pager">{previous}{next}</div> }
}
