//! An agreed plan (signed by both) keeps its goals, measures and signatures as they were
//! signed. They change only after the person confirms, which raises the plan's revision and
//! clears both signatures ([`Plan::open_for_revision`]); what happens after the return (status,
//! delivery, payments, contacts, scores) stays open to record.
//!
//! [`Plan::open_for_revision`]: homeward_plan::model::Plan::open_for_revision

use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n;
use crate::ui::dialog::{Confirm, use_dialogs};
use crate::ui::widgets::{Text, both_languages};

/// A handler that asks whether to change the agreed plan and, on yes, opens it for a new
/// revision. Made where the component is set up, so it can run from any event.
pub fn use_change_agreed() -> impl Fn() + Copy + Send + Sync + 'static {
    let draft = use_draft();
    let dialogs = use_dialogs();
    move || {
        let next = draft.plan.with_untracked(|p| p.revision.saturating_add(1));
        dialogs.ask(Confirm {
            title: "agreed.change_title",
            body: "agreed.change_body",
            args: vec![("revision", next.to_string())],
            confirm: "agreed.change_confirm",
            action: Callback::new(move |()| {
                draft.edit(|p| {
                    p.open_for_revision();
                });
            }),
        });
    }
}

/// On an agreed plan: says so, with its revision, and offers to change it.
#[component]
pub fn AgreedNotice(
    /// Whether the plan is agreed (one memo per section, shared with its locked parts).
    #[prop(into)]
    agreed: Signal<bool>,
) -> impl IntoView {
    let draft = use_draft();
    let revision = draft.part(|p| p.revision);
    let change = use_change_agreed();
    view! {
        <Show when=move || agreed.get()>
            <div class="hw-note hw-agreed-notice" role="note">
                <p>
                    <span aria-hidden="true">"✔ "</span>
                    {both_languages(move |l| {
                        i18n::tf(l, "agreed.notice", &[("revision", revision.get().to_string())])
                    })}
                </p>
                <button type="button" class="hw-button" on:click=move |_| change()>
                    <Text key="agreed.change" />
                </button>
            </div>
        </Show>
    }
}
