//! Plans with every field generated: [`plan`] as a file may hold them, [`extreme_plan`] with
//! values at the limits, for the never-panics properties.

use chrono::NaiveDate;
use homeward_plan::assessment::Scores;
use homeward_plan::model::*;
use proptest::collection::{btree_map, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;

use crate::common::strategies::{gender, package, vulnerabilities};
use crate::parts::{
    currency, date, extreme_date, measure, money, protection, return_contact, scores, signature,
    text, timestamp, uuid,
};

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

pub fn plan() -> impl Strategy<Value = Plan> {
    // Amounts a file may hold: within ±(2^53 - 1).
    let max = homeward_plan::money::MAX_AMOUNT_MINOR;
    plan_with(date().boxed(), any::<u32>().boxed(), (-max..=max).boxed())
}

pub fn extreme_plan() -> impl Strategy<Value = Plan> {
    plan_with(
        extreme_date().boxed(),
        prop_oneof![Just(0u32), Just(121), Just(u32::MAX), any::<u32>()].boxed(),
        prop_oneof![Just(i64::MIN), Just(i64::MAX), Just(-1i64), any::<i64>()].boxed(),
    )
}
