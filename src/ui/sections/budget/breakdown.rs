//! Where the grant goes: per area and per modality for each package, and the money apart
//! from the grant.

use homeward_plan::catalogue::BudgetArea;
use homeward_plan::model::{Modality, Package};
use homeward_plan::money::Money;
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::format;
use crate::state::use_app;
use crate::ui::budget_panel::Amount;
use crate::ui::widgets::Text;

/// One breakdown table: a caption, the kind of row, a column per package, and a total.
fn breakdown_table(
    caption: &'static str,
    first: &'static str,
    header: impl IntoView,
    rows: impl IntoView,
) -> impl IntoView {
    view! {
        <div class="hw-table-scroll">
            <table class="hw-table">
                <caption><Text key=caption /></caption>
                <thead>
                    <tr>
                        <th scope="col"><Text key=first /></th>
                        {header}
                        <th scope="col"><Text key="budget.total" /></th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// A table of allocation per area or per modality, one column per package.
#[component]
pub(super) fn Breakdown() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let packages = Memo::new(move |_| draft.guidance.with(|g| g.packages.clone()));
    let header = move || {
        let lang = lang.get();
        Package::ALL
            .iter()
            .map(|p| view! { <th scope="col">{format::label(lang, "package", p)}</th> })
            .collect_view()
    };
    let row = move |label: String, amounts: Vec<Money>, total: i64| {
        let lang = lang.get();
        let currency = draft.programme.with(|c| c.currency.clone());
        let cells =
            amounts.iter().map(|m| view! { <td>{format::money(lang, m)}</td> }).collect_view();
        view! {
            <tr>
                <th scope="row">{label}</th>
                {cells}
                <td>{format::money(lang, &Money::new(total, currency))}</td>
            </tr>
        }
    };
    let area_rows = move || {
        let ps = packages.get();
        BudgetArea::ALL
            .into_iter()
            .map(|area| {
                let amounts = ps
                    .iter()
                    .map(|p| Money::new(p.area(area), p.allocated.currency.clone()))
                    .collect();
                let total = draft.guidance.with(|g| g.area_total(area));
                row(format::label(lang.get(), "area", &area), amounts, total)
            })
            .collect_view()
    };
    let modality_rows = move || {
        let ps = packages.get();
        Modality::ALL
            .into_iter()
            .map(|modality| {
                let amounts = ps
                    .iter()
                    .map(|p| Money::new(p.modality(modality), p.allocated.currency.clone()))
                    .collect();
                let total = draft.guidance.with(|g| g.modality_total(modality));
                row(format::label(lang.get(), "modality", &modality), amounts, total)
            })
            .collect_view()
    };
    view! {
        <section class="hw-budget-part" aria-labelledby="hw-breakdown-heading">
            <h2 id="hw-breakdown-heading"><Text key="budget.breakdown_heading" /></h2>
            {breakdown_table("budget.by_area", "budget.area", header, area_rows)}
            {breakdown_table("budget.by_modality", "budget.modality", header, modality_rows)}
        </section>
    }
}

/// The returnee's own contribution and other funding, kept apart from the programme grant.
#[component]
pub(super) fn OtherFunding() -> impl IntoView {
    let draft = use_draft();
    let own = Signal::derive(move || draft.guidance.with(|g| Some(g.own_contribution.clone())));
    let other = Signal::derive(move || draft.guidance.with(|g| Some(g.other_funding.clone())));
    view! {
        <section class="hw-budget-part" aria-labelledby="hw-other-funding-heading">
            <h2 id="hw-other-funding-heading"><Text key="budget.other_funding_heading" /></h2>
            <p class="hw-hint"><Text key="budget.other_funding_hint" /></p>
            <dl class="hw-figures">
                <div>
                    <dt><Text key="budget.own_contribution" /></dt>
                    <dd><Amount amount=own /></dd>
                </div>
                <div>
                    <dt><Text key="budget.other_funding" /></dt>
                    <dd><Amount amount=other /></dd>
                </div>
            </dl>
        </section>
    }
}
