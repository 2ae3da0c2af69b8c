//! What a measure buys, item by item, and what it cost once delivered. Folded under the card
//! and drawn only when opened, so a plan of hundreds of measures stays light to show and edit.

use homeward_plan::model::{LineItem, Measure, MeasureStatus};
use leptos::prelude::*;
use uuid::Uuid;

use crate::draft::new_id;
use crate::i18n::{self, format};
use crate::state::use_app;
use crate::ui::row::MeasureRow;
use crate::ui::widgets::{DateField, MoneyField, Text, TextField, WholeNumberField};

/// The line items, the actual cost and the delivery day of a measure.
#[component]
pub fn MeasureItems(
    row: MeasureRow,
    #[prop(into)] measure: Signal<Option<Measure>>,
    #[prop(into)] path: Callback<String, String>,
    #[prop(into)] number: Signal<usize>,
    /// An agreed plan: the items are as signed; the actual cost and day stay open.
    locked: Signal<bool>,
) -> impl IntoView {
    let lang = use_app().lang;
    let open = RwSignal::new(false);
    let summary = move || {
        let (count, total) = measure.with(|m| {
            m.as_ref().map_or((0, None), |m| {
                // The total only where the items make the cost.
                let priced = m.items.iter().any(|i| i.unit_cost.is_some());
                (m.items.len(), priced.then(|| m.cost()).flatten())
            })
        });
        let lang = lang.get();
        let key = match (count == 1, total.is_some()) {
            (true, false) => "measure.items.summary_one",
            (true, true) => "measure.items.summary_total_one",
            (false, false) => "measure.items.summary",
            (false, true) => "measure.items.summary_total",
        };
        let total = total.map(|t| format::money(lang, &t)).unwrap_or_default();
        i18n::tf(lang, key, &[("count", count.to_string()), ("total", total)])
    };
    let ids = Memo::new(move |_| {
        measure
            .with(|m| m.as_ref().map(|m| m.items.iter().map(|i| i.id).collect::<Vec<_>>()))
            .unwrap_or_default()
    });
    let delivered = Memo::new(move |_| {
        measure.with(|m| m.as_ref().is_some_and(|m| m.status == MeasureStatus::Done))
    });
    let currency = Signal::derive(move || {
        measure
            .with(|m| {
                m.as_ref().and_then(|m| m.estimated_cost.as_ref().map(|c| c.currency.clone()))
            })
            .unwrap_or_else(homeward_plan::money::CurrencyCode::eur)
    });
    let add_label = move || {
        i18n::tf(lang.get(), "measure.items.add_for", &[("number", number.get().to_string())])
    };
    view! {
        <details class="hw-measure-items"
            on:toggle=move |ev| open.set(crate::browser::dom::details_open(&ev))>
            <summary>{summary}</summary>
            <Show when=move || open.get()>
                <p class="hw-hint"><Text key="measure.items.hint" /></p>
                <fieldset class="hw-lock" disabled=move || locked.get()>
                <ol class="hw-line-items">
                    <For each=move || ids.get() key=|id| *id let:item_id>
                        <ItemRow row=row item=item_id path=path currency=currency />
                    </For>
                </ol>
                <button type="button" class="hw-button" aria-label=add_label
                    on:click=move |_| {
                        let id = new_id();
                        row.edit(|m| m.items.push(LineItem { id, quantity: 1, ..LineItem::default() }));
                    }>
                    <span aria-hidden="true">"+ "</span>
                    <Text key="measure.items.add" />
                </button>
                </fieldset>
                <Show when=move || delivered.get()>
                    <div class="hw-pair">
                        <MoneyField label="measure.actual_cost" currency=currency
                            value=Signal::derive(move || measure.with(|m| m.as_ref().and_then(|m| m.actual_cost.clone())))
                            path=Signal::derive(move || path.run("actual_cost".into()))
                            on_change=row.on(|m, v| m.actual_cost = v) />
                        <DateField label="measure.delivered_on"
                            value=Signal::derive(move || measure.with(|m| m.as_ref().and_then(|m| m.delivered_on)))
                            path=Signal::derive(move || path.run("delivered_on".into()))
                            on_change=row.on(|m, v| m.delivered_on = v) />
                    </div>
                </Show>
            </Show>
        </details>
    }
}

/// One line item: what, how many, the cost of one, from whom.
#[component]
fn ItemRow(
    row: MeasureRow,
    item: Uuid,
    path: Callback<String, String>,
    currency: Signal<homeward_plan::money::CurrencyCode>,
) -> impl IntoView {
    let lang = use_app().lang;
    let current = Memo::new(move |_| {
        row.read(|v| {
            v.measure
                .items
                .iter()
                .position(|i| i.id == item)
                .map(|k| (k, v.measure.items[k].clone()))
        })
        .flatten()
    });
    let field = move |name: &'static str| {
        Signal::derive(move || {
            current
                .with(|c| {
                    c.as_ref().map(|(k, _)| path.run(["items", &k.to_string(), name].join("/")))
                })
                .unwrap_or_default()
        })
    };
    let edit = move |change: Box<dyn FnOnce(&mut LineItem)>| {
        row.edit(|m| {
            if let Some(i) = m.items.iter_mut().find(|i| i.id == item) {
                change(i);
            }
        })
    };
    let number = move || current.with(|c| c.as_ref().map_or(0, |(k, _)| k + 1));
    let get = move |f: fn(&LineItem) -> String| {
        Signal::derive(move || current.with(|c| c.as_ref().map(|(_, i)| f(i)).unwrap_or_default()))
    };
    view! {
        <li class="hw-line-item">
            <fieldset>
                <legend>{move || i18n::tf(lang.get(), "measure.items.legend", &[("number", number().to_string())])}</legend>
                <TextField label="measure.items.description" value=get(|i| i.description.clone())
                    path=field("description")
                    on_input=Callback::new(move |v: String| edit(Box::new(move |i| i.description = v))) />
                <div class="hw-pair">
                    <WholeNumberField label="measure.items.quantity"
                        value=Signal::derive(move || current.with(|c| c.as_ref().map(|(_, i)| i.quantity)))
                        path=field("quantity")
                        on_change=Callback::new(move |n: Option<u32>| edit(Box::new(move |i| i.quantity = n.unwrap_or(0)))) />
                    <MoneyField label="measure.items.unit_cost" currency=currency
                        value=Signal::derive(move || current.with(|c| c.as_ref().and_then(|(_, i)| i.unit_cost.clone())))
                        path=field("unit_cost")
                        on_change=Callback::new(move |v| edit(Box::new(move |i| i.unit_cost = v))) />
                </div>
                <TextField label="measure.items.supplier" value=get(|i| i.supplier.clone())
                    path=field("supplier")
                    on_input=Callback::new(move |v: String| edit(Box::new(move |i| i.supplier = v))) />
                <button type="button" class="hw-button hw-remove"
                    aria-label=move || i18n::tf(lang.get(), "measure.items.remove", &[("number", number().to_string())])
                    on:click=move |_| row.edit(|m| m.items.retain(|i| i.id != item))>
                    <span aria-hidden="true">"✖ "</span>
                    <Text key="measure.items.remove_short" />
                </button>
            </fieldset>
        </li>
    }
}
