//! (being written)

use leptos::prelude::*;

#[component]
pub fn ReviewSection() -> impl IntoView {}
