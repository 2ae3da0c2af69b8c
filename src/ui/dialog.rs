//! One confirmation dialog for the whole app (new plan, end session, replace by an imported
//! plan). A native modal `<dialog>`: it keeps focus inside, closes with Escape, and returns
//! focus to where it was.

use leptos::html;
use leptos::prelude::*;

use crate::i18n::{self, Lang};
use crate::state::use_app;
use crate::ui::widgets::Text;

/// A question to confirm. Texts are translation keys; `args` fill the body's `{name}`s.
#[derive(Clone)]
pub struct Confirm {
    pub title: &'static str,
    pub body: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub confirm: &'static str,
    pub action: Callback<()>,
}

/// The pending question, if any. Provided by the app.
#[derive(Clone, Copy)]
pub struct Dialogs {
    pub pending: RwSignal<Option<Confirm>>,
}

impl Dialogs {
    pub fn new() -> Self {
        Self { pending: RwSignal::new(None) }
    }

    pub fn ask(self, confirm: Confirm) {
        self.pending.set(Some(confirm));
    }
}

impl Default for Dialogs {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_dialogs() -> Dialogs {
    expect_context::<Dialogs>()
}

/// Shows the pending question as a modal dialog.
#[component]
pub fn ConfirmHost() -> impl IntoView {
    let dialogs = use_dialogs();
    let lang = use_app().lang;
    let node: NodeRef<html::Dialog> = NodeRef::new();
    Effect::new(move |_| {
        let open = dialogs.pending.with(Option::is_some);
        if let Some(dialog) = node.get() {
            if open && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !open && dialog.open() {
                dialog.close();
            }
        }
    });
    let close = move || dialogs.pending.set(None);
    let confirm = move |_| {
        if let Some(question) = dialogs.pending.get_untracked() {
            dialogs.pending.set(None);
            question.action.run(());
        }
    };
    let text = move |pick: fn(Lang, &Confirm) -> String| {
        let lang = lang.get();
        dialogs.pending.with(|q| q.as_ref().map(|q| pick(lang, q)).unwrap_or_default())
    };
    view! {
        <dialog
            node_ref=node
            class="hw-dialog"
            aria-labelledby="hw-dialog-title"
            aria-describedby="hw-dialog-body"
            on:close=move |_| close()
        >
            <h2 id="hw-dialog-title">
                {move || text(|l, q| i18n::t(l, q.title))}
            </h2>
            <p id="hw-dialog-body">
                {move || text(|l, q| i18n::tf(l, q.body, &q.args))}
            </p>
            <div class="hw-dialog-actions">
                <button type="button" class="hw-button" on:click=move |_| close()>
                    <Text key="dialog.cancel" />
                </button>
                <button type="button" class="hw-button hw-primary" on:click=confirm>
                    {move || text(|l, q| i18n::t(l, q.confirm))}
                </button>
            </div>
        </dialog>
    }
}
