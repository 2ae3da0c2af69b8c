//! The fixture plans: the minimal draft, the family plan's safety screening and the large plan.
//! The family plan itself is in `family.rs`.

use homeward_plan::catalogue::MeasureType;
use homeward_plan::model::*;
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::protection::*;

use super::{at, date, full_family_plan, id};

/// The fixtures: file name and the plan it holds.
pub fn fixture_plans() -> Vec<(&'static str, Plan)> {
    vec![
        ("plan-minimal.json", minimal_plan()),
        ("plan-family-full.json", full_family_plan()),
        ("plan-200-measures.json", plan_with_measures(200)),
    ]
}

/// An empty draft, as the app starts one.
pub fn minimal_plan() -> Plan {
    Plan::new(id(1), "eurp_voluntary", CurrencyCode::eur(), at("2026-11-23T09:00:00Z"))
}

/// The family plan's screening: every question asked, the creditor's threats (the uncle's debt)
/// referred and reviewed, and everything told before departure.
pub fn full_protection() -> Protection {
    // Every answer is noted and was looked at again by the counsellor before departure.
    let no = |note: &str| ScreeningAnswer {
        answer: Answer::No,
        note: note.into(),
        review: ConcernReview {
            reviewed_by: "M. Ndiaye, counsellor".into(),
            reviewed_on: Some(date(2026, 9, 24)),
            outcome: Some(ReviewOutcome::Proceed),
            note: "Asked again with her sister present; nothing to add.".into(),
        },
    };
    let told = Some(date(2026, 9, 25));
    Protection {
        threat_on_return: no("No one in Mbour wishes her harm, she says."),
        fear_of_persecution: no("None."),
        creditor_threats: ScreeningAnswer {
            answer: Answer::Yes,
            note: "The uncle's sons came to her mother's house twice about the money.".into(),
            review: ConcernReview {
                reviewed_by: "M. Ndiaye, counsellor".into(),
                reviewed_on: Some(date(2026, 9, 24)),
                outcome: Some(ReviewOutcome::Proceed),
                note: "Mediation agreed; the family can stay with her sister in Mbour.".into(),
            },
        },
        threatening_debt_id: Some(id(110)),
        risk_of_exploitation: no("Travelled with a cousin; no one holds her papers."),
        health_care_unavailable: no("Insulin is available at the Mbour health centre."),
        child_without_care: no("The children return with their mother."),
        referrals: vec![ProtectionReferral {
            id: id(7001),
            concern: Question::CreditorThreats,
            actor: ProtectionActor::LegalCounselling,
            organisation: "Association des juristes sénégalaises, Thiès".into(),
            referred_on: Some(date(2026, 9, 24)),
            returnee_agreed: true,
            note: "Mediation with the creditor's family.".into(),
        }],
        information: InformationGiven {
            situation_on_return: told,
            documents: told,
            travel: told,
            arrival: Some(date(2026, 9, 30)),
            services_and_contacts: Some(date(2026, 9, 30)),
            right_to_change_mind: told,
        },
    }
}

/// A large plan: `n` measures spread over goals of 20 in the three dimensions, every type used.
pub fn plan_with_measures(n: usize) -> Plan {
    let mut plan =
        Plan::new(id(1000), "eurp_voluntary", CurrencyCode::eur(), at("2026-11-23T10:00:00Z"));
    plan.case.case_reference = "LOAD-200".into();
    plan.case.return_date = Some(date(2026, 10, 1));
    let mut counter = 0u128;
    let mut remaining = n;
    let mut g = 0usize;
    while remaining > 0 {
        let dimension = Dimension::ALL[g % 3];
        let mut goal = Goal::new(id(2000 + g as u128), dimension);
        goal.title = format!("Goal {} ({})", g + 1, dimension.code());
        let types: Vec<MeasureType> = MeasureType::for_dimension(dimension).collect();
        for k in 0..remaining.min(20) {
            counter += 1;
            let t = types[k % types.len()];
            let start = date(2026, 10, 1) + chrono::Days::new((k as u64) * 3);
            goal.measures.push(Measure {
                id: id(10_000 + counter),
                measure_type: Some(t),
                description: format!("Measure {counter}: {} for the family", t.code()),
                term: if t.is_immediate_need() { Term::Immediate } else { Term::LongerTerm },
                start_date: Some(start),
                due_date: Some(start + chrono::Days::new(60)),
                responsible: Responsible::PartnerOrganisation,
                provider: format!("Provider {}", counter % 17),
                referral_needed: Some(counter.is_multiple_of(2)),
                estimated_cost: Some(Money::new(
                    1_000 + (counter as i64 * 137) % 50_000,
                    CurrencyCode::eur(),
                )),
                modality: [Modality::Cash, Modality::InKind, Modality::Voucher, Modality::Service]
                    [k % 4],
                funding: FundingSource::ProgrammeGrant,
                status: MeasureStatus::Planned,
                actual_cost: None,
                delivered_on: None,
                items: Vec::new(),
                returnee_agreed: !counter.is_multiple_of(3),
                private: false,
                withheld: None,
            });
        }
        remaining -= goal.measures.len();
        plan.goals.push(goal);
        g += 1;
    }
    plan
}
