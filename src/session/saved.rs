//! Reading a saved draft back goes through the full import (format and version checks, the
//! migration of version-1 drafts, the strict reader): most of the plan's reading code. With the
//! `split` feature that code is out of the first load, in a module the review's import shares.
//! A first visit has no draft and never waits for it; when the device holds a draft, start-up
//! fetches it before mounting (`fetch_reader`, see `crate::start`), and otherwise it is fetched
//! after the first paint, so that a draft another tab saves shows at once.

use chrono::NaiveDate;
use homeward_plan::interchange::import_json;
use homeward_plan::model::Plan;

use crate::split::Unavailable;

/// The saved draft read back: `None` if it cannot be read (not a plan, or a newer version).
#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(
        saved_draft,
        wasm_split_path = ::leptos::wasm_split,
        fallible,
        preload(fetch)
    )
)]
fn read(json: &str, today: NaiveDate) -> Result<Option<Plan>, Unavailable> {
    // The rules a draft is checked against do not matter here: the open draft computes its own
    // findings.
    Ok(import_json(json, today, None).ok().map(|imported| imported.plan))
}

/// Reads a saved draft now, if the code to read it is here.
pub fn read_now(json: &str, today: NaiveDate) -> Result<Option<Plan>, Unavailable> {
    #[cfg(feature = "split")]
    return crate::split::now(read(json, today)).unwrap_or(Err(Unavailable));
    #[cfg(not(feature = "split"))]
    read(json, today)
}

/// Fetches the code that reads a saved draft, unless it is here already.
pub async fn fetch_reader() -> Result<(), Unavailable> {
    #[cfg(feature = "split")]
    fetch().await?;
    Ok(())
}

/// Whether the code that reads a saved draft is here, so that [`read_now`] answers.
pub fn reader_here() -> bool {
    matches!(crate::split::now(fetch_reader()), Some(Ok(())))
}
