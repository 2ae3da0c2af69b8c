//! Undo of the last removal. Removing a row, a goal, a measure or a payment asks nothing first;
//! instead "Removed. Undo" stays on screen for a while, and Undo puts the item back in place
//! (its findings come back with it: they follow the plan).

use std::sync::Arc;
use std::time::Duration;

use homeward_plan::model::Plan;
use leptos::prelude::*;

use crate::browser::dom;
use crate::draft::Draft;

/// How long the offer stays: at least ten seconds, and longer while it has focus or the pointer.
pub const UNDO_FOR: Duration = Duration::from_secs(12);

/// Puts a removed item back; false when that can no longer be done.
type Restore = Arc<dyn Fn(&mut Plan) -> bool + Send + Sync>;

#[derive(Clone)]
struct Offer {
    restore: Restore,
    /// Where focus goes once the item is back: an element id and, optionally, a selector in it.
    focus: (String, Option<&'static str>),
}

/// The offer to undo the last removal, provided as context by the root component.
#[derive(Clone, Copy)]
pub struct Undo {
    offer: RwSignal<Option<Offer>>,
    generation: StoredValue<u64>,
    /// The offer has focus or the pointer: it waits.
    pub held: RwSignal<bool>,
    /// The last undo could not be done: what it would have put back changed since.
    pub too_late: RwSignal<bool>,
}

impl Default for Undo {
    fn default() -> Self {
        Self::new()
    }
}

impl Undo {
    pub fn new() -> Self {
        Self {
            offer: RwSignal::new(None),
            generation: StoredValue::new(0),
            held: RwSignal::new(false),
            too_late: RwSignal::new(false),
        }
    }

    /// Whether a removal can be undone now.
    pub fn offered(self) -> bool {
        self.offer.with(Option::is_some)
    }

    /// Offers to undo a removal that just happened: `restore` puts the item back (false when it
    /// no longer can), then focus goes to `focus`. Replaces any earlier offer.
    pub fn offer(
        self,
        restore: impl Fn(&mut Plan) -> bool + Send + Sync + 'static,
        focus: (String, Option<&'static str>),
    ) {
        let generation = self.next_generation();
        self.too_late.set(false);
        self.offer.set(Some(Offer { restore: Arc::new(restore), focus }));
        self.expire_later(generation);
    }

    /// Puts the removed item back and focuses it.
    pub fn undo(self, draft: Draft) {
        let Some(offer) = self.offer.get_untracked() else { return };
        let generation = self.next_generation();
        self.offer.set(None);
        self.held.set(false);
        let mut restored = false;
        draft.edit(|plan| restored = (offer.restore)(plan));
        if restored {
            let (element, inside) = offer.focus;
            dom::focus_later(element, inside);
        } else {
            self.too_late.set(true);
            self.expire_later(generation);
        }
    }

    fn next_generation(self) -> u64 {
        let generation = self.generation.get_value().wrapping_add(1);
        self.generation.set_value(generation);
        generation
    }

    /// Ends the offer (or the "too late" message) of `generation` once its time is up, unless
    /// a newer one replaced it; while it is held, looks again a second later.
    fn expire_later(self, generation: u64) {
        set_timeout(
            move || {
                if self.generation.get_value() != generation {
                    return;
                }
                if self.held.get_untracked() {
                    self.expire_later(generation);
                    return;
                }
                self.offer.set(None);
                self.too_late.set(false);
            },
            if self.held.get_untracked() { Duration::from_secs(1) } else { UNDO_FOR },
        );
    }
}

/// The undo offer from context.
pub fn use_undo() -> Undo {
    expect_context::<Undo>()
}
