//! What a payment of the schedule records beyond its plan: whether it is paid at departure,
//! once paid the day and the amount actually paid, and the measures it pays for.

use chrono::NaiveDate;
use homeward_plan::model::Tranche;
use homeward_plan::money::Money;
use homeward_plan::path::Item;
use leptos::prelude::*;
use uuid::Uuid;

use crate::draft::use_draft;
use crate::i18n::{Lang, format};
use crate::ui::item_checks::ItemChecks;
use crate::ui::widgets::{CheckField, DateField, MoneyField};

/// The payment's timing, its record once paid, and the measures it pays for.
#[component]
pub(super) fn PaymentRecord(id: Uuid) -> impl IntoView {
    let draft = use_draft();
    let tranche = Memo::new(move |_| {
        draft.plan.with(|p| p.budget.tranches.iter().find(|t| t.id == id).cloned())
    });
    let index =
        Memo::new(move |_| draft.plan.with(|p| p.budget.tranches.iter().position(|t| t.id == id)));
    let path = move |field: &'static str| {
        Signal::derive(move || {
            index.get().map(|i| Item::Tranche(i).field(field)).unwrap_or_default()
        })
    };
    let read = move |f: fn(&Tranche) -> bool| {
        Signal::derive(move || tranche.with(|t| t.as_ref().is_some_and(f)))
    };
    let set = move |edit: Box<dyn FnOnce(&mut Tranche)>| {
        draft.edit(|p| {
            if let Some(t) = p.budget.tranches.iter_mut().find(|t| t.id == id) {
                edit(t);
            }
        });
    };
    let paid = read(|t| t.paid);
    let currency = Signal::derive(move || draft.plan.with(|p| p.budget.currency.clone()));
    // The measures of the package the payment is paid from.
    let measures = Callback::new(move |lang: Lang| {
        let package = tranche.with_untracked(|t| t.as_ref().map(|t| t.package));
        draft.plan.with(|p| {
            p.measures()
                .enumerate()
                .filter(|(_, m)| Some(m.measure.term.package()) == package)
                .map(|(i, m)| (m.measure.id, format::measure_name(lang, i + 1, m.measure)))
                .collect()
        })
    });
    view! {
        <CheckField label="schedule.at_departure" path=path("at_departure")
            checked=read(|t| t.at_departure)
            on_change=Callback::new(move |v: bool| set(Box::new(move |t| t.at_departure = v))) />
        <Show when=move || paid.get()>
            <div class="hw-pair">
                <DateField label="schedule.paid_on" path=path("paid_on")
                    value=Signal::derive(move || tranche.with(|t| t.as_ref().and_then(|t| t.paid_on)))
                    on_change=Callback::new(move |d: Option<NaiveDate>| {
                        set(Box::new(move |t| t.paid_on = d))
                    }) />
                <MoneyField label="schedule.paid_amount" path=path("paid_amount") currency=currency
                    value=Signal::derive(move || {
                        tranche.with(|t| t.as_ref().and_then(|t| t.paid_amount.clone()))
                    })
                    on_change=Callback::new(move |m: Option<Money>| {
                        set(Box::new(move |t| t.paid_amount = m))
                    }) />
            </div>
        </Show>
        <div class="hw-wide">
            <ItemChecks legend="schedule.pays_for" empty="schedule.pays_for.none"
                path=path("measure_ids")
                chosen=Signal::derive(move || {
                    tranche.with(|t| t.as_ref().map(|t| t.measure_ids.clone()).unwrap_or_default())
                })
                items=measures
                on_change=Callback::new(move |ids: Vec<Uuid>| {
                    set(Box::new(move |t| t.measure_ids = ids))
                }) />
        </div>
    }
}
