//! Fetching a text from the network (a host's programme configuration).

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The body of `url`, or `Err` when it cannot be fetched or the server refuses it.
pub async fn text(url: &str) -> Result<String, ()> {
    let window = web_sys::window().ok_or(())?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| ())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| ())?;
    if !response.ok() {
        return Err(());
    }
    let text = JsFuture::from(response.text().map_err(|_| ())?).await.map_err(|_| ())?;
    text.as_string().ok_or(())
}
