//! The family plan that fills every section and every field at least once.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use homeward_plan::assessment::AssessmentConfig;
use homeward_plan::catalogue::MeasureType;
use homeward_plan::model::*;
use homeward_plan::money::{CurrencyCode, Money};

use super::{at, date, eur, full_protection, id};

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
