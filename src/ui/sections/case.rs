//! (being written)

use leptos::prelude::*;

#[component]
pub fn CaseSection() -> impl IntoView {}
