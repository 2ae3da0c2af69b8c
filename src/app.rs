//! The root component: app-wide state (language, current step) and the page layout.

use leptos::prelude::*;

use homeward_plan::programme;

use crate::draft::{Draft, local_today};
use crate::i18n::{self, Lang};
use crate::ui::header::Header;
use crate::ui::nav::StepNav;
use crate::ui::sections::SectionView;
use crate::ui::step::Step;

/// State every component may read, provided as context by [`App`].
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// A second interface language shown beside the first, for joint sessions.
    pub second: RwSignal<Option<Lang>>,
    pub step: RwSignal<Step>,
}

impl AppState {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang: RwSignal::new(lang),
            second: RwSignal::new(None),
            step: RwSignal::new(Step::default()),
        }
    }

    /// A translated text that follows language changes.
    pub fn t(self, key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || i18n::t(lang.get(), key)
    }
}

/// The app state from context. Components below [`App`] call this.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new(Lang::default());
    provide_context(state);
    let programme = programme::default_preset();
    let draft = Draft::new(Draft::empty_plan(&programme), programme, local_today());
    provide_context(draft);
    let lang = state.lang;

    view! {
        <div class="hw-app" lang=move || lang.get().code() dir=move || lang.get().dir()>
            <Header />
            <div class="hw-body">
                <StepNav />
                <main class="hw-main" id="hw-main" tabindex="-1">
                    <SectionView />
                </main>
            </div>
        </div>
    }
}
