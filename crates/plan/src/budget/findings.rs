//! The budget rules' findings. Each names the field concerned by its JSON Pointer and carries the
//! parameters its translated message needs; the message itself says how to fix it.

use chrono::NaiveDate;

use super::entitlement::CountedPerson;
use crate::finding::{Finding, Param};
use crate::model::{Dimension, MeasureRef, Modality, Package, Tranche};
use crate::money::{CurrencyCode, Money};
use crate::path::Item;
use crate::programme::{CostRange, ProgrammeConfig};

/// Every code the budget rules ([`guidance`](super::guidance()) and
/// [`check_record`](super::check_record)) can return.
pub const FINDING_CODES: &[&str] = &[
    "after_budget_period",
    "budget_record_differs",
    "budget_record_not_checked",
    "cash_not_allowed",
    "ceiling_unknown",
    "cost_above_guidance",
    "cost_below_guidance",
    "departure_payment_after_return",
    "dimension_not_planned",
    "member_age_unknown",
    "modality_not_allowed",
    "over_cash_limit",
    "over_ceiling",
    "package_not_offered",
    "plan_currency_not_programme",
    "returnee_age_unknown",
    "rules_not_yet_in_effect",
    "tranche_after_budget_period",
    "tranche_before_return",
    "tranches_mismatch",
    "tranches_missing",
];

fn package(p: Package) -> Param {
    Param::Text(p.code().to_owned())
}

fn measure(m: &MeasureRef<'_>) -> Param {
    Param::Text(m.measure.description.clone())
}

fn money(config: &ProgrammeConfig, amount: i64) -> Param {
    Param::Money(config.money(amount))
}

pub(super) fn age_unknown(person: &CountedPerson) -> Finding {
    match person.member_index {
        None => Finding::info("returnee_age_unknown", person.date_of_birth_path()),
        Some(i) => Finding::info("member_age_unknown", person.date_of_birth_path())
            .with("member", Param::Number(i64::try_from(i + 1).unwrap_or(i64::MAX))),
    }
}

pub(super) fn plan_currency_not_programme(plan: &CurrencyCode, expected: &CurrencyCode) -> Finding {
    Finding::error("plan_currency_not_programme", "/budget/currency")
        .with("currency", Param::Text(plan.to_string()))
        .with("expected", Param::Text(expected.to_string()))
}

/// A figure of the budget recorded in a file is not what the programme's rules give for the
/// plan (`path` is the figure's JSON Pointer). The interface shows the recomputed figures.
pub(super) fn budget_record_differs(path: String, expected: &serde_json::Value) -> Finding {
    let expected = match serde_json::from_value::<Money>(expected.clone()) {
        Ok(m) => Param::Money(m),
        Err(_) => Param::Text(match expected {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => "—".to_owned(),
            other => other.to_string(),
        }),
    };
    Finding::warning("budget_record_differs", path.clone())
        .with("path", Param::Text(path))
        .with("expected", expected)
}

/// A file records a budget, but the programme it names is not the one configured here, so it
/// could not be checked against the rules.
pub(super) fn budget_record_not_checked(path: &str, programme_id: &str) -> Finding {
    Finding::info("budget_record_not_checked", path)
        .with("programme", Param::Text(programme_id.to_owned()))
}

fn cost_guidance(
    code: &'static str,
    m: &MeasureRef<'_>,
    config: &ProgrammeConfig,
    amount: i64,
    range: &CostRange,
) -> Finding {
    let measure_type = m.measure.measure_type.map_or("", |t| t.code());
    Finding::warning(code, m.field_path("estimated_cost"))
        .with("measure", measure(m))
        .with("measure_type", Param::Text(measure_type.to_owned()))
        .with("cost", money(config, amount))
        .with("min", money(config, range.min))
        .with("max", money(config, range.max))
}

pub(super) fn cost_below_guidance(
    m: &MeasureRef<'_>,
    config: &ProgrammeConfig,
    amount: i64,
    range: &CostRange,
) -> Finding {
    cost_guidance("cost_below_guidance", m, config, amount, range)
}

pub(super) fn cost_above_guidance(
    m: &MeasureRef<'_>,
    config: &ProgrammeConfig,
    amount: i64,
    range: &CostRange,
) -> Finding {
    cost_guidance("cost_above_guidance", m, config, amount, range)
}

pub(super) fn package_not_offered(m: &MeasureRef<'_>, p: Package) -> Finding {
    Finding::error("package_not_offered", m.field_path("term"))
        .with("measure", measure(m))
        .with("package", package(p))
}

pub(super) fn cash_not_allowed(
    m: &MeasureRef<'_>,
    config: &ProgrammeConfig,
    p: Package,
) -> Finding {
    let cost = m.measure.estimated_cost.as_ref().map_or(0, |c| c.amount_minor);
    // Cash chosen as the modality is fixed there; a measure of type cash, by its type.
    let field = if m.measure.modality == Modality::Cash { "modality" } else { "measure_type" };
    Finding::error("cash_not_allowed", m.field_path(field))
        .with("measure", measure(m))
        .with("package", package(p))
        .with("cost", money(config, cost))
}

pub(super) fn modality_not_allowed(m: &MeasureRef<'_>, p: Package) -> Finding {
    Finding::error("modality_not_allowed", m.field_path("modality"))
        .with("measure", measure(m))
        .with("package", package(p))
        .with("modality", Param::Text(m.measure.modality.code().to_owned()))
}

pub(super) fn after_budget_period(
    m: &MeasureRef<'_>,
    p: Package,
    field: &str,
    date: NaiveDate,
    use_by: NaiveDate,
) -> Finding {
    Finding::error("after_budget_period", m.field_path(field))
        .with("measure", measure(m))
        .with("package", package(p))
        .with("date", Param::Date(date))
        .with("use_by", Param::Date(use_by))
}

pub(super) fn tranche_before_return(
    index: usize,
    tranche: &Tranche,
    return_date: NaiveDate,
) -> Finding {
    Finding::error("tranche_before_return", Item::Tranche(index).field("date"))
        .with("package", package(tranche.package))
        .with("date", Param::Date(tranche.date))
        .with("return_date", Param::Date(return_date))
}

pub(super) fn departure_payment_after_return(
    index: usize,
    tranche: &Tranche,
    return_date: NaiveDate,
) -> Finding {
    Finding::warning("departure_payment_after_return", Item::Tranche(index).field("date"))
        .with("package", package(tranche.package))
        .with("date", Param::Date(tranche.date))
        .with("return_date", Param::Date(return_date))
}

pub(super) fn rules_not_yet_in_effect(return_date: NaiveDate, from: NaiveDate) -> Finding {
    Finding::warning("rules_not_yet_in_effect", "/case/return_date")
        .with("return_date", Param::Date(return_date))
        .with("effective_from", Param::Date(from))
}

pub(super) fn tranche_after_budget_period(
    index: usize,
    tranche: &Tranche,
    use_by: NaiveDate,
) -> Finding {
    Finding::warning("tranche_after_budget_period", Item::Tranche(index).field("date"))
        .with("package", package(tranche.package))
        .with("date", Param::Date(tranche.date))
        .with("use_by", Param::Date(use_by))
}

pub(super) fn dimension_not_planned(dimension: Dimension) -> Finding {
    Finding::warning("dimension_not_planned", Item::Summary(dimension).path())
        .with("dimension", Param::Text(dimension.code().to_owned()))
}

pub(super) fn over_ceiling(
    config: &ProgrammeConfig,
    p: Package,
    allocated: i64,
    available: &Money,
) -> Finding {
    Finding::error("over_ceiling", "/budget")
        .with("package", package(p))
        .with("allocated", money(config, allocated))
        .with("available", Param::Money(available.clone()))
        .with("excess", money(config, allocated.saturating_sub(available.amount_minor)))
}

pub(super) fn ceiling_unknown(p: Package) -> Finding {
    Finding::info("ceiling_unknown", "/budget").with("package", package(p))
}

pub(super) fn over_cash_limit(
    config: &ProgrammeConfig,
    p: Package,
    cash: i64,
    limit: i64,
) -> Finding {
    Finding::error("over_cash_limit", "/budget")
        .with("package", package(p))
        .with("cash", money(config, cash))
        .with("limit", money(config, limit))
        .with("excess", money(config, cash.saturating_sub(limit)))
}

pub(super) fn tranches_missing(config: &ProgrammeConfig, p: Package, allocated: i64) -> Finding {
    Finding::info("tranches_missing", "/budget/tranches")
        .with("package", package(p))
        .with("allocated", money(config, allocated))
}

pub(super) fn tranches_mismatch(
    config: &ProgrammeConfig,
    p: Package,
    tranches_total: i64,
    allocated: i64,
) -> Finding {
    Finding::warning("tranches_mismatch", "/budget/tranches")
        .with("package", package(p))
        .with("tranches_total", money(config, tranches_total))
        .with("allocated", money(config, allocated))
        .with("difference", money(config, tranches_total.saturating_sub(allocated)))
}
