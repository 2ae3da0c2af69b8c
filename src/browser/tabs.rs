//! Talking to the app's other tabs and windows on this device (a `BroadcastChannel`), so two of
//! them never silently overwrite one draft. Messages carry no personal data: the draft itself
//! is read from storage.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// What one tab tells the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Message {
    /// A tab just opened: whoever edits the draft answers [`Message::Here`].
    Hello,
    /// "I am editing the draft."
    Here,
    /// "I edit the draft from now on": the tab that edited becomes read-only.
    Take,
    /// The draft on the device changed: read-only tabs show the new version.
    Saved,
    /// End session: every tab drops the plan.
    Ended,
}

impl Message {
    fn code(self) -> &'static str {
        match self {
            Message::Hello => "hello",
            Message::Here => "here",
            Message::Take => "take",
            Message::Saved => "saved",
            Message::Ended => "ended",
        }
    }

    /// Reads a message; anything else on the channel is ignored.
    pub fn from_code(code: &str) -> Option<Self> {
        [Message::Hello, Message::Here, Message::Take, Message::Saved, Message::Ended]
            .into_iter()
            .find(|m| m.code() == code)
    }
}

thread_local! {
    static CHANNEL: RefCell<Option<web_sys::BroadcastChannel>> = const { RefCell::new(None) };
}

/// Opens the channel and calls `on_message` for each message of another tab. Returns false
/// where the browser has no `BroadcastChannel`: then every tab edits on its own.
pub fn open(on_message: impl Fn(Message) + 'static) -> bool {
    let Ok(channel) = web_sys::BroadcastChannel::new("homeward") else { return false };
    let listener =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            if let Some(message) = event.data().as_string().as_deref().and_then(Message::from_code)
            {
                on_message(message);
            }
        });
    channel.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    listener.forget();
    // One app per page: a remounted app (as in the component tests) replaces the earlier one,
    // which must not answer for it.
    if let Some(old) = CHANNEL.with(|c| c.borrow_mut().replace(channel)) {
        old.set_onmessage(None);
        old.close();
    }
    true
}

/// Calls `on_change` when another tab writes the app's storage key `key` (the `storage`
/// event): a second path beside the channel, so a read-only tab follows the draft even if a
/// message was missed.
pub fn on_storage_change(key: &'static str, on_change: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else { return };
    let listener = Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
        let changed = js_sys::Reflect::get(&event, &"key".into()).ok().and_then(|k| k.as_string());
        if changed.as_deref() == Some(key) {
            on_change();
        }
    });
    let _ = window.add_event_listener_with_callback("storage", listener.as_ref().unchecked_ref());
    listener.forget();
}

/// Tells the other tabs.
pub fn post(message: Message) {
    CHANNEL.with(|c| {
        if let Some(channel) = c.borrow().as_ref() {
            let _ = channel.post_message(&message.code().into());
        }
    });
}
