//! Properties of the partner file over generated plans. Every free text of a generated plan is
//! a unique random token, and the test decides on its own which items are private (from the
//! rules as the brief states them, not from the domain's classification), so:
//! - without consent to share special-category data, no private text appears anywhere in the
//!   partner file, and every other text does;
//! - with that consent, every text appears;
//! - no partner file can be made without consent to share, or for an organisation the consent
//!   does not name;
//! - the partner file's budget adds up to the plan's.

mod common;

use chrono::NaiveDate;
use common::generated::{SENSITIVE, generated};
use homeward_plan::budget::guidance;
use homeward_plan::interchange::{
    PartnerExportError, import_json, partner_document, partner_export_json,
};
use homeward_plan::model::*;
use homeward_plan::programme;
use proptest::prelude::*;
use serde_json::Value;

fn made_on() -> NaiveDate {
    common::date(2026, 11, 24)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn no_private_text_leaves_without_special_category_consent(
        mut g in generated(),
        pick in any::<prop::sample::Index>(),
    ) {
        g.plan.consent.share_with_partners = true;
        g.plan.consent.share_special_category = false;
        let partners = g.plan.consent.partner_organisations.clone();
        let recipient = pick.get(&partners);
        let text = partner_export_json(&g.plan, &common::programme(), recipient, made_on())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for token in &g.private {
            prop_assert!(!text.contains(token.as_str()), "private {} leaked", token);
        }
        for token in &g.public {
            prop_assert!(text.contains(token.as_str()), "shared {} missing", token);
        }
        // What is private by nature is gone too, not only its texts.
        let doc: Value = serde_json::from_str(&text).unwrap();
        prop_assert_eq!(&doc["case"]["vulnerabilities"], &serde_json::json!([]));
        prop_assert_eq!(&doc["household"][0]["vulnerabilities"], &serde_json::json!([]));
        prop_assert!(doc["needs"]["targets"]["psychosocial"].is_null());
        prop_assert_eq!(doc["needs"]["targets"]["economic"].as_u64(), Some(60));
        for f in doc["follow_ups"].as_array().into_iter().flatten() {
            prop_assert!(f["scores"]["psychosocial"].is_null());
            prop_assert_eq!(f["scores"]["economic"].as_u64(), Some(40));
        }
        if !doc["needs"]["assessment"].is_null() {
            let a = &doc["needs"]["assessment"];
            prop_assert_eq!(&a["answers"], &serde_json::json!({}));
            prop_assert!(a["baseline"]["psychosocial"].is_null());
            prop_assert!(a["baseline"]["composite"].is_null());
            let economic = g.plan.needs.assessment.as_ref().and_then(|a| a.baseline.economic);
            prop_assert_eq!(a["baseline"]["economic"].as_u64(), economic.map(u64::from));
        }
        prop_assert_eq!(doc["partner_file"]["recipient"].as_str(), Some(recipient.as_str()));
        prop_assert_eq!(&doc["partner_file"]["special_category_shared"], &Value::Bool(false));
        // And the file is a plan Homeward opens.
        prop_assert!(import_json(&text, common::today(), Some(&common::programme())).is_ok());
    }

    #[test]
    fn everything_is_shared_with_special_category_consent(mut g in generated()) {
        g.plan.consent.share_with_partners = true;
        g.plan.consent.share_special_category = true;
        let recipient = g.plan.consent.partner_organisations[0].clone();
        let text = partner_export_json(&g.plan, &common::programme(), &recipient, made_on())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        for token in g.private.iter().chain(&g.public) {
            prop_assert!(text.contains(token.as_str()), "{} missing", token);
        }
        let doc = partner_document(&g.plan, &recipient, made_on()).unwrap();
        prop_assert_eq!(Plan { partner_file: None, ..doc }, g.plan);
    }

    #[test]
    fn no_partner_file_without_consent_to_share_or_for_an_unnamed_recipient(
        g in generated(),
        stranger in "[A-Za-z ]{0,12}",
    ) {
        let named = &g.plan.consent.partner_organisations;
        let result = partner_document(&g.plan, &named[0], made_on());
        if g.plan.consent.share_with_partners {
            prop_assert!(result.is_ok());
        } else {
            prop_assert_eq!(result.unwrap_err(), PartnerExportError::NoConsentToShare);
        }
        // A name the consent does not hold is refused, whatever else the consent says.
        prop_assume!(!named.iter().any(|n| n.trim() == stranger.trim()));
        let refused = partner_document(&g.plan, &stranger, made_on()).unwrap_err();
        let refused_as_it_should = matches!(
            refused,
            PartnerExportError::NoConsentToShare | PartnerExportError::RecipientNotNamed { .. }
        );
        prop_assert!(refused_as_it_should, "{:?}", refused);
    }

    #[test]
    fn the_partner_files_budget_adds_up_to_the_plans(
        mut g in generated(),
        shared in any::<bool>(),
    ) {
        g.plan.consent.share_with_partners = true;
        g.plan.consent.share_special_category = shared;
        let recipient = g.plan.consent.partner_organisations[0].clone();
        let text = partner_export_json(&g.plan, &common::programme(), &recipient, made_on()).unwrap();
        let partner = import_json(&text, common::today(), Some(&common::programme())).unwrap().plan;
        for config in programme::presets() {
            let full = guidance(&g.plan, &config, common::today());
            let seen = guidance(&partner, &config, common::today());
            prop_assert_eq!(&full.own_contribution, &seen.own_contribution);
            prop_assert_eq!(&full.other_funding, &seen.other_funding);
            for (a, b) in full.packages.iter().zip(&seen.packages) {
                prop_assert_eq!(&a.allocated, &b.allocated);
                prop_assert_eq!(&a.by_area, &b.by_area);
                prop_assert_eq!(&a.by_modality, &b.by_modality);
                prop_assert_eq!(&a.tranches_total, &b.tranches_total);
                prop_assert_eq!(a.tranche_count, b.tranche_count);
            }
        }
        prop_assert_eq!(&partner.budget.tranches.len(), &g.plan.budget.tranches.len());
        let costs = |p: &Plan| -> Vec<_> {
            p.measures().map(|m| (m.measure.id, m.measure.estimated_cost.clone())).collect()
        };
        prop_assert_eq!(costs(&partner), costs(&g.plan));
    }
}

/// The generator reaches every case the properties are about.
#[test]
fn generated_plans_hold_private_and_shared_items_of_every_kind() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let mut runner = TestRunner::deterministic();
    let mut seen = std::collections::BTreeMap::<&str, bool>::new();
    for _ in 0..200 {
        let g = generated().new_tree(&mut runner).unwrap().current();
        let p = &g.plan;
        let mut note = |k, v: bool| *seen.entry(k).or_default() |= v;
        note(
            "sensitive type",
            p.measures().any(|m| m.measure.measure_type.is_some_and(|t| SENSITIVE.contains(&t))),
        );
        note("marked measure", p.measures().any(|m| m.measure.private));
        note("psychosocial goal", p.goals.iter().any(|g| g.dimension == Dimension::Psychosocial));
        note("marked goal", p.goals.iter().any(|g| g.private));
        note("linked referral", p.referrals.iter().any(|r| r.measure_id.is_some()));
        note("marked priority", p.needs.priorities.iter().any(|x| x.private));
        note("marked tranche", p.budget.tranches.iter().any(|x| x.private));
        note("marked debt", p.case.debts.iter().any(|x| x.private));
        note("marked follow-up", p.follow_ups.iter().any(|x| x.private));
        note(
            "shared measure",
            p.measures().any(|m| {
                !m.measure.private && m.goal.dimension != Dimension::Psychosocial && !m.goal.private
            }),
        );
        note("no consent to share", !p.consent.share_with_partners);
    }
    assert!(seen.values().all(|v| *v), "{seen:?}");
}
