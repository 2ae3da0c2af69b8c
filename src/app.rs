//! The root component: app-wide state (language, current step) and the page layout.

use leptos::prelude::*;

use crate::browser::embed::{HostConfig, valid_accent};
use crate::device::Device;
use crate::draft::Access;
use crate::draft::{Draft, local_today};
use crate::i18n::{self, Lang};
use crate::session::{self, Session};
use crate::state::{AppState, use_app};
use crate::step::Step;
use crate::ui::device::{DeviceNotices, TabDialog};
use crate::ui::dialog::{ConfirmHost, Dialogs};
use crate::ui::drawing::after_paint;
use crate::ui::header::Header;
use crate::ui::nav::StepNav;
use crate::ui::passphrase::{PassphraseHost, Passphrases};
use crate::ui::sections::SectionView;
use crate::ui::widgets::Text;
use crate::undo::Undo;

/// The whole app, standalone with the built-in defaults.
#[component]
pub fn App() -> impl IntoView {
    view! { <Homeward options=HostConfig::default() /> }
}

/// The whole app, as a host configured it (language, programme, accent colour).
#[component]
pub fn Homeward(options: HostConfig) -> impl IntoView {
    let wanted = first_language(&options);
    // Start-up fetches the language before mounting (see `crate::start`); if that failed the
    // interface opens in English and says why.
    let lang = if i18n::is_ready(wanted) { wanted } else { Lang::En };
    let today = local_today();
    let restored = session::restore(today);
    if restored.unopened {
        return view! { <Unopened options lang wanted today /> }.into_any();
    }
    view! { <Opened options lang wanted today restored /> }.into_any()
}

/// The app with the draft open: the one restored from the device, or a new one.
#[component]
fn Opened(
    options: HostConfig,
    lang: Lang,
    wanted: Lang,
    today: chrono::NaiveDate,
    restored: session::Restored,
) -> impl IntoView {
    let programme = session::programme_for(restored.plan.as_ref());
    let plan = restored.plan.unwrap_or_else(|| Draft::empty_plan(&programme));
    let draft = Draft::new(plan, programme, today);
    provide_context(draft);
    let mut notice = restored.notice;
    if lang != wanted {
        let args = vec![("language", wanted.native_name().to_owned())];
        notice = Some(session::Notice { key: "language.unavailable", args, detail: None });
    }
    let session = Session::new(restored.save_state, notice, restored.step);
    provide_context(session);
    let state = AppState::new(lang, session.step);
    provide_context(state);
    provide_context(Dialogs::new());
    provide_context(Passphrases::new());
    provide_context(Undo::new());
    session.autosave(draft);
    provide_context(Device::start(draft, session));
    if let Some(programme) = options.programme.clone() {
        session::host_programme(&programme, draft, session);
    }
    // The later sections' code arrives while the person reads the first one: fetched once the
    // first screen is painted, so it never holds that screen back.
    // So is the code that reads a saved draft, for a draft another tab saves.
    after_paint(|| {
        leptos::task::spawn_local(crate::ui::sections::preload_later_sections());
        leptos::task::spawn_local(async {
            let _ = session::fetch_reader().await;
        });
    });
    // Set through the CSSOM (`style:`), which a strict Content-Security-Policy allows.
    let accent = options.accent.as_deref().and_then(valid_accent);
    let lang = state.lang;

    view! {
        <div class="hw-app" style:--hw-accent=accent lang=move || lang.get().code() dir=move || lang.get().dir()>
            <Header />
            <Notice />
            <div class="hw-body">
                <StepNav />
                <main class="hw-main" id="hw-main" tabindex="-1">
                    // Disabled while another tab holds the draft: nothing here can change it.
                    <fieldset class="hw-lock" disabled=move || draft.access.get() != Access::Editing>
                        <SectionView />
                    </fieldset>
                </main>
            </div>
            <DeviceNotices />
            <ConfirmHost />
            <PassphraseHost />
            <TabDialog />
        </div>
    }
}

/// A draft is saved on the device but the code that reads it could not be fetched (offline
/// before this version of the app was kept for offline use). Nothing opens, so nothing can be
/// written over the saved draft; trying again fetches the code and opens the app.
#[component]
fn Unopened(
    options: HostConfig,
    lang: Lang,
    wanted: Lang,
    today: chrono::NaiveDate,
) -> impl IntoView {
    provide_context(AppState::new(lang, RwSignal::new(Step::default())));
    let opened = RwSignal::new(false);
    let trying = RwSignal::new(false);
    let try_again = move |_| {
        trying.set(true);
        leptos::task::spawn_local(async move {
            let here = session::fetch_reader().await.is_ok();
            trying.set(false);
            opened.set(here);
        });
    };
    move || {
        if opened.get() {
            let restored = session::restore(today);
            if !restored.unopened {
                let options = options.clone();
                return view! { <Opened options lang wanted today restored /> }.into_any();
            }
        }
        view! {
            <div class="hw-app" lang=lang.code() dir=lang.dir()>
                <main class="hw-main">
                    <p class="hw-notice" role="alert"><Text key="session.draft_not_opened" /></p>
                    <button type="button" class="hw-button" disabled=move || trying.get() on:click=try_again>
                        <Text key="section.retry" />
                    </button>
                </main>
            </div>
        }
        .into_any()
    }
}

/// A message about the app as a whole (a saved draft that could not be read back, a host
/// configuration that was refused).
#[component]
fn Notice() -> impl IntoView {
    let app = use_app();
    let session = session::use_session();
    move || {
        session.notice.get().map(|notice| {
            view! {
                <p class="hw-notice" role="alert">
                    <span aria-hidden="true">"⚠ "</span>
                    {move || i18n::tf(app.lang.get(), notice.key, &notice.args)}
                    {notice.detail.clone().map(|key| view! { " " {move || i18n::t(app.lang.get(), &key)} })}
                </p>
            }
        })
    }
}

/// The interface language to open in: the host's, else the browser's, else English.
pub fn first_language(options: &HostConfig) -> Lang {
    options.lang.as_deref().and_then(Lang::from_code).or_else(browser_language).unwrap_or_default()
}

/// The interface language the browser asks for, if we have it.
fn browser_language() -> Option<Lang> {
    let language = web_sys::window()?.navigator().language()?;
    Lang::from_code(&language)
}
