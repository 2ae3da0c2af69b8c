//! Homeward, the app: Leptos components over the `homeward_plan` domain crate.
//!
//! - `app`: the root component and the app-wide state it provides.
//! - `i18n`: interface languages, translation files and lookup.
//! - `ui`: one module per plan section plus small shared widgets; components show state and send
//!   intents, the rules live in `homeward_plan`.
//! - `browser`: the only place that touches browser APIs directly (storage, files, embedding).

pub mod app;
pub mod browser;
pub mod draft;
pub mod i18n;
pub mod ui;

pub use app::App;

/// Mounts the app on the page. Called once by `main`.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
    // Rendering is synchronous: the app is on screen now. The size/speed report reads this mark.
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark("hw-first-render");
    }
}
