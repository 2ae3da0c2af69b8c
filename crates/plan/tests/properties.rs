//! Properties over generated plans and inputs:
//! - export then import gives the same plan (and the same bytes);
//! - import of any bytes returns a plan or an error, never panics;
//! - validation and completeness never panic, even on extreme values.

mod common;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use homeward_plan::assessment::Scores;
use homeward_plan::catalogue::MeasureType;
use homeward_plan::interchange::{
    ImportError, export_json, import_json, partner_document, partner_export_json,
};
use homeward_plan::model::*;
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::protection::{
    self, Answer, ConcernReview, InformationItem, Protection, ProtectionActor, ProtectionReferral,
    Question, ReviewOutcome, ScreeningAnswer,
};
use homeward_plan::validate::{
    COMPLETENESS_CODES, VALIDATION_CODES, completeness, missing_for_completeness, validate,
};
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use uuid::Uuid;

use common::strategies::{funding, gender, modality, package, term, vulnerabilities};

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
        (uuid(), option::of(select(MeasureType::ALL.to_vec())), text(), term()),
        (option::of(dates.clone()), option::of(dates.clone())),
        (
            select(vec![
                Responsible::Returnee,
                Responsible::Counsellor,
                Responsible::PartnerOrganisation,
            ]),
            text(),
            option::of(any::<bool>()),
            option::of(money(amounts.clone())),
        ),
        (
            modality(),
            funding(),
            select(vec![
                MeasureStatus::Planned,
                MeasureStatus::InProgress,
                MeasureStatus::Done,
                MeasureStatus::Cancelled,
            ]),
            any::<bool>(),
            any::<bool>(),
        ),
        (vec(line_item(amounts.clone()), 0..3), option::of(money(amounts)), option::of(dates)),
    )
        .prop_map(
            |(
                (id, measure_type, description, term),
                (start_date, due_date),
                (responsible, provider, referral_needed, estimated_cost),
                (modality, funding, status, returnee_agreed, private),
                (items, actual_cost, delivered_on),
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
                actual_cost,
                delivered_on,
                items,
                returnee_agreed,
                private,
                withheld: None,
            },
        )
}

fn line_item(amounts: BoxedStrategy<i64>) -> impl Strategy<Value = LineItem> {
    (uuid(), text(), any::<u32>(), option::of(money(amounts)), text()).prop_map(
        |(id, description, quantity, unit_cost, supplier)| LineItem {
            id,
            description,
            quantity,
            unit_cost,
            supplier,
        },
    )
}

fn scores() -> impl Strategy<Value = DimensionScores> {
    (option::of(any::<u8>()), option::of(0u8..=100), option::of(0u8..=100)).prop_map(
        |(economic, social, psychosocial)| DimensionScores { economic, social, psychosocial },
    )
}

fn return_contact() -> impl Strategy<Value = ReturnContact> {
    (
        text(),
        text(),
        option::of(select(vec![
            ContactWay::Phone,
            ContactWay::MessagingApp,
            ContactWay::Email,
            ContactWay::InPerson,
            ContactWay::ThroughRelative,
        ])),
        text(),
    )
        .prop_map(|(phone, address, preferred, note)| ReturnContact {
            phone,
            address,
            preferred,
            note,
        })
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
        (text(), text(), od(), option::of(ages.clone()), option::of(gender())),
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
            vulnerabilities(0..4),
            text(),
            text(),
        ),
        ("[A-Z]{2}|", "[A-Z]{2}|", od(), return_contact()),
    )
        .prop_map(
            |(
                (case_reference, full_name, date_of_birth, age, gender),
                (languages, country_of_return, region, town, return_date, return_date_is_planned),
                (return_kind, education, skills, work_experience, identity_documents),
                (debts, vulnerabilities, vulnerability_note, health_note),
                (nationality, host_country, departure_date, contact_after_return),
            )| Case {
                case_reference,
                full_name,
                date_of_birth,
                age,
                gender,
                languages,
                nationality,
                host_country,
                departure_date,
                country_of_return,
                region,
                town,
                return_date,
                return_date_is_planned,
                return_kind,
                contact_after_return,
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
        (
            option::of(gender()),
            option::of(select(vec![
                Schooling::NotOfSchoolAge,
                Schooling::InSchool,
                Schooling::NotInSchool,
                Schooling::SchoolCompleted,
            ])),
            vulnerabilities(0..4),
        ),
    )
        .prop_map(
            |(
                id,
                relationship,
                date_of_birth,
                age,
                dependant,
                returns_with_returnee,
                (gender, schooling, vulnerabilities),
            )| {
                HouseholdMember {
                    id,
                    relationship,
                    date_of_birth,
                    age,
                    gender,
                    schooling,
                    vulnerabilities,
                    dependant,
                    returns_with_returnee,
                }
            },
        );
    let score = || option::of(0u8..=100);
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
    let needs =
        (text(), vec(priority, 0..3), (text(), text(), text()), option::of(assessment), scores())
            .prop_map(
                |(
                    aspirations,
                    priorities,
                    (economic, social, psychosocial),
                    assessment,
                    targets,
                )| {
                    Needs {
                        aspirations,
                        priorities,
                        summary: DimensionSummaries { economic, social, psychosocial },
                        assessment,
                        targets,
                    }
                },
            );
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
        package(),
        dates.clone(),
        money(amounts.clone()),
        text(),
        any::<bool>(),
        any::<bool>(),
        (any::<bool>(), od(), option::of(money(amounts)), vec(uuid(), 0..3)),
    )
        .prop_map(
            |(
                id,
                package,
                date,
                amount,
                purpose,
                paid,
                private,
                (at_departure, paid_on, paid_amount, measure_ids),
            )| Tranche {
                id,
                package,
                date,
                amount,
                purpose,
                at_departure,
                paid,
                paid_on,
                paid_amount,
                measure_ids,
                private,
                withheld: None,
            },
        );
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
        (text(), option::of(any::<bool>()), text(), od()),
    )
        .prop_map(
            |(
                id,
                organisation,
                purpose,
                measure_id,
                referred_on,
                status,
                private,
                (contact, returnee_agreed, outcome, outcome_on),
            )| Referral {
                id,
                organisation,
                purpose,
                contact,
                measure_id,
                returnee_agreed,
                referred_on,
                status,
                outcome,
                outcome_on,
                private,
                withheld: None,
            },
        );
    let follow_up = (
        uuid(),
        od(),
        option::of(any::<u32>()),
        select(vec![ContactKind::Call, ContactKind::Visit]),
        od(),
        text(),
        any::<bool>(),
        scores(),
    )
        .prop_map(
            |(id, due_date, months_after_return, kind, done_on, outcome, private, scores)| {
                FollowUp {
                    id,
                    due_date,
                    months_after_return,
                    kind,
                    done_on,
                    outcome,
                    scores,
                    private,
                    withheld: None,
                }
            },
        );
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
    let protection = protection(od().boxed());
    let signatures = (option::of(signature(dates.clone())), option::of(signature(dates.clone())))
        .prop_map(|(returnee, counsellor)| Signatures { returnee, counsellor });
    (
        (uuid(), text(), timestamp(), timestamp()),
        (case, vec(member, 0..3), needs, vec(goal, 0..3)),
        (currency(), vec(tranche, 0..3), vec(referral, 0..2), vec(follow_up, 0..3)),
        (consent, signatures, any::<bool>(), protection),
        ((text(), text()), any::<u32>(), option::of(dates)),
    )
        .prop_map(
            |(
                (id, programme_id, created_at, updated_at),
                (case, household, needs, goals),
                (currency, tranches, referrals, follow_ups),
                (consent, signatures, marked_for_partner_export, protection),
                ((name, organisation), revision, closed_on),
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
                counsellor: Counsellor { name, organisation },
                revision,
                closed_on,
                marked_for_partner_export,
                protection,
            },
        )
}

/// A screening with every kind of answer, review, referral and information day.
fn protection(od: BoxedStrategy<Option<NaiveDate>>) -> impl Strategy<Value = Protection> {
    let answer = (
        select(vec![Answer::NotAsked, Answer::Yes, Answer::No]),
        text(),
        (
            text(),
            od.clone(),
            option::of(select(vec![
                ReviewOutcome::Proceed,
                ReviewOutcome::Postpone,
                ReviewOutcome::Stop,
            ])),
            text(),
        ),
    )
        .prop_map(|(answer, note, (reviewed_by, reviewed_on, outcome, review_note))| {
            ScreeningAnswer {
                answer,
                note,
                review: ConcernReview { reviewed_by, reviewed_on, outcome, note: review_note },
            }
        });
    let referral = (
        uuid(),
        select(Question::ALL.to_vec()),
        select(vec![
            ProtectionActor::LegalCounselling,
            ProtectionActor::ProtectionService,
            ProtectionActor::ChildProtection,
            ProtectionActor::Shelter,
            ProtectionActor::Health,
        ]),
        text(),
        od.clone(),
        any::<bool>(),
        text(),
    )
        .prop_map(|(id, concern, actor, organisation, referred_on, returnee_agreed, note)| {
            ProtectionReferral {
                id,
                concern,
                actor,
                organisation,
                referred_on,
                returnee_agreed,
                note,
            }
        });
    (vec(answer, 6..=6), option::of(uuid()), vec(referral, 0..3), vec(od, 6..=6)).prop_map(
        |(answers, threatening_debt_id, referrals, days)| {
            let mut p = Protection { threatening_debt_id, referrals, ..Protection::default() };
            for (q, a) in Question::ALL.into_iter().zip(answers) {
                *p.answer_mut(q) = a;
            }
            for (item, day) in InformationItem::ALL.into_iter().zip(days) {
                p.information.set(item, day);
            }
            p
        },
    )
}

fn plan() -> impl Strategy<Value = Plan> {
    // Amounts a file may hold: within ±(2^53 - 1).
    let max = homeward_plan::money::MAX_AMOUNT_MINOR;
    plan_with(date().boxed(), any::<u32>().boxed(), (-max..=max).boxed())
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
        let text = export_json(&plan, &common::programme());
        let imported = import_json(&text, today, Some(&common::programme())).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&imported.plan, &plan);
        prop_assert_eq!(export_json(&imported.plan, &common::programme()), text);
        prop_assert_eq!(imported.findings, validate(&plan, today));
        // A partner file is a plan too, whenever one can be made.
        if let Some(recipient) = plan.consent.named_partners().next()
            && let Ok(partner) = partner_export_json(&plan, &common::programme(), recipient, today)
        {
            let imported =
                import_json(&partner, today, Some(&common::programme())).map_err(|e| TestCaseError::fail(e.to_string()))?;
            prop_assert_eq!(export_json(&imported.plan, &common::programme()), partner);
        }
    }

    /// Without consent to share special-category details, the partner file carries nothing of
    /// the safety screening but what the returnee was told before departure; with it, all.
    #[test]
    fn the_partner_file_without_consent_carries_no_protection_data(
        mut plan in plan(),
        today in date(),
    ) {
        plan.consent.share_with_partners = true;
        plan.consent.partner_organisations = vec!["Caritas".into()];
        plan.consent.share_special_category = false;
        let shared = partner_document(&plan, "Caritas", today)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        let p = &shared.protection;
        for q in Question::ALL {
            prop_assert_eq!(p.answer(q), &ScreeningAnswer::default());
        }
        prop_assert!(p.referrals.is_empty());
        prop_assert_eq!(p.threatening_debt_id, None);
        prop_assert_eq!(&p.information, &plan.protection.information);
        let text = partner_export_json(&plan, &common::programme(), "Caritas", today)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for r in &plan.protection.referrals {
            prop_assert!(!text.contains(&r.id.to_string()), "referral {} leaked", r.id);
        }
        // Every withheld answer and referral is named in the file's record.
        let withheld = shared.partner_file.map(|f| f.withheld).unwrap_or_default();
        for (i, _) in plan.protection.referrals.iter().enumerate() {
            let path = format!("/protection/referrals/{i}");
            prop_assert!(withheld.iter().any(|w| w.path == path), "{} not recorded", path);
        }
        // With consent, it is all there.
        plan.consent.share_special_category = true;
        let all = partner_document(&plan, "Caritas", today)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&all.protection, &plan.protection);
    }

    #[test]
    fn validation_never_panics(plan in extreme_plan(), today in extreme_date()) {
        let findings = validate(&plan, today);
        for f in &findings {
            prop_assert!(f.path.is_empty() || f.path.starts_with('/'));
            prop_assert!(
                VALIDATION_CODES.contains(&f.code) || protection::FINDING_CODES.contains(&f.code),
                "unlisted code {}",
                f.code
            );
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
        let _ = import_json(&text, common::today(), Some(&common::programme()));
    }

    /// Damaged real files reach deeper than random bytes: cut, byte-flipped or spliced.
    #[test]
    fn import_of_a_damaged_file_never_panics(
        cut in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        replacement in "[\\[\\]{}\":,0-9a-z\\-. ]{0,4}",
    ) {
        let text = export_json(&common::full_family_plan(), &common::programme());
        let cut = cut.index(text.len());
        let at = at.index(text.len());
        let mut damaged = text.clone();
        if text.is_char_boundary(at) {
            damaged.insert_str(at, &replacement);
        }
        let truncated = text.get(..cut).unwrap_or_default();
        for input in [damaged.as_str(), truncated] {
            match import_json(input, common::today(), Some(&common::programme())) {
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
        *seen.entry("protection concern").or_default() |= p.protection.concerns().count() > 0;
        *seen.entry("protection referral").or_default() |= !p.protection.referrals.is_empty();
    }
    assert!(seen.values().all(|v| *v), "{seen:?}");
}
