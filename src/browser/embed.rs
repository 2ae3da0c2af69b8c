//! Homeward inside a partner's site. Two ways in:
//! - a snippet: an element with `data-homeward` and `embed.js`; the app mounts in a shadow root
//!   of that element, so neither page's styles reach the other, and events are dispatched on
//!   the element;
//! - an iframe of the app's page, configured by its query; messages go to the parent only when
//!   the host named its origin and the frame really sits in a page of that origin.
//!
//! Events never carry personal data. `homeward:exported` says that a file was saved and which
//! kind; it carries the file itself only when the host opted in (`data-events="with-file"`, or
//! `events=with-file` in the iframe's query), and then exactly the file that was saved: the
//! partner file when that was saved, never the whole plan in its place.

use std::cell::{Cell, RefCell};

use wasm_bindgen::{JsCast, JsValue};

use crate::browser::dom;

/// How the host configured the app (from `data-*` attributes or the iframe's query).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HostConfig {
    /// `data-lang` / `lang`: an interface language code.
    pub lang: Option<String>,
    /// `data-programme` / `programme`: a preset id, or the URL of a configuration JSON.
    pub programme: Option<String>,
    /// `data-accent` / `accent`: a colour as `#rgb` or `#rrggbb`.
    pub accent: Option<String>,
    /// `parent-origin` (iframe only): the origin messages may go to.
    pub parent_origin: Option<String>,
    /// `data-events="with-file"` / `events=with-file`: the host wants the saved file in
    /// `homeward:exported`.
    pub events_with_file: bool,
}

/// The value of `data-events` / `events` that asks for the saved file in the event.
pub const WITH_FILE: &str = "with-file";

/// Which file was saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The whole plan.
    Plan,
    /// The file for a partner organisation.
    Partner,
}

impl ExportKind {
    /// The code in the event's `detail.kind`.
    pub fn code(self) -> &'static str {
        match self {
            ExportKind::Plan => "plan",
            ExportKind::Partner => "partner",
        }
    }
}

/// Where events and messages go.
enum Target {
    Element(web_sys::Element),
    Parent(String),
}

thread_local! {
    static TARGET: RefCell<Option<Target>> = const { RefCell::new(None) };
    static SEND_FILE: Cell<bool> = const { Cell::new(false) };
}

/// Only a plain hex colour may reach the style attribute.
pub fn valid_accent(colour: &str) -> Option<String> {
    let hex = colour.strip_prefix('#')?;
    ((hex.len() == 3 || hex.len() == 6) && hex.bytes().all(|b| b.is_ascii_hexdigit()))
        .then(|| format!("#{}", hex.to_ascii_lowercase()))
}

/// Whether a programme setting names a configuration file rather than a preset.
pub fn is_config_url(programme: &str) -> bool {
    programme.ends_with(".json") || programme.contains('/')
}

/// Reads the `data-*` attributes of a host element.
pub fn config_from_element(host: &web_sys::Element) -> HostConfig {
    let get = |name: &str| host.get_attribute(name).filter(|v| !v.trim().is_empty());
    HostConfig {
        lang: get("data-lang"),
        programme: get("data-programme"),
        accent: get("data-accent"),
        parent_origin: None,
        events_with_file: get("data-events").is_some_and(|v| v.trim() == WITH_FILE),
    }
}

/// Reads the iframe configuration from a query string such as `?lang=fr&parent-origin=...`.
pub fn config_from_query(query: &str) -> HostConfig {
    let mut config = HostConfig::default();
    for pair in query.trim_start_matches('?').split('&') {
        let Some((key, value)) = pair.split_once('=') else { continue };
        let value = js_sys::decode_uri_component(value)
            .ok()
            .and_then(|v| v.as_string())
            .filter(|v| !v.trim().is_empty());
        match key {
            "lang" => config.lang = value,
            "programme" => config.programme = value,
            "accent" => config.accent = value,
            "parent-origin" => config.parent_origin = value,
            "events" => config.events_with_file = value.is_some_and(|v| v.trim() == WITH_FILE),
            _ => {}
        }
    }
    config
}

/// Whether `homeward:exported` carries the saved file (the host opted in).
pub fn set_events_with_file(on: bool) {
    SEND_FILE.with(|s| s.set(on));
}

/// Events go to this element (the snippet's host, or the page body when standalone).
pub fn set_host(element: web_sys::Element) {
    TARGET.with(|t| *t.borrow_mut() = Some(Target::Element(element)));
}

/// Messages go to the parent window, at this origin only, when the frame's parent really is
/// of that origin. Returns whether messaging is on.
pub fn set_parent_origin(origin: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let framed = window.parent().ok().flatten().is_some_and(|p| p != window);
    // `location.ancestorOrigins` (not in every browser, hence read by name): the parent's origin.
    let ancestor = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into())
        .ok()
        .and_then(|list| list.dyn_into::<web_sys::DomStringList>().ok())
        .and_then(|list| list.item(0));
    let matches = ancestor.as_deref().is_none_or(|a| a == origin);
    if framed && matches && origin.starts_with("http") {
        TARGET.with(|t| *t.borrow_mut() = Some(Target::Parent(origin.to_owned())));
        true
    } else {
        false
    }
}

/// Mounts the app in a shadow root of `host`, with its stylesheets; returns the container.
pub fn attach(
    host: &web_sys::Element,
    stylesheets: &[String],
) -> Result<web_sys::HtmlElement, JsValue> {
    let document = leptos::prelude::document();
    let shadow =
        host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?;
    let container: web_sys::HtmlElement = document.create_element("div")?.unchecked_into();
    container.set_class_name("hw-host");
    // Hidden until its stylesheets have loaded (or failed), so the app never shows unstyled
    // under the host's styles; slower networks and service workers make that wait visible.
    let pending = std::rc::Rc::new(std::cell::Cell::new(stylesheets.len()));
    if !stylesheets.is_empty() {
        container.set_hidden(true);
    }
    for href in stylesheets {
        let link = document.create_element("link")?;
        link.set_attribute("rel", "stylesheet")?;
        link.set_attribute("href", href)?;
        let (pending, shown) = (pending.clone(), container.clone());
        let settled = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
            pending.set(pending.get().saturating_sub(1));
            if pending.get() == 0 {
                shown.set_hidden(false);
            }
        });
        link.add_event_listener_with_callback("load", settled.as_ref().unchecked_ref())?;
        link.add_event_listener_with_callback("error", settled.as_ref().unchecked_ref())?;
        settled.forget();
        shadow.append_child(&link)?;
    }
    shadow.append_child(&container)?;
    dom::set_shadow_root(shadow);
    set_host(host.clone());
    Ok(container)
}

/// After the user saved a file: `homeward:exported` with `{ kind, sealed }`, plus `file` (the
/// saved text, sealed or not) only when the host opted in.
pub fn plan_exported(kind: ExportKind, sealed: bool, file: &str) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"kind".into(), &JsValue::from_str(kind.code()));
    let _ = js_sys::Reflect::set(&detail, &"sealed".into(), &JsValue::from_bool(sealed));
    if SEND_FILE.with(Cell::get) {
        let _ = js_sys::Reflect::set(&detail, &"file".into(), &JsValue::from_str(file));
    }
    send("homeward:exported", &detail);
}

/// After the draft changed and was saved: `homeward:changed` with `{ updatedAt, completeness }`
/// — no personal data.
pub fn plan_changed(updated_at: &str, completeness: u8) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"updatedAt".into(), &JsValue::from_str(updated_at));
    let _ = js_sys::Reflect::set(
        &detail,
        &"completeness".into(),
        &JsValue::from(u32::from(completeness)),
    );
    send("homeward:changed", &detail);
}

fn send(name: &str, detail: &JsValue) {
    TARGET.with(|target| match target.borrow().as_ref() {
        Some(Target::Element(element)) => {
            let init = web_sys::CustomEventInit::new();
            init.set_detail(detail);
            init.set_bubbles(true);
            init.set_composed(true);
            if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
                let _ = element.dispatch_event(&event);
            }
        }
        Some(Target::Parent(origin)) => {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &JsValue::from_str(name));
            let _ = js_sys::Reflect::set(&message, &"detail".into(), detail);
            if let Some(parent) = web_sys::window().and_then(|w| w.parent().ok().flatten()) {
                let _ = parent.post_message(&message, origin);
            }
        }
        None => {}
    });
}
