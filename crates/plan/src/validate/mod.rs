//! The plan's own rules, as pure functions that return findings and never panic.
//!
//! Findings carry a stable code, a JSON Pointer into the exported document and typed parameters;
//! the interface translates `finding.<code>`. Budget rules are a separate module (`budget`).
//!
//! [`validate`] says what is wrong; [`missing_for_completeness`] and [`completeness`] say what is
//! still to do before the plan is complete (the Review step).

use std::collections::BTreeMap;

use chrono::{Months, NaiveDate};
use uuid::Uuid;

use crate::finding::{Finding, Param};
use crate::model::{Dimension, Plan};
use crate::money::{CurrencyCode, Money};
use crate::path::{Item, Part};

mod follow_through;

/// Oldest plausible return date, in years before today: assistance is rarely planned later.
pub const RETURN_DATE_MAX_YEARS_PAST: u32 = 5;
/// Latest plausible return date, in years after today.
pub const RETURN_DATE_MAX_YEARS_FUTURE: u32 = 2;
/// Oldest plausible age of a person.
pub const AGE_MAX: u32 = 120;
/// Above this many major units of the plan's own currency, an amount is most likely a typo.
pub const AMOUNT_ABSURD_MAJOR: i64 = 1_000_000;
/// Largest integer a JavaScript reader (and many JSON tools) reads exactly: 2^53 - 1. Anything
/// above cannot be exchanged safely, whatever the currency.
pub const AMOUNT_MAX_EXACT_MINOR: i64 = (1 << 53) - 1;

/// Every code [`validate`]'s own checks can return, so the interface can check it translates
/// them all; the protection screening's are [`crate::protection::FINDING_CODES`].
pub const VALIDATION_CODES: &[&str] = &[
    "age_out_of_range",
    "amount_absurd",
    "amount_negative",
    "closed_not_agreed",
    "country_code_invalid",
    "currency_mismatch",
    "date_in_future",
    "date_of_birth_in_future",
    "departure_after_return",
    "due_before_start",
    "duplicate_id",
    "language_code_invalid",
    "measure_type_missing",
    "measure_type_outside_dimension",
    "partner_export_without_consent",
    "planned_return_date_past",
    "referral_decision_missing",
    "referral_measure_unknown",
    "return_date_implausible",
    "score_out_of_range",
    "tranche_measure_unknown",
];

/// Every code [`missing_for_completeness`] can return.
pub const COMPLETENESS_CODES: &[&str] = &[
    "aspirations_missing",
    "assessment_missing",
    "case_reference_missing",
    "consent_incomplete",
    "country_of_return_missing",
    "follow_up_missing",
    "goal_missing_in_dimension",
    "goal_without_measures",
    "measure_not_agreed",
    "needs_summary_missing",
    "return_date_missing",
    "signature_missing",
];

/// Everything that is wrong in the plan, in document order. `today` decides what is "in the
/// future"; the domain never reads the clock.
pub fn validate(plan: &Plan, today: NaiveDate) -> Vec<Finding> {
    let mut out = Vec::new();
    let currency = plan.currency();
    check_case(plan, today, &mut out);

    for (i, m) in plan.household.iter().enumerate() {
        check_person_age(m.date_of_birth, m.age, today, &Item::HouseholdMember(i).path(), &mut out);
    }

    if let Some(a) = &plan.needs.assessment {
        let scores = [
            ("economic", a.baseline.economic),
            ("social", a.baseline.social),
            ("psychosocial", a.baseline.psychosocial),
            ("composite", a.baseline.composite),
        ];
        for (name, score) in scores {
            check_score(score, format!("/needs/assessment/baseline/{name}"), &mut out);
        }
    }

    for r in plan.measures() {
        let m = r.measure;
        match m.measure_type {
            None => {
                out.push(Finding::warning("measure_type_missing", r.field_path("measure_type")))
            }
            Some(t) if !t.fits(r.goal.dimension) => out.push(
                Finding::warning("measure_type_outside_dimension", r.field_path("measure_type"))
                    .with("measure_type", Param::Text(t.code().to_owned()))
                    .with("dimension", Param::Text(r.goal.dimension.code().to_owned())),
            ),
            Some(_) => {}
        }
        if let (Some(start), Some(due)) = (m.start_date, m.due_date)
            && due < start
        {
            out.push(
                Finding::error("due_before_start", r.field_path("due_date"))
                    .with("start", Param::Date(start))
                    .with("due", Param::Date(due)),
            );
        }
        if !m.provider.trim().is_empty() && m.referral_needed.is_none() {
            out.push(
                Finding::warning("referral_decision_missing", r.field_path("referral_needed"))
                    .with("provider", Param::Text(m.provider.clone())),
            );
        }
        if let Some(cost) = &m.estimated_cost {
            check_amount(cost, Some(currency), &r.field_path("estimated_cost"), &mut out);
        }
    }

    for (i, t) in plan.budget.tranches.iter().enumerate() {
        check_amount(&t.amount, Some(currency), &Item::Tranche(i).field("amount"), &mut out);
    }

    for (i, r) in plan.referrals.iter().enumerate() {
        if let Some(id) = r.measure_id
            && !plan.measures().any(|m| m.measure.id == id)
        {
            out.push(
                Finding::warning("referral_measure_unknown", Item::Referral(i).field("measure_id"))
                    .with("id", Param::Text(id.to_string())),
            );
        }
    }

    if plan.marked_for_partner_export && !plan.consent.allows_partner_export() {
        let path = if plan.consent.share_with_partners {
            "/consent/partner_organisations"
        } else {
            "/consent/share_with_partners"
        };
        out.push(Finding::error("partner_export_without_consent", path));
    }

    follow_through::check(plan, today, &mut out);
    check_duplicate_ids(plan, &mut out);
    out.extend(crate::protection::protection_findings(plan, today));
    out
}

fn check_case(plan: &Plan, today: NaiveDate, out: &mut Vec<Finding>) {
    let case = &plan.case;
    check_person_age(case.date_of_birth, case.age, today, "/case", out);

    check_country(&case.country_of_return, "/case/country_of_return", out);
    for (i, lang) in case.languages.iter().enumerate() {
        if !is_language_tag(lang) {
            out.push(
                Finding::warning("language_code_invalid", format!("/case/languages/{i}"))
                    .with("code", Param::Text(lang.clone())),
            );
        }
    }

    if let Some(date) = case.return_date {
        let earliest = today.checked_sub_months(Months::new(12 * RETURN_DATE_MAX_YEARS_PAST));
        let latest = today.checked_add_months(Months::new(12 * RETURN_DATE_MAX_YEARS_FUTURE));
        if let (Some(earliest), Some(latest)) = (earliest, latest)
            && (date < earliest || date > latest)
        {
            out.push(
                Finding::warning("return_date_implausible", "/case/return_date")
                    .with("return_date", Param::Date(date))
                    .with("earliest", Param::Date(earliest))
                    .with("latest", Param::Date(latest)),
            );
        }
        if case.return_date_is_planned && date < today {
            out.push(
                Finding::warning("planned_return_date_past", "/case/return_date_is_planned")
                    .with("return_date", Param::Date(date)),
            );
        }
    }

    for (i, debt) in case.debts.iter().enumerate() {
        // Debts may be in any currency (often the local one), so no currency check.
        check_amount(&debt.amount, None, &Item::Debt(i).field("amount"), out);
    }
}

/// An ISO 3166-1 alpha-2 code in shape, or nothing yet.
fn check_country(code: &str, path: &str, out: &mut Vec<Finding>) {
    let ok = code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase());
    if !code.is_empty() && !ok {
        out.push(
            Finding::warning("country_code_invalid", path)
                .with("code", Param::Text(code.to_owned())),
        );
    }
}

/// A score must lie in 0–100.
fn check_score(score: Option<u8>, path: String, out: &mut Vec<Finding>) {
    if let Some(s) = score.filter(|s| *s > 100) {
        out.push(
            Finding::error("score_out_of_range", path)
                .with("score", Param::Number(s.into()))
                .with("max", Param::Number(100)),
        );
    }
}

/// Age from a date of birth or as stated must lie in 0–[`AGE_MAX`].
fn check_person_age(
    dob: Option<NaiveDate>,
    age: Option<u32>,
    today: NaiveDate,
    path: &str,
    out: &mut Vec<Finding>,
) {
    if let Some(dob) = dob {
        if dob > today {
            out.push(
                Finding::error("date_of_birth_in_future", format!("{path}/date_of_birth"))
                    .with("date_of_birth", Param::Date(dob)),
            );
        } else if let Some(years) = crate::model::years_between(dob, today)
            && years > AGE_MAX
        {
            out.push(age_finding(format!("{path}/date_of_birth"), years));
        }
    }
    if let Some(age) = age
        && age > AGE_MAX
    {
        out.push(age_finding(format!("{path}/age"), age));
    }
}

fn age_finding(path: String, age: u32) -> Finding {
    Finding::error("age_out_of_range", path)
        .with("age", Param::Number(age.into()))
        .with("min", Param::Number(0))
        .with("max", Param::Number(AGE_MAX.into()))
}

/// Negative, absurdly large, or in another currency than the plan's (when `expected` is given).
fn check_amount(
    money: &Money,
    expected: Option<&CurrencyCode>,
    path: &str,
    out: &mut Vec<Finding>,
) {
    let amount = money.amount_minor;
    if amount < 0 {
        out.push(
            Finding::error("amount_negative", path).with("amount", Param::Money(money.clone())),
        );
    } else if amount > AMOUNT_MAX_EXACT_MINOR {
        let limit = Money::new(AMOUNT_MAX_EXACT_MINOR, money.currency.clone());
        out.push(
            Finding::error("amount_absurd", path)
                .with("amount", Param::Money(money.clone()))
                .with("limit", Param::Money(limit)),
        );
    } else if expected == Some(&money.currency) {
        let limit = Money::major(AMOUNT_ABSURD_MAJOR, money.currency.clone());
        if amount > limit.amount_minor {
            out.push(
                Finding::warning("amount_absurd", path)
                    .with("amount", Param::Money(money.clone()))
                    .with("limit", Param::Money(limit)),
            );
        }
    }
    if let Some(expected) = expected
        && expected != &money.currency
    {
        out.push(
            Finding::warning("currency_mismatch", format!("{path}/currency"))
                .with("currency", Param::Text(money.currency.to_string()))
                .with("expected", Param::Text(expected.to_string())),
        );
    }
}

/// A BCP 47 tag in shape: a 2–3 or 5–8 letter language, then 1–8 character alphanumeric parts.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let Some(lang) = parts.next() else { return false };
    let lang_ok =
        matches!(lang.len(), 2 | 3 | 5..=8) && lang.bytes().all(|b| b.is_ascii_alphabetic());
    lang_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Identifiers must be unique across the plan: the interface and partners find items by id.
fn check_duplicate_ids(plan: &Plan, out: &mut Vec<Finding>) {
    let mut ids: Vec<(Uuid, String)> = Vec::new();
    ids.extend(plan.case.debts.iter().enumerate().map(|(i, d)| (d.id, Item::Debt(i).path())));
    ids.extend(
        plan.household.iter().enumerate().map(|(i, m)| (m.id, Item::HouseholdMember(i).path())),
    );
    for (g, goal) in plan.goals.iter().enumerate() {
        ids.push((goal.id, Item::Goal(g).path()));
        ids.extend(
            goal.measures
                .iter()
                .enumerate()
                .map(|(m, x)| (x.id, Item::Measure { goal: g, measure: m }.path())),
        );
        for (m, measure) in goal.measures.iter().enumerate() {
            let at = Item::Measure { goal: g, measure: m };
            ids.extend(
                measure
                    .items
                    .iter()
                    .enumerate()
                    .map(|(k, i)| (i.id, at.field(&format!("items/{k}")))),
            );
        }
    }
    ids.extend(
        plan.budget.tranches.iter().enumerate().map(|(i, t)| (t.id, Item::Tranche(i).path())),
    );
    ids.extend(plan.referrals.iter().enumerate().map(|(i, r)| (r.id, Item::Referral(i).path())));
    ids.extend(plan.follow_ups.iter().enumerate().map(|(i, f)| (f.id, Item::FollowUp(i).path())));
    ids.extend(
        plan.protection
            .referrals
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id, Item::ProtectionReferral(i).path())),
    );
    let mut seen: BTreeMap<Uuid, ()> = BTreeMap::new();
    for (id, path) in ids {
        if seen.insert(id, ()).is_some() {
            out.push(
                Finding::error("duplicate_id", format!("{path}/id"))
                    .with("id", Param::Text(id.to_string())),
            );
        }
    }
}

/// What is still missing for a complete plan, as Info findings, in document order.
pub fn missing_for_completeness(plan: &Plan) -> Vec<Finding> {
    checklist(plan).into_iter().flatten().collect()
}

/// How complete the plan is, 0–100: the share of checklist items satisfied. 100 exactly when
/// [`missing_for_completeness`] is empty.
pub fn completeness(plan: &Plan) -> u8 {
    let items = checklist(plan);
    let total = items.len();
    let done = items.iter().filter(|i| i.is_empty()).count();
    u8::try_from(done * 100 / total.max(1)).unwrap_or(100)
}

/// The completeness checklist: one entry per item, each empty when satisfied or holding the
/// findings that say what is missing. The number of items is fixed, so percentages compare.
fn checklist(plan: &Plan) -> Vec<Vec<Finding>> {
    let blank = |s: &str| s.trim().is_empty();
    let one = |missing: bool, f: Finding| if missing { vec![f] } else { Vec::new() };
    let case = &plan.case;
    let mut items = vec![
        one(
            blank(&case.case_reference),
            Finding::info("case_reference_missing", "/case/case_reference"),
        ),
        one(
            blank(&case.country_of_return),
            Finding::info("country_of_return_missing", "/case/country_of_return"),
        ),
        one(case.return_date.is_none(), Finding::info("return_date_missing", "/case/return_date")),
        one(
            blank(&plan.needs.aspirations),
            Finding::info("aspirations_missing", "/needs/aspirations"),
        ),
    ];
    for d in Dimension::ALL {
        items.push(one(
            blank(plan.needs.summary.get(d)),
            Finding::info("needs_summary_missing", Item::Summary(d).path())
                .with("dimension", Param::Text(d.code().to_owned())),
        ));
    }
    items.push(one(
        plan.needs.assessment.is_none(),
        Finding::info("assessment_missing", "/needs/assessment"),
    ));
    for d in Dimension::ALL {
        items.push(one(
            !plan.goals.iter().any(|g| g.dimension == d),
            Finding::info("goal_missing_in_dimension", "/goals")
                .with("dimension", Param::Text(d.code().to_owned())),
        ));
    }
    items.push(
        plan.goals
            .iter()
            .enumerate()
            .filter(|(_, g)| g.measures.is_empty())
            .map(|(i, _)| Finding::info("goal_without_measures", Item::Goal(i).field("measures")))
            .collect(),
    );
    items.push(
        plan.measures()
            .filter(|m| !m.measure.returnee_agreed)
            .map(|m| Finding::info("measure_not_agreed", m.field_path("returnee_agreed")))
            .collect(),
    );
    items.push(one(plan.follow_ups.is_empty(), Finding::info("follow_up_missing", "/follow_ups")));
    let c = &plan.consent;
    items.push(
        [
            ("no_pressure", c.no_pressure),
            ("information_received", c.information_received),
            ("time_to_consider", c.time_to_consider),
            ("right_to_withdraw_explained", c.right_to_withdraw_explained),
        ]
        .into_iter()
        .filter(|(_, given)| !given)
        .map(|(item, _)| {
            Finding::info("consent_incomplete", Item::Part(Part::Consent).field(item))
                .with("item", Param::Text(item.to_owned()))
        })
        .collect(),
    );
    for (signer, sig) in
        [("returnee", &plan.signatures.returnee), ("counsellor", &plan.signatures.counsellor)]
    {
        items.push(one(
            sig.is_none(),
            Finding::info("signature_missing", Item::Part(Part::Signatures).field(signer))
                .with("signer", Param::Text(signer.to_owned())),
        ));
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_tags_in_shape() {
        for ok in ["en", "fr", "ps-AF", "zh-Hant-TW", "ber", "es-419"] {
            assert!(is_language_tag(ok), "{ok}");
        }
        for bad in ["", "e", "english language", "en_GB", "en-", "toolongtag"] {
            assert!(!is_language_tag(bad), "{bad}");
        }
    }

    #[test]
    fn an_empty_plan_is_valid_and_not_complete() {
        let plan = Plan::default();
        let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        assert_eq!(validate(&plan, today), Vec::new());
        let missing = missing_for_completeness(&plan);
        assert!(missing.iter().all(|f| f.severity == crate::finding::Severity::Info));
        assert!(missing.iter().any(|f| f.code == "case_reference_missing"));
        // Vacuously satisfied: no goal without measures, no measure not agreed.
        assert_eq!(completeness(&plan), 2 * 100 / 17);
    }
}
