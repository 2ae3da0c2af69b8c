//! Strategies for the values and parts of a plan, put together in `plans.rs`: dates, texts,
//! money, measures, signatures, the safety screening.

use chrono::{DateTime, NaiveDate, Utc};
use homeward_plan::catalogue::MeasureType;
use homeward_plan::model::*;
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::protection::{
    Answer, ConcernReview, InformationItem, Protection, ProtectionActor, ProtectionReferral,
    Question, ReviewOutcome, ScreeningAnswer,
};
use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use uuid::Uuid;

use crate::common::strategies::{funding, modality, term};

/// Dates the file format writes as `YYYY-MM-DD` (four-digit years).
pub fn date() -> impl Strategy<Value = NaiveDate> {
    (1000i32..=9999, 1u32..=366).prop_map(|(y, d)| {
        NaiveDate::from_yo_opt(y, d).or_else(|| NaiveDate::from_yo_opt(y, 365)).unwrap()
    })
}

/// Any date chrono can hold, for the never-panics properties.
pub fn extreme_date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![
        date(),
        Just(NaiveDate::MIN),
        Just(NaiveDate::MAX),
        (-262_000i32..=262_000, 1u32..=365)
            .prop_map(|(y, d)| NaiveDate::from_yo_opt(y, d).unwrap()),
    ]
}

pub fn timestamp() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..=253_402_300_799, 0u32..1_000_000_000)
        .prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap())
}

pub fn uuid() -> impl Strategy<Value = Uuid> {
    any::<[u8; 16]>().prop_map(|b| uuid::Builder::from_random_bytes(b).into_uuid())
}

pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        any::<String>(),
        "[a-zA-Z0-9 éàç\u{0600}-\u{06FF}\"\\\\/]{0,30}"
    ]
}

pub fn currency() -> impl Strategy<Value = CurrencyCode> {
    prop_oneof![Just(CurrencyCode::eur()), "[A-Z]{3}".prop_map(|c| CurrencyCode::new(&c).unwrap())]
}

pub fn money(amount: impl Strategy<Value = i64>) -> impl Strategy<Value = Money> {
    (amount, currency()).prop_map(|(a, c)| Money::new(a, c))
}

pub fn measure(
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

pub fn line_item(amounts: BoxedStrategy<i64>) -> impl Strategy<Value = LineItem> {
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

pub fn scores() -> impl Strategy<Value = DimensionScores> {
    (option::of(any::<u8>()), option::of(0u8..=100), option::of(0u8..=100)).prop_map(
        |(economic, social, psychosocial)| DimensionScores { economic, social, psychosocial },
    )
}

pub fn return_contact() -> impl Strategy<Value = ReturnContact> {
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

pub fn signature(dates: BoxedStrategy<NaiveDate>) -> impl Strategy<Value = Signature> {
    let method = prop_oneof![
        (any::<u32>(), any::<u32>(), vec(vec(any::<[i32; 2]>(), 0..5), 0..3))
            .prop_map(|(width, height, strokes)| SignatureMethod::Drawn { width, height, strokes }),
        text().prop_map(|name| SignatureMethod::Typed { name }),
    ];
    (method, dates).prop_map(|(method, signed_on)| Signature { method, signed_on })
}

/// A screening with every kind of answer, review, referral and information day.
pub fn protection(od: BoxedStrategy<Option<NaiveDate>>) -> impl Strategy<Value = Protection> {
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
