//! Reading a programme configuration from JSON and refusing one that is wrong, with a stable
//! code and the JSON Pointer of the field, so the interface can say in the user's language which
//! field to fix. The first error in document order is reported.

use std::fmt;

use chrono::NaiveDate;

use super::{
    Entitlements, Figure, LocalizedText, PackageRules, Period, ProgrammeConfig, ReturnRestriction,
    TrancheRule,
};
use crate::assessment::escape_pointer;
use crate::catalogue::MeasureType;
use crate::model::Modality;
use crate::money::CurrencyCode;
use crate::reading::Fault;

/// Why a configuration was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    code: &'static str,
    path: String,
    detail: String,
}

impl ConfigError {
    /// Every code a configuration can be refused with. Reading: `invalid_json` to
    /// `invalid_rate`; checking: `invalid_id` to `duplicate_restriction`; then the
    /// assessment's own checks ([`crate::assessment::CONFIG_CODES`]) for an assessment that
    /// cannot be used.
    pub const CODES: &[&str] = &[
        "invalid_json",
        "missing_field",
        "unknown_field",
        "invalid_value",
        "invalid_currency",
        "invalid_rate",
        "invalid_id",
        "missing_name",
        "no_package",
        "negative_amount",
        "cap_below_per_person",
        "invalid_age",
        "no_modalities",
        "cash_limit_without_cash",
        "empty_period",
        "period_too_long",
        "shares_not_100",
        "unknown_measure_type",
        "range_inverted",
        "rate_not_positive",
        "follow_up_not_increasing",
        "unknown_uncertain_path",
        "invalid_country",
        "empty_region",
        "missing_source",
        "duplicate_restriction",
        "no_sources",
        "as_of_in_future",
        "assessment_question_duplicate",
        "assessment_question_text_missing",
        "assessment_scale_invalid",
        "assessment_scale_labels_mismatch",
    ];

    fn new(code: &'static str, path: impl Into<String>, detail: impl Into<String>) -> Self {
        Self { code, path: path.into(), detail: detail.into() }
    }

    /// Stable snake_case code; the interface's translation key is `config_error.<code>`. One of
    /// [`ConfigError::CODES`].
    pub fn code(&self) -> &'static str {
        self.code
    }

    /// JSON Pointer of the field concerned, e.g. `/entitlements/longer_term/per_adult`; empty
    /// for the document as a whole.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// A technical explanation in English, for logs and for the host page's developer.
    pub fn detail(&self) -> &str {
        &self.detail
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = if self.path.is_empty() { "(document)" } else { &self.path };
        write!(f, "{} at {path}: {}", self.code, self.detail)
    }
}

impl std::error::Error for ConfigError {}

/// Reads a configuration and checks it. Nothing of a refused configuration is used.
pub fn parse_config(json: &str) -> Result<ProgrammeConfig, ConfigError> {
    let config: ProgrammeConfig = crate::reading::read(json).map_err(read_error)?;
    check(&config)?;
    Ok(config)
}

fn read_error(fault: Fault) -> ConfigError {
    use serde_json::error::Category;
    let inner = fault.error;
    let mut path = fault.pointer;
    let detail = inner.to_string();
    let code = match inner.classify() {
        Category::Syntax | Category::Eof | Category::Io => "invalid_json",
        Category::Data => {
            if detail.starts_with("missing field") {
                // Name the missing field itself, not the object that lacks it.
                if let Some(name) = detail.split('`').nth(1) {
                    path.push('/');
                    path.push_str(&escape_pointer(name));
                }
                "missing_field"
            } else if detail.starts_with("unknown field") {
                "unknown_field"
            } else if detail.contains("ISO 4217") {
                "invalid_currency"
            } else if detail.contains(super::rate::INVALID_RATE_MESSAGE) {
                "invalid_rate"
            } else {
                "invalid_value"
            }
        }
    };
    ConfigError::new(code, path, detail)
}

/// Checks what the types cannot: signs, orders, sums and references.
fn check(config: &ProgrammeConfig) -> Result<(), ConfigError> {
    let id_ok = !config.id.is_empty()
        && config.id.len() <= 64
        && config.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
    if !id_ok {
        return Err(ConfigError::new(
            "invalid_id",
            "/id",
            "the id must be 1 to 64 characters of a-z, 0-9 and _",
        ));
    }
    if config.name.values().all(|n| n.trim().is_empty()) {
        return Err(ConfigError::new("missing_name", "/name", "the programme needs a name"));
    }
    check_entitlements(&config.entitlements)?;
    for (code, range) in &config.cost_guidance.ranges {
        let path = format!("/cost_guidance/ranges/{}", escape_pointer(code));
        if MeasureType::from_code(code).is_none() {
            return Err(ConfigError::new(
                "unknown_measure_type",
                path,
                format!("{code:?} is not a measure type of the catalogue"),
            ));
        }
        non_negative(range.min, &format!("{path}/min"))?;
        non_negative(range.max, &format!("{path}/max"))?;
        if range.min > range.max {
            return Err(ConfigError::new(
                "range_inverted",
                format!("{path}/min"),
                format!("min {} is above max {}", range.min, range.max),
            ));
        }
    }
    if let Some(local) = &config.local_currency
        && !local.rate.is_positive()
    {
        return Err(ConfigError::new(
            "rate_not_positive",
            "/local_currency/rate",
            format!("the exchange rate must be above zero, not {}", local.rate),
        ));
    }
    for (i, pair) in config.follow_up.windows(2).enumerate() {
        if pair[1].months_after_return <= pair[0].months_after_return {
            return Err(ConfigError::new(
                "follow_up_not_increasing",
                format!("/follow_up/{}/months_after_return", i + 1),
                "follow-up contacts must be listed in strictly increasing months",
            ));
        }
    }
    check_restrictions(&config.return_restrictions)?;
    if config.sources.is_empty() {
        return Err(ConfigError::new(
            "no_sources",
            "/sources",
            "the configuration must say where its figures come from",
        ));
    }
    if let Some(finding) = config.assessment.check("/assessment").into_iter().next() {
        let detail = format!("the assessment is not usable ({})", finding.code);
        return Err(ConfigError::new(finding.code, finding.path, detail));
    }
    let document = serde_json::to_value(config)
        .map_err(|e| ConfigError::new("invalid_value", "", e.to_string()))?;
    for (i, figure) in config.uncertain.iter().enumerate() {
        if document.pointer(&figure.path).is_none() {
            return Err(ConfigError::new(
                "unknown_uncertain_path",
                format!("/uncertain/{i}/path"),
                format!("{:?} does not point at a field of this configuration", figure.path),
            ));
        }
    }
    Ok(())
}

fn check_entitlements(entitlements: &Entitlements) -> Result<(), ConfigError> {
    if entitlements.short_term.is_none() && entitlements.longer_term.is_none() {
        return Err(ConfigError::new(
            "no_package",
            "/entitlements",
            "the programme must offer a short-term or a longer-term package",
        ));
    }
    for (name, rules) in
        [("short_term", &entitlements.short_term), ("longer_term", &entitlements.longer_term)]
    {
        if let Some(rules) = rules {
            check_package(rules, &format!("/entitlements/{name}"))?;
        }
    }
    Ok(())
}

fn non_negative(amount: i64, path: &str) -> Result<(), ConfigError> {
    if amount < 0 {
        Err(ConfigError::new(
            "negative_amount",
            path,
            format!("amounts cannot be negative: {amount}"),
        ))
    } else {
        Ok(())
    }
}

fn check_package(rules: &PackageRules, base: &str) -> Result<(), ConfigError> {
    let mut per_person = vec![
        (rules.per_adult, format!("{base}/per_adult")),
        (rules.per_minor, format!("{base}/per_minor")),
    ];
    if let Some(figure) = rules.per_unaccompanied_child {
        per_person.push((figure, format!("{base}/per_unaccompanied_child")));
    }
    for (i, rule) in rules.under_age.iter().enumerate() {
        per_person.push((Figure::Known(rule.amount), format!("{base}/under_age/{i}/amount")));
        if rule.under_age == 0 || rule.under_age > 18 {
            return Err(ConfigError::new(
                "invalid_age",
                format!("{base}/under_age/{i}/under_age"),
                "an age rule must apply to children under an age from 1 to 18",
            ));
        }
    }
    for (figure, path) in &per_person {
        if let Figure::Known(amount) = figure {
            non_negative(*amount, path)?;
        }
    }
    if let Some(supplement) = &rules.family_supplement {
        non_negative(supplement.amount, &format!("{base}/family_supplement/amount"))?;
    }
    if let Some(cap) = rules.family_cap {
        let path = format!("{base}/family_cap");
        non_negative(cap, &path)?;
        let largest = per_person.iter().filter_map(|(f, _)| f.known()).max().unwrap_or(0);
        if cap < largest {
            return Err(ConfigError::new(
                "cap_below_per_person",
                path,
                format!("the family cap {cap} is below the amount for one person, {largest}"),
            ));
        }
    }
    for (i, top_up) in rules.top_ups.iter().enumerate() {
        non_negative(top_up.amount, &format!("{base}/top_ups/{i}/amount"))?;
    }
    if rules.modalities.is_empty() {
        return Err(ConfigError::new(
            "no_modalities",
            format!("{base}/modalities"),
            "a package must allow at least one modality",
        ));
    }
    if let Some(limit) = &rules.cash_limit {
        for (part, amount) in [("per_person", limit.per_person), ("total", limit.total)] {
            let Some(amount) = amount else { continue };
            let path = format!("{base}/cash_limit/{part}");
            non_negative(amount, &path)?;
            if amount > 0 && !rules.modalities.contains(&Modality::Cash) {
                return Err(ConfigError::new(
                    "cash_limit_without_cash",
                    path,
                    "a cash limit above zero needs cash among the package's modalities",
                ));
            }
        }
    }
    if let Some(period) = rules.use_within {
        let length = match period {
            Period::Days(n) | Period::WorkingDays(n) | Period::Months(n) => n,
        };
        if length == 0 {
            return Err(ConfigError::new(
                "empty_period",
                format!("{base}/use_within"),
                "the period in which the budget must be used cannot be zero",
            ));
        }
        // No programme gives more than ten years: a longer period is a typing error.
        let longest = match period {
            Period::Days(_) => 3_660,
            Period::WorkingDays(_) => 2_610,
            Period::Months(_) => 120,
        };
        if length > longest {
            return Err(ConfigError::new(
                "period_too_long",
                format!("{base}/use_within"),
                format!("the period in which the budget must be used is {length}, above ten years"),
            ));
        }
    }
    if let TrancheRule::Shares { parts } = &rules.tranches {
        let total: u64 = parts.iter().map(|p| u64::from(p.percent)).sum();
        if total != 100 {
            return Err(ConfigError::new(
                "shares_not_100",
                format!("{base}/tranches/parts"),
                format!("tranche shares add up to {total}%, not 100%"),
            ));
        }
    }
    Ok(())
}

/// Each restriction names a country by its ISO code, a region if any, and its source; no
/// country or region is listed twice.
fn check_restrictions(restrictions: &[ReturnRestriction]) -> Result<(), ConfigError> {
    for (i, r) in restrictions.iter().enumerate() {
        let base = format!("/return_restrictions/{i}");
        let country_ok = r.country.len() == 2 && r.country.bytes().all(|b| b.is_ascii_uppercase());
        if !country_ok {
            return Err(ConfigError::new(
                "invalid_country",
                format!("{base}/country"),
                format!("{:?} is not an ISO 3166-1 alpha-2 code in capitals", r.country),
            ));
        }
        if r.region.as_ref().is_some_and(|region| region.trim().is_empty()) {
            return Err(ConfigError::new(
                "empty_region",
                format!("{base}/region"),
                "a region must be named; leave the field out for the whole country",
            ));
        }
        if r.source.trim().is_empty() {
            return Err(ConfigError::new(
                "missing_source",
                format!("{base}/source"),
                "say where the restriction comes from",
            ));
        }
        let same = |other: &ReturnRestriction| {
            other.country == r.country
                && other.region.as_deref().map(str::trim).map(str::to_lowercase)
                    == r.region.as_deref().map(str::trim).map(str::to_lowercase)
        };
        if restrictions[..i].iter().any(same) {
            return Err(ConfigError::new(
                "duplicate_restriction",
                format!("{base}/region"),
                "this country and region are already listed",
            ));
        }
    }
    Ok(())
}

/// A configuration whose figures were checked after `today` cannot be right: refused with the
/// field named, as [`parse_config`] refuses the rest. Separate because it needs the day.
pub fn check_as_of(config: &ProgrammeConfig, today: NaiveDate) -> Result<(), ConfigError> {
    if config.as_of > today {
        return Err(ConfigError::new(
            "as_of_in_future",
            "/as_of",
            format!("the figures are said to be checked on {}, after today", config.as_of),
        ));
    }
    Ok(())
}

/// A configuration that offers nothing, used only if no built-in preset could be read.
pub(super) fn minimal_config() -> ProgrammeConfig {
    let mut name = LocalizedText::new();
    name.insert(super::FALLBACK_LANGUAGE.to_owned(), "No programme".to_owned());
    ProgrammeConfig {
        id: "none".to_owned(),
        name,
        currency: CurrencyCode::eur(),
        entitlements: Entitlements { short_term: None, longer_term: None },
        cost_guidance: Default::default(),
        local_currency: None,
        follow_up: Vec::new(),
        assessment: crate::assessment::AssessmentConfig::indicative_default(),
        sources: Vec::new(),
        as_of: NaiveDate::MIN,
        effective_from: None,
        notes: LocalizedText::new(),
        uncertain: Vec::new(),
        return_restrictions: Vec::new(),
    }
}
