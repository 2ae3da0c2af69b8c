//! The passphrase dialog: asked once to open a sealed file, twice to seal one. The passphrase
//! lives only in the dialog's password fields (never in a signal or on the device): it is read
//! when the person confirms, handed to the requester, and the fields are emptied at once.

use leptos::html;
use leptos::prelude::*;

use crate::i18n;
use crate::state::use_app;
use crate::ui::widgets::{Text, both_languages};

/// The shortest passphrase accepted for sealing.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// Seal a file (the passphrase twice) or open one (once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PassphraseMode {
    Seal,
    Open,
}

/// A question for a passphrase. `submit` receives it and must end with [`Passphrases::done`]
/// or [`Passphrases::fail`].
#[derive(Clone)]
pub struct PassphraseRequest {
    pub mode: PassphraseMode,
    /// The file being sealed or opened, named in the dialog.
    pub file: String,
    pub submit: Callback<String>,
}

/// The pending passphrase question, provided by the app.
#[derive(Clone, Copy)]
pub struct Passphrases {
    pending: RwSignal<Option<PassphraseRequest>>,
    /// Translation key of what went wrong with the last try.
    error: RwSignal<Option<&'static str>>,
    busy: RwSignal<bool>,
}

impl Passphrases {
    pub fn new() -> Self {
        Self {
            pending: RwSignal::new(None),
            error: RwSignal::new(None),
            busy: RwSignal::new(false),
        }
    }

    pub fn ask(self, request: PassphraseRequest) {
        self.error.set(None);
        self.busy.set(false);
        self.pending.set(Some(request));
    }

    /// The passphrase did its work: the dialog closes.
    pub fn done(self) {
        self.busy.set(false);
        self.error.set(None);
        self.pending.set(None);
    }

    /// It did not: the dialog stays, saying why (a translation key).
    pub fn fail(self, key: &'static str) {
        self.busy.set(false);
        self.error.set(Some(key));
    }
}

impl Default for Passphrases {
    fn default() -> Self {
        Self::new()
    }
}

pub fn use_passphrases() -> Passphrases {
    expect_context::<Passphrases>()
}

/// Checks a new passphrase typed twice: the translation key of the problem, if any.
pub fn check_new_passphrase(first: &str, second: &str) -> Option<&'static str> {
    if first.chars().count() < MIN_PASSPHRASE_CHARS {
        Some("sealed.passphrase_short")
    } else if first != second {
        Some("sealed.passphrase_mismatch")
    } else {
        None
    }
}

/// Reads and empties a password field.
pub fn take_value(node: NodeRef<html::Input>) -> String {
    node.get_untracked()
        .map(|input| {
            let value = input.value();
            input.set_value("");
            value
        })
        .unwrap_or_default()
}

/// Shows the pending passphrase question as a modal dialog.
#[component]
pub fn PassphraseHost() -> impl IntoView {
    let asks = use_passphrases();
    let lang = use_app().lang;
    let node: NodeRef<html::Dialog> = NodeRef::new();
    let first: NodeRef<html::Input> = NodeRef::new();
    let second: NodeRef<html::Input> = NodeRef::new();
    let mode = move || asks.pending.with(|q| q.as_ref().map(|q| q.mode));
    Effect::new(move |_| {
        let open = asks.pending.with(Option::is_some);
        if let Some(dialog) = node.get() {
            if open && !dialog.open() {
                let _ = dialog.show_modal();
            } else if !open && dialog.open() {
                dialog.close();
            }
        }
    });
    let close = move || {
        take_value(first);
        take_value(second);
        asks.error.set(None);
        asks.busy.set(false);
        asks.pending.set(None);
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if asks.busy.get_untracked() {
            return;
        }
        let Some(request) = asks.pending.get_untracked() else { return };
        let passphrase = take_value(first);
        let again = take_value(second);
        if request.mode == PassphraseMode::Seal {
            if let Some(problem) = check_new_passphrase(&passphrase, &again) {
                asks.fail(problem);
                return;
            }
        } else if passphrase.is_empty() {
            asks.fail("sealed.passphrase_empty");
            return;
        }
        asks.error.set(None);
        asks.busy.set(true);
        request.submit.run(passphrase);
    };
    let t = move |key: &'static str| move || i18n::t(lang.get(), key);
    let title = move || match mode() {
        Some(PassphraseMode::Seal) => i18n::t(lang.get(), "sealed.seal_title"),
        _ => i18n::t(lang.get(), "sealed.open_title"),
    };
    let body = move || {
        let file = asks.pending.with(|q| q.as_ref().map(|q| q.file.clone()).unwrap_or_default());
        match mode() {
            Some(PassphraseMode::Seal) => {
                i18n::tf(lang.get(), "sealed.seal_body", &[("file", file)])
            }
            _ => i18n::tf(lang.get(), "sealed.open_body", &[("file", file)]),
        }
    };
    view! {
        <dialog
            node_ref=node
            class="hw-dialog hw-passphrase"
            aria-labelledby="hw-passphrase-title"
            aria-describedby="hw-passphrase-body"
            on:close=move |_| close()
        >
            <form on:submit=submit>
                <h2 id="hw-passphrase-title">{title}</h2>
                <p id="hw-passphrase-body">{body}</p>
                <div class="hw-field">
                    <label for="hw-passphrase-first"><Text key="sealed.passphrase" /></label>
                    <input id="hw-passphrase-first" type="password" node_ref=first
                        autocomplete=move || if mode() == Some(PassphraseMode::Seal) { "new-password" } else { "current-password" }
                        aria-describedby="hw-passphrase-error" />
                </div>
                <div class="hw-field" hidden=move || mode() != Some(PassphraseMode::Seal)>
                    <label for="hw-passphrase-second"><Text key="sealed.passphrase_again" /></label>
                    <input id="hw-passphrase-second" type="password" node_ref=second
                        autocomplete="new-password" aria-describedby="hw-passphrase-error" />
                </div>
                <p class="hw-hint" hidden=move || mode() != Some(PassphraseMode::Seal)>
                    {both_languages(|l| i18n::tf(l, "sealed.passphrase_hint",
                        &[("min", MIN_PASSPHRASE_CHARS.to_string())]))}
                </p>
                <PassphraseStatus id="hw-passphrase-error" problem=asks.error.into()
                    busy=asks.busy.into() />
                <div class="hw-dialog-actions">
                    <button type="button" class="hw-button" on:click=move |_| close()>
                        {t("dialog.cancel")}
                    </button>
                    <button type="submit" class="hw-button hw-primary" disabled=move || asks.busy.get()>
                        {move || match mode() {
                            Some(PassphraseMode::Seal) => i18n::t(lang.get(), "sealed.seal_confirm"),
                            _ => i18n::t(lang.get(), "sealed.open_confirm"),
                        }}
                    </button>
                </div>
            </form>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_passphrase_must_be_long_enough_and_typed_the_same_twice() {
        assert_eq!(check_new_passphrase("short", "short"), Some("sealed.passphrase_short"));
        assert_eq!(
            check_new_passphrase("long enough", "long enougH"),
            Some("sealed.passphrase_mismatch")
        );
        assert_eq!(check_new_passphrase("long enough", "long enough"), None);
        // Characters, not bytes: eight Arabic letters are enough.
        assert_eq!(check_new_passphrase("كلمةسرية", "كلمةسرية"), None);
        for key in ["sealed.passphrase_short", "sealed.passphrase_mismatch"] {
            assert!(i18n::has_key(key), "{key}");
        }
    }
}

/// What sealing or opening says while it works and when it fails: the problem (announced at
/// once, its element `id` describes the passphrase fields) and "working".
#[component]
pub fn PassphraseStatus(
    id: &'static str,
    problem: Signal<Option<&'static str>>,
    busy: Signal<bool>,
) -> impl IntoView {
    let lang = use_app().lang;
    view! {
        <div id=id role="alert" class="hw-file-message">
            {move || problem.get().map(|key| view! {
                <p class="hw-finding hw-error">
                    <span aria-hidden="true">"✖ "</span>
                    {i18n::t(lang.get(), key)}
                </p>
            })}
        </div>
        <p role="status" class="hw-hint">
            {move || busy.get().then(|| i18n::t(lang.get(), "sealed.working"))}
        </p>
    }
}
