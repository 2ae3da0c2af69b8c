//! (being written)

use leptos::prelude::*;

#[component]
pub fn ConsentSection() -> impl IntoView {}
