//! What the app's split points share. With the `split` feature (every Trunk build, which
//! `scripts/split.mjs` splits) code that the first screen does not run is a wasm module of its
//! own, fetched when needed: the later sections (`ui::sections::later`) and the reading of a
//! saved draft (`session::saved`). Without the feature (native builds, the component tests)
//! everything is in the one module and nothing can fail to arrive.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

/// A split module's code could not be fetched (offline, or the server refused).
#[cfg(feature = "split")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unavailable;

#[cfg(feature = "split")]
impl From<leptos::wasm_split::SplitLoaderError> for Unavailable {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unavailable
    }
}

/// Without the split build everything is in the one module: nothing can fail to arrive.
#[cfg(not(feature = "split"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unavailable {}

/// The output of `future` if it is ready at once: a split function whose module is here (a
/// loaded module answers on the first poll), or a fetch already done. A future that would wait
/// is dropped; the module's fetch, if any, goes on in the browser.
pub fn now<F: Future>(future: F) -> Option<F::Output> {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}
