//! The findings each field shows, told to that field alone. A field asks for the findings about
//! its location and gets a signal of its own; when the findings change, only the locations whose
//! findings changed are told, so a keystroke does not wake every field of a large plan.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use homeward_plan::finding::Finding;
use leptos::prelude::*;

/// Findings about one location, shared (not copied) between the locations they concern.
pub type Findings = Vec<Arc<Finding>>;

/// The findings of the draft by the locations fields show them at.
#[derive(Clone, Copy)]
pub struct Located {
    /// One signal per location a field shows findings for.
    slots: StoredValue<HashMap<String, ArcRwSignal<Findings>>>,
    /// Wakes the effect when a field asks for a new location.
    added: Trigger,
}

impl Located {
    /// Follows `findings` (the draft's, most severe first).
    pub fn new(findings: Memo<Vec<Finding>>) -> Self {
        let slots = StoredValue::new(HashMap::<String, ArcRwSignal<Findings>>::new());
        // The locations last told they have findings.
        let told = StoredValue::new(HashSet::<String>::new());
        let added = Trigger::new();
        Effect::new(move |_| {
            added.track();
            findings.with(|all| {
                slots.with_value(|slots| {
                    let now = gather(all, slots);
                    told.update_value(|told| {
                        for place in told.iter().filter(|p| !now.contains_key(p.as_str())) {
                            if let Some(slot) = slots.get(place) {
                                slot.set(Vec::new());
                            }
                        }
                        for (place, found) in &now {
                            if let Some(slot) = slots.get(*place)
                                && slot.with_untracked(|shown| shown != found)
                            {
                                slot.set(found.clone());
                            }
                        }
                        *told = now.keys().map(|p| (*p).to_owned()).collect();
                    });
                });
            });
        });
        Self { slots, added }
    }

    /// The findings about `path` or anything inside it, following changes to those only.
    pub fn at(self, path: &str) -> Findings {
        if path.is_empty() {
            // A field with no path is about nothing in particular, not about the whole plan.
            return Vec::new();
        }
        let known = self.slots.with_value(|slots| slots.get(path).cloned());
        let slot = known.unwrap_or_else(|| {
            let slot = ArcRwSignal::new(Vec::new());
            self.slots.update_value(|slots| {
                slots.insert(path.to_owned(), slot.clone());
            });
            // Filled by the effect, before the browser paints.
            self.added.notify();
            slot
        });
        slot.get()
    }
}

/// The findings about each of `places`: each finding counts for its own path and for every
/// path that holds it (`/goals/0/measures/1/due_date` is also about `/goals/0/measures/1`,
/// `/goals/0/measures`, `/goals/0` and `/goals`). Places without findings are left out.
pub fn gather<'a, V>(
    findings: &[Finding],
    places: &'a HashMap<String, V>,
) -> HashMap<&'a str, Findings> {
    let mut found: HashMap<&str, Findings> = HashMap::new();
    for finding in findings {
        let mut shared: Option<Arc<Finding>> = None;
        let mut place = finding.path.as_str();
        while !place.is_empty() {
            if let Some((key, _)) = places.get_key_value(place) {
                let one = shared.get_or_insert_with(|| Arc::new(finding.clone()));
                found.entry(key.as_str()).or_default().push(one.clone());
            }
            place = match place.rfind('/') {
                Some(end) if end > 0 => &place[..end],
                _ => "",
            };
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::concerns;

    #[test]
    fn each_place_gets_the_findings_that_concern_it() {
        let all = vec![
            Finding::error("x", "/goals/0/measures/1/due_date"),
            Finding::warning("y", "/goals/0/measures/10"),
            Finding::info("z", "/case/return_date"),
            Finding::info("w", ""),
        ];
        let places: HashMap<String, ()> = [
            "/goals/0/measures/1/due_date",
            "/goals/0/measures/1",
            "/goals/0/measures/10",
            "/goals/0/measures",
            "/goals/0",
            "/goals",
            "/case",
            "/case/return_date",
            "/goals/0/measures/1/due",
            "/budget",
        ]
        .into_iter()
        .map(|p| (p.to_owned(), ()))
        .collect();
        let found = gather(&all, &places);
        for place in places.keys() {
            let want: Vec<_> = all.iter().filter(|f| concerns(f, place)).cloned().collect();
            let got: Vec<Finding> = found
                .get(place.as_str())
                .into_iter()
                .flatten()
                .map(|f| Finding::clone(f))
                .collect();
            assert_eq!(got, want, "{place}");
            assert_eq!(found.contains_key(place.as_str()), !want.is_empty(), "{place}");
        }
    }

    #[test]
    fn places_nobody_shows_are_not_gathered() {
        let all = vec![Finding::error("x", "/goals/0/title")];
        let places: HashMap<String, ()> = [("/goals/0".to_owned(), ())].into_iter().collect();
        let found = gather(&all, &places);
        assert_eq!(found.keys().copied().collect::<Vec<_>>(), ["/goals/0"]);
    }
}
