//! The budget chart: allocation per area against what is available and what is left, as inline
//! SVG (no script, no library, nothing fetched). Every bar carries its amount as text, so the
//! chart does not depend on colour, and the same figures are in a table for screen readers.
//! In right-to-left languages the bars grow from the right.

use homeward_plan::budget::Guidance;
use homeward_plan::catalogue::BudgetArea;
use homeward_plan::money::{CurrencyCode, Money};
use leptos::prelude::*;

use crate::draft::use_draft;
use crate::i18n::{self, Lang, format};
use crate::state::use_app;
use crate::ui::widgets::Text;
use crate::ui::widgets::unique_id;

/// What a row of the chart stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    Area(BudgetArea),
    Allocated,
    Available,
    Remaining,
}

/// One row: what it is and its amount in minor units (`None` when not known).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub kind: RowKind,
    pub amount: Option<i64>,
}

/// The chart's rows: grant allocation per area over both packages, the total allocated, the
/// total available (known only when every offered package's ceiling is known) and what is left.
pub fn rows(guidance: &Guidance) -> Vec<Row> {
    let mut out: Vec<Row> = BudgetArea::ALL
        .into_iter()
        .map(|area| Row { kind: RowKind::Area(area), amount: Some(guidance.area_total(area)) })
        .collect();
    let allocated = guidance.allocated_total();
    let available = guidance.available_total();
    out.push(Row { kind: RowKind::Allocated, amount: Some(allocated) });
    out.push(Row { kind: RowKind::Available, amount: available });
    out.push(Row {
        kind: RowKind::Remaining,
        amount: available.map(|a| a.saturating_sub(allocated)),
    });
    out
}

/// The row's label in `lang`.
fn row_label(lang: Lang, row: &Row) -> String {
    match row.kind {
        RowKind::Area(area) => format::label(lang, "area", &area),
        RowKind::Allocated => i18n::t(lang, "chart.allocated"),
        RowKind::Available => i18n::t(lang, "chart.available"),
        RowKind::Remaining if row.amount.is_some_and(|a| a < 0) => i18n::t(lang, "budget.over_by"),
        RowKind::Remaining => i18n::t(lang, "chart.remaining"),
    }
}

/// The row's amount in `lang` (absolute for an overspend, which its label names).
fn row_value(lang: Lang, row: &Row, currency: &CurrencyCode) -> String {
    match row.amount {
        Some(a) => format::money(lang, &Money::new(a.saturating_abs(), currency.clone())),
        None => i18n::t(lang, "budget.not_known"),
    }
}

const WIDTH: i64 = 640;
const LABEL: i64 = 210;
const VALUE: i64 = 170;
const ROW: i64 = 40;
const BAR: i64 = 24;

/// Length of a bar of `amount` when the longest is `max`, in chart units.
pub fn bar_length(amount: i64, max: i64) -> i64 {
    let span = WIDTH - LABEL - VALUE;
    if max <= 0 {
        return 0;
    }
    let length = i128::from(amount.saturating_abs()) * i128::from(span) / i128::from(max);
    i64::try_from(length).unwrap_or(span).min(span)
}

/// The chart with its text alternative.
#[component]
pub fn AllocationChart() -> impl IntoView {
    let draft = use_draft();
    let lang = use_app().lang;
    let title_id = unique_id("chart-title");
    let table_id = unique_id("chart-table");
    let (labelled_by, described_by) = (title_id.clone(), table_id.clone());
    let data = Memo::new(move |_| draft.guidance.with(|g| (rows(g), g.currency.clone())));
    let body = move || {
        let lang = lang.get();
        let rtl = lang.dir() == "rtl";
        let (rows, currency) = data.get();
        let max = rows.iter().filter_map(|r| r.amount).map(i64::saturating_abs).max().unwrap_or(0);
        rows.iter()
            .enumerate()
            .map(|(i, row)| {
                let y = i64::try_from(i).unwrap_or(0) * ROW;
                let length = row.amount.map_or(0, |a| bar_length(a, max));
                let (label_x, label_anchor, bar_x, value_x, value_anchor) = if rtl {
                    let bar_x = WIDTH - LABEL - length;
                    (WIDTH - 4, "end", bar_x, bar_x - 8, "end")
                } else {
                    (4, "start", LABEL, LABEL + length + 8, "start")
                };
                let class = match row.kind {
                    RowKind::Area(_) => "hw-bar hw-bar-area",
                    RowKind::Allocated => "hw-bar hw-bar-allocated",
                    RowKind::Available => "hw-bar hw-bar-available",
                    RowKind::Remaining if row.amount.is_some_and(|a| a < 0) => "hw-bar hw-bar-over",
                    RowKind::Remaining => "hw-bar hw-bar-remaining",
                };
                view! {
                    <g>
                        <text x=label_x y=y + ROW / 2 + 6 text-anchor=label_anchor class="hw-chart-label">
                            {row_label(lang, row)}
                        </text>
                        <rect x=bar_x y=y + (ROW - BAR) / 2 width=length height=BAR rx="3" class=class />
                        <text x=value_x y=y + ROW / 2 + 6 text-anchor=value_anchor class="hw-chart-value">
                            {row_value(lang, row, &currency)}
                        </text>
                    </g>
                }
            })
            .collect_view()
    };
    let height = move || data.with(|(rows, _)| i64::try_from(rows.len()).unwrap_or(0) * ROW);
    let table_rows = move || {
        let lang = lang.get();
        let (rows, currency) = data.get();
        rows.iter()
            .map(|row| {
                view! {
                    <tr>
                        <th scope="row">{row_label(lang, row)}</th>
                        <td>{row_value(lang, row, &currency)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <figure class="hw-chart">
            <svg role="img" aria-labelledby=labelled_by aria-describedby=described_by
                viewBox=move || format!("0 0 {WIDTH} {}", height()) direction="ltr"
                preserveAspectRatio="xMidYMin meet">
                <title id=title_id>{move || i18n::t(lang.get(), "chart.title")}</title>
                {body}
            </svg>
            <table class="hw-visually-hidden" id=table_id>
                <caption><Text key="chart.title" /></caption>
                <tbody>{table_rows}</tbody>
            </table>
        </figure>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use homeward_plan::budget::guidance;
    use homeward_plan::model::{Dimension, Measure, Plan, Term};
    use homeward_plan::programme::default_preset;
    use uuid::Uuid;

    #[test]
    fn rows_sum_areas_over_packages_and_show_what_is_left() {
        let config = default_preset();
        let mut plan =
            Plan::new(Uuid::nil(), config.id.clone(), config.currency.clone(), chrono::Utc::now());
        plan.add_goal(Uuid::from_u128(1), Dimension::Economic);
        plan.add_measure(Uuid::from_u128(1), Uuid::from_u128(2));
        if let Some(m) = plan.measure_mut(Uuid::from_u128(2)) {
            *m = Measure {
                id: m.id,
                term: Term::LongerTerm,
                estimated_cost: Some(config.money(150_000)),
                ..Measure::default()
            };
        }
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
        let rows = rows(&guidance(&plan, &config, today));
        assert_eq!(
            rows[0],
            Row { kind: RowKind::Area(BudgetArea::Economic), amount: Some(150_000) }
        );
        assert_eq!(rows[4], Row { kind: RowKind::Allocated, amount: Some(150_000) });
        // One adult: €615 short-term + €2,000 longer-term.
        assert_eq!(rows[5], Row { kind: RowKind::Available, amount: Some(261_500) });
        assert_eq!(rows[6], Row { kind: RowKind::Remaining, amount: Some(111_500) });
    }

    #[test]
    fn bars_scale_to_the_longest_and_never_overflow() {
        assert_eq!(bar_length(0, 0), 0);
        assert_eq!(bar_length(100, 100), WIDTH - LABEL - VALUE);
        assert_eq!(bar_length(50, 100), (WIDTH - LABEL - VALUE) / 2);
        assert_eq!(bar_length(-100, 100), WIDTH - LABEL - VALUE);
        assert_eq!(bar_length(i64::MAX, 1), WIDTH - LABEL - VALUE);
    }
}
