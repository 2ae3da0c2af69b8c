//! The partner export leaves out special-category data unless the returnee consented.

mod common;

use homeward_plan::interchange::{export_json, import_json, partner_export_json};
use homeward_plan::model::Vulnerability;

const SPECIAL: [&str; 8] = [
    "Type 2 diabetes",             // case.health_note
    "out of school for two years", // case.vulnerability_note
    "ashamed towards the family",  // needs.summary.psychosocial
    "serious_health_condition",    // health-related vulnerability
    "came to her mother's house",  // protection.creditor_threats.note
    "Mediation agreed",            // protection.creditor_threats.review.note
    "juristes sénégalaises",       // protection.referrals[0].organisation
    "legal_counselling",           // protection.referrals[0].actor
];

#[test]
fn with_consent_the_partner_gets_everything() {
    let plan = common::full_family_plan();
    assert!(plan.consent.share_special_category);
    let text = partner_export_json(&plan);
    assert_eq!(text, export_json(&plan));
    for s in SPECIAL {
        assert!(text.contains(s), "{s}");
    }
}

#[test]
fn without_consent_special_category_data_is_left_out() {
    let mut plan = common::full_family_plan();
    plan.consent.share_special_category = false;
    let text = partner_export_json(&plan);
    for s in SPECIAL {
        assert!(!text.contains(s), "{s} leaked");
    }
    let shared = import_json(&text, common::today()).expect("partner export imports").plan;
    assert_eq!(shared.case.health_note, "");
    assert_eq!(shared.case.vulnerability_note, "");
    assert_eq!(shared.case.vulnerabilities, [Vulnerability::SingleParent, Vulnerability::Other]);
    assert_eq!(shared.needs.summary.psychosocial, "");
    let a = shared.needs.assessment.as_ref().unwrap();
    assert!(a.answers.is_empty());
    assert_eq!((a.baseline.psychosocial, a.baseline.composite), (None, None));
    // What the partner needs to deliver the support stays.
    let original = plan.needs.assessment.as_ref().unwrap();
    assert_eq!(a.baseline.economic, original.baseline.economic);
    assert_eq!(shared.goals, plan.goals);
    assert_eq!(shared.budget, plan.budget);
    assert_eq!(shared.needs.summary.economic, plan.needs.summary.economic);
    // The safety screening is withheld, what the returnee was told stays.
    assert_eq!(
        shared.protection.creditor_threats.answer,
        homeward_plan::protection::Answer::NotAsked
    );
    assert!(shared.protection.referrals.is_empty());
    assert_eq!(shared.protection.information, plan.protection.information);
    // The plan on screen is untouched.
    assert!(plan.case.health_note.contains("diabetes"));
}
