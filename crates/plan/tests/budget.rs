//! The budget rules with the figures of real presets: entitlements, allocation and local
//! currency. Every finding of the guidance is in `budget_findings.rs`, the payment schedule and
//! follow-up in `budget_schedule.rs`; what the three share in `budget/helpers.rs`.

#[path = "budget/helpers.rs"]
mod helpers;

use homeward_plan::budget::{LineKind, allocations, guidance, to_local, to_programme};
use homeward_plan::catalogue::{BudgetArea, MeasureType};
use homeward_plan::model::{
    Dimension, FundingSource, HouseholdMember, Measure, MeasureStatus, Modality, Package, Plan,
    Term, Vulnerability,
};
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::programme::{DecimalRate, LocalCurrency, preset};

use helpers::{TODAY, add, available, d, eur, eurp, family, measure, member};

// --- Entitlement -----------------------------------------------------------------------------

#[test]
fn eurp_family_of_two_adults_and_three_minors() {
    let g = guidance(&family(2, 3), &eurp(), TODAY);
    // €2,000 × 2 + €1,000 × 3 = €7,000 longer-term, in kind only.
    assert_eq!(available(&g, Package::LongerTerm), Some(700_000));
    let longer = g.package(Package::LongerTerm).unwrap();
    assert_eq!(longer.cash_limit, Some(eur(0)));
    assert_eq!(longer.entitlement.lines.len(), 2);
    assert_eq!(longer.entitlement.lines[0].kind, LineKind::Adult);
    assert_eq!(longer.entitlement.lines[0].count, 2);
    assert_eq!(longer.entitlement.lines[1].kind, LineKind::Minor);
    assert_eq!(longer.entitlement.lines[1].count, 3);
    // €615 × 5 post-arrival, usable within 14 working days of Sunday 1 March 2026.
    assert_eq!(available(&g, Package::ShortTerm), Some(307_500));
    assert_eq!(g.package(Package::ShortTerm).unwrap().use_by, Some(d(2026, 3, 19)));
    assert_eq!(longer.use_by, Some(d(2027, 3, 1)));
    assert_eq!(g.household.len(), 5);
    assert!(g.findings.is_empty(), "{:?}", g.findings);
}

#[test]
fn members_who_stay_behind_do_not_count() {
    let mut plan = family(1, 0);
    plan.household.push(HouseholdMember { age: Some(8), ..Default::default() });
    let g = guidance(&plan, &eurp(), TODAY);
    assert_eq!(available(&g, Package::LongerTerm), Some(200_000));
}

#[test]
fn age_is_taken_on_the_return_date_or_today() {
    let mut plan = family(1, 0);
    plan.household.push(HouseholdMember {
        date_of_birth: Some(d(2008, 2, 1)),
        returns_with_returnee: true,
        ..Default::default()
    });
    // 18 on the return date: an adult.
    let g = guidance(&plan, &eurp(), TODAY);
    assert_eq!(available(&g, Package::LongerTerm), Some(400_000));
    assert!(g.return_date_set);
    // No return date: counted on today, 15 January 2026, when still 17.
    plan.case.return_date = None;
    let g = guidance(&plan, &eurp(), TODAY);
    assert_eq!(g.reference_date, TODAY);
    assert!(!g.return_date_set);
    assert_eq!(available(&g, Package::LongerTerm), Some(300_000));
}

#[test]
fn netherlands_unaccompanied_child_and_per_person_cash_limit() {
    let nl = preset("nl_avrr_2017").unwrap();
    let mut plan = family(1, 0);
    plan.case.age = Some(16);
    plan.case.vulnerabilities.push(Vulnerability::UnaccompaniedOrSeparatedChild);
    let g = guidance(&plan, &nl, TODAY);
    assert_eq!(available(&g, Package::LongerTerm), Some(280_000));
    assert_eq!(
        g.package(Package::LongerTerm).unwrap().entitlement.lines[0].kind,
        LineKind::UnaccompaniedChild
    );
    assert!(!g.package(Package::ShortTerm).unwrap().offered);
    // A family of two adults and a minor: €1,800 × 2 + €2,800, of which €300 each in cash.
    let g = guidance(&family(2, 1), &nl, TODAY);
    assert_eq!(available(&g, Package::LongerTerm), Some(640_000));
    assert_eq!(g.package(Package::LongerTerm).unwrap().cash_limit, Some(eur(90_000)));
}

#[test]
fn starthilfeplus_children_under_twelve_get_half() {
    let de = preset("de_starthilfeplus").unwrap();
    let mut plan = family(2, 0);
    plan.household.push(member(11));
    plan.household.push(member(12));
    let g = guidance(&plan, &de, TODAY);
    // €1,200 × 2 adults + €600 (11) + €1,200 (12) = €4,200.
    assert_eq!(available(&g, Package::LongerTerm), Some(420_000));
    plan.household.push(member(2));
    // Five people: + €600 + €500 family supplement.
    let g = guidance(&plan, &de, TODAY);
    assert_eq!(available(&g, Package::LongerTerm), Some(530_000));
}

#[test]
fn belgium_reinstallation_premium_and_unknown_reintegration_ceiling() {
    let be = preset("be_fedasil_2022").unwrap();
    let g = guidance(&family(2, 2), &be, TODAY);
    assert_eq!(available(&g, Package::ShortTerm), Some(105_000));
    assert_eq!(available(&g, Package::LongerTerm), None);
    assert_eq!(g.package(Package::LongerTerm).unwrap().remaining, None);
}

#[test]
fn a_top_up_counts_once_per_returning_person_with_the_vulnerability() {
    let mut config = eurp();
    config.entitlements.longer_term.as_mut().unwrap().top_ups =
        vec![homeward_plan::programme::TopUp {
            vulnerability: Vulnerability::Disability,
            amount: 50_000,
        }];
    let mut plan = family(1, 2);
    let ceiling = |plan: &Plan| guidance(plan, &config, TODAY).packages[1].available.clone();
    let base = ceiling(&plan).unwrap().amount_minor;
    plan.household[0].vulnerabilities = vec![Vulnerability::Disability, Vulnerability::Disability];
    assert_eq!(ceiling(&plan).unwrap().amount_minor, base + 50_000);
    plan.case.vulnerabilities = vec![Vulnerability::Disability];
    assert_eq!(ceiling(&plan).unwrap().amount_minor, base + 100_000);
    // A member who stays behind does not count.
    plan.household[0].returns_with_returnee = false;
    let without_child = ceiling(&plan).unwrap().amount_minor;
    plan.household[0].vulnerabilities.clear();
    assert_eq!(ceiling(&plan).unwrap().amount_minor, without_child);
}

// --- Allocation ------------------------------------------------------------------------------

#[test]
fn allocation_per_package_dimension_and_modality_with_other_funding_apart() {
    let mut plan = family(1, 0);
    add(
        &mut plan,
        Dimension::Economic,
        measure(Term::LongerTerm, MeasureType::MicroBusiness, 120_000, Modality::InKind),
    );
    add(
        &mut plan,
        Dimension::Social,
        measure(Term::LongerTerm, MeasureType::Housing, 30_000, Modality::Service),
    );
    add(
        &mut plan,
        Dimension::Social,
        measure(Term::Immediate, MeasureType::Transport, 5_000, Modality::Cash),
    );
    add(
        &mut plan,
        Dimension::Psychosocial,
        measure(Term::LongerTerm, MeasureType::SupportGroups, 2_000, Modality::Service),
    );
    let mut own = measure(Term::LongerTerm, MeasureType::MicroBusiness, 50_000, Modality::InKind);
    own.funding = FundingSource::OwnContribution;
    add(&mut plan, Dimension::Economic, own);
    let mut other = measure(Term::LongerTerm, MeasureType::Education, 7_000, Modality::InKind);
    other.funding = FundingSource::Other;
    add(&mut plan, Dimension::Social, other);
    let mut cancelled = measure(Term::LongerTerm, MeasureType::Housing, 99_000, Modality::InKind);
    cancelled.status = MeasureStatus::Cancelled;
    add(&mut plan, Dimension::Social, cancelled);
    add(
        &mut plan,
        Dimension::Social,
        Measure { description: "no cost yet".into(), ..Default::default() },
    );

    let g = guidance(&plan, &eurp(), TODAY);
    let longer = g.package(Package::LongerTerm).unwrap();
    assert_eq!(longer.allocated, eur(152_000));
    assert_eq!(longer.remaining, Some(eur(48_000)));
    assert_eq!(longer.area(BudgetArea::Economic), 120_000);
    assert_eq!(longer.area(BudgetArea::Social), 30_000);
    assert_eq!(longer.area(BudgetArea::Psychosocial), 2_000);
    assert_eq!(longer.modality(Modality::InKind), 120_000);
    assert_eq!(longer.modality(Modality::Service), 32_000);
    let short = g.package(Package::ShortTerm).unwrap();
    assert_eq!(short.allocated, eur(5_000));
    assert_eq!(short.area(BudgetArea::ImmediateNeeds), 5_000);
    assert_eq!(short.modality(Modality::Cash), 5_000);
    assert_eq!(g.own_contribution, eur(50_000));
    assert_eq!(g.other_funding, eur(7_000));
    assert_eq!(allocations(&plan, &eurp()), [5_000, 152_000]);
}

#[test]
fn line_items_are_the_measures_cost_when_they_have_costs() {
    use homeward_plan::model::LineItem;
    let mut plan = family(1, 0);
    let mut m = measure(Term::LongerTerm, MeasureType::MicroBusiness, 100_000, Modality::InKind);
    let item = |quantity, unit: Option<i64>| LineItem {
        quantity,
        unit_cost: unit.map(eur),
        ..LineItem::default()
    };
    // Items without a cost leave the estimate as the cost.
    m.items = vec![item(2, None)];
    assert_eq!(m.cost(), Some(eur(100_000)));
    m.items = vec![item(2, Some(45_000)), item(1, None), item(3, Some(10_000))];
    assert_eq!(m.cost(), Some(eur(120_000)));
    add(&mut plan, Dimension::Economic, m);
    assert_eq!(allocations(&plan, &eurp()), [0, 120_000]);
    // A total that cannot be counted is no cost rather than a wrong one.
    plan.goals[0].measures[0].items = vec![item(u32::MAX, Some(i64::MAX))];
    assert_eq!(plan.goals[0].measures[0].cost(), None);
}

// --- Local currency --------------------------------------------------------------------------

#[test]
fn local_currency_at_the_fixed_cfa_parity() {
    let mut config = eurp();
    assert_eq!(to_local(&eur(100), &config), None, "no local currency configured");
    let xof = CurrencyCode::new("XOF").unwrap();
    config.local_currency = Some(LocalCurrency {
        currency: xof.clone(),
        rate: DecimalRate::parse("655.957").unwrap(),
        source: "fixed parity".into(),
        as_of: None,
    });
    // €7,000 = 4,591,699 XOF exactly; €615 = 403,413.555 → 403,414 (half away from zero).
    assert_eq!(to_local(&eur(700_000), &config), Some(Money::new(4_591_699, xof.clone())));
    assert_eq!(to_local(&eur(61_500), &config), Some(Money::new(403_414, xof.clone())));
    assert_eq!(to_programme(&Money::new(403_414, xof.clone()), &config), Some(eur(61_500)));
    assert_eq!(
        to_local(&Money::new(1, xof.clone()), &config),
        None,
        "not in the programme's currency"
    );
    assert_eq!(to_programme(&eur(1), &config), None, "not in the local currency");
}
