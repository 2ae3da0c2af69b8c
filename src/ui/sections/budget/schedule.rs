//! The payment and purchase schedule, and how local-currency amounts are worked out.

use chrono::NaiveDate;
use homeward_plan::budget::{self};
use homeward_plan::model::{Package, Tranche};
use homeward_plan::money::Money;
use homeward_plan::path::Item;
use homeward_plan::privacy::tranche_privacy;
use leptos::prelude::*;
use uuid::Uuid;

use crate::browser::dom;
use crate::draft::{new_id, use_draft};
use crate::i18n::{self, format};
use crate::state::use_app;
use crate::ui::anchors::tranche_element_id;
use crate::ui::budget_panel::{Amount, local_text, rounding_note};
use crate::ui::dialog::{Confirm, use_dialogs};
use crate::ui::private::PrivateToggle;
use crate::ui::widgets::{CheckField, DateField, MoneyField, Text, TextField};
use crate::undo::use_undo;

use super::payment::PaymentRecord;

/// The payment and purchase schedule: generated from the programme's rule, then editable
/// (dates, amounts that keep each package's total, paid), with totals against the allocation.
#[component]
pub(super) fn Schedule() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let tranche_ids = Memo::new(move |_| {
        draft.plan.with(|p| p.budget.tranches.iter().map(|t| t.id).collect::<Vec<_>>())
    });
    let make = move || {
        let config = draft.programme.get_untracked();
        let today = draft.today;
        draft.edit(|p| {
            p.budget.tranches = budget::generate_tranches(p, &config, today, &mut new_id);
        });
    };
    // Making the schedule again replaces the edited one, so ask first.
    let generate = move |_| {
        if tranche_ids.with_untracked(Vec::is_empty) {
            make();
        } else {
            use_dialogs().ask(Confirm {
                title: "schedule.replace_title",
                body: "schedule.replace_body",
                args: Vec::new(),
                confirm: "schedule.replace_confirm",
                action: Callback::new(move |()| make()),
            });
        }
    };
    let sync = move |_| {
        let config = draft.programme.get_untracked();
        let today = draft.today;
        draft.edit(|p| {
            p.budget.tranches = budget::sync_tranches(p, &config, today, &mut new_id);
        });
    };
    let totals = Memo::new(move |_| draft.guidance.with(|g| g.packages.clone()));
    let total_rows = move || {
        let lang = lang.get();
        totals
            .get()
            .into_iter()
            .filter(|p| p.offered)
            .map(|p| {
                let matches = p.tranches_total == p.allocated;
                let scheduled = p.tranches_total.clone();
                let allocated = p.allocated.clone();
                view! {
                    <tr>
                        <th scope="row">{format::label(lang, "package", &p.package)}</th>
                        <td><Amount amount=Signal::derive(move || Some(scheduled.clone())) /></td>
                        <td><Amount amount=Signal::derive(move || Some(allocated.clone())) /></td>
                        <td>
                            {if matches {
                                view! { <span aria-hidden="true">"✔ "</span>{i18n::t(lang, "schedule.matches")} }.into_any()
                            } else {
                                view! { <span aria-hidden="true">"⚠ "</span>{i18n::t(lang, "schedule.differs")} }.into_any()
                            }}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="hw-budget-part hw-schedule" aria-labelledby="hw-schedule-heading">
            <h2 id="hw-schedule-heading"><Text key="schedule.heading" /></h2>
            <p class="hw-hint"><Text key="schedule.hint" /></p>
            <div class="hw-actions">
                <button type="button" class="hw-button hw-primary" on:click=generate>
                    <Text key="schedule.generate" />
                </button>
                {move || (!tranche_ids.with(Vec::is_empty)).then(|| view! {
                    <button type="button" class="hw-button" on:click=sync>
                        <Text key="schedule.sync" />
                    </button>
                })}
            </div>
            {move || tranche_ids.with(Vec::is_empty).then(|| view! {
                <p class="hw-empty"><Text key="schedule.empty" /></p>
            })}
            <ol class="hw-tranches">
                <For each=move || tranche_ids.get() key=|id| *id let:id>
                    <TrancheRow id=id />
                </For>
            </ol>
            <div class="hw-table-scroll">
                <table class="hw-table hw-schedule-totals">
                    <caption><Text key="schedule.totals" /></caption>
                    <thead>
                        <tr>
                            <th scope="col"><Text key="schedule.package" /></th>
                            <th scope="col"><Text key="schedule.in_schedule" /></th>
                            <th scope="col"><Text key="budget.allocated" /></th>
                            <th scope="col"><Text key="schedule.check" /></th>
                        </tr>
                    </thead>
                    <tbody>{total_rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// An edit of the schedule at a tranche's position, through the domain's functions that keep
/// each package's total.
type ScheduleEdit =
    Box<dyn FnOnce(&mut Vec<Tranche>, usize) -> Result<(), budget::TrancheEditError>>;

/// One tranche of the schedule.
#[component]
fn TrancheRow(id: Uuid) -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let tranche = Memo::new(move |_| {
        draft.plan.with(|p| p.budget.tranches.iter().find(|t| t.id == id).cloned())
    });
    let index =
        Memo::new(move |_| draft.plan.with(|p| p.budget.tranches.iter().position(|t| t.id == id)));
    let problem: RwSignal<Option<&'static str>> = RwSignal::new(None);
    let path = move |field: &'static str| {
        Signal::derive(move || {
            index.get().map(|i| Item::Tranche(i).field(field)).unwrap_or_default()
        })
    };
    let number = move || index.get().map_or(0, |i| i + 1);
    let package =
        move || tranche.with(|t| t.as_ref().map(|t| t.package)).unwrap_or(Package::ShortTerm);
    // Schedule edits that must keep the package total go through the domain's functions on a
    // copy, so a refused edit leaves the plan untouched and says why.
    let change = move |edit: ScheduleEdit| {
        let Some(i) = index.get_untracked() else { return };
        let mut tranches = draft.plan.with_untracked(|p| p.budget.tranches.clone());
        match edit(&mut tranches, i) {
            Ok(()) => {
                problem.set(None);
                draft.edit(|p| p.budget.tranches = tranches);
            }
            Err(e) => problem.set(Some(e.code())),
        }
    };
    // Removed at once (its amount goes to another tranche of its package); undone only while
    // the schedule is still as the removal left it. Focus goes to the next tranche.
    let undo = use_undo();
    let remove = move |_| {
        let Some(i) = index.get_untracked() else { return };
        let before = draft.plan.with_untracked(|p| p.budget.tranches.clone());
        let mut after = before.clone();
        if let Err(e) = budget::remove_tranche(&mut after, i) {
            problem.set(Some(e.code()));
            return;
        }
        problem.set(None);
        let next = after.get(i).or_else(|| after.last()).map(|t| t.id);
        draft.edit(|p| p.budget.tranches = after.clone());
        undo.offer(
            move |p| {
                let unchanged = p.budget.tranches == after;
                if unchanged {
                    p.budget.tranches = before.clone();
                }
                unchanged
            },
            (tranche_element_id(id), None),
        );
        if let Some(next) = next {
            dom::focus_later(tranche_element_id(next), None);
        }
    };
    let set_field = move |edit: Box<dyn FnOnce(&mut Tranche)>| {
        draft.edit(|p| {
            if let Some(t) = p.budget.tranches.iter_mut().find(|t| t.id == id) {
                edit(t);
            }
        });
    };
    let amount = Signal::derive(move || tranche.with(|t| t.as_ref().map(|t| t.amount.clone())));
    let currency = Signal::derive(move || {
        tranche
            .with(|t| t.as_ref().map(|t| t.amount.currency.clone()))
            .unwrap_or_else(homeward_plan::money::CurrencyCode::eur)
    });
    let local =
        move || amount.get().and_then(|m| draft.programme.with(|c| local_text(lang.get(), &m, c)));
    let label_of = move |key: &'static str| {
        move || i18n::tf(lang.get(), key, &[("number", number().to_string())])
    };
    view! {
        <li class="hw-tranche">
            <h3 id=tranche_element_id(id) tabindex="-1">
                {move || i18n::tf(
                    lang.get(),
                    "schedule.tranche_heading",
                    &[("number", number().to_string()), ("package", format::label(lang.get(), "package", &package()))],
                )}
            </h3>
            <div class="hw-measure-grid">
                <DateField label="schedule.date" path=path("date")
                    value=Signal::derive(move || tranche.with(|t| t.as_ref().map(|t| t.date)))
                    on_change=Callback::new(move |d: Option<NaiveDate>| {
                        if let Some(d) = d {
                            set_field(Box::new(move |t| t.date = d));
                        }
                    }) />
                <div class="hw-cost">
                    <MoneyField label="schedule.amount" value=amount currency=currency path=path("amount")
                        on_change=Callback::new(move |m: Option<Money>| {
                            if let Some(m) = m {
                                change(Box::new(move |ts, i| budget::set_tranche_amount(ts, i, m.amount_minor)));
                            }
                        }) />
                    {move || local().map(|text| view! { <p class="hw-local">{text}</p> })}
                </div>
                <div class="hw-wide">
                    <PrivateToggle label="private.tranche"
                        number=Signal::derive(move || number().to_string())
                        privacy=Signal::derive(move || tranche.with(|t| t.as_ref().and_then(tranche_privacy)))
                        on_change=Callback::new(move |v| set_field(Box::new(move |t| t.private = v))) />
                    <TextField label="schedule.purpose" path=path("purpose")
                        value=Signal::derive(move || tranche.with(|t| t.as_ref().map(|t| t.purpose.clone()).unwrap_or_default()))
                        on_input=Callback::new(move |v: String| set_field(Box::new(move |t| t.purpose = v))) />
                </div>
                <CheckField label="schedule.paid" path=path("paid")
                    checked=Signal::derive(move || tranche.with(|t| t.as_ref().is_some_and(|t| t.paid)))
                    on_change=Callback::new(move |v: bool| set_field(Box::new(move |t| t.paid = v))) />
                <PaymentRecord id=id />
            </div>
            <p class="hw-input-problem" aria-live="polite">
                {move || problem.get().map(|code| view! {
                    <span aria-hidden="true">"✖ "</span>
                    {i18n::t(lang.get(), &format!("tranche_edit.{code}"))}
                })}
            </p>
            <div class="hw-item-actions">
                <button type="button" class="hw-button" aria-label=label_of("schedule.split")
                    on:click=move |_| {
                        let date = tranche.with_untracked(|t| t.as_ref().map(|t| t.date));
                        if let Some(date) = date {
                            let new = new_id();
                            change(Box::new(move |ts, i| budget::split_tranche(ts, i, date, new)));
                        }
                    }>
                    <Text key="schedule.split_short" />
                </button>
                <button type="button" class="hw-button hw-remove" aria-label=label_of("schedule.remove")
                    on:click=remove>
                    <span aria-hidden="true">"✖ "</span>
                    <Text key="schedule.remove_short" />
                </button>
            </div>
        </li>
    }
}

/// How local-currency amounts are worked out, when the programme has a local currency.
#[component]
pub(super) fn RoundingNote() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    move || {
        draft.programme.with(|c| rounding_note(lang.get(), c)).map(|note| {
            view! {
                <p class="hw-note hw-rounding">
                    <span aria-hidden="true">"ℹ "</span>
                    {note}
                </p>
            }
        })
    }
}
