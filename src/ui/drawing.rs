//! Drawing a long list of cards a screenful at a time. A section with hundreds of measures
//! draws its first cards at once, so it opens without waiting for the rest, and the others a
//! few at a time after each paint, so the page stays responsive while they arrive. Short lists
//! are drawn whole at once.

use std::time::Duration;

use leptos::prelude::*;

/// Cards drawn at once: more than a tablet's screen shows.
const FIRST: usize = 12;
/// Cards added after each paint.
const STEP: usize = 12;

/// How many cards of a list may be drawn so far, counted from its first card.
#[derive(Clone, Copy)]
pub struct Allowance(RwSignal<usize>);

impl Allowance {
    /// Allows `FIRST` cards now and `STEP` more after each paint until `total` are drawn; from
    /// then on every card, including the ones added later.
    pub fn start(total: usize) -> Self {
        let allowed = RwSignal::new(if total > FIRST { FIRST } else { usize::MAX });
        if total > FIRST {
            after_paint(move || grow(allowed, total));
        }
        Self(allowed)
    }

    /// How many cards may be drawn of a list whose first card is the `before`th of the whole.
    pub fn for_part(self, before: usize) -> usize {
        self.0.get().saturating_sub(before)
    }
}

fn grow(allowed: RwSignal<usize>, total: usize) {
    // Stops if the section was left meanwhile (its signal is gone).
    let more = allowed.try_update(|n| {
        *n = if *n + STEP >= total { usize::MAX } else { *n + STEP };
        *n != usize::MAX
    });
    if more == Some(true) {
        after_paint(move || grow(allowed, total));
    }
}

/// Runs `f` once the browser has painted what is on screen now.
pub fn after_paint(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, Duration::ZERO));
}
