//! Identity documents held or missing, and debts: two lists of rows that can be added and
//! removed. Debts carry an id and are addressed by it; identity documents have none in the plan
//! format, so their rows are addressed by position (they are never reordered).

use homeward_plan::model::{Debt, DocumentKind, IdentityDocument, PressureLevel};
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::path::Item;
use homeward_plan::privacy::debt_privacy;
use leptos::prelude::*;

use super::fields::TextWith;
use super::group_heading;
use crate::browser::dom;
use crate::draft::{Draft, use_draft};
use crate::i18n;
use crate::state::use_app;
use crate::ui::private::PrivateToggle;
use crate::ui::row::{ListTexts, PlanList, RemoveRow, Row, RowList, removed};
use crate::ui::widgets::{
    ChoiceField, FIRST_FIELD, FieldFindings, MoneyField, Text, TextField, unique_id,
};
use crate::undo::use_undo;

const DOCUMENTS_ADD_ID: &str = "hw-documents-add";
const DEBTS_ADD_ID: &str = "hw-debts-add";

/// Changes the document at `index`, if it is still there.
fn change_document(draft: Draft, index: usize, f: impl FnOnce(&mut IdentityDocument)) {
    draft.edit(|p| {
        if let Some(d) = p.case.identity_documents.get_mut(index) {
            f(d);
        }
    });
}

#[component]
pub fn DocumentsGroup() -> impl IntoView {
    let draft = use_draft();
    let count = move || draft.plan.with(|p| p.case.identity_documents.len());
    let add = move |_| {
        let index = count();
        draft.edit(|p| {
            p.case.identity_documents.push(IdentityDocument {
                kind: DocumentKind::NationalIdentityCard,
                held: true,
                note: String::new(),
            })
        });
        dom::focus_new_later(format!("hw-document-{index}"), Some("select"));
    };
    view! {
        <fieldset class="hw-group">
            {group_heading("case.group.documents")}
            <p class="hw-hint"><Text key="case.documents.hint" /></p>
            <Show when=move || count() == 0>
                <p class="hw-empty"><Text key="case.documents.empty" /></p>
            </Show>
            <ol class="hw-rows">
                <For each=move || 0..count() key=|i| *i
                    children=move |index| view! { <DocumentRow index=index /> } />
            </ol>
            <button type="button" class="hw-button hw-add" id=DOCUMENTS_ADD_ID on:click=add>
                <span aria-hidden="true">"+"</span>
                <Text key="case.documents.add" />
            </button>
        </fieldset>
    }
}

/// One identity document: kind, held or missing, note.
#[component]
fn DocumentRow(index: usize) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let number = (index + 1).to_string();
    let args = Signal::derive({
        let number = number.clone();
        move || vec![("number", number.clone())]
    });
    let kind = Signal::derive(move || {
        draft.plan.with(|p| p.case.identity_documents.get(index).map(|d| d.kind))
    });
    let held = move || draft.plan.with(|p| p.case.identity_documents.get(index).map(|d| d.held));
    let note = Signal::derive(move || {
        draft.plan.with(|p| {
            p.case.identity_documents.get(index).map(|d| d.note.clone()).unwrap_or_default()
        })
    });
    let base = Item::IdentityDocument(index).path();
    let radio_name = unique_id("held");
    let held_findings = format!("{radio_name}-findings");
    let undo = use_undo();
    let remove = move |()| {
        let mut taken = None;
        draft.edit(|p| {
            let documents = &mut p.case.identity_documents;
            taken = (index < documents.len()).then(|| documents.remove(index));
        });
        if let Some(document) = taken {
            undo.offer(
                move |p| {
                    let documents = &mut p.case.identity_documents;
                    documents.insert(index.min(documents.len()), document.clone());
                    true
                },
                (format!("hw-document-{index}"), Some(FIRST_FIELD)),
            );
        }
        dom::focus_later(DOCUMENTS_ADD_ID.to_owned(), None);
    };
    let remove_label =
        move || i18n::tf(lang.get(), "case.document.remove", &[("number", number.clone())]);
    view! {
        <li class="hw-row" id=format!("hw-document-{index}")>
            <fieldset>
                <legend class="hw-row-legend"><TextWith key="case.document.legend" args=args /></legend>
                <div class="hw-row-fields">
                    <ChoiceField label="case.document.kind" kind="document_kind"
                        options=DocumentKind::ALL.to_vec() value=kind
                        on_change=Callback::new(move |k: Option<DocumentKind>| {
                            if let Some(k) = k {
                                change_document(draft, index, |d| d.kind = k);
                            }
                        })
                        path=format!("{base}/kind") />
                    <fieldset class="hw-radios" aria-describedby=held_findings.clone()>
                        <legend><Text key="case.document.held" /></legend>
                        <label class="hw-radio">
                            <input type="radio" name=radio_name.clone() value="held"
                                prop:checked=move || held() == Some(true)
                                on:change=move |_| change_document(draft, index, |d| d.held = true) />
                            <span><Text key="case.document.held_yes" /></span>
                        </label>
                        <label class="hw-radio">
                            <input type="radio" name=radio_name value="missing"
                                prop:checked=move || held() == Some(false)
                                on:change=move |_| change_document(draft, index, |d| d.held = false) />
                            <span><Text key="case.document.held_no" /></span>
                        </label>
                    </fieldset>
                    <FieldFindings path=format!("{base}/held") id=held_findings />
                    <TextField label="case.document.note" hint="case.document.note.hint" value=note
                        on_input=Callback::new(move |v: String| {
                            change_document(draft, index, |d| d.note = v)
                        })
                        path=format!("{base}/note") />
                </div>
                <RemoveRow label=Signal::derive(remove_label) text="case.row.remove"
                    on_remove=Callback::new(remove) />
            </fieldset>
        </li>
    }
}

static DEBTS: PlanList<Debt> =
    PlanList { items: |p| &p.case.debts, items_mut: |p| &mut p.case.debts, item: Item::Debt };

const DEBT_TEXTS: ListTexts = ListTexts {
    hint: "case.debts.hint",
    empty: "case.debts.empty",
    add: "case.debts.add",
    add_id: DEBTS_ADD_ID,
};

#[component]
pub fn DebtsGroup() -> impl IntoView {
    view! {
        <fieldset class="hw-group">
            {group_heading("case.group.debts")}
            <RowList list=&DEBTS texts=DEBT_TEXTS
                add_row=|p, id| {
                    let amount = Money::zero(p.budget.currency.clone());
                    p.case.debts.push(Debt {
                        id,
                        amount,
                        creditor: String::new(),
                        pressure_to_repay: PressureLevel::default(),
                        private: false,
                        withheld: None,
                    });
                }
                focus=|id| (format!("hw-debt-{id}"), Some(FIRST_FIELD))
                row=|row| view! { <DebtRow row=row /> }.into_any() />
        </fieldset>
    }
}

/// One debt: amount, creditor, pressure to repay.
#[component]
fn DebtRow(row: Row<Debt>) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let id = row.id;
    let number = move || row.number();
    let args = Signal::derive(move || vec![("number", number())]);
    let path = move |field: &'static str| row.path(field);
    // A debt is kept in the currency it was entered in; a new one starts in the plan's.
    let currency = Signal::derive(move || {
        row.read(|d| d.amount.currency.clone())
            .unwrap_or_else(|| draft.plan.with(|p| p.budget.currency.clone()))
    });
    // An amount of zero shows as an empty field (a new debt, or one cleared), so nobody has to
    // delete a "0.00" before typing; `blank` tells the two apart from a typed zero.
    let blank = RwSignal::new(untrack(|| row.read(|d| d.amount.amount_minor == 0).unwrap_or(true)));
    let amount =
        Signal::derive(move || if blank.get() { None } else { row.read(|d| d.amount.clone()) });
    let on_amount = Callback::new(move |m: Option<Money>| {
        blank.set(m.is_none());
        let code: CurrencyCode = currency.get_untracked();
        row.edit(|d| d.amount = m.unwrap_or_else(|| Money::zero(code)));
    });
    let creditor = Signal::derive(move || row.read(|d| d.creditor.clone()).unwrap_or_default());
    let pressure = Signal::derive(move || row.read(|d| d.pressure_to_repay));
    let remove = move |()| removed(row, DEBT_TEXTS);
    let remove_label = move || i18n::tf(lang.get(), "case.debt.remove", &[("number", number())]);
    // The money widget reads its amount once while it is built; that read needs no tracking.
    let amount_field = untrack(|| {
        view! {
            <MoneyField label="case.debt.amount" value=amount currency=currency
                on_change=on_amount path=path("amount") />
        }
    });
    view! {
        <li class="hw-row" id=format!("hw-debt-{id}")>
            <fieldset>
                <legend class="hw-row-legend"><TextWith key="case.debt.legend" args=args /></legend>
                <PrivateToggle label="private.debt" number=Signal::derive(number)
                    privacy=Signal::derive(move || row.read(debt_privacy).flatten())
                    on_change=Callback::new(move |v| row.edit(|d| d.private = v)) />
                <div class="hw-row-fields">
                    {amount_field}
                    <TextField label="case.debt.creditor" hint="case.debt.creditor.hint"
                        value=creditor
                        on_input=Callback::new(move |v: String| row.edit(|d| d.creditor = v))
                        path=path("creditor") />
                    <ChoiceField label="case.debt.pressure" kind="pressure_level"
                        options=PressureLevel::ALL.to_vec()
                        value=pressure
                        on_change=Callback::new(move |l: Option<PressureLevel>| {
                            if let Some(l) = l {
                                row.edit(|d| d.pressure_to_repay = l);
                            }
                        })
                        path=path("pressure_to_repay") />
                </div>
                <RemoveRow label=Signal::derive(remove_label) text="case.row.remove"
                    on_remove=Callback::new(remove) />
            </fieldset>
        </li>
    }
}
