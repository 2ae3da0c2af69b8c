//! The draft on the device: `localStorage`, under keys that all start with [`PREFIX`], so
//! "end session" can remove every trace. Every failure is a value, never a panic: private
//! modes, full quotas and blocked storage are normal on shared tablets.

use wasm_bindgen::JsCast;

/// Every key the app writes starts with this.
pub const PREFIX: &str = "homeward.";
/// The draft plan, as the exported JSON document (so migrations apply when it is read back).
pub const DRAFT_KEY: &str = "homeward.draft.v1";
/// Where the person was: current step and when the draft was saved.
pub const META_KEY: &str = "homeward.meta.v1";
/// A saved draft that could not be read back, kept rather than lost.
pub const UNREADABLE_KEY: &str = "homeward.draft.unreadable";
/// The advice about keeping the plan has been shown once here: later it opens folded.
pub const KEEPING_READ_KEY: &str = "homeward.keeping.read";

/// Why storage did not work. The interface translates `storage_error.<code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageError {
    /// No storage at all (blocked by settings, or a sandboxed frame).
    Unavailable,
    /// The browser's quota for this site is used up.
    Full,
    /// Any other refusal.
    Refused,
}

impl StorageError {
    pub fn code(self) -> &'static str {
        match self {
            StorageError::Unavailable => "unavailable",
            StorageError::Full => "full",
            StorageError::Refused => "refused",
        }
    }
}

fn storage() -> Result<web_sys::Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    // Reading `localStorage` itself throws where storage is blocked.
    window.local_storage().ok().flatten().ok_or(StorageError::Unavailable)
}

fn classify(error: wasm_bindgen::JsValue) -> StorageError {
    match error.dyn_ref::<web_sys::DomException>().map(|e| e.name()) {
        Some(name) if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" => {
            StorageError::Full
        }
        _ => StorageError::Refused,
    }
}

/// Stores `value` under `key`.
pub fn save(key: &str, value: &str) -> Result<(), StorageError> {
    storage()?.set_item(key, value).map_err(classify)
}

/// The value under `key`, if any.
pub fn load(key: &str) -> Result<Option<String>, StorageError> {
    storage()?.get_item(key).map_err(classify)
}

/// Removes every key of the app from local and session storage and reports how many were
/// removed. Session storage is not used today; clearing it too keeps "end session" complete.
pub fn remove_all() -> Result<usize, StorageError> {
    let removed = remove_prefixed(&storage()?)?;
    let session = web_sys::window().and_then(|w| w.session_storage().ok().flatten());
    Ok(removed + session.map_or(Ok(0), |store| remove_prefixed(&store))?)
}

fn remove_prefixed(store: &web_sys::Storage) -> Result<usize, StorageError> {
    let length = store.length().map_err(classify)?;
    let ours: Vec<String> = (0..length)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .collect();
    for key in &ours {
        store.remove_item(key).map_err(classify)?;
    }
    Ok(ours.len())
}

/// Start of the keys that keep a plan as it was last sent (`homeward.sent.<plan id>`): the
/// common revision a file coming back is compared with. Under [`PREFIX`], so "end session"
/// removes them too.
pub const SENT_PREFIX: &str = "homeward.sent.";

/// The key of the copy of plan `plan_id` as it was last sent.
pub fn sent_key(plan_id: &str) -> String {
    format!("{SENT_PREFIX}{plan_id}")
}

/// Keeps `json` (the plan as exported) as the copy of plan `plan_id` that was sent, in place
/// of any earlier one: only the latest is kept.
pub fn save_sent(plan_id: &str, json: &str) -> Result<(), StorageError> {
    save(&sent_key(plan_id), json)
}

/// The copy of plan `plan_id` as it was last sent, as exported JSON, if any.
pub fn load_sent(plan_id: &str) -> Result<Option<String>, StorageError> {
    load(&sent_key(plan_id))
}
