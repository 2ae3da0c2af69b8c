//! Finding the app's own elements. Inside a host page the app lives in a shadow root, where
//! `document.getElementById` cannot see it, so every lookup goes through the app's root.

use std::cell::RefCell;

use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The shadow root the app is mounted in, when embedded; `None` means the document.
    static ROOT: RefCell<Option<web_sys::ShadowRoot>> = const { RefCell::new(None) };
}

/// Remembers the shadow root the app lives in.
pub fn set_shadow_root(root: web_sys::ShadowRoot) {
    ROOT.with(|r| *r.borrow_mut() = Some(root));
}

/// The app's element with this id.
pub fn by_id(id: &str) -> Option<web_sys::Element> {
    ROOT.with(|root| match root.borrow().as_ref() {
        Some(shadow) => shadow.get_element_by_id(id),
        None => leptos::prelude::document().get_element_by_id(id),
    })
}

/// The app's first element matching a CSS selector.
pub fn query_selector(selector: &str) -> Result<Option<web_sys::Element>, JsValue> {
    ROOT.with(|root| match root.borrow().as_ref() {
        Some(shadow) => shadow.query_selector(selector),
        None => leptos::prelude::document().query_selector(selector),
    })
}

/// Moves keyboard focus to the app's element with this id, if it is there.
pub fn focus_by_id(id: &str) -> bool {
    by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}
