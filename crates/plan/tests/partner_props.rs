//! Properties of the partner file over generated plans. Every free text of a generated plan is
//! a unique random token, and the test decides on its own which items are private (from the
//! rules as the brief states them, not from the domain's classification), so:
//! - without consent to share special-category data, no private text appears anywhere in the
//!   partner file, and every other text does;
//! - with that consent, every text appears;
//! - no partner file can be made without consent to share, or for an organisation the consent
//!   does not name;
//! - the partner file's budget adds up to the plan's.

mod common;

use chrono::NaiveDate;
use homeward_plan::assessment::Scores;
use homeward_plan::budget::guidance;
use homeward_plan::catalogue::MeasureType;
use homeward_plan::interchange::{
    PartnerExportError, import_json, partner_document, partner_export_json,
};
use homeward_plan::model::*;
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::programme;
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;

/// The types the brief calls sensitive wherever they are, listed here independently of the
/// catalogue.
const SENSITIVE: [MeasureType; 4] = [
    MeasureType::MedicalCare,
    MeasureType::UrgentMedicalCare,
    MeasureType::IndividualOrFamilyCounselling,
    MeasureType::SupportGroups,
];

/// The shape of a plan; texts are filled in afterwards.
#[derive(Debug, Clone)]
struct Shape {
    seed: u32,
    debts: Vec<(bool, i64)>,
    vulnerabilities: Vec<Vulnerability>,
    priorities: Vec<bool>,
    assessment: Option<(usize, [Option<u8>; 4])>,
    goals: Vec<GoalShape>,
    tranches: Vec<(bool, Package, i64)>,
    referrals: Vec<(bool, Option<usize>)>,
    follow_ups: Vec<bool>,
    partners: usize,
    share_with_partners: bool,
    share_special_category: bool,
}

/// A measure: type, marked private, term, modality, funding, cost.
type MeasureShape = (Option<MeasureType>, bool, Term, Modality, FundingSource, Option<i64>);

#[derive(Debug, Clone)]
struct GoalShape {
    dimension: Dimension,
    private: bool,
    measures: Vec<MeasureShape>,
}

fn shape() -> impl Strategy<Value = Shape> {
    let measure = (
        option::of(select(MeasureType::ALL.to_vec())),
        any::<bool>(),
        select(vec![Term::Immediate, Term::LongerTerm]),
        select(vec![Modality::Cash, Modality::InKind, Modality::Voucher, Modality::Service]),
        select(vec![
            FundingSource::ProgrammeGrant,
            FundingSource::OwnContribution,
            FundingSource::Other,
        ]),
        option::of(0i64..500_000),
    );
    let goal = (select(Dimension::ALL.to_vec()), any::<bool>(), vec(measure, 0..4))
        .prop_map(|(dimension, private, measures)| GoalShape { dimension, private, measures });
    let vulnerabilities = vec(
        select(vec![
            Vulnerability::SeriousHealthCondition,
            Vulnerability::Disability,
            Vulnerability::SurvivorOfTraffickingOrViolence,
            Vulnerability::UnaccompaniedOrSeparatedChild,
            Vulnerability::OlderPerson,
            Vulnerability::SingleParent,
            Vulnerability::Other,
        ]),
        0..3,
    );
    (
        (any::<u32>(), vec((any::<bool>(), 0i64..1_000_000), 0..3), vulnerabilities),
        (
            vec(any::<bool>(), 0..4),
            option::of((
                0usize..4,
                [
                    option::of(0u8..=100),
                    option::of(0u8..=100),
                    option::of(0u8..=100),
                    option::of(0u8..=100),
                ],
            )),
            vec(goal, 0..4),
        ),
        (
            vec(
                (
                    any::<bool>(),
                    select(vec![Package::ShortTerm, Package::LongerTerm]),
                    0i64..300_000,
                ),
                0..4,
            ),
            vec((any::<bool>(), option::of(0usize..12)), 0..4),
            vec(any::<bool>(), 0..4),
        ),
        (1usize..4, prop::bool::weighted(0.9), any::<bool>()),
    )
        .prop_map(
            |(
                (seed, debts, vulnerabilities),
                (priorities, assessment, goals),
                (tranches, referrals, follow_ups),
                (partners, share_with_partners, share_special_category),
            )| Shape {
                seed,
                debts,
                vulnerabilities,
                priorities,
                assessment,
                goals,
                tranches,
                referrals,
                follow_ups,
                partners,
                share_with_partners,
                share_special_category,
            },
        )
}

/// A generated plan with the tokens the test expects to be withheld and to be shared.
#[derive(Debug)]
struct Generated {
    plan: Plan,
    private: Vec<String>,
    public: Vec<String>,
}

/// Hands out unique tokens and remembers whether each is private.
struct Tokens {
    seed: u32,
    next: u32,
    private: Vec<String>,
    public: Vec<String>,
}

impl Tokens {
    /// A token no other text contains: same length, different number.
    fn text(&mut self, private: bool) -> String {
        self.next += 1;
        let token = format!("tok{:08x}n{:05}q", self.seed, self.next);
        if private { &mut self.private } else { &mut self.public }.push(token.clone());
        token
    }
}

fn build(shape: &Shape) -> Generated {
    let mut t = Tokens { seed: shape.seed, next: 0, private: Vec::new(), public: Vec::new() };
    let eur = |minor| Money::new(minor, CurrencyCode::eur());
    let mut plan = common::minimal_plan();
    plan.case.case_reference = t.text(false);
    plan.case.full_name = t.text(false);
    plan.case.region = t.text(false);
    plan.case.town = t.text(false);
    plan.case.education = t.text(false);
    plan.case.skills = t.text(false);
    plan.case.work_experience = t.text(false);
    plan.case.return_date = Some(common::date(2026, 10, 1));
    plan.case.identity_documents =
        vec![IdentityDocument { kind: DocumentKind::Passport, held: true, note: t.text(false) }];
    plan.case.debts = shape
        .debts
        .iter()
        .enumerate()
        .map(|(i, (private, amount))| Debt {
            id: common::id(10 + i as u128),
            amount: eur(*amount),
            creditor: t.text(*private),
            pressure_to_repay: PressureLevel::Medium,
            private: *private,
            withheld: None,
        })
        .collect();
    plan.case.vulnerabilities = shape.vulnerabilities.clone();
    // How to reach the returnee is what the partner needs most: it is shared.
    plan.case.contact_after_return.phone = t.text(false);
    plan.case.contact_after_return.address = t.text(false);
    plan.case.contact_after_return.note = t.text(false);
    plan.counsellor.name = t.text(false);
    plan.counsellor.organisation = t.text(false);
    // A child who returns with the same vulnerabilities as the returnee.
    plan.household.push(HouseholdMember {
        vulnerabilities: shape.vulnerabilities.clone(),
        returns_with_returnee: true,
        age: Some(7),
        ..HouseholdMember::default()
    });
    plan.needs.targets =
        DimensionScores { economic: Some(60), social: Some(65), psychosocial: Some(70) };
    plan.case.vulnerability_note = t.text(true);
    plan.case.health_note = t.text(true);
    plan.needs.aspirations = t.text(false);
    plan.needs.priorities = shape
        .priorities
        .iter()
        .map(|private| Priority { text: t.text(*private), private: *private, withheld: None })
        .collect();
    plan.needs.summary.economic = t.text(false);
    plan.needs.summary.social = t.text(false);
    plan.needs.summary.psychosocial = t.text(true);
    plan.needs.assessment = shape.assessment.map(|(answers, [e, s, p, c])| AssessmentRecord {
        config_id: t.text(false),
        indicative: true,
        assessed_on: None,
        answers: (0..answers).map(|_| (t.text(true), 2)).collect(),
        baseline: Scores { economic: e, social: s, psychosocial: p, composite: c },
    });
    let mut measure_private = Vec::new();
    for (g, gs) in shape.goals.iter().enumerate() {
        let goal_private = gs.private || gs.dimension == Dimension::Psychosocial;
        let mut goal = Goal::new(common::id(100 + g as u128), gs.dimension);
        goal.private = gs.private;
        goal.title = t.text(goal_private);
        goal.expected_outcome = t.text(goal_private);
        for (m, (measure_type, marked, term, modality, funding, cost)) in
            gs.measures.iter().enumerate()
        {
            let private =
                goal_private || *marked || measure_type.is_some_and(|mt| SENSITIVE.contains(&mt));
            measure_private.push(private);
            goal.measures.push(Measure {
                measure_type: *measure_type,
                description: t.text(private),
                term: *term,
                start_date: Some(common::date(2026, 11, 1)),
                due_date: Some(common::date(2027, 1, 1)),
                provider: t.text(private),
                estimated_cost: cost.map(eur),
                // What is bought and from whom is as private as the measure; no unit cost, so
                // the estimate stays the measure's cost.
                items: vec![LineItem {
                    id: common::id(2000 + (g * 10 + m) as u128),
                    description: t.text(private),
                    quantity: 1,
                    unit_cost: None,
                    supplier: t.text(private),
                }],
                modality: *modality,
                funding: *funding,
                private: *marked,
                ..Measure::new(common::id(1000 + (g * 10 + m) as u128))
            });
        }
        plan.goals.push(goal);
    }
    let measure_ids: Vec<_> = plan.measures().map(|m| m.measure.id).collect();
    plan.budget.tranches = shape
        .tranches
        .iter()
        .enumerate()
        .map(|(i, (private, package, amount))| Tranche {
            purpose: t.text(*private),
            private: *private,
            measure_ids: measure_ids.iter().take(1).copied().collect(),
            ..Tranche::new(
                common::id(300 + i as u128),
                *package,
                common::date(2026, 12, 1),
                eur(*amount),
            )
        })
        .collect();
    plan.referrals = shape
        .referrals
        .iter()
        .enumerate()
        .map(|(i, (marked, link))| {
            // A link past the measures points to no measure at all.
            let linked = link.and_then(|l| measure_ids.get(l).map(|id| (l, *id)));
            let private = *marked || linked.is_some_and(|(l, _)| measure_private[l]);
            Referral {
                id: common::id(400 + i as u128),
                organisation: t.text(private),
                purpose: t.text(private),
                contact: t.text(private),
                measure_id: linked.map(|(_, id)| id),
                returnee_agreed: Some(true),
                referred_on: None,
                status: ReferralStatus::Planned,
                outcome: t.text(private),
                outcome_on: None,
                private: *marked,
                withheld: None,
            }
        })
        .collect();
    plan.follow_ups = shape
        .follow_ups
        .iter()
        .enumerate()
        .map(|(i, private)| FollowUp {
            id: common::id(500 + i as u128),
            outcome: t.text(*private),
            private: *private,
            scores: DimensionScores { economic: Some(40), social: None, psychosocial: Some(35) },
            ..FollowUp::default()
        })
        .collect();
    plan.consent.share_with_partners = shape.share_with_partners;
    plan.consent.partner_organisations = (0..shape.partners).map(|_| t.text(false)).collect();
    plan.consent.share_special_category = shape.share_special_category;
    Generated { plan, private: t.private, public: t.public }
}

fn generated() -> impl Strategy<Value = Generated> {
    shape().prop_map(|s| build(&s))
}

fn made_on() -> NaiveDate {
    common::date(2026, 11, 24)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn no_private_text_leaves_without_special_category_consent(
        mut g in generated(),
        pick in any::<prop::sample::Index>(),
    ) {
        g.plan.consent.share_with_partners = true;
        g.plan.consent.share_special_category = false;
        let partners = g.plan.consent.partner_organisations.clone();
        let recipient = pick.get(&partners);
        let text = partner_export_json(&g.plan, &common::programme(), recipient, made_on())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for token in &g.private {
            prop_assert!(!text.contains(token.as_str()), "private {} leaked", token);
        }
        for token in &g.public {
            prop_assert!(text.contains(token.as_str()), "shared {} missing", token);
        }
        // What is private by nature is gone too, not only its texts.
        let doc: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&doc["case"]["vulnerabilities"], &serde_json::json!([]));
        prop_assert_eq!(&doc["household"][0]["vulnerabilities"], &serde_json::json!([]));
        prop_assert!(doc["needs"]["targets"]["psychosocial"].is_null());
        prop_assert_eq!(doc["needs"]["targets"]["economic"].as_u64(), Some(60));
        for f in doc["follow_ups"].as_array().into_iter().flatten() {
            prop_assert!(f["scores"]["psychosocial"].is_null());
            prop_assert_eq!(f["scores"]["economic"].as_u64(), Some(40));
        }
        if !doc["needs"]["assessment"].is_null() {
            let a = &doc["needs"]["assessment"];
            prop_assert_eq!(&a["answers"], &serde_json::json!({}));
            prop_assert!(a["baseline"]["psychosocial"].is_null());
            prop_assert!(a["baseline"]["composite"].is_null());
            let economic = g.plan.needs.assessment.as_ref().and_then(|a| a.baseline.economic);
            prop_assert_eq!(a["baseline"]["economic"].as_u64(), economic.map(u64::from));
        }
        prop_assert_eq!(doc["partner_file"]["recipient"].as_str(), Some(recipient.as_str()));
        prop_assert_eq!(&doc["partner_file"]["special_category_shared"], &Value::Bool(false));
        // And the file is a plan Homeward opens.
        prop_assert!(import_json(&text, common::today(), Some(&common::programme())).is_ok());
    }

    #[test]
    fn everything_is_shared_with_special_category_consent(mut g in generated()) {
        g.plan.consent.share_with_partners = true;
        g.plan.consent.share_special_category = true;
        let recipient = g.plan.consent.partner_organisations[0].clone();
        let text = partner_export_json(&g.plan, &common::programme(), &recipient, made_on())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for token in g.private.iter().chain(&g.public) {
            prop_assert!(text.contains(token.as_str()), "{} missing", token);
        }
        let doc = partner_document(&g.plan, &recipient, made_on()).unwrap();
        prop_assert_eq!(Plan { partner_file: None, ..doc }, g.plan);
    }

    #[test]
    fn no_partner_file_without_consent_to_share_or_for_an_unnamed_recipient(
        g in generated(),
        stranger in "[A-Za-z ]{0,12}",
    ) {
        let named = &g.plan.consent.partner_organisations;
        let result = partner_document(&g.plan, &named[0], made_on());
        if g.plan.consent.share_with_partners {
            prop_assert!(result.is_ok());
        } else {
            prop_assert_eq!(result.unwrap_err(), PartnerExportError::NoConsentToShare);
        }
        // A name the consent does not hold is refused, whatever else the consent says.
        prop_assume!(!named.iter().any(|n| n.trim() == stranger.trim()));
        let refused = partner_document(&g.plan, &stranger, made_on()).unwrap_err();
        let refused_as_it_should = matches!(
            refused,
            PartnerExportError::NoConsentToShare | PartnerExportError::RecipientNotNamed { .. }
        );
        prop_assert!(refused_as_it_should, "{:?}", refused);
    }

    #[test]
    fn the_partner_files_budget_adds_up_to_the_plans(
        mut g in generated(),
        shared in any::<bool>(),
    ) {
        g.plan.consent.share_with_partners = true;
        g.plan.consent.share_special_category = shared;
        let recipient = g.plan.consent.partner_organisations[0].clone();
        let text = partner_export_json(&g.plan, &common::programme(), &recipient, made_on()).unwrap();
        let partner = import_json(&text, common::today(), Some(&common::programme())).unwrap().plan;
        for config in programme::presets() {
            let full = guidance(&g.plan, &config, common::today());
            let seen = guidance(&partner, &config, common::today());
            prop_assert_eq!(&full.own_contribution, &seen.own_contribution);
            prop_assert_eq!(&full.other_funding, &seen.other_funding);
            for (a, b) in full.packages.iter().zip(&seen.packages) {
                prop_assert_eq!(&a.allocated, &b.allocated);
                prop_assert_eq!(&a.by_area, &b.by_area);
                prop_assert_eq!(&a.by_modality, &b.by_modality);
                prop_assert_eq!(&a.tranches_total, &b.tranches_total);
                prop_assert_eq!(a.tranche_count, b.tranche_count);
            }
        }
        prop_assert_eq!(&partner.budget.tranches.len(), &g.plan.budget.tranches.len());
        let costs = |p: &Plan| -> Vec<_> {
            p.measures().map(|m| (m.measure.id, m.measure.estimated_cost.clone())).collect()
        };
        prop_assert_eq!(costs(&partner), costs(&g.plan));
    }
}

/// The generator reaches every case the properties are about.
#[test]
fn generated_plans_hold_private_and_shared_items_of_every_kind() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen = std::collections::BTreeMap::<&str, bool>::new();
    for _ in 0..200 {
        let g = generated().new_tree(&mut runner).unwrap().current();
        let p = &g.plan;
        let mut note = |k, v: bool| *seen.entry(k).or_default() |= v;
        note(
            "sensitive type",
            p.measures().any(|m| m.measure.measure_type.is_some_and(|t| SENSITIVE.contains(&t))),
        );
        note("marked measure", p.measures().any(|m| m.measure.private));
        note("psychosocial goal", p.goals.iter().any(|g| g.dimension == Dimension::Psychosocial));
        note("marked goal", p.goals.iter().any(|g| g.private));
        note("linked referral", p.referrals.iter().any(|r| r.measure_id.is_some()));
        note("marked priority", p.needs.priorities.iter().any(|x| x.private));
        note("marked tranche", p.budget.tranches.iter().any(|x| x.private));
        note("marked debt", p.case.debts.iter().any(|x| x.private));
        note("marked follow-up", p.follow_ups.iter().any(|x| x.private));
        note(
            "shared measure",
            p.measures().any(|m| {
                !m.measure.private && m.goal.dimension != Dimension::Psychosocial && !m.goal.private
            }),
        );
        note("no consent to share", !p.consent.share_with_partners);
    }
    assert!(seen.values().all(|v| *v), "{seen:?}");
}
