//! The translations cover everything the domain can say: every finding code, import error,
//! configuration error and refused edit has a text, every enumeration value the interface shows
//! has a label, and every finding's text uses exactly the parameters the domain gives it. The
//! domain is the source of truth: codes come from its lists (`finding::codes()`, each error's
//! `CODES`, each code enumeration's `ALL`), and parameters from its samples, the real rules run
//! on plans crafted so that each of them speaks.

use std::collections::{BTreeMap, BTreeSet};

use homeward_plan::budget::{PersonCategory, TrancheEditError};
use homeward_plan::catalogue::{BudgetArea, MeasureType};
use homeward_plan::code::Code;
use homeward_plan::finding::{self, Finding, Param};
use homeward_plan::interchange::{ImportError, PartnerExportError};
use homeward_plan::model::*;
use homeward_plan::money::AmountError;
use homeward_plan::privacy::{PrivacyReason, PrivateItemKind};
use homeward_plan::programme::{self, ConfigError};
use homeward_plan::protection::{
    Answer, InformationItem, ProtectionActor, Question, ReviewOutcome,
};
use homeward_plan::samples;

use super::format;
use super::{Lang, has_key, keys, t};

fn is_code(text: &str) -> bool {
    !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

#[test]
fn every_finding_code_has_a_text() {
    let missing: Vec<_> = finding::codes().filter(|c| !has_key(&format!("finding.{c}"))).collect();
    assert!(missing.is_empty(), "finding texts missing: {missing:?}");
}

/// A refused amount or count says why in every language.
#[test]
fn every_amount_error_has_a_text() {
    for code in AmountError::codes() {
        let key = format!("amount_error.{code}");
        assert!(has_key(&key), "{key} missing");
    }
}

/// A refused change to the payment schedule says why.
#[test]
fn every_refused_schedule_edit_has_a_text_without_parameters() {
    for code in TrancheEditError::codes() {
        let key = format!("tranche_edit.{code}");
        assert!(has_key(&key), "{key} missing");
        assert!(placeholders(&t(Lang::En, &key)).is_empty(), "{key} has parameters");
    }
}

#[test]
fn every_import_error_has_a_text_with_only_the_parameters_it_has() {
    for code in ImportError::CODES {
        let key = format!("import_error.{code}");
        assert!(has_key(&key), "{key} missing");
        let allowed: &[&str] = match *code {
            "not_json" => &["line", "column"],
            "invalid_field" => &["path"],
            _ => &[],
        };
        let used = placeholders(&t(Lang::En, &key));
        assert!(used.iter().all(|p| allowed.contains(&p.as_str())), "{key} uses {used:?}");
    }
}

#[test]
fn every_partner_export_error_has_a_text_without_parameters() {
    for code in PartnerExportError::CODES {
        let key = format!("partner_error.{code}");
        assert!(has_key(&key), "{key} missing");
        assert!(placeholders(&t(Lang::En, &key)).is_empty(), "{key} has parameters");
    }
}

#[test]
fn every_config_error_has_a_text_naming_at_most_the_path() {
    let mut codes: BTreeSet<&str> = ConfigError::CODES.iter().copied().collect();
    // Errors the reader really produces, in case the list ever drifts.
    for broken in ["{", "{}", r#"{"id": "x", "nonsense": 1}"#] {
        if let Err(e) = programme::parse_config(broken) {
            codes.insert(e.code());
        }
    }
    assert!(codes.len() >= 20, "{codes:?}");
    for code in codes {
        let key = format!("config_error.{code}");
        assert!(has_key(&key), "{key} missing");
        let used = placeholders(&t(Lang::En, &key));
        assert!(used.iter().all(|p| p == "path"), "{key} uses {used:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// Labels of enumeration values.

/// The code of every value of a code enumeration of the domain.
fn codes<T: Code>() -> Vec<String> {
    T::codes().map(str::to_owned).collect()
}

/// Each kind of label, with the code of every value it has.
fn label_kinds() -> BTreeMap<&'static str, Vec<String>> {
    let mut kinds = BTreeMap::new();
    kinds.insert("gender", codes::<Gender>());
    kinds.insert("return_kind", codes::<ReturnKind>());
    kinds.insert("document_kind", codes::<DocumentKind>());
    kinds.insert("pressure_level", codes::<PressureLevel>());
    kinds.insert("vulnerability", codes::<Vulnerability>());
    kinds.insert("relationship", codes::<Relationship>());
    kinds.insert("dimension", codes::<Dimension>());
    kinds.insert("area", codes::<BudgetArea>());
    kinds.insert("measure_type", codes::<MeasureType>());
    kinds.insert("term", codes::<Term>());
    kinds.insert("responsible", codes::<Responsible>());
    kinds.insert("modality", codes::<Modality>());
    kinds.insert("funding_source", codes::<FundingSource>());
    kinds.insert("measure_status", codes::<MeasureStatus>());
    kinds.insert("package", codes::<Package>());
    kinds.insert("referral_status", codes::<ReferralStatus>());
    kinds.insert("contact_kind", codes::<ContactKind>());
    kinds.insert("contact_way", codes::<ContactWay>());
    kinds.insert("schooling", codes::<Schooling>());
    kinds.insert(
        "plan_state",
        homeward_plan::progress::PlanState::ALL.iter().map(|s| s.code().to_owned()).collect(),
    );
    // A referral's agreement: yes or no (not asked is the empty choice).
    kinds.insert("agreed", ["true", "false"].map(str::to_owned).to_vec());
    kinds.insert("privacy_category", codes::<PrivacyCategory>());
    kinds.insert("privacy_reason", codes::<PrivacyReason>());
    kinds.insert("private_item", PrivateItemKind::CODES.iter().map(|c| (*c).to_owned()).collect());
    kinds.insert("person_category", codes::<PersonCategory>());
    // Signers and consent items are codes only in findings' parameters (see `validate.rs`),
    // and the two fields of `Signatures` and the four elements of `Consent::informed`.
    kinds.insert("signer", ["returnee", "counsellor"].map(str::to_owned).to_vec());
    kinds.insert(
        "item",
        ["no_pressure", "information_received", "time_to_consider", "right_to_withdraw_explained"]
            .map(str::to_owned)
            .to_vec(),
    );
    kinds.insert("concern", codes::<Question>());
    kinds.insert("answer", codes::<Answer>());
    kinds.insert("review_outcome", codes::<ReviewOutcome>());
    kinds.insert("protection_actor", codes::<ProtectionActor>());
    kinds.insert("information_item", codes::<InformationItem>());
    kinds.insert("signature_method", SignatureMethod::CODES.map(str::to_owned).to_vec());
    kinds
}

#[test]
fn every_value_of_every_kind_has_a_label() {
    let mut missing = Vec::new();
    for (kind, codes) in label_kinds() {
        for code in codes {
            assert!(is_code(&code), "{kind}: {code:?} is not a plain code");
            let key = format!("code.{kind}.{code}");
            if !has_key(&key) {
                missing.push(key);
            }
        }
    }
    assert!(missing.is_empty(), "labels missing: {missing:?}");
}

/// A label for a value that does not exist is a typo that hides a missing label.
#[test]
fn every_label_is_for_a_value_that_exists() {
    let kinds = label_kinds();
    for key in keys().filter(|k| k.starts_with("code.")) {
        let mut parts = key.splitn(3, '.').skip(1);
        let (kind, code) = (parts.next().unwrap_or_default(), parts.next().unwrap_or_default());
        let known = kinds.get(kind).is_some_and(|codes| codes.iter().any(|c| c == code));
        assert!(known, "{key} is not the label of a known value");
        assert!(placeholders(&t(Lang::En, key)).is_empty(), "{key} is a label, not a message");
    }
}

#[test]
fn signer_and_item_codes_are_the_model_fields() {
    let signatures = serde_json::to_value(Signatures::default()).unwrap_or_default();
    let signers: Vec<String> =
        signatures.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
    let mut expected = label_kinds()["signer"].clone();
    expected.sort();
    assert_eq!(signers, expected);
    let consent = serde_json::to_value(Consent::default()).unwrap_or_default();
    for item in &label_kinds()["item"] {
        assert!(consent.get(item).is_some_and(|v| v.is_boolean()), "{item} is not in Consent");
    }
}

// ---------------------------------------------------------------------------------------------
// Parameters: findings from the real rules on the domain's samples.

/// Parameters a text may leave out, and why: the rest must all appear in the text.
const UNUSED_PARAMS: &[(&str, &str)] = &[
    // The measure's free-text description, often empty; the finding sits under the measure.
    ("cost_below_guidance", "measure"),
    ("cost_above_guidance", "measure"),
    ("package_not_offered", "measure"),
    ("cash_not_allowed", "measure"),
    ("modality_not_allowed", "measure"),
    ("after_budget_period", "measure"),
    // A signed difference; the text names both totals instead.
    ("tranches_mismatch", "difference"),
    // A UUID means nothing to a person.
    ("referral_measure_unknown", "id"),
    ("tranche_measure_unknown", "id"),
];

/// Text parameters that carry a code, shown by the label `code.<name>.<value>`.
const CODE_PARAMS: &[&str] = &[
    "package",
    "dimension",
    "measure_type",
    "modality",
    "signer",
    "item",
    "concern",
    "review_outcome",
];

#[test]
fn every_finding_text_uses_exactly_the_parameters_the_domain_gives() {
    let findings = samples::findings_of_every_code();
    let mut params: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for f in &findings {
        params.entry(f.code).or_default().extend(f.params.iter().map(|(name, _)| *name));
    }
    let unproduced: Vec<_> = finding::codes().filter(|c| !params.contains_key(c)).collect();
    assert!(unproduced.is_empty(), "the domain's samples produce no {unproduced:?}");

    for (code, names) in &params {
        let key = format!("finding.{code}");
        let used: BTreeSet<String> = placeholders(&t(Lang::En, &key)).into_iter().collect();
        for name in &used {
            assert!(names.contains(name.as_str()), "{key} uses {{{name}}}, which {code} lacks");
        }
        for name in names {
            let may_skip = UNUSED_PARAMS.contains(&(code, name));
            assert!(
                used.contains(*name) || may_skip,
                "{key} does not use {{{name}}}; use it or list it in UNUSED_PARAMS"
            );
            assert!(!(used.contains(*name) && may_skip), "{code}/{name} is used: unlist it");
        }
    }
}

#[test]
fn findings_read_as_sentences_in_every_language() {
    for f in samples::findings_of_every_code() {
        for (name, value) in &f.params {
            // A parameter named like a kind of label is shown by its label, so each of its
            // values needs one; the listed ones must be kinds, so a renamed kind is caught.
            let is_kind = keys().any(|k| k.starts_with(&format!("code.{name}.")));
            assert!(is_kind || !CODE_PARAMS.contains(name), "{name} has no labels");
            if let (true, Param::Text(code)) = (is_kind, value)
                && !code.is_empty()
            {
                assert!(has_key(&format!("code.{name}.{code}")), "no label for {name} {code}");
            }
        }
        for lang in Lang::ALL {
            let text = format::finding(lang, &f);
            assert!(!text.starts_with("finding."), "{}: no text for {}", lang.code(), f.code);
            assert!(!text.contains('{'), "{}: {} left a parameter: {text}", lang.code(), f.code);
        }
    }
    let sample = Finding::info("goal_missing_in_dimension", "/goals")
        .with("dimension", Param::Text("psychosocial".into()));
    assert_eq!(
        format::finding(Lang::En, &sample),
        "No goal yet in this part of the plan: Psychosocial. Add a goal, even a small one."
    );
}

fn placeholders(text: &str) -> Vec<String> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .collect()
}
