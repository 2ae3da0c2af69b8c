//! The interface languages other than English, fetched from the app's folder when chosen (the
//! build writes one file per language; the service worker keeps them for offline use).

use std::cell::RefCell;

use crate::i18n::{self, Lang};

thread_local! {
    /// The app's folder as a URL ending in `/`; empty for the page's own folder.
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Where the app's files are, when the page is not in that folder (a partner's page).
pub fn set_base(url: &str) {
    BASE.with(|b| *b.borrow_mut() = url.to_owned());
}

/// Makes the texts of `lang` ready: at once when they are compiled in or were fetched before,
/// else fetched. `Err` when they cannot be fetched (offline before the app was kept) or read.
pub async fn load(lang: Lang) -> Result<(), ()> {
    if i18n::is_ready(lang) {
        return Ok(());
    }
    let url = BASE.with(|b| format!("{}{}", b.borrow(), lang.file_name()));
    let text = super::fetch::text(&url).await?;
    i18n::install(lang, &text).map_err(|_| ())
}
