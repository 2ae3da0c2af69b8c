//! Notices about the app on this device: a new version ready, a browser that may delete the
//! saved draft, a draft held by another tab; and the question a second tab asks.

use leptos::html;
use leptos::prelude::*;

use crate::browser::offline::Keeping;
use crate::device::{self, use_device};
use crate::draft::{Access, use_draft};
use crate::session::use_session;
use crate::ui::undo::UndoBar;
use crate::ui::widgets::Text;

/// The notices, each shown only when it applies.
#[component]
pub fn DeviceNotices() -> impl IntoView {
    let draft = use_draft();
    let session = use_session();
    let device = use_device();
    let update = move || {
        device.update_ready.get().then(|| {
            view! {
                <div class="hw-notice hw-device-notice" role="status">
                    <p><Text key="offline.update_ready" /></p>
                    <button
                        type="button"
                        class="hw-button"
                        on:click=move |_| device.use_update(draft, session)
                    >
                        <Text key="offline.update_reload" />
                    </button>
                </div>
            }
        })
    };
    let keeping = move || {
        let key = match device.keeping.get()? {
            Keeping::Kept => return None,
            Keeping::MayDelete => "offline.may_delete",
            Keeping::CannotAsk => "offline.cannot_ask",
            Keeping::Asking => "offline.asking",
            Keeping::Partitioned => "offline.partitioned",
        };
        device.keeping_shown();
        // Folded to one line once it has been read on this device; the summary opens it again.
        Some(view! {
            <details class="hw-notice hw-device-notice hw-keeping" open=!device.keeping_read>
                <summary><Text key="offline.keeping_summary" /></summary>
                <p><Text key=key /></p>
            </details>
        })
    };
    let read_only = move || {
        let key = match draft.access.get() {
            Access::Editing | Access::Asking => return None,
            Access::Looking => "tabs.looking",
            Access::TakenOver => "tabs.taken_over",
        };
        Some(view! {
            <div class="hw-notice hw-device-notice" role="alert">
                <p><Text key=key /></p>
                <button
                    type="button"
                    class="hw-button"
                    on:click=move |_| device::take_over(draft, session)
                >
                    <Text key="tabs.use_here" />
                </button>
            </div>
        })
    };
    // Below the page and held at the bottom of the screen: a notice that arrives late moves
    // nothing the person is looking at or about to touch.
    view! { <div class="hw-device-notices"><UndoBar />{update} {keeping} {read_only}</div> }
}

/// Asks, in a tab opened while another one holds the draft, whether to take it over or only
/// look. Closing the dialog (Escape) only looks: the safe choice.
#[component]
pub fn TabDialog() -> impl IntoView {
    let draft = use_draft();
    let session = use_session();
    let node: NodeRef<html::Dialog> = NodeRef::new();
    Effect::new(move |_| {
        let asking = draft.access.get() == Access::Asking;
        if let Some(dialog) = node.get() {
            if asking && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !asking && dialog.open() {
                dialog.close();
            }
        }
    });
    let look = move || {
        if draft.access.get_untracked() == Access::Asking {
            device::only_look(draft, session);
        }
    };
    view! {
        <dialog
            node_ref=node
            class="hw-dialog"
            aria-labelledby="hw-tabs-title"
            aria-describedby="hw-tabs-body"
            on:close=move |_| look()
        >
            <h2 id="hw-tabs-title"><Text key="tabs.title" /></h2>
            <p id="hw-tabs-body"><Text key="tabs.body" /></p>
            <div class="hw-dialog-actions">
                <button type="button" class="hw-button" on:click=move |_| look()>
                    <Text key="tabs.only_look" />
                </button>
                <button
                    type="button"
                    class="hw-button hw-primary"
                    on:click=move |_| device::take_over(draft, session)
                >
                    <Text key="tabs.use_here" />
                </button>
            </div>
        </dialog>
    }
}
