//! (being written)

use homeward_plan::model::Dimension;
use leptos::prelude::*;

#[component]
pub fn DimensionSection(dimension: Dimension) -> impl IntoView {
    let _ = dimension;
}
