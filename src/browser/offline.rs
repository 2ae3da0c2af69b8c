//! The device side of privacy and offline use: the service worker that keeps the app's own
//! static files (standalone only), the browser's promise to keep the data, and removing every
//! cache and database of plans at "end session". Failures are silent values: a browser without
//! these features still runs the app, it only loses the extra safety the notices then explain.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Caches of the app's static files are named with this prefix (see `assets/sw.js`).
pub const STATIC_CACHE_PREFIX: &str = "homeward-static-";
/// Every cache or database the app could own starts with this.
const OWN_PREFIX: &str = "homeward";

thread_local! {
    /// Set by `start()`: the app runs on its own page, where its worker may serve it.
    static STANDALONE: Cell<bool> = const { Cell::new(false) };
}

/// Marks the app as running on its own page (not inside a host page), so it may install its
/// service worker. Inside a host page, offline use depends on the host's pages being cached too,
/// which only the host can do.
pub fn set_standalone() {
    STANDALONE.with(|s| s.set(true));
}

pub fn is_standalone() -> bool {
    STANDALONE.with(Cell::get)
}

fn has(target: &JsValue, name: &str) -> bool {
    js_sys::Reflect::has(target, &JsValue::from_str(name)).unwrap_or(false)
}

fn container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Missing on plain http off localhost and in some private modes.
    has(&navigator, "serviceWorker").then(|| navigator.service_worker())
}

/// Registers `sw.js` (next to the page, so its scope is the app's folder) and calls
/// `on_update_ready` when a new version of the app is installed and waits to take over.
pub fn register(on_update_ready: impl Fn() + 'static) {
    let Some(container) = container() else { return };
    let on_update_ready = Rc::new(on_update_ready);
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.register("sw.js")).await else { return };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        // A version installed during an earlier visit may already wait.
        if registration.waiting().is_some() && container.controller().is_some() {
            on_update_ready();
        }
        let watched = registration.clone();
        let on_found = Closure::<dyn Fn()>::new(move || {
            let Some(worker) = watched.installing() else { return };
            let ready = on_update_ready.clone();
            let seen = worker.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                // With no controller this is the first install, not an update.
                let controlled = container_controls();
                if seen.state() == web_sys::ServiceWorkerState::Installed && controlled {
                    ready();
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_found.as_ref().unchecked_ref()));
        on_found.forget();
    });
}

fn container_controls() -> bool {
    container().is_some_and(|c| c.controller().is_some())
}

/// Lets the waiting version take over and reloads the page when it has. The draft is in
/// localStorage, so it comes back after the reload.
pub fn activate_update() {
    let Some(container) = container() else { return };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(registration) = JsFuture::from(container.get_registration()).await else { return };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        if let Some(waiting) = registration.waiting() {
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"homeward:activate".into());
            let _ = waiting.post_message(&message);
        }
    });
}

/// Whether the browser may delete what the app saves, and why.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keeping {
    /// The browser promised to keep the data until the person removes it.
    Kept,
    /// The browser may delete it under storage pressure, or when the private window closes.
    MayDelete,
    /// The browser offers no way to ask it to keep the data (`navigator.storage.persist` is
    /// missing, as in WebKitGTK): it may delete the data whenever its own rules say so.
    CannotAsk,
    /// The browser has not answered yet because it asks the person first (Firefox shows a
    /// question whether the site may keep its data).
    Asking,
    /// The app runs in a frame of another site: its storage is kept apart for that site and
    /// may be deleted with it.
    Partitioned,
}

/// Asks the browser to keep the app's data (`navigator.storage.persist()`), and reports whether
/// it may still delete it.
pub async fn ask_to_keep() -> Keeping {
    if in_another_site() {
        return Keeping::Partitioned;
    }
    let Some(window) = web_sys::window() else { return Keeping::MayDelete };
    let navigator = window.navigator();
    if !has(&navigator, "storage") || !has(&navigator.storage(), "persist") {
        return Keeping::CannotAsk;
    }
    let Ok(promise) = navigator.storage().persist() else { return Keeping::CannotAsk };
    match JsFuture::from(promise).await {
        Ok(granted) if granted.as_bool() == Some(true) => Keeping::Kept,
        _ => Keeping::MayDelete,
    }
}

/// Whether the page is a frame inside a page of another origin (reading the top page's origin
/// throws across origins).
fn in_another_site() -> bool {
    let Some(window) = web_sys::window() else { return false };
    let Ok(Some(top)) = window.top() else { return false };
    if top == window {
        return false;
    }
    let own = window.location().origin().ok();
    let top_origin = top.location().origin().ok();
    top_origin.is_none() || top_origin != own
}

/// Removes every cache and IndexedDB database of the app except the caches of its static
/// files. Only names starting with `homeward` are touched: on a partner's site the origin, and
/// so the storage, is shared with the partner's own pages.
pub async fn remove_caches_and_databases() -> Result<(), JsValue> {
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    if has(&window, "caches") {
        let caches = window.caches()?;
        let names = JsFuture::from(caches.keys()).await?;
        for name in js_sys::Array::from(&names).iter().filter_map(|n| n.as_string()) {
            if name.starts_with(OWN_PREFIX) && !name.starts_with(STATIC_CACHE_PREFIX) {
                JsFuture::from(caches.delete(&name)).await?;
            }
        }
    }
    if let Some(factory) = window.indexed_db()? {
        // `databases()` is missing in older browsers: then there is nothing we could name.
        let databases = js_sys::Reflect::get(&factory, &"databases".into())?;
        if let Some(databases) = databases.dyn_ref::<js_sys::Function>() {
            let list = JsFuture::from(js_sys::Promise::from(databases.call0(&factory)?)).await?;
            for info in js_sys::Array::from(&list).iter() {
                let name = js_sys::Reflect::get(&info, &"name".into())?.as_string();
                if let Some(name) = name.filter(|n| n.starts_with(OWN_PREFIX)) {
                    factory.delete_database(&name)?;
                }
            }
        }
    }
    Ok(())
}
