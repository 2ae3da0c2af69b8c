//! The partner's file follows the consent: without consent to share (or with no organisation
//! named) its button says why and leads to the consent; with it, the counsellor picks the
//! receiving organisation among those named, sees side by side what the partner will read and
//! what is withheld, and only then saves the file (sealed if they wish).

use leptos::html;
use leptos::prelude::*;

use super::files::{FileMessage, PlanFiles, Sent, save_file};
use super::preview::{self as privacy, refusal_field, refusal_key};
use crate::browser::dom;
use crate::browser::embed::ExportKind;
use crate::draft::use_draft;
use crate::i18n;
use crate::state::use_app;
use crate::step::Step;
use crate::ui::passphrase::{
    MIN_PASSPHRASE_CHARS, PassphraseStatus, check_new_passphrase, take_value,
};
use crate::ui::widgets::{Text, both_languages};

/// The file buttons, and the partner file's preview when it is open.
#[component]
pub fn Files() -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let message: RwSignal<Option<FileMessage>> = RwSignal::new(None);
    let preview = RwSignal::new(false);
    let refusal = Memo::new(move |_| draft.plan.with(privacy::refusal));
    let blocked = Signal::derive(move || refusal.get().as_ref().map(refusal_key));
    let on_partner = Callback::new(move |()| match refusal.get_untracked() {
        Some(why) => {
            // To the consent field that is missing, with focus on it.
            app.step.set(Step::Consent);
            dom::focus_later(refusal_field(&why).to_owned(), None);
        }
        None => {
            preview.set(true);
            dom::focus_later("hw-partner-preview-heading".into(), None);
        }
    });
    // Consent withdrawn while the preview is open: it closes.
    Effect::new(move |_| {
        if refusal.get().is_some() {
            preview.set(false);
        }
    });
    view! {
        <PlanFiles on_partner=on_partner partner_blocked=blocked message=message />
        <Show when=move || preview.get()>
            <PartnerPreview message=message close=Callback::new(move |()| preview.set(false)) />
        </Show>
    }
}

/// What the partner will read and what is withheld, the receiving organisation, and the
/// optional passphrase; nothing is saved until the counsellor says so.
#[component]
fn PartnerPreview(message: RwSignal<Option<FileMessage>>, close: Callback<()>) -> impl IntoView {
    let draft = use_draft();
    let app = use_app();
    let lang = app.lang;
    let organisations = Memo::new(move |_| draft.plan.with(privacy::named_organisations));
    let recipient =
        RwSignal::new(organisations.get_untracked().first().cloned().unwrap_or_default());
    let seal = RwSignal::new(false);
    let problem: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let first: NodeRef<html::Input> = NodeRef::new();
    let second: NodeRef<html::Input> = NodeRef::new();
    let document = Memo::new(move |_| {
        let to = recipient.get();
        draft
            .programme
            .with(|config| draft.plan.with(|p| privacy::partner_doc(p, config, &to, draft.today)))
    });

    let cancel = move || {
        take_value(first);
        take_value(second);
        close.run(());
        dom::focus_later("hw-files-heading".into(), None);
    };
    let save = move |_| {
        if busy.get_untracked() {
            return;
        }
        let Ok(doc) = document.get_untracked() else { return };
        let passphrase = if seal.get_untracked() {
            let (a, b) = (take_value(first), take_value(second));
            if let Some(key) = check_new_passphrase(&a, &b) {
                problem.set(Some(key));
                return;
            }
            Some(a)
        } else {
            None
        };
        problem.set(None);
        busy.set(true);
        // The whole plan the partner's file is made from, kept as the copy that was sent.
        let sent = Sent::now(draft);
        save_file(
            ExportKind::Partner,
            doc.file_name,
            doc.json,
            sent,
            passphrase,
            message,
            move |p| {
                busy.set(false);
                match p {
                    None => {
                        close.run(());
                        dom::focus_later("hw-files-heading".into(), None);
                    }
                    Some(key) => problem.set(Some(key)),
                }
            },
        );
    };

    let options = move || {
        organisations
            .get()
            .into_iter()
            .map(|name| {
                let selected = name == recipient.get_untracked();
                view! { <option value=name.clone() selected=selected>{name.clone()}</option> }
            })
            .collect_view()
    };
    let reading = move || {
        let lang = lang.get();
        document.with(|doc| match doc {
            Ok(doc) => privacy::reading_view(lang, doc),
            Err(_) => ().into_any(),
        })
    };
    let withheld = move || {
        let lang = lang.get();
        document.with(|doc| match doc {
            Ok(doc) => privacy::withheld_view(lang, doc),
            Err(_) => ().into_any(),
        })
    };

    view! {
        <section class="hw-review-block hw-partner-preview hw-no-print"
            aria-labelledby="hw-partner-preview-heading">
            <h2 id="hw-partner-preview-heading" tabindex="-1"><Text key="partner.preview_heading" /></h2>
            <p class="hw-hint"><Text key="partner.preview_intro" /></p>
            <div class="hw-field">
                <label for="hw-partner-recipient"><Text key="partner.recipient" /></label>
                <select id="hw-partner-recipient"
                    on:change=move |ev| recipient.set(event_target_value(&ev))>
                    {options}
                </select>
            </div>
            <div class="hw-side-by-side">
                <section class="hw-preview-column" aria-labelledby="hw-partner-reads">
                    <h3 id="hw-partner-reads"><Text key="partner.reads_heading" /></h3>
                    {reading}
                </section>
                <section class="hw-preview-column hw-withheld" aria-labelledby="hw-partner-withheld">
                    <h3 id="hw-partner-withheld"><Text key="partner.withheld_heading" /></h3>
                    {withheld}
                </section>
            </div>
            <div class="hw-field hw-check">
                <input type="checkbox" id="hw-partner-seal" prop:checked=move || seal.get()
                    on:change=move |ev| seal.set(event_target_checked(&ev)) />
                <label for="hw-partner-seal"><Text key="partner.seal" /></label>
            </div>
            <div class="hw-passphrase-fields" hidden=move || !seal.get()>
                <div class="hw-field">
                    <label for="hw-partner-passphrase"><Text key="sealed.passphrase" /></label>
                    <input id="hw-partner-passphrase" type="password" node_ref=first
                        autocomplete="new-password" aria-describedby="hw-partner-problem" />
                </div>
                <div class="hw-field">
                    <label for="hw-partner-passphrase-again"><Text key="sealed.passphrase_again" /></label>
                    <input id="hw-partner-passphrase-again" type="password" node_ref=second
                        autocomplete="new-password" aria-describedby="hw-partner-problem" />
                </div>
                <p class="hw-hint">
                    {both_languages(|l| i18n::tf(l, "sealed.passphrase_hint",
                        &[("min", MIN_PASSPHRASE_CHARS.to_string())]))}
                </p>
            </div>
            <PassphraseStatus id="hw-partner-problem" problem=problem.into() busy=busy.into() />
            <div class="hw-dialog-actions">
                <button type="button" class="hw-button" on:click=move |_| cancel()>
                    <Text key="dialog.cancel" />
                </button>
                <button type="button" class="hw-button hw-primary" on:click=save
                    disabled=move || busy.get()>
                    <span aria-hidden="true">"⬇ "</span>
                    <Text key="partner.save" />
                </button>
            </div>
        </section>
    }
}
