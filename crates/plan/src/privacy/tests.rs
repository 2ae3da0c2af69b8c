use super::*;
use crate::model::{Plan, Vulnerability};
use uuid::Uuid;

fn goal(n: u128, dimension: Dimension, types: &[Option<MeasureType>]) -> Goal {
    let mut g = Goal::new(Uuid::from_u128(n), dimension);
    g.measures = types
        .iter()
        .enumerate()
        .map(|(i, t)| Measure {
            measure_type: *t,
            ..Measure::new(Uuid::from_u128(n * 100 + i as u128))
        })
        .collect();
    g
}

fn why(category: PrivacyCategory, reason: PrivacyReason) -> Option<Privacy> {
    Some(Privacy { category, reason })
}

#[test]
fn the_psychosocial_dimension_is_private_as_a_whole() {
    let g = goal(1, Dimension::Psychosocial, &[None, Some(MeasureType::CommunityActivities)]);
    let expected = why(PrivacyCategory::Psychosocial, PrivacyReason::PsychosocialDimension);
    assert_eq!(goal_privacy(&g), expected);
    assert_eq!(measure_privacy(&g, &g.measures[0]), expected);
    assert_eq!(measure_privacy(&g, &g.measures[1]), expected);
    assert!(expected.unwrap().by_rule());
}

#[test]
fn sensitive_types_are_private_wherever_they_are() {
    use MeasureType as T;
    let g = goal(
        2,
        Dimension::Economic,
        &[Some(T::UrgentMedicalCare), Some(T::IndividualOrFamilyCounselling), Some(T::Transport)],
    );
    assert_eq!(goal_privacy(&g), None);
    assert_eq!(
        measure_privacy(&g, &g.measures[0]),
        why(PrivacyCategory::Health, PrivacyReason::SensitiveMeasureType)
    );
    assert_eq!(
        measure_privacy(&g, &g.measures[1]),
        why(PrivacyCategory::Psychosocial, PrivacyReason::SensitiveMeasureType)
    );
    assert_eq!(measure_privacy(&g, &g.measures[2]), None);
    // In a psychosocial goal, the type still says what the data is.
    let p = goal(3, Dimension::Psychosocial, &[Some(T::MedicalCare)]);
    assert_eq!(
        measure_privacy(&p, &p.measures[0]).map(|p| p.category),
        Some(PrivacyCategory::Health)
    );
}

#[test]
fn the_counsellors_mark_makes_any_item_private_and_a_private_goal_takes_its_measures() {
    let mut g = goal(4, Dimension::Social, &[Some(MeasureType::Housing), None]);
    assert_eq!(measure_privacy(&g, &g.measures[0]), None);
    g.measures[1].private = true;
    let marked = why(PrivacyCategory::Private, PrivacyReason::MarkedPrivate);
    assert_eq!(measure_privacy(&g, &g.measures[1]), marked);
    assert!(!marked.unwrap().by_rule());
    g.private = true;
    assert_eq!(goal_privacy(&g), marked);
    let in_goal = why(PrivacyCategory::Private, PrivacyReason::InPrivateGoal);
    assert_eq!(measure_privacy(&g, &g.measures[0]), in_goal);
    assert_eq!(measure_privacy(&g, &g.measures[1]), in_goal);
    // The mark on a psychosocial goal changes nothing: it is private by rule.
    let mut p = goal(5, Dimension::Psychosocial, &[]);
    p.private = true;
    assert_eq!(goal_privacy(&p).map(|p| p.reason), Some(PrivacyReason::PsychosocialDimension));
    let priority = Priority { private: true, ..Priority::new("x") };
    assert_eq!(priority_privacy(&priority), marked);
    assert_eq!(priority_privacy(&Priority::new("x")), None);
}

#[test]
fn a_referral_follows_the_measure_it_serves() {
    let mut plan = Plan {
        goals: vec![
            goal(
                1,
                Dimension::Social,
                &[Some(MeasureType::MedicalCare), Some(MeasureType::Housing)],
            ),
            goal(2, Dimension::Psychosocial, &[None]),
        ],
        ..Plan::default()
    };
    let referral = |measure: Option<u128>, private| Referral {
        measure_id: measure.map(Uuid::from_u128),
        private,
        ..Referral::default()
    };
    let linked = |c| why(c, PrivacyReason::LinkedToPrivateMeasure);
    assert_eq!(
        referral_privacy(&plan, &referral(Some(100), false)),
        linked(PrivacyCategory::Health)
    );
    assert_eq!(
        referral_privacy(&plan, &referral(Some(200), false)),
        linked(PrivacyCategory::Psychosocial)
    );
    assert_eq!(referral_privacy(&plan, &referral(Some(101), false)), None);
    assert_eq!(referral_privacy(&plan, &referral(Some(999), false)), None);
    assert_eq!(referral_privacy(&plan, &referral(None, false)), None);
    assert_eq!(
        referral_privacy(&plan, &referral(Some(101), true)),
        why(PrivacyCategory::Private, PrivacyReason::MarkedPrivate)
    );
    plan.goals[0].measures[1].private = true;
    assert_eq!(
        referral_privacy(&plan, &referral(Some(101), false)),
        linked(PrivacyCategory::Private)
    );
}

#[test]
fn private_items_lists_every_private_item_in_document_order_with_its_path() {
    let mut plan = Plan::default();
    plan.case.health_note = "h".into();
    plan.case.vulnerabilities = vec![Vulnerability::OlderPerson];
    plan.case.debts = vec![crate::model::Debt {
        id: Uuid::from_u128(9),
        amount: crate::money::Money::major(1, crate::money::CurrencyCode::eur()),
        creditor: "c".into(),
        pressure_to_repay: Default::default(),
        private: true,
        withheld: None,
    }];
    plan.needs.priorities =
        vec![Priority::new("a"), Priority { private: true, ..Priority::new("b") }];
    plan.needs.summary.psychosocial = "p".into();
    plan.needs.summary.economic = "e".into();
    plan.goals = vec![
        goal(
            1,
            Dimension::Economic,
            &[Some(MeasureType::MicroBusiness), Some(MeasureType::MedicalCare)],
        ),
        goal(2, Dimension::Psychosocial, &[None]),
    ];
    plan.referrals =
        vec![Referral { measure_id: Some(Uuid::from_u128(101)), ..Referral::default() }];
    plan.follow_ups = vec![FollowUp::default(), FollowUp { private: true, ..FollowUp::default() }];
    let items = private_items(&plan);
    let listed: Vec<(&str, &str, &str)> =
        items.iter().map(|i| (i.path.as_str(), i.category.code(), i.kind.code())).collect();
    assert_eq!(
        listed,
        [
            ("/case/debts/0", "private", "debt"),
            ("/case/vulnerabilities", "vulnerability", "vulnerabilities"),
            ("/case/health_note", "health", "health_note"),
            ("/needs/priorities/1", "private", "priority"),
            ("/needs/summary/psychosocial", "psychosocial", "psychosocial_summary"),
            ("/goals/0/measures/1", "health", "measure"),
            ("/goals/1", "psychosocial", "goal"),
            ("/goals/1/measures/0", "psychosocial", "measure"),
            ("/referrals/0", "health", "referral"),
            ("/follow_ups/1", "private", "follow_up"),
        ]
    );
    assert_eq!(items[1].reason, PrivacyReason::SpecialCategoryField);
    assert_eq!(
        privacy_at(&plan, "/referrals/0"),
        why(PrivacyCategory::Health, PrivacyReason::LinkedToPrivateMeasure)
    );
    assert_eq!(privacy_at(&plan, "/goals/0"), None);
    assert_eq!(privacy_at(&plan, "/needs/summary/economic"), None);
}

#[test]
fn assessment_answers_and_psychosocial_scores_are_private_when_present() {
    let mut plan = Plan::default();
    let mut record = crate::model::AssessmentRecord::default();
    plan.needs.assessment = Some(record.clone());
    assert!(private_items(&plan).is_empty());
    record.answers.insert("q1".into(), 3);
    record.baseline.economic = Some(50);
    record.baseline.psychosocial = Some(40);
    record.baseline.composite = Some(45);
    plan.needs.assessment = Some(record);
    let paths: Vec<String> = private_items(&plan).into_iter().map(|i| i.path).collect();
    assert_eq!(
        paths,
        [
            "/needs/assessment/answers",
            "/needs/assessment/baseline/psychosocial",
            "/needs/assessment/baseline/composite"
        ]
    );
}

#[test]
fn every_private_item_code_is_listed() {
    let kinds = [
        PrivateItemKind::Debt(0),
        PrivateItemKind::Vulnerabilities,
        PrivateItemKind::VulnerabilityNote,
        PrivateItemKind::HealthNote,
        PrivateItemKind::Priority(0),
        PrivateItemKind::PsychosocialSummary,
        PrivateItemKind::AssessmentAnswers,
        PrivateItemKind::PsychosocialScore,
        PrivateItemKind::CompositeScore,
        PrivateItemKind::PsychosocialTarget,
        PrivateItemKind::MemberVulnerabilities(0),
        PrivateItemKind::Goal(0),
        PrivateItemKind::Measure { goal: 0, measure: 0 },
        PrivateItemKind::Tranche(0),
        PrivateItemKind::Referral(0),
        PrivateItemKind::FollowUp(0),
        PrivateItemKind::ProtectionAnswer(crate::protection::Question::ThreatOnReturn),
        PrivateItemKind::ProtectionReferral(0),
        PrivateItemKind::FollowUpPsychosocialScore(0),
    ];
    let codes: Vec<_> = kinds.iter().map(|k| k.code()).collect();
    assert_eq!(codes, PrivateItemKind::CODES);
}
