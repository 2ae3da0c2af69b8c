//! The budget as the exported file records it, so a partner can read what was available,
//! allocated and left per package without the programme's configuration. Derived data: it is
//! computed by [`guidance`] and [`to_local`] when the file is written and recomputed when it is
//! read (a difference is a finding), never kept in the [`Plan`].

use chrono::NaiveDate;
#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::currency::to_local;
use super::findings as f;
use super::guidance::guidance;
use crate::finding::Finding;
use crate::model::{Package, Plan};
use crate::money::{CurrencyCode, Money};
use crate::programme::{LocalizedText, ProgrammeConfig};

/// The plan's budget under its programme's rules, as recorded in the file. Derived from the
/// plan and the programme: Homeward recomputes it when it reads a file and reports any
/// difference; a partner can read it without the programme's configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetRecord {
    /// The programme whose rules gave these figures.
    pub programme: ProgrammeRecord,
    /// The day ages and the period of use are counted from: the return date, or the day of the
    /// plan's last change while the return date is not set.
    pub reference_date: NaiveDate,
    /// The programme's currency; the amounts of the packages are in it.
    pub currency: CurrencyCode,
    /// The local currency of the country of return and the rate used for the local amounts;
    /// absent (null) when the programme has none.
    pub local_currency: Option<LocalRate>,
    /// One entry per package, short-term first.
    pub packages: Vec<PackageRecord>,
}

/// Which programme, and how recent its figures are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProgrammeRecord {
    /// Identifier of the programme configuration (the plan's `programme_id`).
    pub id: String,
    /// The programme's name per language code (e.g. `en`, `fr`).
    pub name: LocalizedText,
    /// The date the programme's figures were last checked against its sources.
    pub rules_as_of: NaiveDate,
}

/// The exchange rate used for the local amounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalRate {
    /// ISO 4217 code of the local currency.
    pub currency: CurrencyCode,
    /// Local major units per one major unit of the programme's currency, as a decimal written
    /// as the programme publishes it (e.g. "655.957"). Amounts are rounded half away from zero
    /// to the local minor unit.
    pub rate: String,
    /// Where the rate comes from.
    pub source: String,
    /// The date of the rate, when the programme gives one.
    pub as_of: Option<NaiveDate>,
}

/// What one package makes available, what the plan allocates and what is left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PackageRecord {
    /// The package.
    pub package: Package,
    /// The programme offers this package.
    pub offered: bool,
    /// The ceiling for this household; absent (null) when the programme has not published it.
    pub available: Option<Money>,
    /// Grant-funded measures of this package that are not cancelled.
    pub allocated: Money,
    /// Available minus allocated; negative when over the ceiling, null when the ceiling is not
    /// known.
    pub remaining: Option<Money>,
    /// The same three amounts in the local currency; absent (null) without a local currency.
    pub local: Option<LocalAmounts>,
}

/// A package's amounts in the local currency, at [`LocalRate::rate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LocalAmounts {
    /// The ceiling in the local currency; null when not known.
    pub available: Option<Money>,
    /// The allocation in the local currency; null if out of range.
    pub allocated: Option<Money>,
    /// What is left in the local currency; null when not known.
    pub remaining: Option<Money>,
}

/// The plan's budget record under `config`. The day of the plan's last change stands in for
/// the return date while it is not set, so the same plan always gives the same record.
pub fn budget_record(plan: &Plan, config: &ProgrammeConfig) -> BudgetRecord {
    let g = guidance(plan, config, plan.updated_at.date_naive());
    let local = |m: &Option<Money>| m.as_ref().and_then(|m| to_local(m, config));
    let packages = g
        .packages
        .iter()
        .map(|p| PackageRecord {
            package: p.package,
            offered: p.offered,
            available: p.available.clone(),
            allocated: p.allocated.clone(),
            remaining: p.remaining.clone(),
            local: config.local_currency.as_ref().map(|_| LocalAmounts {
                available: local(&p.available),
                allocated: to_local(&p.allocated, config),
                remaining: local(&p.remaining),
            }),
        })
        .collect();
    BudgetRecord {
        programme: ProgrammeRecord {
            id: config.id.clone(),
            name: config.name.clone(),
            rules_as_of: config.as_of,
        },
        reference_date: g.reference_date,
        currency: config.currency.clone(),
        local_currency: config.local_currency.as_ref().map(|l| LocalRate {
            currency: l.currency.clone(),
            rate: l.rate.to_string(),
            source: l.source.clone(),
            as_of: l.as_of,
        }),
        packages,
    }
}

/// The record of a file checked against the rules: one warning per figure that differs from
/// what the rules give (at most [`MAX_DIFFERENCES`]), each at the figure's JSON Pointer under
/// `base`. The rules are `config` when it is the plan's programme, else the built-in preset of
/// that id; when neither is, an information that the record was not checked.
pub fn check_record(
    found: &BudgetRecord,
    plan: &Plan,
    config: Option<&ProgrammeConfig>,
    base: &str,
) -> Vec<Finding> {
    let preset;
    let config = match config.filter(|c| c.id == plan.programme_id) {
        Some(c) => c,
        None => match crate::programme::preset(&plan.programme_id) {
            Some(p) => {
                preset = p;
                &preset
            }
            None => return vec![f::budget_record_not_checked(base, &plan.programme_id)],
        },
    };
    let expected = budget_record(plan, config);
    let (Ok(mut found), Ok(mut expected)) =
        (serde_json::to_value(found), serde_json::to_value(&expected))
    else {
        return Vec::new();
    };
    // A partner file without special-category consent withholds what decides some
    // entitlements (vulnerabilities): only what was allocated can be recomputed from it.
    if plan.partner_file.as_ref().is_some_and(|p| !p.special_category_shared) {
        keep_allocations_only(&mut found);
        keep_allocations_only(&mut expected);
    }
    let mut out = Vec::new();
    differences(&found, &expected, base.to_owned(), &mut out);
    out
}

/// Removes the figures that depend on the entitlement (available, remaining) from a record.
fn keep_allocations_only(record: &mut serde_json::Value) {
    match record {
        serde_json::Value::Object(obj) => {
            obj.remove("available");
            obj.remove("remaining");
            obj.values_mut().for_each(keep_allocations_only);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(keep_allocations_only),
        _ => {}
    }
}

/// Most differences reported for one record: past a few, the record is simply another one.
pub const MAX_DIFFERENCES: usize = 20;

fn differences(
    found: &serde_json::Value,
    expected: &serde_json::Value,
    path: String,
    out: &mut Vec<Finding>,
) {
    use serde_json::Value;
    if out.len() >= MAX_DIFFERENCES || found == expected {
        return;
    }
    match (found, expected) {
        (Value::Object(a), Value::Object(b)) if is_money(a) == is_money(b) && !is_money(a) => {
            for (key, b_value) in b {
                let child = format!("{path}/{}", crate::assessment::escape_pointer(key));
                differences(a.get(key).unwrap_or(&Value::Null), b_value, child, out);
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                differences(x, y, format!("{path}/{i}"), out);
            }
        }
        _ => out.push(f::budget_record_differs(path, expected)),
    }
}

fn is_money(obj: &serde_json::Map<String, serde_json::Value>) -> bool {
    obj.contains_key("amount_minor") && obj.contains_key("currency") && obj.len() == 2
}

/// The record's entry for `package`, if the record has one.
impl BudgetRecord {
    pub fn package(&self, package: Package) -> Option<&PackageRecord> {
        self.packages.iter().find(|p| p.package == package)
    }
}
