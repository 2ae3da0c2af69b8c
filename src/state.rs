//! The app-wide interface state every component may read: the interface languages and the
//! current step. Provided as context by the root component.

use leptos::prelude::*;

use crate::browser::languages;
use crate::i18n::{self, Lang};
use crate::session::{Notice, Session};
use crate::step::Step;

/// State every component may read, provided as context by the root component.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// A second interface language shown beside the first, for joint sessions.
    pub second: RwSignal<Option<Lang>>,
    pub step: RwSignal<Step>,
    /// How many times each picker (interface, second language) was used: a language whose
    /// texts arrive after the person chose another is not switched to.
    choices: StoredValue<[u32; 2]>,
}

/// The pickers counted in [`AppState::choices`].
const INTERFACE: usize = 0;
const SECOND: usize = 1;

impl AppState {
    /// `step` is the session's: where the person is is saved with the draft.
    pub fn new(lang: Lang, step: RwSignal<Step>) -> Self {
        let choices = StoredValue::new([0, 0]);
        Self { lang: RwSignal::new(lang), second: RwSignal::new(None), step, choices }
    }

    /// Switches the interface to `lang` once its texts are here (fetched the first time). If
    /// they cannot be fetched the interface stays as it is and `session` says why.
    pub fn choose(self, lang: Lang, session: Session) {
        let signal = self.lang;
        self.latest_when_ready(INTERFACE, lang, session, move |ready| {
            // Either way the picker shows the language in use again.
            if ready { signal.set(lang) } else { signal.update(|_| {}) }
        });
    }

    /// Shows `second` beside the interface language (none: only one language).
    pub fn choose_second(self, second: Option<Lang>, session: Session) {
        let signal = self.second;
        let Some(lang) = second else {
            self.choices.update_value(|c| c[SECOND] += 1);
            return signal.set(None);
        };
        self.latest_when_ready(SECOND, lang, session, move |ready| {
            if ready { signal.set(Some(lang)) } else { signal.update(|_| {}) }
        });
    }

    /// [`when_ready`], for the latest use of the `picker` only.
    fn latest_when_ready(
        self,
        picker: usize,
        lang: Lang,
        session: Session,
        then: impl FnOnce(bool) + 'static,
    ) {
        let choices = self.choices;
        choices.update_value(|c| c[picker] += 1);
        let choice = choices.get_value()[picker];
        when_ready(lang, session, move |ready| {
            if choices.try_get_value().map(|c| c[picker]) == Some(choice) {
                then(ready);
            }
        });
    }

    /// A translated text that follows language changes.
    pub fn t(self, key: &'static str) -> impl Fn() -> String + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || i18n::t(lang.get(), key)
    }
}

/// Runs `then(true)` once the texts of `lang` are here, at once if they already are; else
/// `then(false)` after telling the person the language could not be loaded.
pub fn when_ready(lang: Lang, session: Session, then: impl FnOnce(bool) + 'static) {
    if i18n::is_ready(lang) {
        return then(true);
    }
    leptos::task::spawn_local(async move {
        let ready = languages::load(lang).await.is_ok();
        if !ready {
            let args = vec![("language", lang.native_name().to_owned())];
            session.notice.set(Some(Notice { key: "language.unavailable", args, detail: None }));
        }
        then(ready);
    });
}

/// The app state from context. Components below [`App`] call this.
pub fn use_app() -> AppState {
    expect_context::<AppState>()
}
