//! Homeward, the app: Leptos components over the `homeward_plan` domain crate.
//!
//! Modules import only downward, in this order (a module may use any module below it):
//! - `app`: the root component; it builds the state below and lays out the page.
//! - `ui`: one module per plan section plus small shared widgets; components show state and send
//!   intents, the rules live in `homeward_plan`.
//! - `state`, `undo`: the interface's app-wide state (languages, the current step) and the
//!   offer to undo the last removal.
//! - `session`, `device`: the draft's life on the device (restore, autosave, end session, the
//!   host's programme) and the device around it (offline, other tabs, keeping the data).
//! - `browser`: the only place that touches browser APIs directly (storage, files, embedding);
//!   it knows nothing of the session or the interface.
//! - `draft`, `step`, `input`, `i18n`, `split`: the open draft and its single write funnel, the
//!   plan's steps as plain data, parsing of typed input, interface languages and translations,
//!   and what the split points (code fetched when needed) share.

pub mod app;
pub mod browser;
pub mod device;
pub mod draft;
pub mod i18n;
pub mod input;
pub mod session;
pub mod split;
pub mod state;
pub mod step;
pub mod ui;
pub mod undo;

pub use app::App;

/// Starts the app. Standalone (or in an iframe) it mounts on the page body, configured by the
/// page's query; on a host page with a `data-homeward` element it waits for `embed.js` to call
/// [`mount_embedded`].
pub fn start() {
    use leptos::prelude::*;
    mark("hw-start");
    console_error_panic_hook::set_once();
    let document = document();
    if document.query_selector("[data-homeward]").ok().flatten().is_some() {
        return;
    }
    // The app's own page (also inside an iframe): its service worker may keep it for offline use.
    browser::offline::set_standalone();
    let search = window().location().search().unwrap_or_default();
    let options = browser::embed::config_from_query(&search);
    browser::embed::set_events_with_file(options.events_with_file);
    match options.parent_origin.as_deref() {
        Some(origin) => {
            browser::embed::set_parent_origin(origin);
        }
        None => {
            if let Some(body) = document.body() {
                browser::embed::set_host(body.into());
            }
        }
    }
    let lang = app::first_language(&options);
    when_ready(lang, move || {
        leptos::mount::mount_to_body(move || view! { <app::Homeward options=options.clone() /> });
        mark_first_render();
    });
}

/// Runs `mount` once what the first render needs is here: the texts of `lang` (compiled in for
/// English, else fetched) and, when the device holds a draft, the code that reads it
/// (`session::fetch_reader`; a first visit has none). If a fetch fails the app still mounts,
/// in English or with the saved draft unopened, and says so.
fn when_ready(lang: i18n::Lang, mount: impl FnOnce() + 'static) {
    let reader = session::reader_needed();
    if i18n::is_ready(lang) && !reader {
        return mount();
    }
    // Before mounting Leptos's executor is not set up: the browser's own runs this.
    wasm_bindgen_futures::spawn_local(async move {
        if !i18n::is_ready(lang) {
            let _ = browser::languages::load(lang).await;
        }
        if reader {
            let _ = session::fetch_reader().await;
        }
        mount();
    });
}

/// Mounts the app inside `host` (an element with `data-homeward`), isolated in a shadow root
/// that loads the app's `stylesheets`; `base` is the URL of the app's folder (ending in `/`).
pub fn mount_embedded(
    host: web_sys::Element,
    stylesheets: Vec<String>,
    base: &str,
) -> Result<(), wasm_bindgen::JsValue> {
    use leptos::prelude::*;
    mark("hw-start");
    console_error_panic_hook::set_once();
    let options = browser::embed::config_from_element(&host);
    browser::embed::set_events_with_file(options.events_with_file);
    browser::languages::set_base(base);
    let container = browser::embed::attach(&host, &stylesheets)?;
    let lang = app::first_language(&options);
    when_ready(lang, move || {
        let app = move || view! { <app::Homeward options=options.clone() /> };
        leptos::mount::mount_to(container, app).forget();
        mark_first_render();
    });
    Ok(())
}

/// Rendering is synchronous: the app is on screen now. The size/speed report reads this mark.
fn mark_first_render() {
    mark("hw-first-render");
}

/// A performance mark the size/speed report reads: `hw-start` when the app's code begins (the
/// wasm has arrived and is compiled), `hw-first-render` when the app is on screen.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
