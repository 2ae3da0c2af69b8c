//! (being written)

use leptos::prelude::*;

#[component]
pub fn NeedsSection() -> impl IntoView {}
