//! A programme's budget rules as data: entitlements per person, caps, cash limits, the period in
//! which the budget must be used, tranche timing, cost guidance, the exchange rate, the follow-up
//! schedule and the assessment. Built-in presets are JSON files compiled into the app; a host page
//! can supply its own configuration in the same format, checked by [`parse_config`].
//!
//! All amounts in a configuration are integers in minor units of the configuration's `currency`
//! (cents for EUR): `200000` is €2,000.00.

mod check;
mod figure;
mod rate;
mod restriction;
mod tranche;

use std::collections::BTreeMap;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::assessment::AssessmentConfig;
use crate::catalogue::MeasureType;
use crate::model::{ContactKind, Modality, Package, Vulnerability};
use crate::money::{CurrencyCode, Money};

pub use check::{ConfigError, check_as_of, parse_config};
pub use figure::Figure;
pub use rate::{DecimalRate, InvalidRate, MAX_RATE_DECIMALS};
pub use restriction::{RestrictionLevel, ReturnRestriction};
pub use tranche::{TrancheRule, TrancheShare};

/// Text in several interface languages, keyed by language code ("en", "fr", "es", "ar").
pub type LocalizedText = BTreeMap<String, String>;

/// The language every built-in text has and every lookup falls back to.
pub const FALLBACK_LANGUAGE: &str = "en";

/// The text in `lang`, else English, else any language (the first by code), else `None`.
pub fn localized<'a>(text: &'a LocalizedText, lang: &str) -> Option<&'a str> {
    localized_in(text, lang).map(|(_, text)| text)
}

/// Like [`localized`], with the language of the text it picked (so an English fallback can be
/// marked as English for screen readers and text direction).
pub fn localized_in<'a>(text: &'a LocalizedText, lang: &str) -> Option<(&'a str, &'a str)> {
    text.get_key_value(lang)
        .or_else(|| text.get_key_value(FALLBACK_LANGUAGE))
        .or_else(|| text.iter().next())
        .map(|(language, text)| (language.as_str(), text.as_str()))
}

/// One programme's rules. See the module documentation for units.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgrammeConfig {
    /// Stable identifier stored in a plan's `programme_id`, e.g. `eurp_voluntary`.
    pub id: String,
    /// The programme's name per language.
    pub name: LocalizedText,
    /// Currency of every amount in this configuration and of the programme grant.
    pub currency: CurrencyCode,
    pub entitlements: Entitlements,
    #[serde(default)]
    pub cost_guidance: CostGuidance,
    /// The currency of the country of return and its rate; `None` when not configured.
    #[serde(default)]
    pub local_currency: Option<LocalCurrency>,
    /// Monitoring contacts, counted from the return date, in increasing order.
    #[serde(default)]
    pub follow_up: Vec<FollowUpPoint>,
    /// The assessment's questions, scales and weights; the built-in indicative check if absent.
    #[serde(default = "AssessmentConfig::indicative_default")]
    pub assessment: AssessmentConfig,
    /// Where the figures come from.
    #[serde(default)]
    pub sources: Vec<Source>,
    /// The date the figures were last checked against the sources.
    pub as_of: NaiveDate,
    /// The date these rules took effect, when the sources give one; plans for a return before
    /// it are warned that other rules applied.
    #[serde(default)]
    pub effective_from: Option<NaiveDate>,
    /// What a counsellor should know about this configuration, per language.
    #[serde(default)]
    pub notes: LocalizedText,
    /// Figures that are not certain, each named by its JSON Pointer in this configuration.
    #[serde(default)]
    pub uncertain: Vec<UncertainFigure>,
    /// Countries or regions where the programme limits or suspends returns.
    #[serde(default)]
    pub return_restrictions: Vec<ReturnRestriction>,
}

/// The two packages of reintegration assistance. A package a programme does not offer is `null`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entitlements {
    /// Post-arrival / immediate assistance.
    pub short_term: Option<PackageRules>,
    /// Reintegration assistance over the following months.
    pub longer_term: Option<PackageRules>,
}

/// The rules of one package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackageRules {
    /// For each returning adult (18 or older on the return date). `"unknown"` if not published.
    pub per_adult: Figure,
    /// For each returning minor, unless an age rule or the unaccompanied amount applies.
    pub per_minor: Figure,
    /// For a returnee who is an unaccompanied or separated child; `per_minor` when absent.
    #[serde(default)]
    pub per_unaccompanied_child: Option<Figure>,
    /// Amounts for younger children (e.g. half for children under 12). The rule with the lowest
    /// `under_age` that the child is below applies.
    #[serde(default)]
    pub under_age: Vec<UnderAgeRule>,
    /// A flat amount added when the household returning together is large enough.
    #[serde(default)]
    pub family_supplement: Option<FamilySupplement>,
    /// Most the per-person amounts (and supplement) may add up to for one household.
    #[serde(default)]
    pub family_cap: Option<i64>,
    /// Amounts added, after the cap, when the returnee has a vulnerability.
    #[serde(default)]
    pub top_ups: Vec<TopUp>,
    /// How the package may be given. Cash is allowed only if listed here.
    pub modalities: Vec<Modality>,
    /// A limit on cash below the package's ceiling.
    #[serde(default)]
    pub cash_limit: Option<CashLimit>,
    /// How long after the return date the package must be used; `None` if no period is known.
    #[serde(default)]
    pub use_within: Option<Period>,
    /// When the package is paid or bought.
    pub tranches: TrancheRule,
}

/// A child's amount by age, e.g. StarthilfePlus's €600 for children under 12.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnderAgeRule {
    /// Applies to children younger than this many years on the return date.
    pub under_age: u32,
    pub amount: i64,
}

/// A flat amount for the household when at least `min_persons` return together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FamilySupplement {
    pub min_persons: u32,
    pub amount: i64,
}

/// An amount added to a package for each returning person (the returnee or a member who
/// returns with them) who has this vulnerability.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TopUp {
    pub vulnerability: Vulnerability,
    pub amount: i64,
}

/// A cash limit: per returning person, a total for the household, or both (the lower applies).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CashLimit {
    #[serde(default)]
    pub per_person: Option<i64>,
    #[serde(default)]
    pub total: Option<i64>,
}

impl CashLimit {
    /// The limit for a household of `persons`, in minor units; `None` if neither part is set.
    pub fn for_persons(&self, persons: u32) -> Option<i64> {
        let per_person = self.per_person.map(|p| p.saturating_mul(i64::from(persons)));
        match (per_person, self.total) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}

/// A length of time from the return date. `{"months": 12}`, `{"days": 30}` or
/// `{"working_days": 14}` (Monday to Friday; public holidays are not known and not skipped).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Period {
    Days(u32),
    WorkingDays(u32),
    Months(u32),
}

impl Period {
    /// The last day of the period that starts on `start` (the return date), inclusive; `None` if
    /// it falls outside the calendar.
    pub fn last_day(self, start: NaiveDate) -> Option<NaiveDate> {
        match self {
            Period::Days(n) => start.checked_add_days(Days::new(u64::from(n))),
            Period::Months(n) => start.checked_add_months(chrono::Months::new(n)),
            Period::WorkingDays(n) => {
                let mut day = start;
                let mut left = n;
                while left > 0 {
                    day = day.succ_opt()?;
                    if !matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
                        left -= 1;
                    }
                }
                Some(day)
            }
        }
    }
}

/// Indicative cost ranges per measure type. Programmes rarely publish these: a range is a
/// prompt to check an estimate, never a rule.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostGuidance {
    /// True when the ranges are rough guides rather than the programme's own limits.
    #[serde(default = "yes")]
    pub indicative: bool,
    /// Where the ranges come from, per language.
    #[serde(default)]
    pub basis: LocalizedText,
    /// Keyed by measure type code (see [`MeasureType::code`]).
    #[serde(default)]
    pub ranges: BTreeMap<String, CostRange>,
}

fn yes() -> bool {
    true
}

impl CostGuidance {
    /// The range for a measure type, if the configuration gives one.
    pub fn range(&self, measure_type: MeasureType) -> Option<&CostRange> {
        self.ranges.get(measure_type.code())
    }
}

/// An indicative range, inclusive, in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostRange {
    pub min: i64,
    pub max: i64,
}

/// The local currency of the country of return and the programme's rate for it.
///
/// Conversion rounds half away from zero to the local currency's minor unit (see
/// [`crate::budget::to_local`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalCurrency {
    pub currency: CurrencyCode,
    /// Local major units per one major unit of the programme's currency.
    pub rate: DecimalRate,
    /// Where the rate comes from, e.g. a fixed parity or a central bank's rate of a date.
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub as_of: Option<NaiveDate>,
}

/// A scheduled monitoring contact.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUpPoint {
    pub months_after_return: u32,
    pub contact: ContactKind,
}

/// A document the figures come from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
}

/// A figure that is not certain, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UncertainFigure {
    /// JSON Pointer into this configuration, e.g. `/entitlements/longer_term/per_minor`.
    pub path: String,
    /// Why it is uncertain, per language.
    pub note: LocalizedText,
}

impl ProgrammeConfig {
    /// The programme's name in `lang`, falling back to English, then to the id.
    pub fn display_name(&self, lang: &str) -> &str {
        localized(&self.name, lang).unwrap_or(&self.id)
    }

    /// The rules of a package; `None` if the programme does not offer it.
    pub fn package(&self, package: Package) -> Option<&PackageRules> {
        match package {
            Package::ShortTerm => self.entitlements.short_term.as_ref(),
            Package::LongerTerm => self.entitlements.longer_term.as_ref(),
        }
    }

    /// An amount of this configuration (minor units) as money in the programme's currency.
    pub fn money(&self, amount_minor: i64) -> Money {
        Money::new(amount_minor, self.currency.clone())
    }

    /// Whether the figure at `path` (or anything inside it) is flagged as uncertain.
    pub fn is_uncertain(&self, path: &str) -> bool {
        self.uncertain.iter().any(|u| {
            u.path == path || (path.starts_with(&u.path) && path[u.path.len()..].starts_with('/'))
        })
    }
}

/// The built-in presets, each parsed and checked like a host's configuration.
const PRESET_FILES: [(&str, &str); 5] = [
    ("eurp_voluntary", include_str!("presets/eurp_voluntary.json")),
    ("eurp_forced", include_str!("presets/eurp_forced.json")),
    ("nl_avrr_2017", include_str!("presets/nl_avrr_2017.json")),
    ("de_starthilfeplus", include_str!("presets/de_starthilfeplus.json")),
    ("be_fedasil_2022", include_str!("presets/be_fedasil_2022.json")),
];

/// Id of the default preset: the EU Reintegration Programme, voluntary return.
pub const DEFAULT_PRESET_ID: &str = "eurp_voluntary";

/// Ids of the built-in presets, in the order the interface lists them.
pub fn preset_ids() -> impl Iterator<Item = &'static str> {
    PRESET_FILES.iter().map(|(id, _)| *id)
}

/// Every built-in preset. A preset that failed its check would be left out; the test suite
/// makes sure none does.
pub fn presets() -> Vec<ProgrammeConfig> {
    PRESET_FILES.iter().filter_map(|(_, json)| parse_config(json).ok()).collect()
}

/// The built-in preset with that id.
pub fn preset(id: &str) -> Option<ProgrammeConfig> {
    let (_, json) = PRESET_FILES.iter().find(|(preset_id, _)| *preset_id == id)?;
    parse_config(json).ok()
}

/// The built-in JSON text of a preset, e.g. for a host to copy and adapt.
pub fn preset_json(id: &str) -> Option<&'static str> {
    PRESET_FILES.iter().find(|(preset_id, _)| *preset_id == id).map(|(_, json)| *json)
}

/// The default preset (EURP, voluntary return).
pub fn default_preset() -> ProgrammeConfig {
    match preset(DEFAULT_PRESET_ID) {
        Some(config) => config,
        // Unreachable while the preset tests pass; a panic here would take the app down, so
        // fall back to the first preset that parses.
        None => presets().into_iter().next().unwrap_or_else(check::minimal_config),
    }
}

/// What an open plan does when a host page names a programme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostChoice {
    /// A plan already drafted under another built-in programme keeps its own.
    Keep,
    /// A blank plan is drafted under the host's programme from now on.
    Adopt,
    /// A drafted plan of the same programme (or of one this app does not know) is judged by
    /// the host's figures but keeps its programme and currency.
    RulesOnly,
}

/// How a plan takes the programme a host names.
pub fn host_choice(plan: &crate::model::Plan, config: &ProgrammeConfig) -> HostChoice {
    if plan.is_blank() {
        HostChoice::Adopt
    } else if plan.programme_id != config.id && preset(&plan.programme_id).is_some() {
        HostChoice::Keep
    } else {
        HostChoice::RulesOnly
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn periods_end_on_the_expected_day() {
        let return_date = date(2025, 1, 31);
        assert_eq!(Period::Months(12).last_day(return_date), Some(date(2026, 1, 31)));
        // Month arithmetic clamps to the end of a shorter month.
        assert_eq!(Period::Months(1).last_day(return_date), Some(date(2025, 2, 28)));
        assert_eq!(Period::Days(30).last_day(return_date), Some(date(2025, 3, 2)));
        // Friday 31 January 2025 + 14 working days = Thursday 20 February 2025.
        assert_eq!(Period::WorkingDays(14).last_day(return_date), Some(date(2025, 2, 20)));
        assert_eq!(Period::WorkingDays(1).last_day(return_date), Some(date(2025, 2, 3)));
        assert_eq!(Period::WorkingDays(0).last_day(return_date), Some(return_date));
    }

    #[test]
    fn cash_limit_takes_the_lower_part() {
        let both = CashLimit { per_person: Some(30_000), total: Some(50_000) };
        assert_eq!(both.for_persons(1), Some(30_000));
        assert_eq!(both.for_persons(3), Some(50_000));
        let none = CashLimit { per_person: None, total: None };
        assert_eq!(none.for_persons(3), None);
    }

    #[test]
    fn localized_text_falls_back_to_english_then_any() {
        let mut text = LocalizedText::new();
        text.insert("fr".into(), "Bonjour".into());
        assert_eq!(localized(&text, "es"), Some("Bonjour"));
        text.insert("en".into(), "Hello".into());
        assert_eq!(localized(&text, "es"), Some("Hello"));
        assert_eq!(localized(&text, "fr"), Some("Bonjour"));
        assert_eq!(localized(&LocalizedText::new(), "fr"), None);
    }

    #[test]
    fn uncertainty_covers_the_figure_and_what_is_inside_it() {
        let mut config = default_preset();
        config.uncertain = vec![UncertainFigure {
            path: "/entitlements/short_term".into(),
            note: LocalizedText::new(),
        }];
        assert!(config.is_uncertain("/entitlements/short_term"));
        assert!(config.is_uncertain("/entitlements/short_term/per_adult"));
        assert!(!config.is_uncertain("/entitlements/short_term_x"));
        assert!(!config.is_uncertain("/entitlements/longer_term"));
    }

    #[test]
    fn a_host_programme_is_adopted_by_a_blank_plan_and_never_replaces_another_preset() {
        use crate::model::Plan;
        let host = preset("nl_avrr_2017").expect("preset");
        let at = chrono::DateTime::UNIX_EPOCH;
        let mut plan = Plan::new(uuid::Uuid::nil(), "eurp_voluntary", CurrencyCode::eur(), at);
        assert_eq!(host_choice(&plan, &host), HostChoice::Adopt);
        plan.case.full_name = "Moussa".into();
        assert_eq!(host_choice(&plan, &host), HostChoice::Keep);
        plan.programme_id = "nl_avrr_2017".into();
        assert_eq!(host_choice(&plan, &host), HostChoice::RulesOnly);
        plan.programme_id = "ngo_own_programme".into();
        assert_eq!(host_choice(&plan, &host), HostChoice::RulesOnly);
    }

    #[test]
    fn texts_fall_back_to_english_then_any_and_say_which() {
        let texts: LocalizedText =
            [("en", "Hello"), ("fr", "Bonjour")].map(|(k, v)| (k.into(), v.into())).into();
        assert_eq!(localized_in(&texts, "fr"), Some(("fr", "Bonjour")));
        assert_eq!(localized_in(&texts, "ar"), Some(("en", "Hello")));
        let only_fr: LocalizedText = [("fr".into(), "Bonjour".into())].into();
        assert_eq!(localized_in(&only_fr, "ar"), Some(("fr", "Bonjour")));
        assert_eq!(localized(&only_fr, "es"), Some("Bonjour"));
        assert_eq!(localized(&LocalizedText::new(), "en"), None);
    }
}
