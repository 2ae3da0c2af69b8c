//! The translations cover everything the domain can say: every finding code, import error and
//! configuration error has a text, every enumeration value the interface shows has a label, and
//! every finding's text uses exactly the parameters the domain gives it. The domain is the
//! source of truth: codes come from its lists where it has them, else from its source text, and
//! parameters from findings produced by running the real rules on crafted plans.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use homeward_plan::assessment::{self, AssessmentConfig};
use homeward_plan::budget::guidance;
use homeward_plan::catalogue::{BudgetArea, MeasureType};
use homeward_plan::finding::{Finding, Param};
use homeward_plan::interchange::{ImportError, PartnerExportError};
use homeward_plan::model::*;
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::privacy::{PrivacyReason, PrivateItemKind};
use homeward_plan::programme::{self, Figure, ProgrammeConfig};
use homeward_plan::validate::{self, COMPLETENESS_CODES, VALIDATION_CODES};
use serde::Serialize;
use uuid::Uuid;

use super::format::{self, code_of};
use super::{Lang, has_key, keys, t};

const VALIDATE_RS: &str = include_str!("../../crates/plan/src/validate.rs");
const BUDGET_FINDINGS_RS: &str = include_str!("../../crates/plan/src/budget/findings.rs");
const ASSESSMENT_RS: &str = include_str!("../../crates/plan/src/assessment.rs");
const CONFIG_CHECK_RS: &str = include_str!("../../crates/plan/src/programme/check.rs");

// ---------------------------------------------------------------------------------------------
// Finding codes from the domain's source text, for the modules that keep no list of them.

/// The source before its test module, so test-only literals never count as codes.
fn without_tests(source: &str) -> &str {
    source.split("#[cfg(test)]").next().unwrap_or(source)
}

/// The string literal right after `callee(` (whitespace allowed), at every call of `callee`.
fn first_literal_args(source: &str, callee: &str) -> Vec<String> {
    let pattern = format!("{callee}(");
    let mut found = Vec::new();
    for (start, _) in source.match_indices(&pattern) {
        let boundary = source[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == ':'));
        if !boundary {
            continue;
        }
        let rest = source[start + pattern.len()..].trim_start();
        if let Some(literal) = rest.strip_prefix('"')
            && let Some((code, _)) = literal.split_once('"')
        {
            found.push(code.to_owned());
        }
    }
    found
}

/// Functions of the file that take a finding code as their first parameter, like
/// `fn cost_guidance(code: &'static str, ...)`: their callers pass codes too.
fn code_taking_helpers(source: &str) -> Vec<String> {
    source
        .match_indices("fn ")
        .filter_map(|(start, _)| {
            let rest = &source[start + 3..];
            let (name, params) = rest.split_once('(')?;
            let name = name.trim();
            let is_ident =
                !name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_');
            (is_ident && params.trim_start().starts_with("code: &'static str"))
                .then(|| name.to_owned())
        })
        .collect()
}

/// The finding codes a domain source file creates: literals passed to `Finding::error`,
/// `warning`, `info`, or to a helper of the file that takes a code.
fn finding_codes_in(source: &str) -> BTreeSet<String> {
    let source = without_tests(source);
    let mut callees: Vec<String> =
        ["Finding::error", "Finding::warning", "Finding::info"].map(str::to_owned).to_vec();
    callees.extend(code_taking_helpers(source));
    callees.iter().flat_map(|callee| first_literal_args(source, callee)).collect()
}

fn is_code(text: &str) -> bool {
    !text.is_empty()
        && text.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

fn budget_codes() -> BTreeSet<String> {
    finding_codes_in(BUDGET_FINDINGS_RS)
}

fn assessment_codes() -> BTreeSet<String> {
    finding_codes_in(ASSESSMENT_RS)
}

/// The assessment's own configuration checks (`AssessmentConfig::check`), which a programme
/// configuration reports as its error codes.
fn assessment_config_codes() -> BTreeSet<String> {
    let source = without_tests(ASSESSMENT_RS);
    let body = source.split("pub fn check(").nth(1).unwrap_or_default();
    let body = body.split("\n    pub fn ").next().unwrap_or_default();
    finding_codes_in(body)
}

/// Every finding code the domain can produce.
fn all_finding_codes() -> BTreeSet<String> {
    let mut codes: BTreeSet<String> =
        VALIDATION_CODES.iter().chain(COMPLETENESS_CODES).map(|c| (*c).to_owned()).collect();
    codes.extend(budget_codes());
    codes.extend(assessment_codes());
    codes
}

/// Configuration error codes: those listed in the documentation of `ConfigError::code`, those
/// built with `ConfigError::new`, and the assessment's configuration checks.
fn config_error_codes() -> BTreeSet<String> {
    let source = without_tests(CONFIG_CHECK_RS);
    let doc = source
        .split("pub fn code(&self)")
        .next()
        .and_then(|before| before.rsplit("/// Stable snake_case code").next())
        .unwrap_or_default();
    let mut codes: BTreeSet<String> = doc
        .split('`')
        .skip(1)
        .step_by(2)
        .filter(|c| is_code(c) && !c.starts_with("config_error"))
        .map(str::to_owned)
        .collect();
    codes.extend(first_literal_args(source, "ConfigError::new"));
    codes.extend(assessment_config_codes());
    codes
}

#[test]
fn the_source_scanner_finds_what_the_domain_lists() {
    let listed: BTreeSet<String> =
        VALIDATION_CODES.iter().chain(COMPLETENESS_CODES).map(|c| (*c).to_owned()).collect();
    assert_eq!(finding_codes_in(VALIDATE_RS), listed);
    let budget = budget_codes();
    for code in ["over_ceiling", "cost_above_guidance", "cost_below_guidance", "tranches_mismatch"]
    {
        assert!(budget.contains(code), "{code} not found in budget/findings.rs: {budget:?}");
    }
    assert!(budget.iter().all(|c| is_code(c)), "{budget:?}");
    assert_eq!(assessment_config_codes().len(), 4, "{:?}", assessment_config_codes());
    let config = config_error_codes();
    for code in ["invalid_json", "missing_field", "shares_not_100", "assessment_scale_invalid"] {
        assert!(config.contains(code), "{code} not among {config:?}");
    }
}

#[test]
fn every_finding_code_has_a_text() {
    let missing: Vec<_> =
        all_finding_codes().into_iter().filter(|c| !has_key(&format!("finding.{c}"))).collect();
    assert!(missing.is_empty(), "finding texts missing: {missing:?}");
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
    let mut codes = config_error_codes();
    // Errors the reader really produces, in case the lists above ever drift.
    for broken in ["{", "{}", r#"{"id": "x", "nonsense": 1}"#] {
        if let Err(e) = programme::parse_config(broken) {
            codes.insert(e.code().to_owned());
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

/// Every variant of a unit-variant enum, with a `match` that stops compiling when a variant is
/// added, so the list cannot fall behind the model.
macro_rules! variants {
    ($ty:ident: $($v:ident),+ $(,)?) => {{
        fn _exhaustive(value: $ty) {
            match value { $($ty::$v)|+ => {} }
        }
        vec![$(codes_of(&$ty::$v)),+]
    }};
}

fn codes_of<T: Serialize>(value: &T) -> String {
    code_of(value)
}

use homeward_plan::budget::PersonCategory;

/// Each kind of label, with the code of every value it has.
fn label_kinds() -> BTreeMap<&'static str, Vec<String>> {
    let mut kinds = BTreeMap::new();
    kinds.insert("gender", variants!(Gender: Female, Male, Other));
    kinds.insert(
        "return_kind",
        variants!(ReturnKind: AssistedVoluntary, Spontaneous, AfterForcedReturn),
    );
    kinds.insert(
        "document_kind",
        variants!(DocumentKind: NationalIdentityCard, Passport, BirthCertificate, TravelDocument,
            DrivingLicence, Other),
    );
    kinds.insert("pressure_level", variants!(PressureLevel: Low, Medium, High));
    kinds.insert(
        "vulnerability",
        variants!(Vulnerability: SeriousHealthCondition, Disability,
            SurvivorOfTraffickingOrViolence, UnaccompaniedOrSeparatedChild, OlderPerson,
            SingleParent, Other),
    );
    kinds.insert(
        "relationship",
        variants!(Relationship: SpouseOrPartner, Child, Parent, Sibling, Grandparent, Grandchild,
            OtherRelative, NotRelated),
    );
    kinds.insert("dimension", Dimension::ALL.iter().map(codes_of).collect());
    kinds.insert("area", BudgetArea::ALL.iter().map(codes_of).collect());
    kinds.insert("measure_type", MeasureType::ALL.iter().map(codes_of).collect());
    kinds.insert("term", variants!(Term: Immediate, LongerTerm));
    kinds.insert("responsible", variants!(Responsible: Returnee, Counsellor, PartnerOrganisation));
    kinds.insert("modality", variants!(Modality: Cash, InKind, Voucher, Service));
    kinds
        .insert("funding_source", variants!(FundingSource: ProgrammeGrant, OwnContribution, Other));
    kinds.insert("measure_status", variants!(MeasureStatus: Planned, InProgress, Done, Cancelled));
    kinds.insert("package", variants!(Package: ShortTerm, LongerTerm));
    kinds.insert(
        "referral_status",
        variants!(ReferralStatus: Planned, Made, Accepted, Declined, Completed),
    );
    kinds.insert("contact_kind", variants!(ContactKind: Call, Visit));
    kinds.insert("privacy_category", PrivacyCategory::ALL.iter().map(codes_of).collect());
    kinds
        .insert("privacy_reason", PrivacyReason::ALL.iter().map(|r| r.code().to_owned()).collect());
    kinds.insert("private_item", PrivateItemKind::CODES.iter().map(|c| (*c).to_owned()).collect());
    kinds.insert("person_category", variants!(PersonCategory: Adult, Minor, UnaccompaniedChild));
    // Signers and consent items are codes only in findings' parameters (see `validate.rs`),
    // and the two fields of `Signatures` and the four elements of `Consent::informed`.
    kinds.insert("signer", ["returnee", "counsellor"].map(str::to_owned).to_vec());
    kinds.insert(
        "item",
        ["no_pressure", "information_received", "time_to_consider", "right_to_withdraw_explained"]
            .map(str::to_owned)
            .to_vec(),
    );
    // `SignatureMethod` carries data, so its codes are its variant names.
    kinds.insert("signature_method", ["drawn", "typed"].map(str::to_owned).to_vec());
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
// Parameters: findings from the real rules on crafted plans.

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

const TODAY: (i32, u32, u32) = (2026, 11, 23);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1, TODAY.2)
}

fn eur(major: i64) -> Money {
    Money::major(major, CurrencyCode::eur())
}

fn measure(id: u128, measure_type: Option<MeasureType>, cost: Option<Money>) -> Measure {
    Measure { measure_type, estimated_cost: cost, ..Measure::new(Uuid::from_u128(id)) }
}

/// A plan that breaks every validation rule at least once.
fn invalid_plan() -> Plan {
    let mut plan = Plan::default();
    plan.case.age = Some(130);
    plan.case.country_of_return = "sn".into();
    plan.case.languages = vec!["english language".into()];
    plan.case.return_date = Some(day(2010, 1, 1));
    plan.case.return_date_is_planned = true;
    plan.case.debts = vec![Debt {
        id: Uuid::from_u128(1),
        amount: eur(-5),
        creditor: String::new(),
        pressure_to_repay: PressureLevel::High,
        private: false,
        withheld: None,
    }];
    plan.household = vec![HouseholdMember {
        id: Uuid::from_u128(2),
        date_of_birth: Some(day(2030, 1, 1)),
        ..Default::default()
    }];
    plan.needs.assessment = Some(AssessmentRecord {
        baseline: assessment::Scores { economic: Some(150), ..Default::default() },
        ..Default::default()
    });
    let mut goal = Goal::new(Uuid::from_u128(3), Dimension::Economic);
    let mut housing = measure(4, Some(MeasureType::Housing), Some(eur(2_000_000)));
    housing.start_date = Some(day(2026, 12, 10));
    housing.due_date = Some(day(2026, 12, 1));
    housing.provider = "Caritas".into();
    let usd = CurrencyCode::new("USD").unwrap_or_else(|_| CurrencyCode::eur());
    goal.measures = vec![
        measure(5, None, None),
        housing,
        measure(6, Some(MeasureType::JobPlacement), Some(Money::major(10, usd))),
        measure(6, Some(MeasureType::JobPlacement), None),
    ];
    plan.goals = vec![goal, Goal::new(Uuid::from_u128(7), Dimension::Social)];
    plan.referrals = vec![Referral {
        id: Uuid::from_u128(8),
        measure_id: Some(Uuid::from_u128(99)),
        ..Default::default()
    }];
    plan.marked_for_partner_export = true;
    plan
}

/// A household returning on `return_date`, ages unknown, with needs written for every
/// dimension but goals only in two.
fn budget_plan() -> Plan {
    let mut plan = Plan::default();
    plan.case.return_date = Some(day(2026, 12, 1));
    plan.household = vec![HouseholdMember {
        id: Uuid::from_u128(20),
        returns_with_returnee: true,
        ..Default::default()
    }];
    plan.needs.summary.psychosocial = "Sleeps badly.".into();
    let mut economic = Goal::new(Uuid::from_u128(21), Dimension::Economic);
    let mut cash_longer = measure(22, Some(MeasureType::MicroBusiness), Some(eur(9_000)));
    cash_longer.term = Term::LongerTerm;
    cash_longer.modality = Modality::Cash;
    let mut voucher_longer = measure(23, Some(MeasureType::VocationalTraining), Some(eur(100)));
    voucher_longer.term = Term::LongerTerm;
    voucher_longer.modality = Modality::Voucher;
    voucher_longer.due_date = Some(day(2029, 6, 1));
    let mut cash_now = measure(24, Some(MeasureType::Cash), Some(eur(600)));
    cash_now.modality = Modality::Cash;
    economic.measures = vec![cash_longer, voucher_longer, cash_now];
    let mut social = Goal::new(Uuid::from_u128(25), Dimension::Social);
    let mut housing = measure(26, Some(MeasureType::Housing), Some(eur(1)));
    housing.term = Term::LongerTerm;
    housing.modality = Modality::InKind;
    social.measures = vec![housing];
    plan.goals = vec![economic, social];
    let tranche = |id: u128, package: Package, date: NaiveDate, major: i64| Tranche {
        id: Uuid::from_u128(id),
        package,
        date,
        amount: eur(major),
        purpose: String::new(),
        paid: false,
        private: false,
        withheld: None,
    };
    plan.budget.tranches = vec![
        tranche(30, Package::LongerTerm, day(2026, 11, 1), 10),
        tranche(31, Package::LongerTerm, day(2029, 1, 1), 10),
    ];
    plan
}

fn with_short_term_cash_limit(mut config: ProgrammeConfig) -> ProgrammeConfig {
    if let Some(rules) = config.entitlements.short_term.as_mut() {
        rules.cash_limit = Some(programme::CashLimit { per_person: None, total: Some(10_000) });
    }
    config
}

/// Findings of every rule of the domain, from the plans and configurations above.
fn produced_findings() -> Vec<Finding> {
    let config = programme::default_preset();
    let mut out = validate::validate(&invalid_plan(), today());
    out.extend(validate::missing_for_completeness(&Plan::default()));
    out.extend(validate::missing_for_completeness(&invalid_plan()));

    let plan = budget_plan();
    out.extend(guidance(&plan, &config, today()).findings);
    out.extend(guidance(&plan, &with_short_term_cash_limit(config.clone()), today()).findings);
    let mut no_short_term = config.clone();
    no_short_term.entitlements.short_term = None;
    out.extend(guidance(&plan, &no_short_term, today()).findings);
    let mut unknown_ceiling = config.clone();
    if let Some(rules) = unknown_ceiling.entitlements.longer_term.as_mut() {
        rules.per_adult = Figure::Unknown;
    }
    out.extend(guidance(&plan, &unknown_ceiling, today()).findings);
    let mut other_currency = plan.clone();
    other_currency.budget.currency =
        CurrencyCode::new("USD").unwrap_or_else(|_| CurrencyCode::eur());
    out.extend(guidance(&other_currency, &config, today()).findings);
    let mut balanced = plan;
    balanced.budget.tranches.clear();
    out.extend(guidance(&balanced, &config, today()).findings);

    let check = AssessmentConfig::indicative_default();
    let mut answers = assessment::Answers::new();
    answers.insert("no_such_question".into(), 1);
    if let Some(q) = check.questions.first() {
        answers.insert(q.id.clone(), 99);
    }
    out.extend(assessment::check_answers(&check, &answers, "/needs/assessment/answers"));
    let mut broken = check.clone();
    broken.scale.labels.insert("en".into(), vec!["Only one".into()]);
    if let Some(mut q) = broken.questions.first().cloned() {
        q.text.clear();
        broken.questions.push(q);
    }
    out.extend(broken.check("/assessment"));
    broken.scale.max = broken.scale.min;
    out.extend(broken.check("/assessment"));
    out
}

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
];

/// Text parameters that carry a code, shown by the label `code.<name>.<value>`.
const CODE_PARAMS: &[&str] =
    &["package", "dimension", "measure_type", "modality", "signer", "item"];

#[test]
fn every_finding_text_uses_exactly_the_parameters_the_domain_gives() {
    let findings = produced_findings();
    let mut params: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for f in &findings {
        params.entry(f.code).or_default().extend(f.params.iter().map(|(name, _)| *name));
    }
    let unproduced: Vec<_> =
        all_finding_codes().into_iter().filter(|c| !params.contains_key(c.as_str())).collect();
    assert!(unproduced.is_empty(), "craft a plan that produces {unproduced:?}");

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
    for f in produced_findings() {
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
