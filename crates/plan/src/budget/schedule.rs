//! The payment and purchase schedule (tranches) and the follow-up schedule, generated from the
//! programme's rules. Amounts are split in minor units so tranches add up exactly to the
//! allocation: any remainder goes to the last tranche. Edits keep each package's total.
//!
//! Identifiers come from a caller-supplied generator (`Uuid::new_v4` in the app, a counter in
//! tests), so every function here stays pure.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{Months, NaiveDate};
use uuid::Uuid;

use crate::code::codes;
use crate::model::{ContactKind, FollowUp, FundingSource, MeasureStatus, Package, Plan, Tranche};
use crate::money::Money;
use crate::programme::{ProgrammeConfig, TrancheRule};

fn package_index(package: Package) -> usize {
    match package {
        Package::ShortTerm => 0,
        Package::LongerTerm => 1,
    }
}

/// The grant allocation per package (short-term, longer-term), counted as the guidance counts
/// it: grant-funded, not cancelled, costed in the programme's currency, not negative.
pub fn allocations(plan: &Plan, config: &ProgrammeConfig) -> [i64; 2] {
    let mut out = [0_i64; 2];
    for (package, amount, _) in grant_costs(plan, config) {
        let slot = &mut out[package_index(package)];
        *slot = slot.saturating_add(amount);
    }
    out
}

/// Each counted grant cost with its package and the measure's start date.
fn grant_costs<'a>(
    plan: &'a Plan,
    config: &'a ProgrammeConfig,
) -> impl Iterator<Item = (Package, i64, &'a crate::model::Measure)> + 'a {
    plan.measures().filter_map(move |m| {
        let measure = m.measure;
        if measure.status == MeasureStatus::Cancelled
            || measure.funding != FundingSource::ProgrammeGrant
        {
            return None;
        }
        let cost = measure.cost()?;
        if cost.currency != config.currency || cost.amount_minor < 0 {
            return None;
        }
        Some((measure.term.package(), cost.amount_minor, measure))
    })
}

fn add_months(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months)).unwrap_or(date)
}

fn tranche(
    new_id: &mut dyn FnMut() -> Uuid,
    package: Package,
    date: NaiveDate,
    amount: Money,
    purpose: String,
) -> Tranche {
    Tranche { purpose, ..Tranche::new(new_id(), package, date, amount) }
}

/// One part of a package's schedule before it becomes a tranche.
struct Part {
    date: NaiveDate,
    amount: i64,
    purpose: String,
    at_departure: bool,
}

impl Part {
    fn on(date: NaiveDate, amount: i64) -> Self {
        Self { date, amount, purpose: String::new(), at_departure: false }
    }

    /// A part paid at departure: on the departure date, or on the reference date while the
    /// plan has none.
    fn at_departure(plan: &Plan, reference: NaiveDate, amount: i64) -> Self {
        let date = plan.case.departure_date.unwrap_or(reference);
        Self { date, amount, purpose: String::new(), at_departure: true }
    }
}

/// `amount × percent / 100`, rounded down.
fn share_of(amount: i64, percent: u32) -> i64 {
    let share = i128::from(amount) * i128::from(percent) / 100;
    i64::try_from(share).unwrap_or(amount)
}

/// The tranches of one package under its rule. Tranches of zero are left out.
fn package_tranches(
    plan: &Plan,
    config: &ProgrammeConfig,
    package: Package,
    allocation: i64,
    reference: NaiveDate,
    new_id: &mut dyn FnMut() -> Uuid,
) -> Vec<Tranche> {
    let Some(rules) = config.package(package) else { return Vec::new() };
    if allocation <= 0 {
        return Vec::new();
    }
    let mut parts: Vec<Part> = Vec::new();
    match &rules.tranches {
        TrancheRule::SingleAtReturn => parts.push(Part::on(reference, allocation)),
        TrancheRule::SingleAtDeparture => {
            parts.push(Part::at_departure(plan, reference, allocation))
        }
        TrancheRule::TwoHalves { second_after_months, first_at_departure } => {
            let first = allocation / 2;
            parts.push(if *first_at_departure {
                Part::at_departure(plan, reference, first)
            } else {
                Part::on(reference, first)
            });
            parts.push(Part::on(add_months(reference, *second_after_months), allocation - first));
        }
        TrancheRule::Shares { parts: shares } => {
            let mut given = 0_i64;
            for (i, share) in shares.iter().enumerate() {
                let amount = if i + 1 == shares.len() {
                    allocation - given
                } else {
                    share_of(allocation, share.percent).min(allocation - given)
                };
                given += amount;
                parts.push(if share.at_departure {
                    Part::at_departure(plan, reference, amount)
                } else {
                    Part::on(add_months(reference, share.after_months), amount)
                });
            }
            if shares.is_empty() {
                parts.push(Part::on(reference, allocation));
            }
        }
        TrancheRule::ByMeasureStart => {
            // Nothing is bought before the return: earlier start dates buy on the return date.
            let mut by_date: BTreeMap<NaiveDate, (i64, Vec<&str>)> = BTreeMap::new();
            for (p, amount, measure) in grant_costs(plan, config) {
                if p != package {
                    continue;
                }
                let date = measure.start_date.map_or(reference, |d| d.max(reference));
                let entry = by_date.entry(date).or_default();
                entry.0 = entry.0.saturating_add(amount);
                let description = measure.description.trim();
                if !description.is_empty() {
                    entry.1.push(description);
                }
            }
            for (date, (amount, descriptions)) in by_date {
                parts.push(Part { purpose: descriptions.join("; "), ..Part::on(date, amount) });
            }
        }
    }
    parts
        .into_iter()
        .filter(|part| part.amount != 0)
        .map(|part| Tranche {
            at_departure: part.at_departure,
            ..tranche(new_id, package, part.date, config.money(part.amount), part.purpose)
        })
        .collect()
}

/// A fresh schedule from the programme's rules for the plan's current allocations, dated from
/// the return date (or `today` while it is unset). Packages the programme does not offer get
/// no tranches.
pub fn generate_tranches(
    plan: &Plan,
    config: &ProgrammeConfig,
    today: NaiveDate,
    new_id: &mut dyn FnMut() -> Uuid,
) -> Vec<Tranche> {
    let reference = plan.case.return_date.unwrap_or(today);
    let allocation = allocations(plan, config);
    let mut out = Vec::new();
    for package in Package::ALL {
        out.extend(package_tranches(
            plan,
            config,
            package,
            allocation[package_index(package)],
            reference,
            new_id,
        ));
    }
    out
}

/// The plan's schedule brought back in line with its allocations, keeping what the counsellor
/// edited: a package without tranches gets its generated ones; an increase goes to the last
/// unpaid tranche (or a new one on the reference date); a decrease is taken from unpaid
/// tranches, last first, and tranches emptied that way are dropped. Paid tranches and tranches
/// in another currency are never changed, so if paid tranches alone exceed the allocation the
/// totals still differ and the guidance keeps saying so.
pub fn sync_tranches(
    plan: &Plan,
    config: &ProgrammeConfig,
    today: NaiveDate,
    new_id: &mut dyn FnMut() -> Uuid,
) -> Vec<Tranche> {
    let reference = plan.case.return_date.unwrap_or(today);
    let allocation = allocations(plan, config);
    let mut out = plan.budget.tranches.clone();
    for package in Package::ALL {
        let target =
            if config.package(package).is_some() { allocation[package_index(package)] } else { 0 };
        let counts = |t: &Tranche| t.package == package && t.amount.currency == config.currency;
        let current = out
            .iter()
            .filter(|t| counts(t))
            .fold(0_i64, |s, t| s.saturating_add(t.amount.amount_minor));
        if !out.iter().any(counts) {
            out.extend(package_tranches(plan, config, package, target, reference, new_id));
            continue;
        }
        let mut diff = target.saturating_sub(current);
        if diff > 0 {
            match out.iter_mut().rev().find(|t| counts(t) && !t.paid) {
                Some(last) => {
                    last.amount.amount_minor = last.amount.amount_minor.saturating_add(diff)
                }
                None => {
                    out.push(tranche(new_id, package, reference, config.money(diff), String::new()))
                }
            }
        } else if diff < 0 {
            let mut emptied = Vec::new();
            for (i, t) in out.iter_mut().enumerate().rev() {
                if diff == 0 {
                    break;
                }
                if !counts(t) || t.paid || t.amount.amount_minor <= 0 {
                    continue;
                }
                let take = t.amount.amount_minor.min(-diff);
                t.amount.amount_minor -= take;
                diff += take;
                if t.amount.amount_minor == 0 {
                    emptied.push(i);
                }
            }
            // `emptied` is in descending order, so removing keeps earlier indices valid.
            for i in emptied {
                out.remove(i);
            }
        }
    }
    out
}

/// Why a schedule edit was refused; the schedule is unchanged.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrancheEditError {
    /// No tranche at that position.
    NoSuchTranche,
    /// Amounts cannot be negative.
    NegativeAmount,
    /// No other unpaid tranche of the same package to take up the difference.
    NoPartner,
    /// The tranche that takes up the difference would go below zero.
    PartnerTooSmall,
    /// A paid tranche happened as it is: it cannot be split.
    Paid,
}

// The interface translates `tranche_edit.<code>`.
codes!(TrancheEditError {
    NoSuchTranche => "no_such_tranche",
    NegativeAmount => "negative_amount",
    NoPartner => "no_partner",
    PartnerTooSmall => "partner_too_small",
    Paid => "paid",
});

impl fmt::Display for TrancheEditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::error::Error for TrancheEditError {}

/// The unpaid tranche of the same package and currency that balances an edit of `index`: the
/// next one, else the previous one.
fn partner(tranches: &[Tranche], index: usize) -> Option<usize> {
    let this = tranches.get(index)?;
    let fits = |t: &Tranche| {
        t.package == this.package && t.amount.currency == this.amount.currency && !t.paid
    };
    let next = tranches.iter().enumerate().skip(index + 1).find(|(_, t)| fits(t));
    let previous = tranches.iter().enumerate().take(index).rev().find(|(_, t)| fits(t));
    next.or(previous).map(|(i, _)| i)
}

/// Sets a tranche's amount; the difference is taken from or given to the next unpaid tranche
/// of the same package (the previous one for the last), so the package total stays the same.
pub fn set_tranche_amount(
    tranches: &mut [Tranche],
    index: usize,
    amount_minor: i64,
) -> Result<(), TrancheEditError> {
    let old = tranches.get(index).ok_or(TrancheEditError::NoSuchTranche)?.amount.amount_minor;
    if amount_minor < 0 {
        return Err(TrancheEditError::NegativeAmount);
    }
    let delta = amount_minor.checked_sub(old).ok_or(TrancheEditError::PartnerTooSmall)?;
    if delta == 0 {
        return Ok(());
    }
    let other = partner(tranches, index).ok_or(TrancheEditError::NoPartner)?;
    let balanced = tranches[other]
        .amount
        .amount_minor
        .checked_sub(delta)
        .filter(|a| *a >= 0)
        .ok_or(TrancheEditError::PartnerTooSmall)?;
    tranches[other].amount.amount_minor = balanced;
    tranches[index].amount.amount_minor = amount_minor;
    Ok(())
}

/// Splits a tranche in two: the new one, on `date`, takes half (rounded down) and is placed
/// right after it.
pub fn split_tranche(
    tranches: &mut Vec<Tranche>,
    index: usize,
    date: NaiveDate,
    id: Uuid,
) -> Result<(), TrancheEditError> {
    let original = tranches.get_mut(index).ok_or(TrancheEditError::NoSuchTranche)?;
    if original.paid {
        return Err(TrancheEditError::Paid);
    }
    let half = original.amount.amount_minor / 2;
    original.amount.amount_minor -= half;
    let new = Tranche {
        id,
        package: original.package,
        date,
        amount: Money::new(half, original.amount.currency.clone()),
        purpose: original.purpose.clone(),
        at_departure: original.at_departure,
        paid: false,
        paid_on: None,
        paid_amount: None,
        // The new half pays for the same things, so it keeps them and the counsellor's mark.
        measure_ids: original.measure_ids.clone(),
        private: original.private,
        withheld: original.withheld,
    };
    tranches.insert(index + 1, new);
    Ok(())
}

/// Removes a tranche, moving its amount to the next (else previous) unpaid tranche of the same
/// package. A tranche of zero can always be removed.
pub fn remove_tranche(tranches: &mut Vec<Tranche>, index: usize) -> Result<(), TrancheEditError> {
    let amount = tranches.get(index).ok_or(TrancheEditError::NoSuchTranche)?.amount.amount_minor;
    if amount != 0 {
        let other = partner(tranches, index).ok_or(TrancheEditError::NoPartner)?;
        let merged = tranches[other]
            .amount
            .amount_minor
            .checked_add(amount)
            .filter(|a| *a >= 0)
            .ok_or(TrancheEditError::PartnerTooSmall)?;
        tranches[other].amount.amount_minor = merged;
    }
    tranches.remove(index);
    Ok(())
}

/// The programme's follow-up contacts, dated from the return date (month arithmetic clamps to
/// the end of a shorter month: 31 January + 1 month = 28 or 29 February). A contact whose date
/// would fall outside the calendar is left out.
pub fn follow_up_schedule(
    return_date: NaiveDate,
    config: &ProgrammeConfig,
) -> Vec<(NaiveDate, ContactKind)> {
    config
        .follow_up
        .iter()
        .filter_map(|point| {
            return_date
                .checked_add_months(Months::new(point.months_after_return))
                .map(|date| (date, point.contact))
        })
        .collect()
}

/// The follow-up schedule as the plan's follow-up entries, ready to be stored.
pub fn generate_follow_ups(
    return_date: NaiveDate,
    config: &ProgrammeConfig,
    new_id: &mut dyn FnMut() -> Uuid,
) -> Vec<FollowUp> {
    config
        .follow_up
        .iter()
        .filter_map(|point| {
            let date = return_date.checked_add_months(Months::new(point.months_after_return))?;
            Some(FollowUp {
                id: new_id(),
                due_date: Some(date),
                months_after_return: Some(point.months_after_return),
                kind: point.contact,
                done_on: None,
                outcome: String::new(),
                scores: Default::default(),
                private: false,
                withheld: None,
            })
        })
        .collect()
}
