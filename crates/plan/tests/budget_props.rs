//! Properties of the budget rules over generated plans: allocations are never negative, tranche
//! totals equal allocations after any edit, entitlement never decreases when a household member
//! is added, and currency conversion there and back stays within one minor unit where the local
//! currency is at least half as fine as the programme's (exact where it is at least as fine).

use chrono::NaiveDate;
use homeward_plan::budget::{
    allocations, convert_minor, convert_minor_inverse, generate_tranches, guidance, remove_tranche,
    set_tranche_amount, split_tranche, sync_tranches,
};
use homeward_plan::catalogue::MeasureType;
use homeward_plan::model::{
    Dimension, FundingSource, Goal, HouseholdMember, Measure, MeasureStatus, Modality, Package,
    Plan, Term, Tranche, Vulnerability,
};
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::programme::{DecimalRate, ProgrammeConfig, preset, preset_ids};
use proptest::prelude::*;
use uuid::Uuid;

const TODAY: NaiveDate = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();

fn any_preset() -> impl Strategy<Value = ProgrammeConfig> {
    let ids: Vec<&'static str> = preset_ids().collect();
    proptest::sample::select(ids).prop_map(|id| preset(id).unwrap())
}

fn currency() -> impl Strategy<Value = CurrencyCode> {
    prop_oneof![
        8 => Just(CurrencyCode::eur()),
        1 => Just(CurrencyCode::new("USD").unwrap()),
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (0_u64..900)
        .prop_map(|days| NaiveDate::from_ymd_opt(2025, 6, 1).unwrap() + chrono::Days::new(days))
}

fn measure() -> impl Strategy<Value = Measure> {
    (
        proptest::option::weighted(0.9, (-1_000_i64..400_000, currency())),
        proptest::sample::select(MeasureType::ALL.to_vec()),
        prop_oneof![Just(Term::Immediate), Just(Term::LongerTerm)],
        prop_oneof![
            Just(Modality::Cash),
            Just(Modality::InKind),
            Just(Modality::Voucher),
            Just(Modality::Service)
        ],
        prop_oneof![
            6 => Just(FundingSource::ProgrammeGrant),
            1 => Just(FundingSource::OwnContribution),
            1 => Just(FundingSource::Other)
        ],
        prop_oneof![
            5 => Just(MeasureStatus::Planned),
            1 => Just(MeasureStatus::Cancelled),
            1 => Just(MeasureStatus::Done)
        ],
        proptest::option::of(date()),
    )
        .prop_map(|(cost, measure_type, term, modality, funding, status, start_date)| {
            Measure {
                measure_type: Some(measure_type),
                description: measure_type.code().to_owned(),
                term,
                estimated_cost: cost.map(|(amount, currency)| Money::new(amount, currency)),
                modality,
                funding,
                status,
                start_date,
                ..Default::default()
            }
        })
}

fn household_member() -> impl Strategy<Value = HouseholdMember> {
    (proptest::option::of(0_u32..90), any::<bool>()).prop_map(|(age, returns)| HouseholdMember {
        age,
        returns_with_returnee: returns,
        ..Default::default()
    })
}

fn plan() -> impl Strategy<Value = Plan> {
    (
        proptest::option::of(0_u32..80),
        proptest::option::of(date()),
        any::<bool>(),
        proptest::collection::vec(household_member(), 0..6),
        proptest::collection::vec(
            (
                prop_oneof![
                    Just(Dimension::Economic),
                    Just(Dimension::Social),
                    Just(Dimension::Psychosocial)
                ],
                proptest::collection::vec(measure(), 0..6),
            ),
            0..4,
        ),
    )
        .prop_map(|(age, return_date, unaccompanied, household, goals)| {
            let mut plan = Plan::default();
            plan.case.age = age;
            plan.case.return_date = return_date;
            if unaccompanied {
                plan.case.vulnerabilities.push(Vulnerability::UnaccompaniedOrSeparatedChild);
            }
            plan.household = household;
            plan.goals = goals
                .into_iter()
                .enumerate()
                .map(|(i, (dimension, measures))| Goal {
                    measures,
                    ..Goal::new(Uuid::from_u128(i as u128), dimension)
                })
                .collect();
            plan
        })
}

fn ids() -> impl FnMut() -> Uuid {
    let mut next = 1000_u128;
    move || {
        next += 1;
        Uuid::from_u128(next)
    }
}

/// Sum of a package's tranches in the programme's currency.
fn tranche_total(tranches: &[Tranche], package: Package, config: &ProgrammeConfig) -> i64 {
    tranches
        .iter()
        .filter(|t| t.package == package && t.amount.currency == config.currency)
        .map(|t| t.amount.amount_minor)
        .sum()
}

/// An edit of the schedule: (kind, which tranche, value).
fn edits() -> impl Strategy<Value = Vec<(u8, usize, i64)>> {
    proptest::collection::vec((0_u8..3, 0_usize..8, 0_i64..300_000), 0..12)
}

fn offered_allocation(plan: &Plan, config: &ProgrammeConfig, package: Package) -> i64 {
    let [short, longer] = allocations(plan, config);
    match (package, config.package(package).is_some()) {
        (_, false) => 0,
        (Package::ShortTerm, true) => short,
        (Package::LongerTerm, true) => longer,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn allocations_are_never_negative_and_add_up(plan in plan(), config in any_preset()) {
        let g = guidance(&plan, &config, TODAY);
        prop_assert!(g.own_contribution.amount_minor >= 0);
        prop_assert!(g.other_funding.amount_minor >= 0);
        for p in &g.packages {
            prop_assert!(p.allocated.amount_minor >= 0);
            prop_assert!(p.by_area.iter().all(|(_, m)| m.amount_minor >= 0));
            prop_assert!(p.by_modality.iter().all(|(_, m)| m.amount_minor >= 0));
            let by_area: i64 = p.by_area.iter().map(|(_, m)| m.amount_minor).sum();
            let by_modality: i64 = p.by_modality.iter().map(|(_, m)| m.amount_minor).sum();
            prop_assert_eq!(by_area, p.allocated.amount_minor);
            prop_assert_eq!(by_modality, p.allocated.amount_minor);
            if let (Some(available), Some(remaining)) = (&p.available, &p.remaining) {
                prop_assert_eq!(available.amount_minor - p.allocated.amount_minor, remaining.amount_minor);
            }
        }
        let [short, longer] = allocations(&plan, &config);
        prop_assert_eq!(short, g.package(Package::ShortTerm).unwrap().allocated.amount_minor);
        prop_assert_eq!(longer, g.package(Package::LongerTerm).unwrap().allocated.amount_minor);
    }

    #[test]
    fn tranche_totals_equal_allocations_after_any_edit(
        plan in plan(),
        config in any_preset(),
        edits in edits(),
        changed in plan(),
    ) {
        let mut plan = plan;
        plan.budget.tranches = generate_tranches(&plan, &config, TODAY, &mut ids());
        for package in Package::ALL {
            prop_assert_eq!(
                tranche_total(&plan.budget.tranches, package, &config),
                offered_allocation(&plan, &config, package)
            );
        }
        let mut new_id = ids();
        for (kind, index, value) in edits {
            let tranches = &mut plan.budget.tranches;
            // Refused edits leave the schedule as it was; both outcomes must keep the totals.
            let _ = match kind {
                0 => set_tranche_amount(tranches, index, value),
                1 => split_tranche(tranches, index, TODAY, new_id()),
                _ => remove_tranche(tranches, index),
            };
            prop_assert!(plan.budget.tranches.iter().all(|t| t.amount.amount_minor >= 0));
            for package in Package::ALL {
                prop_assert_eq!(
                    tranche_total(&plan.budget.tranches, package, &config),
                    offered_allocation(&plan, &config, package)
                );
            }
        }
        // The measures change; syncing brings the (unpaid) schedule back in line.
        let tranches = std::mem::take(&mut plan.budget.tranches);
        let mut plan = changed;
        plan.budget.tranches = tranches;
        plan.budget.tranches = sync_tranches(&plan, &config, TODAY, &mut new_id);
        for package in Package::ALL {
            prop_assert_eq!(
                tranche_total(&plan.budget.tranches, package, &config),
                offered_allocation(&plan, &config, package)
            );
        }
        let g = guidance(&plan, &config, TODAY);
        prop_assert!(g.findings_with("tranches_mismatch").next().is_none());
    }

    #[test]
    fn entitlement_never_decreases_when_a_member_is_added(
        plan in plan(),
        config in any_preset(),
        member in household_member(),
    ) {
        let before = guidance(&plan, &config, TODAY);
        let mut bigger = plan.clone();
        bigger.household.push(HouseholdMember { returns_with_returnee: true, ..member });
        let after = guidance(&bigger, &config, TODAY);
        for package in Package::ALL {
            let was = &before.package(package).unwrap().available;
            let now = &after.package(package).unwrap().available;
            // `None` is a ceiling that is not known: it stays unknown.
            match (was, now) {
                (Some(was), Some(now)) => prop_assert!(now.amount_minor >= was.amount_minor),
                (Some(_), None) | (None, None) => {}
                (None, Some(_)) => prop_assert!(false, "a known ceiling appeared"),
            }
        }
    }

    #[test]
    fn conversion_there_and_back(
        amount in -1_000_000_000_000_i64..1_000_000_000_000,
        mantissa in 1_i64..10_000_000,
        scale in 0_u32..7,
        programme in proptest::sample::select(vec!["EUR", "JPY", "KWD"]),
        local in proptest::sample::select(vec!["XOF", "USD", "KWD", "JPY"]),
    ) {
        let programme = CurrencyCode::new(programme).unwrap();
        let local = CurrencyCode::new(local).unwrap();
        let rate = decimal(mantissa, scale);
        // k = local minor units per programme minor unit = numerator / denominator.
        let numerator = i128::from(mantissa) * 10_i128.pow(local.minor_digits());
        let denominator = 10_i128.pow(scale + programme.minor_digits());
        let there = convert_minor(amount, &programme, &local, rate);
        let Some(there) = there else { return Ok(()) };
        let back = convert_minor_inverse(there, &local, &programme, rate).unwrap();
        if numerator >= denominator {
            prop_assert_eq!(back, amount, "k >= 1 must round-trip exactly");
        } else if 2 * numerator >= denominator {
            prop_assert!((back - amount).abs() <= 1, "k >= 1/2: {} -> {} -> {}", amount, there, back);
        }
        // The other way: a local amount there and back is exact when k <= 1, within one when
        // k <= 2.
        let local_amount = amount / 1000;
        if let Some(prog) = convert_minor_inverse(local_amount, &local, &programme, rate) {
            let again = convert_minor(prog, &programme, &local, rate).unwrap();
            if numerator <= denominator {
                prop_assert_eq!(again, local_amount);
            } else if numerator <= 2 * denominator {
                prop_assert!((again - local_amount).abs() <= 1);
            }
        }
    }
}

/// `mantissa / 10^scale` as a rate, through its decimal text as a host would write it.
fn decimal(mantissa: i64, scale: u32) -> DecimalRate {
    let digits = format!("{mantissa:0>width$}", width = scale as usize + 1);
    let (int, frac) = digits.split_at(digits.len() - scale as usize);
    let text = if scale == 0 { int.to_owned() } else { format!("{int}.{frac}") };
    DecimalRate::parse(&text).unwrap()
}

#[test]
fn decimal_helper_writes_the_rate_as_a_host_would() {
    assert_eq!(decimal(655_957, 3).to_string(), "655.957");
    assert_eq!(decimal(5, 3).to_string(), "0.005");
    assert_eq!(decimal(42, 0).to_string(), "42");
}
