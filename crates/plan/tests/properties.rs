//! Properties over generated plans and inputs:
//! - export then import gives the same plan (and the same bytes);
//! - import of any bytes returns a plan or an error, never panics;
//! - validation and completeness never panic, even on extreme values.

mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use homeward_plan::assessment::Scores;
use homeward_plan::catalogue::MeasureType;
use homeward_plan::interchange::{ImportError, export_json, import_json, partner_export_json};
use homeward_plan::model::*;
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::validate::{
    COMPLETENESS_CODES, VALIDATION_CODES, completeness, missing_for_completeness, validate,
};
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use uuid::Uuid;

/// Dates the file format writes as `YYYY-MM-DD` (four-digit years).
fn date() -> impl Strategy<Value = NaiveDate> {
    (1000i32..=9999, 1u32..=366).prop_map(|(y, d)| {
        NaiveDate::from_yo_opt(y, d).or_else(|| NaiveDate::from_yo_opt(y, 365)).unwrap()
    })
}

/// Any date chrono can hold, for the never-panics properties.
fn extreme_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        date(),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        (-262_000i32..=262_000, 1u32..=365)
            .prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap()),
    ]
}

fn timestamp() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..=253_402_300_799, 0u32..1_000_000_000)
        .prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap())
}

fn uuid() -> impl Strategy<Value = Uuid> {
    any::<[u8; 16]>().prop_map(|b| uuid::Builder::from_random_bytes(b).into_uuid())
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        any::<String>(),
        "[a-zA-Z0-9 éàç\u{0600}-\u{06FF}\"\\\\/]{0,30}"
    ]
}

fn currency() -> impl Strategy<Value = CurrencyCode> {
    prop_oneof![Just(CurrencyCode::eur()), "[A-Z]{3}".prop_map(|c| CurrencyCode::new(&c).unwrap())]
}

fn money(amount: impl Strategy<Value = i64>) -> impl Strategy<Value = Money> {
    (amount, currency()).prop_map(|(a, c)| Money::new(a, c))
}

fn measure(
    dates: BoxedStrategy<NaiveDate>,
    amounts: BoxedStrategy<i64>,
) -> impl Strategy<Value = Measure> {
    (
        (
            uuid(),
            option::of(select(MeasureType::ALL.to_vec())),
            text(),
            select(vec![Term::Immediate, Term::LongerTerm]),
        ),
        (option::of(dates.clone()), option::of(dates)),
        (
            select(vec![
                Responsible::Returnee,
                Responsible::Counsellor,
                Responsible::PartnerOrganisation,
            ]),
            text(),
            option::of(any::<bool>()),
            option::of(money(amounts)),
        ),
        (
            select(vec![Modality::Cash, Modality::InKind, Modality::Voucher, Modality::Service]),
            select(vec![
                FundingSource::ProgrammeGrant,
                FundingSource::OwnContribution,
                FundingSource::Other,
            ]),
            select(vec![
                MeasureStatus::Planned,
                MeasureStatus::InProgress,
                MeasureStatus::Done,
                MeasureStatus::Cancelled,
            ]),
            any::<bool>(),
            any::<bool>(),
        ),
    )
        .prop_map(
            |(
                (id, measure_type, description, term),
                (start_date, due_date),
                (responsible, provider, referral_needed, estimated_cost),
                (modality, funding, status, returnee_agreed, private),
            )| Measure {
                id,
                measure_type,
                description,
                term,
                start_date,
                due_date,
                responsible,
                provider,
                referral_needed,
                estimated_cost,
                modality,
                funding,
                status,
                returnee_agreed,
                private,
                withheld: None,
            },
        )
}

fn signature(dates: BoxedStrategy<NaiveDate>) -> impl Strategy<Value = Signature> {
    let method = prop_oneof![
        (any::<u32>(), any::<u32>(), vec(vec(any::<[i32; 2]>(), 0..5), 0..3))
            .prop_map(|(width, height, strokes)| SignatureMethod::Drawn { width, height, strokes }),
        text().prop_map(|name| SignatureMethod::Typed { name }),
    ];
    (method, dates).prop_map(|(method, signed_on)| Signature { method, signed_on })
}

/// Plans with every field generated. `dates`, `ages`, `amounts` decide how extreme values go.
fn plan_with(
    dates: BoxedStrategy<NaiveDate>,
    ages: BoxedStrategy<u32>,
    amounts: BoxedStrategy<i64>,
) -> impl Strategy<Value = Plan> {
    let d = dates.clone();
    let od = move || option::of(d.clone());
    let case = (
        (
            text(),
            text(),
            od(),
            option::of(ages.clone()),
            option::of(select(vec![Gender::Female, Gender::Male, Gender::Other])),
        ),
        (vec(text(), 0..3), text(), text(), text(), od(), any::<bool>()),
        (
            select(vec![
                ReturnKind::AssistedVoluntary,
                ReturnKind::Spontaneous,
                ReturnKind::AfterForcedReturn,
            ]),
            text(),
            text(),
            text(),
            vec(
                (
                    select(vec![
                        DocumentKind::NationalIdentityCard,
                        DocumentKind::Passport,
                        DocumentKind::BirthCertificate,
                        DocumentKind::TravelDocument,
                        DocumentKind::DrivingLicence,
                        DocumentKind::Other,
                    ]),
                    any::<bool>(),
                    text(),
                )
                    .prop_map(|(kind, held, note)| IdentityDocument {
                        kind,
                        held,
                        note,
                    }),
                0..3,
            ),
        ),
        (
            vec(
                (
                    uuid(),
                    money(amounts.clone()),
                    text(),
                    select(vec![PressureLevel::Low, PressureLevel::Medium, PressureLevel::High]),
                    any::<bool>(),
                )
                    .prop_map(
                        |(id, amount, creditor, pressure_to_repay, private)| Debt {
                            id,
                            amount,
                            creditor,
                            pressure_to_repay,
                            private,
                            withheld: None,
                        },
                    ),
                0..3,
            ),
            vec(
                select(vec![
                    Vulnerability::SeriousHealthCondition,
                    Vulnerability::Disability,
                    Vulnerability::SurvivorOfTraffickingOrViolence,
                    Vulnerability::UnaccompaniedOrSeparatedChild,
                    Vulnerability::OlderPerson,
                    Vulnerability::SingleParent,
                    Vulnerability::Other,
                ]),
                0..4,
            ),
            text(),
            text(),
        ),
    )
        .prop_map(
            |(
                (case_reference, full_name, date_of_birth, age, gender),
                (languages, country_of_return, region, town, return_date, return_date_is_planned),
                (return_kind, education, skills, work_experience, identity_documents),
                (debts, vulnerabilities, vulnerability_note, health_note),
            )| Case {
                case_reference,
                full_name,
                date_of_birth,
                age,
                gender,
                languages,
                country_of_return,
                region,
                town,
                return_date,
                return_date_is_planned,
                return_kind,
                education,
                skills,
                work_experience,
                identity_documents,
                debts,
                vulnerabilities,
                vulnerability_note,
                health_note,
            },
        );
    let member = (
        uuid(),
        select(vec![
            Relationship::SpouseOrPartner,
            Relationship::Child,
            Relationship::Parent,
            Relationship::Sibling,
            Relationship::Grandparent,
            Relationship::Grandchild,
            Relationship::OtherRelative,
            Relationship::NotRelated,
        ]),
        od(),
        option::of(ages),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(id, relationship, date_of_birth, age, dependant, returns_with_returnee)| {
                HouseholdMember {
                    id,
                    relationship,
                    date_of_birth,
                    age,
                    dependant,
                    returns_with_returnee,
                }
            },
        );
    let score = || option::of(any::<u8>());
    let assessment = (
        text(),
        any::<bool>(),
        od(),
        btree_map(text(), any::<u8>(), 0..4),
        (score(), score(), score(), score()),
    )
        .prop_map(
            |(
                config_id,
                indicative,
                assessed_on,
                answers,
                (economic, social, psychosocial, composite),
            )| AssessmentRecord {
                config_id,
                indicative,
                assessed_on,
                answers,
                baseline: Scores { economic, social, psychosocial, composite },
            },
        );
    let priority = (text(), any::<bool>()).prop_map(|(text, private)| Priority {
        text,
        private,
        withheld: None,
    });
    let needs = (text(), vec(priority, 0..3), (text(), text(), text()), option::of(assessment))
        .prop_map(|(aspirations, priorities, (economic, social, psychosocial), assessment)| {
            Needs {
                aspirations,
                priorities,
                summary: DimensionSummaries { economic, social, psychosocial },
                assessment,
            }
        });
    let goal = (
        uuid(),
        select(Dimension::ALL.to_vec()),
        text(),
        text(),
        vec(measure(dates.clone(), amounts.clone()), 0..4),
        any::<bool>(),
    )
        .prop_map(|(id, dimension, title, expected_outcome, measures, private)| Goal {
            id,
            dimension,
            title,
            expected_outcome,
            measures,
            private,
            withheld: None,
        });
    let tranche = (
        uuid(),
        select(vec![Package::ShortTerm, Package::LongerTerm]),
        dates.clone(),
        money(amounts),
        text(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(id, package, date, amount, purpose, paid, private)| Tranche {
            id,
            package,
            date,
            amount,
            purpose,
            paid,
            private,
            withheld: None,
        });
    let referral = (
        uuid(),
        text(),
        text(),
        option::of(uuid()),
        od(),
        select(vec![
            ReferralStatus::Planned,
            ReferralStatus::Made,
            ReferralStatus::Accepted,
            ReferralStatus::Declined,
            ReferralStatus::Completed,
        ]),
        any::<bool>(),
    )
        .prop_map(|(id, organisation, purpose, measure_id, referred_on, status, private)| {
            Referral {
                id,
                organisation,
                purpose,
                measure_id,
                referred_on,
                status,
                private,
                withheld: None,
            }
        });
    let follow_up = (
        uuid(),
        od(),
        option::of(any::<u32>()),
        select(vec![ContactKind::Call, ContactKind::Visit]),
        od(),
        text(),
        any::<bool>(),
    )
        .prop_map(|(id, due_date, months_after_return, kind, done_on, outcome, private)| {
            FollowUp {
                id,
                due_date,
                months_after_return,
                kind,
                done_on,
                outcome,
                private,
                withheld: None,
            }
        });
    let consent = (any::<[bool; 6]>(), vec(text(), 0..3), od()).prop_map(
        |(b, partner_organisations, given_on)| Consent {
            no_pressure: b[0],
            information_received: b[1],
            time_to_consider: b[2],
            right_to_withdraw_explained: b[3],
            share_with_partners: b[4],
            partner_organisations,
            share_special_category: b[5],
            given_on,
        },
    );
    let signatures = (option::of(signature(dates.clone())), option::of(signature(dates)))
        .prop_map(|(returnee, counsellor)| Signatures { returnee, counsellor });
    (
        (uuid(), text(), timestamp(), timestamp()),
        (case, vec(member, 0..3), needs, vec(goal, 0..3)),
        (currency(), vec(tranche, 0..3), vec(referral, 0..2), vec(follow_up, 0..3)),
        (consent, signatures, any::<bool>()),
    )
        .prop_map(
            |(
                (id, programme_id, created_at, updated_at),
                (case, household, needs, goals),
                (currency, tranches, referrals, follow_ups),
                (consent, signatures, marked_for_partner_export),
            )| Plan {
                id,
                programme_id,
                created_at,
                updated_at,
                partner_file: None,
                case,
                household,
                needs,
                goals,
                budget: BudgetPlan { currency, tranches },
                referrals,
                follow_ups,
                consent,
                signatures,
                marked_for_partner_export,
            },
        )
}

fn plan() -> impl Strategy<Value = Plan> {
    plan_with(date().boxed(), any::<u32>().boxed(), any::<i64>().boxed())
}

fn extreme_plan() -> impl Strategy<Value = Plan> {
    plan_with(
        extreme_date().boxed(),
        prop_oneof![Just(0u32), Just(121), Just(u32::MAX), any::<u32>()].boxed(),
        prop_oneof![Just(i64::MIN), Just(i64::MAX), Just(-1i64), any::<i64>()].boxed(),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn export_then_import_gives_the_same_plan(plan in plan(), today in date()) {
        let text = export_json(&plan);
        let imported = import_json(&text, today).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&imported.plan, &plan);
        prop_assert_eq!(export_json(&imported.plan), text);
        prop_assert_eq!(imported.findings, validate(&plan, today));
        // A partner file is a plan too, whenever one can be made.
        if let Some(recipient) = plan.consent.named_partners().next() {
            if let Ok(partner) = partner_export_json(&plan, recipient, today) {
                let imported = import_json(&partner, today)
                    .map_err(|e| TestCaseError::fail(e.to_string()))?;
                prop_assert_eq!(export_json(&imported.plan), partner);
            }
        }
    }

    #[test]
    fn validation_never_panics(plan in extreme_plan(), today in extreme_date()) {
        let findings = validate(&plan, today);
        for f in &findings {
            prop_assert!(f.path.is_empty() || f.path.starts_with('/'));
            prop_assert!(VALIDATION_CODES.contains(&f.code), "unlisted code {}", f.code);
        }
        let missing = missing_for_completeness(&plan);
        for f in &missing {
            prop_assert!(COMPLETENESS_CODES.contains(&f.code), "unlisted code {}", f.code);
        }
        let percent = completeness(&plan);
        prop_assert!(percent <= 100);
        prop_assert_eq!(percent == 100, missing.is_empty());
    }

    #[test]
    fn import_of_any_bytes_never_panics(bytes in vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = import_json(&text, common::today());
    }

    /// Damaged real files reach deeper than random bytes: cut, byte-flipped or spliced.
    #[test]
    fn import_of_a_damaged_file_never_panics(
        cut in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        replacement in "[\\[\\]{}\":,0-9a-z\\-. ]{0,4}",
    ) {
        let text = export_json(&common::full_family_plan());
        let cut = cut.index(text.len());
        let at = at.index(text.len());
        let mut damaged = text.clone();
        if text.is_char_boundary(at) {
            damaged.insert_str(at, &replacement);
        }
        let truncated = text.get(..cut).unwrap_or_default();
        for input in [damaged.as_str(), truncated] {
            match import_json(input, common::today()) {
                Ok(imported) => prop_assert!(imported.plan.goals.len() <= 3),
                Err(e) => prop_assert!(ImportError::CODES.contains(&e.code())),
            }
        }
    }
}

/// The generated plans really vary: a property over one shape would prove little.
#[test]
fn generated_plans_cover_the_model() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen: BTreeMap<&str, bool> = BTreeMap::new();
    for _ in 0..100 {
        let p = plan().new_tree(&mut runner).unwrap().current();
        *seen.entry("measures").or_default() |= p.measures().count() > 0;
        *seen.entry("untyped measure").or_default() |=
            p.measures().any(|m| m.measure.measure_type.is_none());
        *seen.entry("drawn signature").or_default() |= matches!(
            p.signatures.returnee,
            Some(Signature { method: SignatureMethod::Drawn { .. }, .. })
        );
        *seen.entry("assessment").or_default() |= p.needs.assessment.is_some();
        *seen.entry("debts").or_default() |= !p.case.debts.is_empty();
        *seen.entry("tranches").or_default() |= !p.budget.tranches.is_empty();
    }
    assert!(seen.values().all(|v| *v), "{seen:?}");
}
