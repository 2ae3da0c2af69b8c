//! Boot: mount the app on the page, or, on a partner's page, wait for `embed.js` to call
//! `mount_embedded`. Everything else lives in the library so it can be tested.

use wasm_bindgen::prelude::*;

fn main() {
    homeward::start();
}

/// Called by `embed.js` for the host element of the snippet, with the URL of the app's folder.
#[wasm_bindgen]
pub fn mount_embedded(
    host: web_sys::Element,
    stylesheets: Vec<String>,
    base: String,
) -> Result<(), JsValue> {
    homeward::mount_embedded(host, stylesheets, &base)
}
