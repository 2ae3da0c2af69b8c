//! The app-wide interface state every component may read: the interface languages and the
//! current step. Provided as context by the root component.

use leptos::prelude::*;

use crate::i18n::{self, Lang};
use crate::step::Step;

/// State every component may read, provided as context by the root component.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// A second interface language shown beside the first, for joint sessions.
    pub second: RwSignal<Option<Lang>>,
    pub step: RwSignal<Step>,
}

impl AppState {
    /// `step` is the session's: where the person is is saved with the draft.
    pub fn new(lang: Lang, step: RwSignal<Step>) -> Self {
        Self { lang: RwSignal::new(lang), second: RwSignal::new(None), step }
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
