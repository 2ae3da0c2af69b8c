//! Plans the tests, the fixtures and the benchmark share. The fixtures in the repository's
//! `tests/fixtures/` are these plans exported; `tests/fixtures.rs` keeps them in sync.
#![allow(dead_code)] // Each test crate uses a different part.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use homeward_plan::assessment::AssessmentConfig;
use homeward_plan::catalogue::MeasureType;
use homeward_plan::model::*;
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::protection::*;
use uuid::Uuid;

pub mod generated;
pub mod strategies;

/// The day the tests treat as today.
/// The programme the fixture plans are drafted under (`eurp_voluntary`).
#[allow(dead_code)] // Not every test file exports.
pub fn programme() -> homeward_plan::programme::ProgrammeConfig {
    homeward_plan::programme::default_preset()
}

pub fn today() -> NaiveDate {
    date(2026, 11, 23)
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

pub fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).expect("valid test timestamp").to_utc()
}

/// A deterministic UUID v4 (version and variant bits set), so fixtures look like real files.
pub fn id(n: u128) -> Uuid {
    uuid::Builder::from_random_bytes((0x5eed_0000_0000_0000_0000_0000_0000_0000 | n).to_be_bytes())
        .into_uuid()
}

pub fn eur(major: i64) -> Money {
    Money::major(major, CurrencyCode::eur())
}

/// The repository's `tests/fixtures/` folder.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

pub fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name)).expect("fixture readable")
}

/// The fixtures as version 1 wrote them, kept to prove that old files still open.
pub fn read_v1_fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join("v1").join(name)).expect("v1 fixture readable")
}

/// The fixtures as version 2 wrote them, kept to prove that old files still open.
pub fn read_v2_fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join("v2").join(name)).expect("v2 fixture readable")
}

/// The plan as a version-2 file could hold it: nothing of the IOM template's follow-through
/// (version 3) was recorded.
pub fn without_version_3_fields(mut plan: Plan) -> Plan {
    let case = &mut plan.case;
    case.nationality.clear();
    case.host_country.clear();
    case.departure_date = None;
    case.contact_after_return = ReturnContact::default();
    for m in &mut plan.household {
        m.gender = None;
        m.schooling = None;
        m.vulnerabilities.clear();
    }
    plan.needs.targets = DimensionScores::default();
    for goal in &mut plan.goals {
        for m in &mut goal.measures {
            m.items.clear();
            m.actual_cost = None;
            m.delivered_on = None;
        }
    }
    for t in &mut plan.budget.tranches {
        t.at_departure = false;
        t.paid_on = None;
        t.paid_amount = None;
        t.measure_ids.clear();
    }
    for r in &mut plan.referrals {
        r.contact.clear();
        r.returnee_agreed = None;
        r.outcome.clear();
        r.outcome_on = None;
    }
    plan.follow_ups.iter_mut().for_each(|f| f.scores = DimensionScores::default());
    plan.counsellor = Counsellor::default();
    plan.revision = 0;
    plan.closed_on = None;
    plan
}

/// The plan as a version-1 file could hold it: version 1 had no privacy marks.
pub fn without_privacy_marks(mut plan: Plan) -> Plan {
    plan.case.debts.iter_mut().for_each(|d| d.private = false);
    plan.needs.priorities.iter_mut().for_each(|p| p.private = false);
    for goal in &mut plan.goals {
        goal.private = false;
        goal.measures.iter_mut().for_each(|m| m.private = false);
    }
    plan.budget.tranches.iter_mut().for_each(|t| t.private = false);
    plan.referrals.iter_mut().for_each(|r| r.private = false);
    plan.follow_ups.iter_mut().for_each(|f| f.private = false);
    // Nor a safety screening: a version-1 file opens with nothing asked yet.
    plan.protection = Protection::default();
    plan
}

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

#[allow(clippy::too_many_arguments)]
fn measure(
    n: u128,
    t: MeasureType,
    description: &str,
    term: Term,
    start: NaiveDate,
    due: NaiveDate,
    responsible: Responsible,
    provider: &str,
    cost: i64,
    modality: Modality,
) -> Measure {
    Measure {
        id: id(n),
        measure_type: Some(t),
        description: description.into(),
        term,
        start_date: Some(start),
        due_date: Some(due),
        responsible,
        provider: provider.into(),
        referral_needed: Some(responsible == Responsible::PartnerOrganisation),
        estimated_cost: Some(eur(cost)),
        modality,
        funding: FundingSource::ProgrammeGrant,
        status: MeasureStatus::Planned,
        actual_cost: None,
        delivered_on: None,
        items: Vec::new(),
        returnee_agreed: true,
        private: false,
        withheld: None,
    }
}

/// A family plan that fills every section and every field at least once, valid and complete.
pub fn full_family_plan() -> Plan {
    use MeasureType as T;
    use Modality as M;
    use Responsible as R;
    let mut plan =
        Plan::new(id(100), "eurp_voluntary", CurrencyCode::eur(), at("2026-10-20T08:30:00Z"));
    plan.updated_at = at("2026-11-23T14:05:12.250Z");
    plan.case = Case {
        case_reference: "SN-2026-0147".into(),
        full_name: "Awa Diop".into(),
        date_of_birth: Some(date(1991, 4, 12)),
        age: Some(35),
        gender: Some(Gender::Female),
        languages: vec!["wo".into(), "fr".into()],
        nationality: "SN".into(),
        host_country: "BE".into(),
        departure_date: Some(date(2026, 10, 1)),
        country_of_return: "SN".into(),
        region: "Thiès".into(),
        town: "Mbour".into(),
        return_date: Some(date(2026, 10, 2)),
        return_date_is_planned: false,
        return_kind: ReturnKind::AssistedVoluntary,
        contact_after_return: ReturnContact {
            phone: "+221 77 000 00 00".into(),
            address: "Chez Fatou Diop, quartier Grand Mbour, Mbour".into(),
            preferred: Some(ContactWay::MessagingApp),
            note: "Mornings only; her cousin Fatou can pass on a message.".into(),
        },
        education: "Primary school; two years of a tailoring apprenticeship.".into(),
        skills: "Sewing, pattern cutting, selling at the market.".into(),
        work_experience: "Six years as a seamstress in Mbour, then cleaning work abroad.".into(),
        identity_documents: vec![
            IdentityDocument {
                kind: DocumentKind::Passport,
                held: true,
                note: "Valid to 2029".into(),
            },
            IdentityDocument {
                kind: DocumentKind::NationalIdentityCard,
                held: false,
                note: "Lost on the journey".into(),
            },
            IdentityDocument {
                kind: DocumentKind::BirthCertificate,
                held: true,
                note: "Copy, children's too".into(),
            },
        ],
        debts: vec![
            Debt {
                id: id(110),
                amount: Money::new(1_500_000, CurrencyCode::new("XOF").expect("XOF")),
                creditor: "Uncle, who paid for the journey".into(),
                pressure_to_repay: PressureLevel::High,
                private: false,
                withheld: None,
            },
            Debt {
                id: id(111),
                amount: eur(800),
                creditor: "Money lender in Mbour".into(),
                pressure_to_repay: PressureLevel::Medium,
                private: true,
                withheld: None,
            },
        ],
        vulnerabilities: vec![
            Vulnerability::SingleParent,
            Vulnerability::SeriousHealthCondition,
            Vulnerability::Other,
        ],
        vulnerability_note: "Older son was out of school for two years.".into(),
        health_note: "Type 2 diabetes; needs insulin and a check-up every three months.".into(),
    };
    plan.household = vec![
        HouseholdMember {
            id: id(120),
            relationship: Relationship::Child,
            date_of_birth: Some(date(2015, 8, 1)),
            age: None,
            gender: Some(Gender::Male),
            schooling: Some(Schooling::NotInSchool),
            vulnerabilities: Vec::new(),
            dependant: true,
            returns_with_returnee: true,
        },
        HouseholdMember {
            id: id(121),
            relationship: Relationship::Child,
            date_of_birth: None,
            age: Some(6),
            gender: Some(Gender::Female),
            schooling: Some(Schooling::InSchool),
            vulnerabilities: vec![Vulnerability::Disability],
            dependant: true,
            returns_with_returnee: true,
        },
        HouseholdMember {
            id: id(122),
            relationship: Relationship::Parent,
            date_of_birth: None,
            age: Some(67),
            gender: Some(Gender::Female),
            schooling: Some(Schooling::SchoolCompleted),
            vulnerabilities: vec![Vulnerability::OlderPerson],
            dependant: true,
            returns_with_returnee: false,
        },
    ];
    let assessment = AssessmentConfig::indicative_default();
    let answers: BTreeMap<String, u8> = assessment
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| (q.id.clone(), 1 + (i % 5) as u8))
        .collect();
    plan.needs = Needs {
        aspirations: "Open my own tailoring workshop in Mbour and keep both children in school."
            .into(),
        priorities: vec![
            Priority::new("A safe place to live for the children"),
            Priority::new("An income from tailoring"),
            Priority { private: true, ..Priority::new("Treatment for my diabetes") },
        ],
        summary: DimensionSummaries {
            economic: "No income yet; skilled seamstress; family debt weighs heavily.".into(),
            social: "Staying with a cousin; children need school places; ID card lost.".into(),
            psychosocial: "Feels ashamed towards the family about the debt; sleeps badly.".into(),
        },
        assessment: Some(assessment.record(answers, Some(date(2026, 10, 21)))),
        targets: DimensionScores { economic: Some(70), social: Some(75), psychosocial: Some(65) },
    };
    let (ret, m1, m6, m12) =
        (date(2026, 10, 5), date(2026, 11, 2), date(2027, 4, 1), date(2027, 9, 30));
    let mut economic = Goal::new(id(200), Dimension::Economic);
    economic.title = "Earn a living from my own tailoring workshop".into();
    economic.expected_outcome = "Regular income covering the family's basic needs".into();
    economic.measures = vec![
        measure(
            201,
            T::VocationalTraining,
            "Refresher course in modern pattern cutting",
            Term::LongerTerm,
            m1,
            date(2027, 1, 29),
            R::PartnerOrganisation,
            "Centre de formation de Mbour",
            450,
            M::Service,
        ),
        measure(
            202,
            T::MicroBusiness,
            "Two sewing machines, fabric and a market stall",
            Term::LongerTerm,
            date(2026, 12, 1),
            date(2027, 2, 28),
            R::Returnee,
            "Supplier chosen with the partner",
            1_400,
            M::InKind,
        ),
        measure(
            203,
            T::BudgetingAndFinancialGuidance,
            "Business and household budgeting sessions",
            Term::LongerTerm,
            m1,
            m6,
            R::PartnerOrganisation,
            "Caritas Sénégal",
            0,
            M::Service,
        ),
        measure(
            204,
            T::DebtCounselling,
            "Agree a repayment arrangement with the uncle",
            Term::LongerTerm,
            m1,
            date(2027, 1, 31),
            R::Counsellor,
            "Counsellor",
            0,
            M::Service,
        ),
    ];
    let mut social = Goal::new(id(300), Dimension::Social);
    social.title = "A safe home and school for the children".into();
    social.expected_outcome = "Own rented room; both children enrolled".into();
    social.measures = vec![
        measure(
            301,
            T::FoodAndClothing,
            "Food and clothes for the first weeks",
            Term::Immediate,
            ret,
            date(2026, 10, 19),
            R::Returnee,
            "Local market",
            200,
            M::Cash,
        ),
        measure(
            302,
            T::Transport,
            "Travel from Dakar airport to Mbour",
            Term::Immediate,
            ret,
            ret,
            R::Counsellor,
            "Bus company",
            40,
            M::Cash,
        ),
        measure(
            303,
            T::TemporaryAccommodation,
            "Room for the first month",
            Term::Immediate,
            ret,
            m1,
            R::Returnee,
            "Cousin's landlord",
            150,
            M::Cash,
        ),
        measure(
            304,
            T::Housing,
            "Rent for six months",
            Term::LongerTerm,
            m1,
            date(2027, 5, 1),
            R::Returnee,
            "Landlord in Mbour",
            900,
            M::InKind,
        ),
        measure(
            305,
            T::Education,
            "School fees, uniforms and books for both children",
            Term::LongerTerm,
            m1,
            date(2027, 7, 15),
            R::PartnerOrganisation,
            "École élémentaire de Mbour",
            300,
            M::Voucher,
        ),
        measure(
            306,
            T::MedicalCare,
            "Diabetes care: consultations and insulin for a year",
            Term::LongerTerm,
            m1,
            m12,
            R::PartnerOrganisation,
            "District health centre",
            250,
            M::Voucher,
        ),
        measure(
            307,
            T::DocumentationAndLegalServices,
            "Replace the national identity card",
            Term::LongerTerm,
            m1,
            date(2027, 1, 15),
            R::Returnee,
            "Civil registry, Mbour",
            20,
            M::Cash,
        ),
    ];
    let mut psychosocial = Goal::new(id(400), Dimension::Psychosocial);
    psychosocial.title = "Feel at ease with the family again".into();
    psychosocial.expected_outcome = "Sleeps better; talks with the family about the debt".into();
    psychosocial.measures = vec![
        measure(
            401,
            T::IndividualOrFamilyCounselling,
            "Family counselling sessions",
            Term::LongerTerm,
            m1,
            m6,
            R::PartnerOrganisation,
            "Centre de santé mentale",
            0,
            M::Service,
        ),
        measure(
            402,
            T::CommunityActivities,
            "Women's savings group",
            Term::LongerTerm,
            date(2027, 1, 4),
            m12,
            R::Returnee,
            "Association des femmes de Mbour",
            30,
            M::Cash,
        ),
    ];
    // Show the other values of each enumeration somewhere.
    psychosocial.measures[1].funding = FundingSource::OwnContribution;
    psychosocial.measures[0].status = MeasureStatus::InProgress;
    social.measures[0].status = MeasureStatus::Done;
    social.measures[1].status = MeasureStatus::Done;
    social.measures[1].actual_cost = Some(eur(140));
    social.measures[1].delivered_on = Some(date(2026, 10, 20));
    social.measures[2].funding = FundingSource::Other;
    economic.measures[1].items = vec![
        LineItem {
            id: id(250),
            description: "Sewing machine".into(),
            quantity: 2,
            unit_cost: Some(eur(450)),
            supplier: "Mbour market".into(),
        },
        LineItem {
            id: id(251),
            description: "Fabric and thread".into(),
            quantity: 1,
            unit_cost: Some(eur(300)),
            supplier: "Mbour market".into(),
        },
        LineItem {
            id: id(252),
            description: "Market stall, first six months".into(),
            quantity: 1,
            unit_cost: Some(eur(200)),
            supplier: "Mairie de Mbour".into(),
        },
    ];
    plan.goals = vec![economic, social, psychosocial];
    plan.budget.tranches = vec![
        Tranche {
            purpose: "Immediate needs on arrival".into(),
            paid: true,
            paid_on: Some(ret),
            paid_amount: Some(eur(385)),
            measure_ids: vec![id(301)],
            ..Tranche::new(id(500), Package::ShortTerm, ret, eur(390))
        },
        Tranche {
            purpose: "Workshop equipment, training, rent".into(),
            measure_ids: vec![id(201), id(202)],
            ..Tranche::new(id(501), Package::LongerTerm, date(2026, 12, 1), eur(2_500))
        },
        Tranche {
            purpose: "School, health care, documents, savings group".into(),
            ..Tranche::new(id(502), Package::LongerTerm, date(2027, 4, 1), eur(850))
        },
    ];
    plan.referrals = vec![
        Referral {
            id: id(600),
            organisation: "District health centre".into(),
            purpose: "Diabetes follow-up".into(),
            contact: "Dr Ndiaye, +221 33 000 00 00".into(),
            measure_id: Some(id(306)),
            returnee_agreed: Some(true),
            referred_on: Some(date(2026, 10, 28)),
            status: ReferralStatus::Accepted,
            outcome: "First check-up done; insulin supplied monthly.".into(),
            outcome_on: Some(date(2026, 11, 10)),
            private: false,
            withheld: None,
        },
        Referral {
            id: id(601),
            organisation: "Centre de santé mentale".into(),
            purpose: "Family counselling".into(),
            contact: String::new(),
            measure_id: Some(id(401)),
            returnee_agreed: None,
            referred_on: None,
            status: ReferralStatus::Planned,
            outcome: String::new(),
            outcome_on: None,
            private: false,
            withheld: None,
        },
    ];
    plan.follow_ups = [
        (1, ContactKind::Call),
        (3, ContactKind::Visit),
        (6, ContactKind::Visit),
        (12, ContactKind::Call),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (months, kind))| FollowUp {
        id: id(700 + i as u128),
        due_date: date(2026, 10, 2).checked_add_months(chrono::Months::new(months)),
        months_after_return: Some(months),
        kind,
        done_on: (i == 0).then(|| date(2026, 11, 3)),
        outcome: if i == 0 {
            "Settled in; training starts next week.".into()
        } else {
            String::new()
        },
        scores: if i == 0 {
            DimensionScores { economic: Some(30), social: Some(45), psychosocial: Some(40) }
        } else {
            DimensionScores::default()
        },
        private: false,
        withheld: None,
    })
    .collect();
    plan.counsellor =
        Counsellor { name: "Marie Lambert".into(), organisation: "Caritas International".into() };
    plan.consent = Consent {
        no_pressure: true,
        information_received: true,
        time_to_consider: true,
        right_to_withdraw_explained: true,
        share_with_partners: true,
        partner_organisations: vec!["Caritas Sénégal".into(), "Centre de santé mentale".into()],
        share_special_category: true,
        given_on: Some(date(2026, 11, 23)),
    };
    plan.signatures = Signatures {
        returnee: Some(Signature {
            method: SignatureMethod::Drawn {
                width: 600,
                height: 200,
                strokes: vec![vec![[20, 150], [60, 40], [110, 160]], vec![[140, 90], [260, 95]]],
            },
            signed_on: date(2026, 11, 23),
        }),
        counsellor: Some(Signature {
            method: SignatureMethod::Typed { name: "M. Ndiaye".into() },
            signed_on: date(2026, 11, 23),
        }),
    };
    plan.marked_for_partner_export = true;
    plan.protection = full_protection();
    plan
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
