//! The draft's life on the device: restored at start, saved as the person types, removed at
//! "end session". The plan is stored as the exported JSON document, so reading it back goes
//! through the same import (and migrations) as a file (`saved`).

use chrono::{DateTime, Local, NaiveDate, Utc};
use homeward_plan::interchange::export_json;
use homeward_plan::model::Plan;
use homeward_plan::programme::{self, ProgrammeConfig};
use leptos::leptos_dom::helpers::{TimeoutHandle, set_timeout_with_handle};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

mod host;
mod saved;
pub use host::host_programme;
pub use saved::fetch_reader;

use crate::browser::offline;
use crate::browser::storage::{self, StorageError};
use crate::browser::tabs::{self, Message};
use crate::draft::Draft;
use crate::step::Step;

/// How long typing must pause before the draft is written (well under a second).
const SAVE_DELAY: std::time::Duration = std::time::Duration::from_millis(300);

/// What the save indicator says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveState {
    /// Nothing typed yet in this plan, so nothing is on the device.
    NothingToSave,
    Saved(DateTime<Utc>),
    Failed(StorageError),
    /// End session removed everything.
    Cleared,
}

/// A message for the person that is not about a field: a translation key and its parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
    /// A second translated sentence, e.g. what is wrong with a refused configuration.
    pub detail: Option<String>,
}

impl Notice {
    pub fn new(key: &'static str) -> Self {
        Self { key, args: Vec::new(), detail: None }
    }
}

/// The session's state around the draft.
#[derive(Clone, Copy)]
pub struct Session {
    pub save_state: RwSignal<SaveState>,
    /// E.g. that a saved draft could not be read back.
    pub notice: RwSignal<Option<Notice>>,
    /// Where the person is, saved beside the draft (the interface shows the same signal).
    pub step: RwSignal<Step>,
}

/// Where the person was, saved beside the draft.
#[derive(Debug, Serialize, Deserialize)]
struct Meta {
    step: String,
    saved_at: DateTime<Utc>,
}

/// What was found on the device at start.
pub struct Restored {
    pub plan: Option<Plan>,
    pub step: Step,
    pub save_state: SaveState,
    pub notice: Option<Notice>,
    /// A draft is saved but the code that reads it could not be fetched: nothing may open over
    /// it (see `app::Unopened`).
    pub unopened: bool,
}

/// Reads the saved draft, if any. A draft that cannot be read is kept aside, never deleted.
pub fn restore(today: NaiveDate) -> Restored {
    let mut restored = Restored {
        plan: None,
        step: Step::default(),
        save_state: SaveState::NothingToSave,
        notice: None,
        unopened: false,
    };
    let saved = match storage::load(storage::DRAFT_KEY) {
        Ok(saved) => saved,
        Err(e) => {
            restored.save_state = SaveState::Failed(e);
            return restored;
        }
    };
    let Some(json) = saved else { return restored };
    // The budget the draft records is derived; the rules it is checked against do not matter
    // here (findings of a restored draft are recomputed by the draft itself).
    match saved::read_now(&json, today) {
        Ok(Some(plan)) => restored.plan = Some(plan),
        Ok(None) => {
            let _ = storage::save(storage::UNREADABLE_KEY, &json);
            restored.notice = Some(Notice::new("session.draft_unreadable"));
        }
        Err(_) => {
            restored.unopened = true;
            return restored;
        }
    }
    if let Ok(Some(meta)) = storage::load(storage::META_KEY)
        && let Ok(meta) = serde_json::from_str::<Meta>(&meta)
    {
        restored.step = Step::from_slug(&meta.step).unwrap_or_default();
        restored.save_state = SaveState::Saved(meta.saved_at);
    }
    restored
}

/// Whether start-up must fetch the code that reads a saved draft before mounting: a draft is
/// saved and that code is not here yet.
pub fn reader_needed() -> bool {
    matches!(storage::load(storage::DRAFT_KEY), Ok(Some(_))) && !saved::reader_here()
}

/// The programme a restored plan was drafted under, or the default.
pub fn programme_for(plan: Option<&Plan>) -> ProgrammeConfig {
    plan.and_then(|p| programme::preset(&p.programme_id)).unwrap_or_else(programme::default_preset)
}

impl Session {
    pub fn new(save_state: SaveState, notice: Option<Notice>, step: Step) -> Self {
        Self {
            save_state: RwSignal::new(save_state),
            notice: RwSignal::new(notice),
            step: RwSignal::new(step),
        }
    }

    /// Saves the draft shortly after each change of the plan or the step. A blank plan is not
    /// written, so a fresh or ended session leaves nothing on the device. The draft as restored
    /// is not written back: another tab may have saved a newer one meanwhile.
    pub fn autosave(self, draft: Draft) {
        let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
        Effect::new(move |first: Option<()>| {
            draft.plan.track();
            self.step.track();
            if first.is_none() {
                return;
            }
            if let Some(handle) = pending.get_value() {
                handle.clear();
            }
            let handle = set_timeout_with_handle(
                move || {
                    pending.set_value(None);
                    self.save_now(draft);
                },
                SAVE_DELAY,
            );
            pending.set_value(handle.ok());
        });
        // Leaving or hiding the page (reload, closing the tab, switching apps on a tablet) must
        // not lose the last keystrokes still waiting for the delay.
        let flush = move |_| {
            if let Some(handle) = pending.get_value() {
                handle.clear();
                pending.set_value(None);
                self.save_now(draft);
            }
        };
        let on_hide = window_event_listener_untyped("pagehide", flush);
        let on_hidden = window_event_listener_untyped("visibilitychange", move |ev| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                flush(ev);
            }
        });
        on_cleanup(move || {
            on_hide.remove();
            on_hidden.remove();
        });
    }

    /// Writes the draft and where the person is, unless this tab only shows a draft another
    /// tab holds.
    pub fn save_now(self, draft: Draft) {
        if !draft.editable() || draft.plan.with_untracked(Plan::is_blank) {
            return;
        }
        let json =
            draft.programme.with_untracked(|c| draft.plan.with_untracked(|p| export_json(p, c)));
        let now = Utc::now();
        let meta = Meta { step: self.step.get_untracked().slug().to_owned(), saved_at: now };
        let result = storage::save(storage::DRAFT_KEY, &json).and_then(|()| {
            let meta = serde_json::to_string(&meta).unwrap_or_default();
            storage::save(storage::META_KEY, &meta)
        });
        if result.is_ok() {
            tabs::post(Message::Saved);
        }
        self.save_state.set(match result {
            Ok(()) => SaveState::Saved(now),
            Err(e) => SaveState::Failed(e),
        });
        let (updated_at, completeness) = draft.plan.with_untracked(|p| {
            (
                p.updated_at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                draft.completeness.get_untracked(),
            )
        });
        crate::browser::embed::plan_changed(&updated_at, completeness);
    }

    /// Removes every trace of plans from the device (storage, caches and databases other than
    /// the app's own files) and opens an empty plan, here and in the app's other tabs.
    pub fn end(self, draft: Draft) {
        let result = storage::remove_all();
        tabs::post(Message::Ended);
        wasm_bindgen_futures::spawn_local(async move {
            if offline::remove_caches_and_databases().await.is_err() {
                self.save_state.set(SaveState::Failed(StorageError::Refused));
            }
        });
        self.ended(draft, result.map(|_| ()));
    }

    /// Shows an empty plan after the session ended, here or in another tab.
    pub fn ended(self, draft: Draft, result: Result<(), StorageError>) {
        let programme = programme::default_preset();
        draft.replace(Draft::empty_plan(&programme));
        draft.programme.set(programme);
        self.step.set(Step::default());
        self.notice.set(None);
        self.save_state.set(match result {
            Ok(()) => SaveState::Cleared,
            Err(e) => SaveState::Failed(e),
        });
    }

    /// Starts a new, empty plan under the current programme. The old one is replaced on the
    /// device at the first edit of the new one.
    pub fn new_plan(self, draft: Draft) {
        let programme = draft.programme.get_untracked();
        draft.replace(Draft::empty_plan(&programme));
        self.step.set(Step::default());
        self.notice.set(None);
        let _ = storage::remove_all();
        self.save_state.set(SaveState::NothingToSave);
    }
}

impl Session {
    /// Shows the draft as another tab saved it (this tab only looks, or is about to take over).
    pub fn reload_from_device(self, draft: Draft) {
        if saved::reader_here() {
            return self.show_from_device(draft);
        }
        // Its code is fetched after the first paint; a draft saved before then waits for it.
        leptos::task::spawn_local(async move {
            if saved::fetch_reader().await.is_ok() {
                self.show_from_device(draft);
            }
        });
    }

    fn show_from_device(self, draft: Draft) {
        let restored = restore(draft.today);
        // No draft left means the session ended in another tab, which says so itself (its
        // message may arrive after the storage event): keep what this tab shows until then.
        if let Some(plan) = restored.plan {
            draft.replace(plan);
            self.save_state.set(restored.save_state);
        }
    }
}

/// The time of day of a save, in the device's time zone, e.g. `14:05`.
pub fn local_time(at: DateTime<Utc>) -> String {
    at.with_timezone(&Local).format("%H:%M").to_string()
}

/// The session from context.
pub fn use_session() -> Session {
    expect_context::<Session>()
}
