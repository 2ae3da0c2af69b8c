//! (being written)

use leptos::prelude::*;

#[component]
pub fn BudgetSection() -> impl IntoView {}
