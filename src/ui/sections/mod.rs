//! The current section of the plan, framed the same way for every step: heading, a one-line
//! explanation, the section's own content (one module each), and previous/next buttons.

mod budget;
mod case;
mod consent;
mod dimension;
mod follow_up;
mod needs;
mod review;
mod safety;

use homeward_plan::model::Dimension;
use leptos::prelude::*;

use crate::i18n;
use crate::state::use_app;
use crate::step::Step;
use crate::ui::widgets::Text;

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
/// `later_section`.
fn section_content(step: Step) -> AnyView {
    match step {
        Step::Case => view! { <case::CaseSection /> }.into_any(),
        #[cfg(feature = "split")]
        other => view! { <LaterSection step=other /> }.into_any(),
        #[cfg(not(feature = "split"))]
        other => later_section(other).unwrap_or_else(|never| match never {}),
    }
}

/// A later section, once its code is here (meanwhile it says it is loading). If it cannot be fetched (offline before the service
/// worker kept it), the section says so and offers to try again; the plan is untouched.
#[cfg(feature = "split")]
#[component]
fn LaterSection(step: Step) -> impl IntoView {
    let attempt = RwSignal::new(0_u32);
    let loading =
        || view! { <p class="hw-loading" role="status"><Text key="section.loading" /></p> };
    view! {
        <Suspense fallback=loading>
            {move || {
                attempt.track();
                Suspend::new(async move {
                    match later_section(step).await {
                        Ok(content) => content,
                        Err(SectionUnavailable) => view! { <Unavailable attempt /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

/// The notice for a section whose code could not be fetched, with a button to try again.
#[cfg(feature = "split")]
#[component]
fn Unavailable(attempt: RwSignal<u32>) -> impl IntoView {
    view! {
        <p class="hw-notice" role="alert"><Text key="section.unavailable" /></p>
        <button type="button" class="hw-button" on:click=move |_| attempt.update(|n| *n += 1)>
            <Text key="section.retry" />
        </button>
    }
}

/// A later section's code could not be fetched.
#[cfg(feature = "split")]
pub struct SectionUnavailable;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for SectionUnavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        SectionUnavailable
    }
}

/// Without the split build every section is in the one module: nothing can fail to arrive.
#[cfg(not(feature = "split"))]
pub enum SectionUnavailable {}

/// Every section but the first. With the `split` feature (the release build, which
/// `scripts/split.mjs` splits) this code is a module of its own, fetched when a later section
/// is first opened (or earlier, by `preload_later_sections`), so it stays out of the first load.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        later_sections,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(fetch_later_sections)
    )
)]
fn later_section(step: Step) -> Result<AnyView, SectionUnavailable> {
    Ok(match step {
        Step::Case => view! { <case::CaseSection /> }.into_any(),
        Step::Safety => view! { <safety::SafetySection /> }.into_any(),
        Step::Needs => view! { <needs::NeedsSection /> }.into_any(),
        Step::Economic => {
            view! { <dimension::DimensionSection dimension=Dimension::Economic /> }.into_any()
        }
        Step::Social => {
            view! { <dimension::DimensionSection dimension=Dimension::Social /> }.into_any()
        }
        Step::Psychosocial => {
            view! { <dimension::DimensionSection dimension=Dimension::Psychosocial /> }.into_any()
        }
        Step::Budget => view! { <budget::BudgetSection /> }.into_any(),
        Step::FollowUp => view! { <follow_up::FollowUpSection /> }.into_any(),
        Step::Consent => view! { <consent::ConsentSection /> }.into_any(),
        Step::Review => view! { <review::ReviewSection /> }.into_any(),
    })
}

/// Fetches the later sections' module while the person reads the first section, so the next
/// tap does not wait for the network and the service worker holds it for offline use. A
/// failure here is retried when a later section is opened.
pub async fn preload_later_sections() {
    #[cfg(feature = "split")]
    let _ = fetch_later_sections().await;
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
