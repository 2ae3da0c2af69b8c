//! (being written)

use leptos::prelude::*;

#[component]
pub fn FollowUpSection() -> impl IntoView {}
