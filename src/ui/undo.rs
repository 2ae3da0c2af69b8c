//! "Removed. Undo": shown after a removal for at least ten seconds, announced to screen
//! readers, reachable by keyboard; it waits while it has focus or the pointer.

use leptos::prelude::*;

use crate::draft::use_draft;
use crate::state::use_app;
use crate::ui::widgets::Text;
use crate::undo::use_undo;

#[component]
pub fn UndoBar() -> impl IntoView {
    let undo = use_undo();
    let draft = use_draft();
    let app = use_app();
    let offer = move || {
        undo.offered().then(|| {
            view! {
                <p>
                    <Text key="undo.removed" />
                    " "
                    <button type="button" class="hw-button hw-primary"
                        aria-label=app.t("undo.undo_label")
                        on:click=move |_| undo.undo(draft)>
                        <span aria-hidden="true">"↶ "</span>
                        <Text key="undo.undo" />
                    </button>
                </p>
            }
        })
    };
    let too_late =
        move || undo.too_late.get().then(|| view! { <p><Text key="undo.too_late" /></p> });
    view! {
        <div class="hw-undo" role="status"
            class:hw-undo-shown=move || undo.offered() || undo.too_late.get()
            on:focusin=move |_| undo.held.set(true)
            on:focusout=move |_| undo.held.set(false)
            on:pointerenter=move |_| undo.held.set(true)
            on:pointerleave=move |_| undo.held.set(false)>
            {offer}
            {too_late}
        </div>
    }
}
