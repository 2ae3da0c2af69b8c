//! The sections after the first. With the `split` feature (every Trunk build, which
//! `scripts/split.mjs` splits) their code is a wasm module of its own: out of the first load,
//! fetched once the first screen is painted (`preload_later_sections`), and kept by the service
//! worker. A section opened before it arrived says it is loading; if it cannot be fetched, the
//! section says so and offers to try again, and the plan is untouched. Without the feature (the
//! component tests) every section is in the one module.

use homeward_plan::model::Dimension;
use leptos::prelude::*;

use super::{budget, case, consent, dimension, follow_up, needs, review, safety};
use crate::split::Unavailable;
use crate::step::Step;

/// The content of a section after the first.
pub fn section(step: Step) -> AnyView {
    #[cfg(feature = "split")]
    return view! { <Fetched step /> }.into_any();
    #[cfg(not(feature = "split"))]
    later_section(step).unwrap_or_else(|never| match never {})
}

/// Fetches the later sections' module, so the next tap does not wait for the network. A
/// failure here is tried again when a later section is opened.
pub async fn preload_later_sections() {
    #[cfg(feature = "split")]
    let _ = fetch_later_sections().await;
}

/// Every section but the first: with the `split` feature, the split point.
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        later_sections,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(fetch_later_sections)
    )
)]
fn later_section(step: Step) -> Result<AnyView, Unavailable> {
    Ok(match step {
        // Never asked for (`section_content` draws the first section from the first load);
        // listed so that a new step cannot be forgotten here.
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

#[cfg(feature = "split")]
use fetched::Fetched;

#[cfg(feature = "split")]
mod fetched {
    use leptos::prelude::*;

    use super::{Unavailable, fetch_later_sections, later_section};
    use crate::split::now;
    use crate::step::Step;
    use crate::ui::widgets::Text;

    /// Where the later sections' code stands for this section.
    #[derive(Clone, Copy, PartialEq)]
    enum Code {
        Fetching,
        Here,
        Unavailable,
    }

    /// A later section, drawn as soon as its code is here. Not a `Suspense`: the sections' own
    /// asynchronous work (reading a file) must not redraw the whole section when it ends.
    #[component]
    pub fn Fetched(step: Step) -> impl IntoView {
        let code = RwSignal::new(Code::Fetching);
        let fetch = move || {
            code.set(Code::Fetching);
            leptos::task::spawn_local(async move {
                let arrived = fetch_later_sections().await.is_ok();
                // Quietly nothing if the section was left meanwhile.
                let _ = code.try_set(if arrived { Code::Here } else { Code::Unavailable });
            });
        };
        // Already fetched (the usual case): drawn at once, with no "loading" in between.
        match now(fetch_later_sections()) {
            Some(Ok(())) => code.set(Code::Here),
            _ => fetch(),
        }
        move || match code.get() {
            Code::Here => match now(later_section(step)) {
                Some(Ok(content)) => content,
                Some(Err(Unavailable)) => unavailable(fetch).into_any(),
                None => loading().into_any(),
            },
            Code::Fetching => loading().into_any(),
            Code::Unavailable => unavailable(fetch).into_any(),
        }
    }

    fn loading() -> impl IntoView {
        view! { <p role="status"><Text key="section.loading" /></p> }
    }

    /// The notice for a section whose code could not be fetched, with a button to try again.
    fn unavailable(fetch: impl Fn() + Copy + 'static) -> impl IntoView {
        view! {
            <p class="hw-notice" role="alert"><Text key="section.unavailable" /></p>
            <button type="button" class="hw-button" on:click=move |_| fetch()>
                <Text key="section.retry" />
            </button>
        }
    }
}
