//! Generated plans with items of every kind the partner file treats differently, each free
//! text a unique token whose privacy the generator decides on its own (from the rules as the
//! brief states them, not from the domain's classification). Shared by the partner file's
//! properties and those of the changes between plans.

use homeward_plan::assessment::Scores;
use homeward_plan::catalogue::MeasureType;
use homeward_plan::model::*;
use homeward_plan::money::{CurrencyCode, Money};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use super::strategies::{funding, modality, package, term, vulnerabilities};

/// The types the brief calls sensitive wherever they are, listed here independently of the
/// catalogue.
pub const SENSITIVE: [MeasureType; 4] = [
    MeasureType::MedicalCare,
    MeasureType::UrgentMedicalCare,
    MeasureType::IndividualOrFamilyCounselling,
    MeasureType::SupportGroups,
];

/// The shape of a plan; texts are filled in afterwards.
#[derive(Debug, Clone)]
pub struct Shape {
    pub seed: u32,
    pub debts: Vec<(bool, i64)>,
    pub vulnerabilities: Vec<Vulnerability>,
    pub priorities: Vec<bool>,
    pub assessment: Option<(usize, [Option<u8>; 4])>,
    pub goals: Vec<GoalShape>,
    pub tranches: Vec<(bool, Package, i64)>,
    pub referrals: Vec<(bool, Option<usize>)>,
    pub follow_ups: Vec<bool>,
    pub partners: usize,
    pub share_with_partners: bool,
    pub share_special_category: bool,
}

/// A measure: type, marked private, term, modality, funding, cost.
pub type MeasureShape = (Option<MeasureType>, bool, Term, Modality, FundingSource, Option<i64>);

#[derive(Debug, Clone)]
pub struct GoalShape {
    pub dimension: Dimension,
    pub private: bool,
    pub measures: Vec<MeasureShape>,
}

pub fn shape() -> impl Strategy<Value = Shape> {
    let measure = (
        option::of(select(MeasureType::ALL.to_vec())),
        any::<bool>(),
        term(),
        modality(),
        funding(),
        option::of(0i64..500_000),
    );
    let goal = (select(Dimension::ALL.to_vec()), any::<bool>(), vec(measure, 0..4))
        .prop_map(|(dimension, private, measures)| GoalShape { dimension, private, measures });
    let vulnerabilities = vulnerabilities(0..3);
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
            vec((any::<bool>(), package(), 0i64..300_000), 0..4),
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
pub struct Generated {
    pub plan: Plan,
    pub private: Vec<String>,
    pub public: Vec<String>,
}

/// Hands out unique tokens and remembers whether each is private.
pub struct Tokens {
    pub seed: u32,
    pub next: u32,
    pub private: Vec<String>,
    pub public: Vec<String>,
}

impl Tokens {
    /// A token no other text contains: same length, different number.
    pub fn text(&mut self, private: bool) -> String {
        self.next += 1;
        let token = format!("tok{:08x}n{:05}q", self.seed, self.next);
        if private { &mut self.private } else { &mut self.public }.push(token.clone());
        token
    }
}

pub fn build(shape: &Shape) -> Generated {
    let mut t = Tokens { seed: shape.seed, next: 0, private: Vec::new(), public: Vec::new() };
    let eur = |minor| Money::new(minor, CurrencyCode::eur());
    let mut plan = super::minimal_plan();
    plan.case.case_reference = t.text(false);
    plan.case.full_name = t.text(false);
    plan.case.region = t.text(false);
    plan.case.town = t.text(false);
    plan.case.education = t.text(false);
    plan.case.skills = t.text(false);
    plan.case.work_experience = t.text(false);
    plan.case.return_date = Some(super::date(2026, 10, 1));
    plan.case.identity_documents =
        vec![IdentityDocument { kind: DocumentKind::Passport, held: true, note: t.text(false) }];
    plan.case.debts = shape
        .debts
        .iter()
        .enumerate()
        .map(|(i, (private, amount))| Debt {
            id: super::id(10 + i as u128),
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
        let mut goal = Goal::new(super::id(100 + g as u128), gs.dimension);
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
                start_date: Some(super::date(2026, 11, 1)),
                due_date: Some(super::date(2027, 1, 1)),
                provider: t.text(private),
                estimated_cost: cost.map(eur),
                // What is bought and from whom is as private as the measure; no unit cost, so
                // the estimate stays the measure's cost.
                items: vec![LineItem {
                    id: super::id(2000 + (g * 10 + m) as u128),
                    description: t.text(private),
                    quantity: 1,
                    unit_cost: None,
                    supplier: t.text(private),
                }],
                modality: *modality,
                funding: *funding,
                private: *marked,
                ..Measure::new(super::id(1000 + (g * 10 + m) as u128))
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
                super::id(300 + i as u128),
                *package,
                super::date(2026, 12, 1),
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
                id: super::id(400 + i as u128),
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
            id: super::id(500 + i as u128),
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

pub fn generated() -> impl Strategy<Value = Generated> {
    shape().prop_map(|s| build(&s))
}
