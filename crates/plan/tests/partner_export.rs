//! The partner file follows the returnee's consent: refused without consent to share or for an
//! organisation the consent does not name; without consent to share special-category data,
//! every private item is withheld while the budget stays whole.

mod common;

use homeward_plan::interchange::{
    PartnerExportError, export_json, import_json, partner_document, partner_export_json,
    partner_file_name, partner_recipients,
};
use homeward_plan::model::{PrivacyCategory, Vulnerability};

/// Special-category texts of the family plan, and where they are.
const SPECIAL: [&str; 10] = [
    "Type 2 diabetes",                             // case.health_note
    "out of school for two years",                 // case.vulnerability_note
    "ashamed towards the family",                  // needs.summary.psychosocial
    "Treatment for my diabetes",                   // a priority marked private
    "Money lender in Mbour",                       // a debt marked private
    "Diabetes care: consultations",                // a measure of type medical care
    "Diabetes follow-up",                          // the referral for it
    "Feel at ease with the family",                // the psychosocial goal
    "Women's savings group",                       // a measure of the psychosocial goal
    "Centre de santé mentale\",\n      \"purpose", // the referral to it, as organisation
];

fn made_on() -> chrono::NaiveDate {
    common::date(2026, 11, 24)
}

#[test]
fn with_consent_the_partner_gets_everything_and_the_file_names_its_recipient() {
    let plan = common::full_family_plan();
    assert!(plan.consent.share_special_category);
    let text = partner_export_json(&plan, " Caritas Sénégal ", made_on()).unwrap();
    for s in SPECIAL {
        assert!(text.contains(s), "{s}");
    }
    let doc = partner_document(&plan, "Caritas Sénégal", made_on()).unwrap();
    let record = doc.partner_file.as_ref().unwrap();
    assert_eq!(record.recipient, "Caritas Sénégal");
    assert_eq!(record.made_on, made_on());
    assert!(record.special_category_shared);
    assert!(record.withheld.is_empty());
    // Apart from the record, the file is the plan.
    assert_eq!(homeward_plan::model::Plan { partner_file: None, ..doc }, plan);
    let imported = import_json(&text, common::today()).unwrap();
    assert_eq!(imported.plan.partner_file.as_ref(), Some(record));
    assert_eq!(export_json(&imported.plan), text);
}

#[test]
fn without_special_category_consent_every_private_item_is_withheld() {
    let mut plan = common::full_family_plan();
    plan.consent.share_special_category = false;
    let text = partner_export_json(&plan, "Centre de santé mentale", made_on()).unwrap();
    for s in SPECIAL {
        assert!(!text.contains(s), "{s} leaked");
    }
    assert!(!text.contains("serious_health_condition"));
    let shared = import_json(&text, common::today()).expect("the partner file imports").plan;
    assert_eq!(shared.case.health_note, PrivacyCategory::Health.withheld_label());
    assert_eq!(shared.case.vulnerability_note, PrivacyCategory::Vulnerability.withheld_label());
    assert_eq!(shared.case.vulnerabilities, Vec::<Vulnerability>::new());
    assert_eq!(shared.needs.summary.psychosocial, PrivacyCategory::Psychosocial.withheld_label());
    let a = shared.needs.assessment.as_ref().unwrap();
    assert!(a.answers.is_empty());
    assert_eq!((a.baseline.psychosocial, a.baseline.composite), (None, None));
    let original = plan.needs.assessment.as_ref().unwrap();
    assert_eq!(a.baseline.economic, original.baseline.economic);
    // Withheld items keep everything but their texts, and say why.
    let diabetes = &shared.goals[1].measures[5];
    let source = &plan.goals[1].measures[5];
    assert_eq!(diabetes.withheld, Some(PrivacyCategory::Health));
    assert_eq!(diabetes.description, "Health support, details withheld");
    assert_eq!(diabetes.provider, "Health support, details withheld");
    assert_eq!(
        (diabetes.id, diabetes.measure_type, diabetes.estimated_cost.clone(), diabetes.term),
        (source.id, source.measure_type, source.estimated_cost.clone(), source.term)
    );
    assert_eq!((diabetes.start_date, diabetes.due_date), (source.start_date, source.due_date));
    assert_eq!(diabetes.modality, source.modality);
    assert_eq!(shared.goals[2].withheld, Some(PrivacyCategory::Psychosocial));
    assert_eq!(shared.goals[2].dimension, plan.goals[2].dimension);
    assert_eq!(shared.referrals[0].withheld, Some(PrivacyCategory::Health));
    assert_eq!(shared.referrals[0].measure_id, plan.referrals[0].measure_id);
    assert_eq!(shared.needs.priorities[2].withheld, Some(PrivacyCategory::Private));
    assert_eq!(shared.case.debts[1].amount, plan.case.debts[1].amount);
    assert_eq!(shared.case.debts[1].withheld, Some(PrivacyCategory::Private));
    // What is not private is shared as it is.
    assert_eq!(shared.goals[0], plan.goals[0]);
    assert_eq!(shared.needs.priorities[0], plan.needs.priorities[0]);
    assert_eq!(shared.case.debts[0], plan.case.debts[0]);
    assert_eq!(shared.budget, plan.budget);
    assert_eq!(shared.needs.summary.economic, plan.needs.summary.economic);
    let record = shared.partner_file.as_ref().unwrap();
    assert!(!record.special_category_shared);
    assert!(record.withheld.iter().any(|w| w.path == "/goals/1/measures/5"));
    // The plan on screen is untouched.
    assert!(plan.case.health_note.contains("diabetes"));
}

#[test]
fn no_partner_file_without_consent_or_for_an_organisation_the_consent_does_not_name() {
    let mut plan = common::full_family_plan();
    assert_eq!(partner_recipients(&plan).unwrap(), ["Caritas Sénégal", "Centre de santé mentale"]);
    let err = partner_document(&plan, "Somebody else", made_on()).unwrap_err();
    assert_eq!(err, PartnerExportError::RecipientNotNamed { recipient: "Somebody else".into() });
    assert_eq!(err.code(), "recipient_not_named");
    assert_eq!(partner_document(&plan, "", made_on()).unwrap_err().code(), "recipient_not_named");
    plan.consent.share_with_partners = false;
    let err = partner_export_json(&plan, "Caritas Sénégal", made_on()).unwrap_err();
    assert_eq!(err, PartnerExportError::NoConsentToShare);
    assert_eq!(err.path(), "/consent/share_with_partners");
    plan.consent.share_with_partners = true;
    plan.consent.partner_organisations = vec!["  ".into()];
    assert_eq!(partner_recipients(&plan), Err(PartnerExportError::NoPartnerNamed));
    assert_eq!(
        partner_document(&plan, "  ", made_on()).unwrap_err(),
        PartnerExportError::NoPartnerNamed
    );
    for code in PartnerExportError::CODES {
        assert!(code.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
    }
}

#[test]
fn the_partner_file_is_deterministic_and_named_after_the_plan() {
    let mut plan = common::full_family_plan();
    plan.consent.share_special_category = false;
    let a = partner_export_json(&plan, "Caritas Sénégal", made_on()).unwrap();
    assert_eq!(a, partner_export_json(&plan.clone(), "Caritas Sénégal", made_on()).unwrap());
    assert_ne!(a, partner_export_json(&plan, "Caritas Sénégal", common::today()).unwrap());
    assert_eq!(partner_file_name(&plan), "homeward-plan-SN-2026-0147-2026-11-23-partner.json");
}
