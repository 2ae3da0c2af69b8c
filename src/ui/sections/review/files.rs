//! The plan as a file: save it (plain or sealed with a passphrase), prepare the partner's file,
//! print, and open a file by picking or dropping it (asking for the passphrase when it is
//! sealed). The open plan is replaced only after the person confirms. Every saved file keeps
//! the plan as it was sent on the device; a file of the open plan coming back is compared with
//! it and shows what it would change before anything does (`incoming`).

use homeward_plan::changes::merge;
use homeward_plan::interchange::{ImportError, export_file_name, export_json, import_json};
use homeward_plan::model::Plan;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::incoming::{IncomingReview, Pending, nothing_new};
use crate::browser::crypto::CryptoError;
use crate::browser::embed::{self, ExportKind};
use crate::browser::{dom, files, sealing, storage};
use crate::draft::{Draft, use_draft};
use crate::i18n::{self, Lang};
use crate::state::use_app;
use crate::ui::dialog::{Confirm, use_dialogs};
use crate::ui::passphrase::{PassphraseMode, PassphraseRequest, use_passphrases};
use crate::ui::widgets::Text;

/// What the last file action came to, shown under the file buttons.
#[derive(Debug, Clone, PartialEq)]
pub enum FileMessage {
    Exported(String),
    Rejected {
        file: String,
        code: &'static str,
        line: Option<usize>,
        column: Option<usize>,
        path: String,
    },
    Imported(String),
    Failed,
    /// A sealed file whose envelope is refused: `sealed_error.<code>` says why.
    RejectedSealed {
        file: String,
        code: &'static str,
    },
    /// A file of the open plan: this many of its changes were taken.
    Taken {
        file: String,
        count: usize,
    },
    /// A file of the open plan that holds nothing the plan lacks: nothing changed.
    NothingNew(String),
    /// A file of the open plan whose changes were all declined: nothing changed.
    NothingTaken(String),
}

/// The plan as it leaves the device in a file: its id and its full export. Kept on the device
/// once the file is saved, as the common revision a file coming back is compared with. For a
/// partner's file too it is the whole plan, not what the partner reads: what the file withheld
/// is then told apart from what the partner changed.
#[derive(Debug, Clone)]
pub struct Sent {
    pub plan_id: String,
    pub json: String,
}

impl Sent {
    /// The plan on screen, as it is now.
    pub fn now(draft: Draft) -> Sent {
        draft.programme.with_untracked(|config| {
            draft.plan.with_untracked(|p| Sent {
                plan_id: p.id.to_string(),
                json: export_json(p, config),
            })
        })
    }

    /// Keeps it as the copy that was sent, in place of the one before. A failure is not said:
    /// the file is saved, and a file coming back is then compared without it (every difference
    /// shown, none told as a conflict).
    fn keep(&self) {
        let _ = storage::save_sent(&self.plan_id, &self.json);
    }
}

/// The copy of plan `plan` as it was last sent, read back through the importer (so an older
/// copy is migrated); `None` when there is none, or it cannot be read, or is of another plan.
fn sent_copy(draft: Draft, plan: &Plan) -> Option<Plan> {
    let id = plan.id.to_string();
    let text = storage::load_sent(&id).ok().flatten()?;
    let imported =
        draft.programme.with_untracked(|config| import_json(&text, draft.today, Some(config)));
    imported.ok().map(|i| i.plan).filter(|sent| sent.id == plan.id)
}

/// The translation key that says why sealing or opening failed.
pub fn crypto_problem(error: CryptoError) -> &'static str {
    match error {
        CryptoError::Unavailable => "sealed.unavailable",
        CryptoError::NotOpened => "sealed.wrong_passphrase",
        CryptoError::Failed => "sealed.failed",
    }
}

/// Saves `text` as `name`, sealed first when a passphrase is given; tells the host and the
/// person, and keeps `sent` as the plan that was sent. Calls `finished` with what happened
/// (`None`: saved).
pub fn save_file(
    kind: ExportKind,
    name: String,
    text: String,
    sent: Sent,
    passphrase: Option<String>,
    message: RwSignal<Option<FileMessage>>,
    finished: impl FnOnce(Option<&'static str>) + 'static,
) {
    let write = move |name: String, text: String, sealed: bool| match files::download(
        &name,
        "application/json",
        &text,
    ) {
        Ok(()) => {
            sent.keep();
            embed::plan_exported(kind, sealed, &text);
            message.set(Some(FileMessage::Exported(name)));
            true
        }
        Err(_) => {
            message.set(Some(FileMessage::Failed));
            false
        }
    };
    match passphrase {
        None => {
            let ok = write(name, text, false);
            finished((!ok).then_some("review.file_failed"));
        }
        Some(passphrase) => leptos::task::spawn_local(async move {
            match sealing::seal_text(&passphrase, &text).await {
                Ok(sealed) => {
                    let ok = write(sealing::sealed_file_name(&name), sealed, true);
                    finished((!ok).then_some("review.file_failed"));
                }
                Err(error) => finished(Some(crypto_problem(error))),
            }
        }),
    }
}

/// Export, partner export, import and print.
#[component]
pub fn PlanFiles(
    /// Opens the partner file's preview.
    #[prop(into)]
    on_partner: Callback<()>,
    /// Whether the partner button is usable, and else the translation key of why not.
    #[prop(into)]
    partner_blocked: Signal<Option<String>>,
    message: RwSignal<Option<FileMessage>>,
) -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let lang = app.lang;
    let dialogs = use_dialogs();
    let passphrases = use_passphrases();
    let dragging = RwSignal::new(false);

    let export = move |_| {
        let name = draft.plan.with_untracked(export_file_name);
        let sent = Sent::now(draft);
        save_file(ExportKind::Plan, name, sent.json.clone(), sent, None, message, |_| {});
    };
    let export_sealed = move |_| {
        let name = draft.plan.with_untracked(export_file_name);
        passphrases.ask(PassphraseRequest {
            mode: PassphraseMode::Seal,
            file: sealing::sealed_file_name(&name),
            submit: Callback::new(move |passphrase: String| {
                // The plan as it is when the passphrase is confirmed.
                let name = draft.plan.with_untracked(export_file_name);
                let sent = Sent::now(draft);
                let json = sent.json.clone();
                save_file(
                    ExportKind::Plan,
                    name,
                    json,
                    sent,
                    Some(passphrase),
                    message,
                    move |p| match p {
                        None => passphrases.done(),
                        Some(key) => passphrases.fail(key),
                    },
                );
            }),
        });
    };

    // A file of the open plan: what it would change is shown first (or that it brings nothing).
    let incoming: RwSignal<Option<Pending>> = RwSignal::new(None);
    let review_incoming = move |file: String, theirs: Plan| {
        let ours = draft.plan.get_untracked();
        let sent = sent_copy(draft, &ours);
        let merge = merge(sent.as_ref(), &ours, &theirs);
        if nothing_new(&merge) {
            message.set(Some(FileMessage::NothingNew(file)));
        } else {
            message.set(None);
            incoming.set(Some(Pending { file, ours, theirs, merge, knew_sent: sent.is_some() }));
        }
    };

    // A plain plan file: checked by the importer; a file of the open plan is reviewed change by
    // change, any other replaces the open plan once the person confirms.
    let import_text = move |name: String, text: String| match draft
        .programme
        .with_untracked(|config| import_json(&text, draft.today, Some(config)))
    {
        Err(error) => message.set(Some(rejected(name, &error))),
        Ok(imported) if draft.plan.with_untracked(|p| p.id == imported.plan.id) => {
            review_incoming(name, imported.plan);
        }
        Ok(imported) => {
            let case = if imported.plan.case.case_reference.trim().is_empty() {
                "—".to_owned()
            } else {
                imported.plan.case.case_reference.clone()
            };
            let plan = imported.plan;
            let file = name.clone();
            dialogs.ask(Confirm {
                title: "import.replace_title",
                body: "import.replace_body",
                args: vec![("file", name), ("case", case)],
                confirm: "import.replace_confirm",
                action: Callback::new(move |()| {
                    draft.replace(plan.clone());
                    message.set(Some(FileMessage::Imported(file.clone())));
                }),
            });
        }
    };

    // Reads a chosen or dropped file. A sealed file asks for its passphrase first; a wrong one
    // is said in the dialog and nothing else changes.
    let open_file = move |file: web_sys::File| {
        let name = file.name();
        leptos::task::spawn_local(async move {
            let Ok(text) = files::read_text(&file).await else {
                message.set(Some(FileMessage::Failed));
                return;
            };
            match sealing::recognise(&text) {
                sealing::Recognised::Plain => import_text(name, text),
                sealing::Recognised::Broken(error) => {
                    message
                        .set(Some(FileMessage::RejectedSealed { file: name, code: error.code() }));
                }
                sealing::Recognised::Sealed(envelope) => {
                    let envelope = std::sync::Arc::new(envelope);
                    let file = name.clone();
                    passphrases.ask(PassphraseRequest {
                        mode: PassphraseMode::Open,
                        file: name,
                        submit: Callback::new(move |passphrase: String| {
                            let (envelope, file) = (envelope.clone(), file.clone());
                            leptos::task::spawn_local(async move {
                                match sealing::open_text(&passphrase, &envelope).await {
                                    Ok(plain) => {
                                        passphrases.done();
                                        import_text(file, plain);
                                    }
                                    Err(error) => passphrases.fail(crypto_problem(error)),
                                }
                            });
                        }),
                    });
                }
            }
        });
    };

    let on_pick = move |ev: leptos::ev::Event| {
        let input: Option<web_sys::HtmlInputElement> = ev.target().and_then(|t| t.dyn_into().ok());
        if let Some(input) = input {
            if let Some(file) = input.files().and_then(|list| list.get(0)) {
                open_file(file);
            }
            // Picking the same file again must work too.
            input.set_value("");
        }
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev.data_transfer().and_then(|d| d.files()).and_then(|l| l.get(0)) {
            open_file(file);
        }
    };
    let print = move |_| dom::print_page();

    view! {
        <section class="hw-review-block hw-no-print" aria-labelledby="hw-files-heading">
            <h2 id="hw-files-heading"><Text key="review.files_heading" /></h2>
            <div class="hw-file-actions">
                <button type="button" class="hw-button hw-primary" on:click=export>
                    <span aria-hidden="true">"⬇ "</span>
                    <Text key="review.export" />
                </button>
                <button type="button" class="hw-button" on:click=export_sealed>
                    <span aria-hidden="true">"🔒 "</span>
                    <Text key="review.export_sealed" />
                </button>
                <button type="button" class="hw-button" on:click=move |_| on_partner.run(())
                    aria-disabled=move || partner_blocked.get().map(|_| "true")
                    aria-describedby="hw-partner-why">
                    <span aria-hidden="true">"⬇ "</span>
                    <Text key="review.export_partner" />
                </button>
                <button type="button" class="hw-button" on:click=print>
                    <span aria-hidden="true">"🖶 "</span>
                    <Text key="review.print" />
                </button>
            </div>
            <p class="hw-hint" id="hw-partner-why">
                {move || match partner_blocked.get() {
                    Some(key) => view! {
                        <span aria-hidden="true">"⚠ "</span>
                        {i18n::t(lang.get(), &key)}
                        " "
                        <button type="button" class="hw-link-button" on:click=move |_| on_partner.run(())>
                            {i18n::t(lang.get(), "partner.go_to_consent")}
                        </button>
                    }.into_any(),
                    None => view! { <Text key="review.partner_hint" /> }.into_any(),
                }}
            </p>
            <div
                class="hw-drop"
                class:hw-dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop
            >
                <label class="hw-button" for="hw-import-file">
                    <span aria-hidden="true">"⬆ "</span>
                    <Text key="review.import" />
                </label>
                <input
                    id="hw-import-file"
                    class="hw-visually-hidden"
                    type="file"
                    accept=".json,application/json"
                    on:change=on_pick
                />
                <p><Text key="review.drop_hint" /></p>
            </div>
            <div role="status" aria-live="polite" class="hw-file-message">
                {move || message.get().map(|m| file_message(lang.get(), m))}
            </div>
            <IncomingReview pending=incoming message=message />
        </section>
    }
}

pub fn rejected(file: String, error: &ImportError) -> FileMessage {
    FileMessage::Rejected {
        file,
        code: error.code(),
        line: error.line(),
        column: error.column(),
        path: error.path().to_owned(),
    }
}

fn file_message(lang: Lang, message: FileMessage) -> AnyView {
    let line = |class: &'static str, symbol: &'static str, text: String| {
        view! {
            <p class=class>
                <span aria-hidden="true">{symbol}</span>
                {text}
            </p>
        }
        .into_any()
    };
    match message {
        FileMessage::Exported(name) => {
            line("hw-finding hw-info", "✓ ", i18n::tf(lang, "review.exported", &[("file", name)]))
        }
        FileMessage::Imported(name) => {
            line("hw-finding hw-info", "✓ ", i18n::tf(lang, "review.imported", &[("file", name)]))
        }
        FileMessage::Taken { file, count } => {
            let key = if count == 1 { "incoming.taken_one" } else { "incoming.taken_many" };
            let args = [("file", file), ("count", count.to_string())];
            line("hw-finding hw-info", "✓ ", i18n::tf(lang, key, &args))
        }
        FileMessage::NothingNew(file) => line(
            "hw-finding hw-info",
            "ℹ ",
            i18n::tf(lang, "incoming.nothing_new", &[("file", file)]),
        ),
        FileMessage::NothingTaken(file) => line(
            "hw-finding hw-info",
            "ℹ ",
            i18n::tf(lang, "incoming.nothing_taken", &[("file", file)]),
        ),
        FileMessage::Failed => view! {
            <p class="hw-finding hw-error" role="alert">
                <span aria-hidden="true">"✖ "</span>
                {i18n::t(lang, "review.file_failed")}
            </p>
        }
        .into_any(),
        FileMessage::RejectedSealed { file, code } => view! {
            <div class="hw-finding hw-error" role="alert">
                <p>
                    <span aria-hidden="true">"✖ "</span>
                    <strong>{i18n::tf(lang, "import.rejected", &[("file", file)])}</strong>
                </p>
                <p>
                    {i18n::t(lang, &format!("sealed_error.{code}"))}
                    " "
                    {i18n::t(lang, "sealed.plan_unchanged")}
                </p>
            </div>
        }
        .into_any(),
        FileMessage::Rejected { file, code, line, column, path } => {
            // The error's text says where the fault is and that the open plan is unchanged.
            let args = [
                ("line", line.map(|l| l.to_string()).unwrap_or_default()),
                ("column", column.map(|c| c.to_string()).unwrap_or_default()),
                ("path", path),
            ];
            view! {
                <div class="hw-finding hw-error" role="alert">
                    <p>
                        <span aria-hidden="true">"✖ "</span>
                        <strong>{i18n::tf(lang, "import.rejected", &[("file", file)])}</strong>
                    </p>
                    <p>{i18n::tf(lang, &format!("import_error.{code}"), &args)}</p>
                </div>
            }
            .into_any()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use homeward_plan::interchange::sealed::SealedError;

    #[test]
    fn every_sealing_problem_is_said_in_words() {
        for code in SealedError::CODES {
            assert!(i18n::has_key(&format!("sealed_error.{code}")), "sealed_error.{code}");
        }
        for error in [CryptoError::Unavailable, CryptoError::NotOpened, CryptoError::Failed] {
            assert!(i18n::has_key(crypto_problem(error)), "{error:?}");
        }
        assert_ne!(
            crypto_problem(CryptoError::NotOpened),
            crypto_problem(CryptoError::Unavailable)
        );
    }
}
