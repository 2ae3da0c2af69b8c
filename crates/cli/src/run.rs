//! Many files, in parallel, in order, in flat memory: the files are taken in chunks; each chunk
//! is worked on by every core, and its results are handed on in the order given before the next
//! chunk starts. A progress bar is drawn on standard error only when it is a terminal.

use std::io::IsTerminal;
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

use crate::input::Failure;

/// How many files are in memory at once, at most.
pub const CHUNK: usize = 256;

/// Runs `work` on every file in parallel and `emit` on each result in the files' order.
pub fn in_order<T, W, E>(files: Vec<Result<PathBuf, (PathBuf, Failure)>>, work: W, mut emit: E)
where
    T: Send,
    W: Fn(&PathBuf) -> Result<T, Failure> + Sync,
    E: FnMut(&PathBuf, Result<T, Failure>),
{
    let bar = progress(files.len());
    for chunk in files.chunks(CHUNK) {
        let results: Vec<(PathBuf, Result<T, Failure>)> = chunk
            .par_iter()
            .map(|item| match item {
                Ok(path) => (path.clone(), work(path)),
                Err((path, failure)) => (path.clone(), Err(failure.clone())),
            })
            .collect();
        for (path, result) in results {
            emit(&path, result);
            bar.inc(1);
        }
    }
    bar.finish_and_clear();
}

fn progress(total: usize) -> ProgressBar {
    if total < 2 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total as u64);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files {eta}") {
        bar.set_style(style);
    }
    bar
}
