//! Live budget guidance: recomputed on every edit, so one pass over the measures and no
//! allocation per measure unless there is something to report.

use chrono::NaiveDate;
use serde::Serialize;

use super::entitlement::{
    CountedPerson, Entitlement, counted_household, counted_vulnerabilities, package_entitlement,
};
use super::findings as f;
use crate::catalogue::BudgetArea;
use crate::finding::Finding;
use crate::model::{Dimension, FundingSource, MeasureRef, MeasureStatus, Modality, Package, Plan};
use crate::money::{CurrencyCode, Money};
use crate::programme::{PackageRules, ProgrammeConfig};

/// Everything the budget panel shows, and the findings of the budget rules.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Guidance {
    /// The day ages and periods are counted from: the return date, or today while it is unset.
    pub reference_date: NaiveDate,
    /// False while the plan has no return date and `reference_date` is today.
    pub return_date_set: bool,
    pub currency: CurrencyCode,
    /// Who counts for the entitlement.
    pub household: Vec<CountedPerson>,
    /// One entry per package, short-term first.
    pub packages: Vec<PackageGuidance>,
    /// Measures paid by the returnee, apart from the grant.
    pub own_contribution: Money,
    /// Measures paid from other funding, apart from the grant.
    pub other_funding: Money,
    /// What the rules found, in plan order.
    pub findings: Vec<Finding>,
}

/// One package: what is available, allocated and left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PackageGuidance {
    pub package: Package,
    /// False when the programme has no such package (its measures are flagged).
    pub offered: bool,
    pub entitlement: Entitlement,
    /// The ceiling; `None` when not known (nothing is checked against it).
    pub available: Option<Money>,
    /// Grant-funded measures in this package that are not cancelled. Never negative.
    pub allocated: Money,
    /// `available - allocated`; negative when over the ceiling.
    pub remaining: Option<Money>,
    /// Allocation per budget area, in [`BudgetArea::ALL`] order.
    pub by_area: Vec<(BudgetArea, Money)>,
    /// Allocation per modality, in [`Modality::ALL`] order.
    pub by_modality: Vec<(Modality, Money)>,
    /// Most that may be given in cash; zero when the package allows no cash, `None` if unlimited
    /// below the ceiling.
    pub cash_limit: Option<Money>,
    /// Last day the package may be used, when the programme sets a period.
    pub use_by: Option<NaiveDate>,
    /// Sum of the schedule's tranches for this package (in the programme's currency).
    pub tranches_total: Money,
    pub tranche_count: usize,
}

impl PackageGuidance {
    pub fn area(&self, area: BudgetArea) -> i64 {
        self.by_area.iter().find(|(a, _)| *a == area).map_or(0, |(_, m)| m.amount_minor)
    }

    pub fn modality(&self, modality: Modality) -> i64 {
        self.by_modality.iter().find(|(m, _)| *m == modality).map_or(0, |(_, m)| m.amount_minor)
    }
}

impl Guidance {
    pub fn package(&self, package: Package) -> Option<&PackageGuidance> {
        self.packages.iter().find(|p| p.package == package)
    }

    /// Grant allocated to `area` over all packages, in minor units.
    pub fn area_total(&self, area: BudgetArea) -> i64 {
        self.packages.iter().map(|p| p.area(area)).fold(0, i64::saturating_add)
    }

    /// Grant allocated with `modality` over all packages, in minor units.
    pub fn modality_total(&self, modality: Modality) -> i64 {
        self.packages.iter().map(|p| p.modality(modality)).fold(0, i64::saturating_add)
    }

    /// Grant allocated over all packages, in minor units.
    pub fn allocated_total(&self) -> i64 {
        self.packages.iter().map(|p| p.allocated.amount_minor).fold(0, i64::saturating_add)
    }

    /// What the offered packages allow together; `None` while any of their ceilings is unknown.
    pub fn available_total(&self) -> Option<i64> {
        self.packages
            .iter()
            .filter(|p| p.offered)
            .map(|p| p.available.as_ref().map(|m| m.amount_minor))
            .try_fold(0_i64, |sum, a| a.map(|a| sum.saturating_add(a)))
    }

    /// Findings with this code, e.g. for tests and for a badge count.
    pub fn findings_with(&self, code: &str) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.code == code)
    }
}

fn area_index(area: BudgetArea) -> usize {
    match area {
        BudgetArea::Economic => 0,
        BudgetArea::Social => 1,
        BudgetArea::Psychosocial => 2,
        BudgetArea::ImmediateNeeds => 3,
    }
}

fn modality_index(modality: Modality) -> usize {
    match modality {
        Modality::Cash => 0,
        Modality::InKind => 1,
        Modality::Voucher => 2,
        Modality::Service => 3,
    }
}

fn package_index(package: Package) -> usize {
    match package {
        Package::ShortTerm => 0,
        Package::LongerTerm => 1,
    }
}

fn dimension_index(dimension: Dimension) -> usize {
    match dimension {
        Dimension::Economic => 0,
        Dimension::Social => 1,
        Dimension::Psychosocial => 2,
    }
}

/// Running sums of one package during the pass.
#[derive(Default)]
struct Sums {
    allocated: i64,
    by_area: [i64; 4],
    by_modality: [i64; 4],
    tranches: i64,
    tranche_count: usize,
}

/// What the pass needs to know of a package's rules.
struct Limits<'a> {
    rules: Option<&'a PackageRules>,
    use_by: Option<NaiveDate>,
}

/// The budget guidance for a plan under a programme. `today` stands in for the return date
/// while the plan has none. Pure: same inputs, same result.
pub fn guidance(plan: &Plan, config: &ProgrammeConfig, today: NaiveDate) -> Guidance {
    let return_date = plan.case.return_date;
    let (reference_date, return_date_set) = plan.case.age_reference(today);
    let currency = &config.currency;
    let mut findings = Vec::new();

    if plan.currency() != currency {
        findings.push(f::plan_currency_not_programme(plan.currency(), currency));
    }
    if let (Some(day), Some(from)) = (return_date, config.effective_from)
        && day < from
    {
        findings.push(f::rules_not_yet_in_effect(day, from));
    }

    let household = counted_household(plan, reference_date);
    for person in &household {
        if person.age.is_none() {
            findings.push(f::age_unknown(person));
        }
    }

    let limits: [Limits<'_>; 2] = Package::ALL.map(|package| {
        let rules = config.package(package);
        let use_by = rules.and_then(|r| r.use_within).and_then(|p| p.last_day(reference_date));
        Limits { rules, use_by }
    });

    let mut sums: [Sums; 2] = Default::default();
    let mut own_contribution: i64 = 0;
    let mut other_funding: i64 = 0;
    let mut planned_dimensions = [false; 3];

    for m in plan.measures() {
        let measure = m.measure;
        if measure.status == MeasureStatus::Cancelled {
            continue;
        }
        planned_dimensions[dimension_index(m.goal.dimension)] = true;
        // A cost in another currency or below zero is not counted; `validate` reports it
        // (`currency_mismatch`, `amount_negative`) at the same path.
        let Some(cost) = &measure.cost() else { continue };
        if &cost.currency != currency || cost.amount_minor < 0 {
            continue;
        }
        let amount = cost.amount_minor;
        if let Some(measure_type) = measure.measure_type
            && let Some(range) = config.cost_guidance.range(measure_type)
        {
            if amount < range.min {
                findings.push(f::cost_below_guidance(&m, config, amount, range));
            } else if amount > range.max {
                findings.push(f::cost_above_guidance(&m, config, amount, range));
            }
        }
        match measure.funding {
            FundingSource::OwnContribution => {
                own_contribution = own_contribution.saturating_add(amount);
                continue;
            }
            FundingSource::Other => {
                other_funding = other_funding.saturating_add(amount);
                continue;
            }
            FundingSource::ProgrammeGrant => {}
        }
        let package = measure.term.package();
        let index = package_index(package);
        let sum = &mut sums[index];
        sum.allocated = sum.allocated.saturating_add(amount);
        let area = measure.area(m.goal.dimension);
        sum.by_area[area_index(area)] = sum.by_area[area_index(area)].saturating_add(amount);
        let modality = modality_index(measure.paid_as());
        sum.by_modality[modality] = sum.by_modality[modality].saturating_add(amount);
        check_measure_against_package(&m, config, package, &limits[index], &mut findings);
    }

    for (i, tranche) in plan.budget.tranches.iter().enumerate() {
        // Reported by `validate` when in another currency or negative; never added to the
        // package's total.
        if &tranche.amount.currency != currency || tranche.amount.amount_minor < 0 {
            continue;
        }
        let index = package_index(tranche.package);
        sums[index].tranches = sums[index].tranches.saturating_add(tranche.amount.amount_minor);
        sums[index].tranche_count += 1;
        // A payment at departure comes before the return by nature; anything else must not.
        match return_date {
            Some(day) if tranche.date < day && !tranche.at_departure => {
                findings.push(f::tranche_before_return(i, tranche, day))
            }
            Some(day) if tranche.date > day && tranche.at_departure => {
                findings.push(f::departure_payment_after_return(i, tranche, day))
            }
            _ => {}
        }
        if let Some(use_by) = limits[index].use_by
            && tranche.date > use_by
        {
            findings.push(f::tranche_after_budget_period(i, tranche, use_by));
        }
    }

    for dimension in Dimension::ALL {
        if !plan.needs.summary.get(dimension).trim().is_empty()
            && !planned_dimensions[dimension_index(dimension)]
        {
            findings.push(f::dimension_not_planned(dimension));
        }
    }

    let mut packages = Vec::with_capacity(2);
    for (index, package) in Package::ALL.into_iter().enumerate() {
        let sum = &sums[index];
        let limit = &limits[index];
        let persons = u32::try_from(household.len()).unwrap_or(u32::MAX);
        let entitlement = match limit.rules {
            Some(rules) => {
                package_entitlement(rules, config, &household, &counted_vulnerabilities(plan))
            }
            None => {
                Entitlement { lines: Vec::new(), capped_at: None, total: Some(config.money(0)) }
            }
        };
        let available = entitlement.total.clone();
        let cash_limit = limit.rules.and_then(|rules| {
            if rules.modalities.contains(&Modality::Cash) {
                rules.cash_limit.as_ref().and_then(|c| c.for_persons(persons))
            } else {
                Some(0)
            }
        });
        if let Some(rules) = limit.rules {
            if let Some(available) = &available {
                if sum.allocated > available.amount_minor {
                    findings.push(f::over_ceiling(config, package, sum.allocated, available));
                }
            } else if sum.allocated > 0 {
                findings.push(f::ceiling_unknown(package));
            }
            let cash = sum.by_modality[modality_index(Modality::Cash)];
            if let Some(limit) = cash_limit
                && rules.modalities.contains(&Modality::Cash)
                && cash > limit
            {
                findings.push(f::over_cash_limit(config, package, cash, limit));
            }
            if sum.tranche_count == 0 && sum.allocated > 0 {
                findings.push(f::tranches_missing(config, package, sum.allocated));
            } else if sum.tranche_count > 0 && sum.tranches != sum.allocated {
                findings.push(f::tranches_mismatch(config, package, sum.tranches, sum.allocated));
            }
        }
        packages.push(PackageGuidance {
            package,
            offered: limit.rules.is_some(),
            remaining: available
                .as_ref()
                .map(|a| config.money(a.amount_minor.saturating_sub(sum.allocated))),
            available,
            entitlement,
            allocated: config.money(sum.allocated),
            by_area: BudgetArea::ALL
                .into_iter()
                .map(|a| (a, config.money(sum.by_area[area_index(a)])))
                .collect(),
            by_modality: Modality::ALL
                .into_iter()
                .map(|m| (m, config.money(sum.by_modality[modality_index(m)])))
                .collect(),
            cash_limit: cash_limit.map(|c| config.money(c)),
            use_by: limit.use_by,
            tranches_total: config.money(sum.tranches),
            tranche_count: sum.tranche_count,
        });
    }

    Guidance {
        reference_date,
        return_date_set,
        currency: currency.clone(),
        household,
        packages,
        own_contribution: config.money(own_contribution),
        other_funding: config.money(other_funding),
        findings,
    }
}

/// Package rules that concern one grant-funded measure: offered, modality, cash, period.
fn check_measure_against_package(
    m: &MeasureRef<'_>,
    config: &ProgrammeConfig,
    package: Package,
    limits: &Limits<'_>,
    findings: &mut Vec<Finding>,
) {
    let Some(rules) = limits.rules else {
        findings.push(f::package_not_offered(m, package));
        return;
    };
    let measure = m.measure;
    if !rules.modalities.contains(&measure.paid_as()) {
        if measure.paid_as() == Modality::Cash {
            findings.push(f::cash_not_allowed(m, config, package));
        } else {
            findings.push(f::modality_not_allowed(m, package));
        }
    }
    if let Some(use_by) = limits.use_by {
        let late = [("due_date", measure.due_date), ("start_date", measure.start_date)]
            .into_iter()
            .find_map(|(field, date)| date.filter(|d| *d > use_by).map(|d| (field, d)));
        if let Some((field, date)) = late {
            findings.push(f::after_budget_period(m, package, field, date, use_by));
        }
    }
}
