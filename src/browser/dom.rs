//! Finding the app's own elements. Inside a host page the app lives in a shadow root, where
//! `document.getElementById` cannot see it, so every lookup goes through the app's root.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

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

/// The element that has the focus in the app (through its shadow root when embedded); `None`
/// or the page's body when nothing in particular has it.
fn active_element() -> Option<web_sys::Element> {
    ROOT.with(|root| match root.borrow().as_ref() {
        Some(shadow) => shadow.active_element(),
        None => leptos::prelude::document().active_element(),
    })
}

/// Runs `focus` after `delay`, unless the person has moved the focus meanwhile (into a field, to
/// type): focus follows what they did, and never jumps away from where they already are.
fn focus_after(delay: std::time::Duration, focus: impl FnOnce() + 'static) {
    let before = active_element();
    leptos::prelude::set_timeout(
        move || {
            if !focus_moved_from(&before) {
                focus();
            }
        },
        delay,
    );
}

/// Whether the focus is now on another element than `before`: not merely lost to the page (the
/// button that had it was removed, say).
fn focus_moved_from(before: &Option<web_sys::Element>) -> bool {
    let now = active_element();
    now != *before && now.is_some_and(|el| !el.tag_name().eq_ignore_ascii_case("body"))
}

/// The app's first element that matches `selector`.
fn query(selector: &str) -> Option<web_sys::Element> {
    ROOT.with(|root| match root.borrow().as_ref() {
        Some(shadow) => shadow.query_selector(selector).ok().flatten(),
        None => leptos::prelude::document().query_selector(selector).ok().flatten(),
    })
}

/// The control of the field marked `data-path="<path>"`, or with `inside`, of the first field
/// within that place.
fn field_control(path: &str, inside: bool) -> Option<web_sys::HtmlElement> {
    // Pointers hold no quotes or backslashes: the format's field names are plain words.
    let selector = if inside {
        format!("[data-path^=\"{path}/\"]")
    } else {
        format!("[data-path=\"{path}\"]")
    };
    query(&selector)?
        .query_selector("input, select, textarea")
        .ok()
        .flatten()
        .and_then(|control| control.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Moves keyboard focus to the app's element with this id, if it is there.
pub fn focus_by_id(id: &str) -> bool {
    by_id(id)
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        .is_some_and(|el| el.focus().is_ok())
}

/// Moves keyboard focus to the element `id` (or, with `inside`, to the first element matching
/// that selector within it) once the view has caught up: where the person asked to go.
pub fn focus_later(id: String, inside: Option<&'static str>) {
    leptos::prelude::request_animation_frame(move || focus_now(&id, inside));
}

/// Like [`focus_later`], for a row just added, unless the person has already moved on (tapped
/// into a field to type): keys typed there must not land in the new row.
pub fn focus_new_later(id: String, inside: Option<&'static str>) {
    let before = active_element();
    leptos::prelude::request_animation_frame(move || {
        if !focus_moved_from(&before) {
            focus_now(&id, inside);
        }
    });
}

fn focus_now(id: &str, inside: Option<&'static str>) {
    let Some(element) = by_id(id) else { return };
    let target = match inside {
        Some(selector) => element.query_selector(selector).ok().flatten(),
        None => Some(element),
    };
    if let Some(target) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = target.focus();
    }
}

/// Focuses the first of `ids` that exists and is not disabled (e.g. the "up" button of a row
/// that just moved, else its "down" button once it reached the top), once the view caught up.
pub fn focus_first_enabled(ids: Vec<String>) {
    leptos::prelude::request_animation_frame(move || {
        for id in ids {
            let Some(element) = by_id(&id) else { continue };
            if element.has_attribute("disabled") {
                continue;
            }
            if let Ok(target) = element.dyn_into::<web_sys::HtmlElement>() {
                let _ = target.focus();
                return;
            }
        }
    });
}

/// Brings the field at `path` (a JSON Pointer into the plan) into view and focuses it once the
/// section that may still be drawing has caught up; where no field is there, the element
/// `fallback` (its card), else the first field inside the place. A finding's "go to" lands on
/// the field to fix, wherever the finding is shown.
pub fn reveal_field_later(path: String, fallback: Option<String>) {
    // Asked for by the person, so it happens whatever has the focus by then (the new section
    // focuses its own heading on arrival).
    let go = move || {
        let focus = |control: web_sys::HtmlElement| {
            control.scroll_into_view();
            let _ = control.focus();
        };
        if let Some(control) = field_control(&path, false) {
            focus(control);
        } else if let Some(id) = fallback.filter(|id| by_id(id).is_some()) {
            reveal(&id);
        } else if let Some(control) = field_control(&path, true) {
            focus(control);
        }
    };
    leptos::prelude::set_timeout(go, std::time::Duration::from_millis(60));
}

/// Brings the element `id` into view and focuses it, once a section that may still be drawing
/// has caught up (a jump from the budget to a measure in another section).
pub fn reveal_later(id: String) {
    focus_after(std::time::Duration::from_millis(60), move || reveal(&id));
}

fn reveal(id: &str) {
    if let Some(element) = by_id(id) {
        element.scroll_into_view();
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
}

/// Opens the browser's print dialog for the page.
pub fn print_page() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The keys a list that follows the keyboard (a combobox) answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListKey {
    Down,
    Up,
    Enter,
    Escape,
    Other,
}

/// Which of the list keys a key press is (`KeyboardEvent.key`).
pub fn list_key(event: &web_sys::KeyboardEvent) -> ListKey {
    match event.key().as_str() {
        "ArrowDown" => ListKey::Down,
        "ArrowUp" => ListKey::Up,
        "Enter" => ListKey::Enter,
        "Escape" => ListKey::Escape,
        _ => ListKey::Other,
    }
}

/// Whether the `<details>` element a `toggle` event comes from is open now.
pub fn details_open(ev: &web_sys::Event) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| e.has_attribute("open"))
}
