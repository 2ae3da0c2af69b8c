//! Properties over generated plans and inputs:
//! - export then import gives the same plan (and the same bytes);
//! - import of any bytes returns a plan or an error, never panics;
//! - validation and completeness never panic, even on extreme values.

mod common;
#[path = "properties/parts.rs"]
mod parts;
#[path = "properties/plans.rs"]
mod plans;

use std::collections::BTreeMap;

use homeward_plan::interchange::{
    ImportError, export_json, import_json, partner_document, partner_export_json,
};
use homeward_plan::model::*;
use homeward_plan::protection::{self, Question, ScreeningAnswer};
use homeward_plan::validate::{
    COMPLETENESS_CODES, VALIDATION_CODES, completeness, missing_for_completeness, validate,
};
use proptest::collection::vec;
use proptest::prelude::*;

use parts::{date, extreme_date};
use plans::{extreme_plan, plan};

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
