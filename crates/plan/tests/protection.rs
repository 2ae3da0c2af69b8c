//! Safety on return: every screening answer and what it asks for, the review that unblocks the
//! agreement, the creditor's threats tied to a debt, questions the case calls for, and the
//! programme's limited or suspended regions with and without a region.

mod common;

use common::{date, id, today};
use homeward_plan::finding::{Finding, Param, Severity};
use homeward_plan::model::*;
use homeward_plan::programme::{RestrictionLevel, ReturnRestriction};
use homeward_plan::protection::*;
use homeward_plan::validate::validate;

fn with_answer(q: Question, answer: Answer) -> Plan {
    let mut plan = Plan::default();
    plan.protection.answer_mut(q).answer = answer;
    plan
}

fn codes(findings: &[Finding]) -> Vec<&'static str> {
    findings.iter().map(|f| f.code).collect()
}

fn recorded_review(outcome: ReviewOutcome) -> ConcernReview {
    ConcernReview {
        reviewed_by: "Counsellor K.".into(),
        reviewed_on: Some(date(2026, 11, 20)),
        outcome: Some(outcome),
        note: String::new(),
    }
}

fn agreed_referral(n: u128, q: Question) -> ProtectionReferral {
    ProtectionReferral {
        organisation: "Legal aid clinic".into(),
        returnee_agreed: true,
        ..ProtectionReferral::new(id(n), q)
    }
}

#[test]
fn every_yes_is_an_error_that_names_the_concern() {
    for q in Question::ALL {
        let plan = with_answer(q, Answer::Yes);
        let findings: Vec<_> = protection_findings(&plan, today())
            .into_iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        assert_eq!(codes(&findings), ["protection_concern_without_referral_and_review"], "{q:?}");
        let f = &findings[0];
        assert_eq!(f.severity, Severity::Error);
        assert_eq!(f.path, format!("/protection/{}", q.code()));
        assert_eq!(f.param("concern"), Some(&Param::Text(q.code().to_owned())));
        assert_eq!(open_concerns(&plan), [q]);
        assert!(!may_sign(&plan));
        // The same findings come with the plan's validation, so import and export see them.
        assert!(validate(&plan, today()).contains(f));
    }
}

#[test]
fn no_and_not_asked_are_no_concern() {
    for q in Question::ALL {
        for answer in [Answer::No, Answer::NotAsked] {
            let plan = with_answer(q, answer);
            assert_eq!(protection_findings(&plan, today()), [], "{q:?} {answer:?}");
            assert!(may_sign(&plan));
        }
    }
}

#[test]
fn a_referral_and_a_recorded_review_unblock_the_agreement() {
    let q = Question::ThreatOnReturn;
    let mut plan = with_answer(q, Answer::Yes);
    plan.protection.referrals.push(agreed_referral(1, q));
    assert_eq!(codes(&protection_findings(&plan, today())), ["protection_concern_without_review"]);
    assert!(!may_sign(&plan));

    // A review is recorded only with who, when and the outcome.
    let full = recorded_review(ReviewOutcome::Proceed);
    for incomplete in [
        ConcernReview { reviewed_by: "  ".into(), ..full.clone() },
        ConcernReview { reviewed_on: None, ..full.clone() },
        ConcernReview { outcome: None, ..full.clone() },
    ] {
        plan.protection.threat_on_return.review = incomplete;
        assert!(!may_sign(&plan));
    }
    plan.protection.threat_on_return.review = full;
    assert_eq!(protection_findings(&plan, today()), []);
    assert!(may_sign(&plan));
    assert!(open_concerns(&plan).is_empty());

    // A review without a referral still leaves the concern open.
    plan.protection.referrals.clear();
    assert_eq!(
        codes(&protection_findings(&plan, today())),
        ["protection_concern_without_referral"]
    );
    assert!(!may_sign(&plan));

    // A referral for another concern does not count.
    plan.protection.referrals.push(agreed_referral(2, Question::FearOfPersecution));
    assert!(!may_sign(&plan));
}

#[test]
fn signatures_given_while_a_concern_is_open_are_errors() {
    let mut plan = with_answer(Question::FearOfPersecution, Answer::Yes);
    let signed = Signature {
        method: SignatureMethod::Typed { name: "A".into() },
        signed_on: date(2026, 11, 23),
    };
    plan.signatures.counsellor = Some(signed.clone());
    let findings = protection_findings(&plan, today());
    let agreed: Vec<_> = findings.iter().filter(|f| f.code == "agreed_with_open_concern").collect();
    assert_eq!(agreed.len(), 1);
    assert_eq!(agreed[0].path, "/signatures/counsellor");
    assert_eq!(agreed[0].severity, Severity::Error);
    plan.signatures.returnee = Some(signed);
    plan.protection.referrals.push(agreed_referral(1, Question::FearOfPersecution));
    plan.protection.fear_of_persecution.review = recorded_review(ReviewOutcome::Proceed);
    assert_eq!(protection_findings(&plan, today()), []);
}

#[test]
fn a_review_that_postpones_or_stops_says_so() {
    let q = Question::RiskOfExploitation;
    let mut plan = with_answer(q, Answer::Yes);
    plan.protection.referrals.push(agreed_referral(1, q));
    for (outcome, code) in [(ReviewOutcome::Postpone, "postpone"), (ReviewOutcome::Stop, "stop")] {
        plan.protection.risk_of_exploitation.review = recorded_review(outcome);
        let findings = protection_findings(&plan, today());
        assert_eq!(codes(&findings), ["protection_review_not_proceed"]);
        assert_eq!(findings[0].severity, Severity::Warning);
        assert_eq!(findings[0].path, "/protection/risk_of_exploitation/review/outcome");
        assert_eq!(findings[0].param("review_outcome"), Some(&Param::Text(code.into())));
        assert!(may_sign(&plan), "the decision is recorded: the plan may be signed");
    }
}

#[test]
fn a_referral_without_the_returnees_agreement_is_a_warning() {
    let q = Question::HealthCareUnavailable;
    let mut plan = with_answer(q, Answer::Yes);
    plan.protection.referrals.push(ProtectionReferral::new(id(1), q));
    plan.protection.health_care_unavailable.review = recorded_review(ReviewOutcome::Proceed);
    let findings = protection_findings(&plan, today());
    assert_eq!(codes(&findings), ["protection_referral_not_agreed"]);
    assert_eq!(findings[0].path, "/protection/referrals/0/returnee_agreed");
    plan.protection.referrals[0].returnee_agreed = true;
    assert_eq!(protection_findings(&plan, today()), []);
}

fn debt(n: u128, pressure: PressureLevel) -> Debt {
    Debt {
        id: id(n),
        amount: common::eur(500),
        creditor: "Lender".into(),
        pressure_to_repay: pressure,
        private: false,
        withheld: None,
    }
}

#[test]
fn a_creditors_threats_name_a_debt_under_high_pressure() {
    let q = Question::CreditorThreats;
    let mut plan = with_answer(q, Answer::Yes);
    plan.protection.referrals.push(agreed_referral(1, q));
    plan.protection.creditor_threats.review = recorded_review(ReviewOutcome::Proceed);
    assert_eq!(codes(&protection_findings(&plan, today())), ["creditor_threat_debt_missing"]);

    plan.case.debts = vec![debt(10, PressureLevel::Low), debt(11, PressureLevel::Medium)];
    plan.protection.threatening_debt_id = Some(id(99));
    assert_eq!(codes(&protection_findings(&plan, today())), ["creditor_threat_debt_missing"]);

    plan.protection.threatening_debt_id = Some(id(11));
    let findings = protection_findings(&plan, today());
    assert_eq!(codes(&findings), ["creditor_threat_pressure_not_high"]);
    assert_eq!(findings[0].path, "/case/debts/1/pressure_to_repay");

    plan.case.debts[1].pressure_to_repay = PressureLevel::High;
    assert_eq!(protection_findings(&plan, today()), []);
}

#[test]
fn questions_the_case_calls_for_are_asked() {
    let mut plan = Plan::default();
    plan.case.debts = vec![debt(10, PressureLevel::High)];
    plan.case.vulnerabilities =
        vec![Vulnerability::SeriousHealthCondition, Vulnerability::SurvivorOfTraffickingOrViolence];
    plan.case.age = Some(16);
    let findings = protection_findings(&plan, today());
    assert_eq!(
        codes(&findings),
        [
            "creditor_threats_not_asked",
            "exploitation_risk_not_asked",
            "health_care_not_asked",
            "child_care_not_asked",
        ]
    );
    assert!(findings.iter().all(|f| f.severity == Severity::Warning));
    assert_eq!(findings[0].path, "/protection/creditor_threats/answer");
    for q in Question::ALL {
        plan.protection.answer_mut(q).answer = Answer::No;
    }
    assert_eq!(protection_findings(&plan, today()), []);

    // A child returning with an adult returnee calls for the question too.
    let mut family = Plan::default();
    family.case.age = Some(40);
    assert_eq!(protection_findings(&family, today()), []);
    family.household.push(HouseholdMember {
        id: id(5),
        age: Some(7),
        returns_with_returnee: true,
        ..Default::default()
    });
    assert_eq!(codes(&protection_findings(&family, today())), ["child_care_not_asked"]);
    family.household[0].returns_with_returnee = false;
    assert_eq!(protection_findings(&family, today()), []);
}

fn restriction(level: RestrictionLevel, region: Option<&str>) -> ReturnRestriction {
    ReturnRestriction {
        country: "ML".into(),
        region: region.map(str::to_owned),
        level,
        since: date(2026, 3, 1),
        source: "UNHCR, International Protection Considerations, 2026".into(),
    }
}

fn returning_to(country: &str, region: &str) -> Plan {
    let mut plan = Plan::default();
    plan.case.country_of_return = country.into();
    plan.case.region = region.into();
    plan
}

#[test]
fn a_suspended_region_is_an_error_with_its_source() {
    let rules = [restriction(RestrictionLevel::Suspended, Some("Mopti"))];
    let findings = restriction_findings(&returning_to("ML", "mopti"), &rules);
    assert_eq!(codes(&findings), ["return_suspended_to_region"]);
    let f = &findings[0];
    assert_eq!(f.severity, Severity::Error);
    assert_eq!(f.path, "/case/region");
    assert_eq!(f.param("region"), Some(&Param::Text("Mopti".into())));
    assert_eq!(f.param("country"), Some(&Param::Text("ML".into())));
    assert_eq!(f.param("since"), Some(&Param::Date(date(2026, 3, 1))));
    assert_eq!(f.param("source"), Some(&Param::Text(rules[0].source.clone())));
    assert_eq!(restriction_findings(&returning_to("ML", "Kayes"), &rules), []);
    assert_eq!(restriction_findings(&returning_to("ML", ""), &rules), []);
    assert_eq!(restriction_findings(&returning_to("SN", "Mopti"), &rules), []);
}

#[test]
fn a_suspension_without_a_region_covers_the_whole_country() {
    let rules = [restriction(RestrictionLevel::Suspended, None)];
    for region in ["", "Kayes", "Mopti"] {
        let findings = restriction_findings(&returning_to("ML", region), &rules);
        assert_eq!(codes(&findings), ["return_suspended_to_country"], "{region}");
        assert_eq!(findings[0].path, "/case/country_of_return");
        assert_eq!(findings[0].param("region"), None);
        assert_eq!(findings[0].param("source"), Some(&Param::Text(rules[0].source.clone())));
    }
    assert_eq!(restriction_findings(&returning_to("SN", "Kayes"), &rules), []);
}

#[test]
fn a_limited_return_is_a_warning() {
    let rules = [
        restriction(RestrictionLevel::Limited, None),
        restriction(RestrictionLevel::Limited, Some("Gao")),
    ];
    let findings = restriction_findings(&returning_to("ML", "Gao"), &rules);
    assert_eq!(codes(&findings), ["return_limited_to_country", "return_limited_to_region"]);
    assert!(findings.iter().all(|f| f.severity == Severity::Warning));
    assert_eq!(restriction_findings(&returning_to("ML", "Gao"), &[]), []);
}

#[test]
fn the_full_family_plan_has_heeded_its_concern() {
    let plan = common::full_family_plan();
    assert_eq!(plan.protection.concerns().collect::<Vec<_>>(), [Question::CreditorThreats]);
    assert_eq!(protection_findings(&plan, today()), []);
    assert!(may_sign(&plan));
}

#[test]
fn a_version_1_file_opens_with_nothing_asked() {
    let text = common::read_v1_fixture("plan-family-full.json");
    assert!(!text.contains("\"protection\""));
    let imported = homeward_plan::interchange::import_json(&text, today(), None).expect("opens");
    assert_eq!(imported.migrated_from, Some(1));
    assert_eq!(imported.plan.protection, Protection::default());
    for q in Question::ALL {
        assert_eq!(imported.plan.protection.answer(q).answer, Answer::NotAsked);
    }
}

#[test]
fn the_screening_is_private_by_rule_and_withheld_without_consent() {
    use homeward_plan::interchange::{partner_document, partner_export_json};
    use homeward_plan::privacy::{PrivacyReason, PrivateItemKind, private_items};
    let mut plan = common::full_family_plan();
    let items = private_items(&plan);
    let protection: Vec<_> = items.iter().filter(|i| i.path.starts_with("/protection")).collect();
    // Every question was asked in the family plan, and one referral was made.
    assert_eq!(protection.len(), Question::ALL.len() + 1);
    assert!(protection.iter().all(|i| i.reason == PrivacyReason::SpecialCategoryField));
    let health = protection
        .iter()
        .find(|i| i.kind == PrivateItemKind::ProtectionAnswer(Question::HealthCareUnavailable))
        .unwrap();
    assert_eq!(health.category, PrivacyCategory::Health);
    assert_eq!(health.path, "/protection/health_care_unavailable");
    let referral = protection.last().unwrap();
    assert_eq!(referral.path, "/protection/referrals/0");
    assert_eq!(referral.category, PrivacyCategory::Vulnerability);
    // Nothing asked, nothing private.
    assert!(private_items(&Plan::default()).is_empty());

    plan.consent.share_special_category = false;
    let recipient = plan.consent.partner_organisations[0].clone();
    let text = partner_export_json(
        &plan,
        &homeward_plan::programme::default_preset(),
        &recipient,
        today(),
    )
    .unwrap();
    for secret in [
        "came to her mother's house",
        "Mediation agreed",
        "juristes sénégalaises",
        "No one in Mbour wishes her harm",
        "\"yes\"",
        "M. Ndiaye, counsellor",
    ] {
        assert!(!text.contains(secret), "{secret} leaked");
    }
    let shared = partner_document(&plan, &recipient, today()).unwrap();
    assert_eq!(shared.protection.creditor_threats, ScreeningAnswer::default());
    assert_eq!(shared.protection.threatening_debt_id, None);
    assert!(shared.protection.referrals.is_empty());
    assert_eq!(shared.protection.information, plan.protection.information);
    let withheld = shared.partner_file.unwrap().withheld;
    assert!(withheld.iter().any(|w| w.path == "/protection/creditor_threats"));
    assert!(withheld.iter().any(|w| w.path == "/protection/referrals/0"));
    // Only to an organisation the consent names.
    assert!(partner_document(&plan, "Someone else", today()).is_err());

    // With consent, the named organisation gets it all.
    plan.consent.share_special_category = true;
    let shared = partner_document(&plan, &recipient, today()).unwrap();
    assert_eq!(shared.protection, plan.protection);
}
