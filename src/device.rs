//! The app on this device beyond the draft itself: a new version waiting to be used (offline
//! support, standalone only), whether the browser may delete the saved draft, and the other tabs
//! or windows that may hold the same draft.

use leptos::prelude::*;

use crate::browser::offline::{self, Keeping};
use crate::browser::storage;
use crate::browser::tabs::{self, Message};
use crate::draft::{Access, Draft};
use crate::session::{SaveState, Session};

/// How long the browser may take to answer whether it keeps the data before the app explains
/// the question it is asking the person instead.
const ASK_PATIENCE: std::time::Duration = std::time::Duration::from_millis(1500);

/// Provided as context by the app.
#[derive(Clone, Copy)]
pub struct Device {
    /// A new version of the app is installed and waits for a reload.
    pub update_ready: RwSignal<bool>,
    /// Whether the browser may delete the saved draft; `None` until it answered.
    pub keeping: RwSignal<Option<Keeping>>,
    /// The advice about keeping the plan was shown on this device before: it starts folded.
    pub keeping_read: bool,
    /// The advice has been on screen in this page.
    keeping_seen: RwSignal<bool>,
    /// This page has recorded that the advice was read (once: after "end session" it is not
    /// written again).
    keeping_recorded: StoredValue<bool>,
}

impl Device {
    /// Starts watching: registers the service worker (standalone only), asks the browser to
    /// keep the data, and joins the other tabs.
    pub fn start(draft: Draft, session: Session) -> Self {
        let device = Self {
            update_ready: RwSignal::new(false),
            keeping: RwSignal::new(None),
            keeping_read: matches!(storage::load(storage::KEEPING_READ_KEY), Ok(Some(_))),
            keeping_seen: RwSignal::new(false),
            keeping_recorded: StoredValue::new(false),
        };
        // Recorded beside a saved plan only: a device with nothing saved, or after End session,
        // keeps no trace of the app.
        Effect::new(move |_| {
            let saved = matches!(session.save_state.get(), SaveState::Saved(_));
            if saved
                && device.keeping_seen.get()
                && !device.keeping_read
                && !device.keeping_recorded.get_value()
            {
                device.keeping_recorded.set_value(true);
                // Where storage fails the advice simply opens again next time.
                let _ = storage::save(storage::KEEPING_READ_KEY, "1");
            }
        });
        if offline::is_standalone() {
            let ready = device.update_ready;
            offline::register(move || ready.set(true));
        }
        let keeping = device.keeping;
        wasm_bindgen_futures::spawn_local(async move {
            keeping.set(Some(offline::ask_to_keep().await));
        });
        // Firefox asks the person before it answers: until then, say what the question means.
        set_timeout(
            move || {
                if keeping.get_untracked().is_none() {
                    keeping.set(Some(Keeping::Asking));
                }
            },
            ASK_PATIENCE,
        );
        if tabs::open(move |message| on_message(message, draft, session)) {
            tabs::post(Message::Hello);
        }
        tabs::on_storage_change(storage::DRAFT_KEY, move || {
            if draft.access.get_untracked() != Access::Editing {
                session.reload_from_device(draft);
            }
        });
        device
    }

    /// The advice about keeping the plan has been on screen: once a plan is saved, the next
    /// visit opens it folded.
    pub fn keeping_shown(self) {
        if !self.keeping_seen.get_untracked() {
            self.keeping_seen.set(true);
        }
    }

    /// Uses the waiting version: saves the draft now, then reloads into the new version.
    pub fn use_update(self, draft: Draft, session: Session) {
        session.save_now(draft);
        offline::activate_update();
    }
}

/// What this tab does when another one speaks.
fn on_message(message: Message, draft: Draft, session: Session) {
    let access = draft.access.get_untracked();
    match message {
        Message::Hello if access == Access::Editing => {
            // The new tab reads the draft from storage: give it the latest.
            session.save_now(draft);
            tabs::post(Message::Here);
        }
        Message::Here if access == Access::Editing => draft.access.set(Access::Asking),
        Message::Take if matches!(access, Access::Editing | Access::Asking) => {
            draft.access.set(Access::TakenOver);
        }
        Message::Saved if access != Access::Editing => session.reload_from_device(draft),
        Message::Ended => session.ended(draft, Ok(())),
        _ => {}
    }
}

/// This tab edits the draft from now on; the tab that edited it becomes read-only.
pub fn take_over(draft: Draft, session: Session) {
    tabs::post(Message::Take);
    session.reload_from_device(draft);
    draft.access.set(Access::Editing);
}

/// This tab only shows the draft another tab holds.
pub fn only_look(draft: Draft, session: Session) {
    draft.access.set(Access::Looking);
    session.reload_from_device(draft);
}

/// The device state from context.
pub fn use_device() -> Device {
    expect_context::<Device>()
}
