//! What the rules say about the screening: an error for every concern that still lacks a
//! referral or the counsellor's review, and for a signature given while one does; warnings for
//! a referral the returnee has not agreed to, a review that stops or postpones the return, a
//! creditor's threats not tied to a debt under high pressure, and a question left unasked when
//! the case calls for it; and, from the programme's configuration, a finding for a return to
//! where returns are limited or suspended, with the source.

use chrono::NaiveDate;

use super::{Answer, Lacking, Question, ReviewOutcome};
use crate::finding::{Finding, Param};
use crate::model::{Plan, PressureLevel, Vulnerability};
use crate::path::{Item, Part};
use crate::programme::{RestrictionLevel, ReturnRestriction};

/// Age below which a person is a child.
const ADULT_AGE: u32 = 18;

/// Every code [`protection_findings`] and [`restriction_findings`] can return.
pub const FINDING_CODES: &[&str] = &[
    "agreed_with_open_concern",
    "child_care_not_asked",
    "creditor_threat_debt_missing",
    "creditor_threat_pressure_not_high",
    "creditor_threats_not_asked",
    "exploitation_risk_not_asked",
    "health_care_not_asked",
    "protection_concern_without_referral",
    "protection_concern_without_review",
    "protection_concern_without_referral_and_review",
    "protection_referral_not_agreed",
    "protection_review_not_proceed",
    "return_limited_to_country",
    "return_limited_to_region",
    "return_suspended_to_country",
    "return_suspended_to_region",
];

/// Findings of the screening, in document order. `today` decides who is a child when the
/// return date is not known.
pub fn protection_findings(plan: &Plan, today: NaiveDate) -> Vec<Finding> {
    let mut out = Vec::new();
    let protection = &plan.protection;
    for q in Question::ALL {
        let answer = protection.answer(q);
        if let Some(lacking) = protection.lacking(q) {
            out.push(match lacking {
                Lacking::Referral => concern("protection_concern_without_referral", q),
                Lacking::Review => concern("protection_concern_without_review", q),
                Lacking::ReferralAndReview => {
                    concern("protection_concern_without_referral_and_review", q)
                }
            });
        }
        if answer.answer == Answer::Yes
            && let Some(outcome @ (ReviewOutcome::Postpone | ReviewOutcome::Stop)) =
                answer.review.outcome
        {
            out.push(
                Finding::warning(
                    "protection_review_not_proceed",
                    format!("{}/review/outcome", q.path()),
                )
                .with("concern", Param::Text(q.code().to_owned()))
                .with("review_outcome", Param::Text(outcome.code().to_owned())),
            );
        }
        if answer.answer == Answer::NotAsked {
            out.extend(unasked_but_called_for(plan, q, today));
        }
    }
    check_creditor(plan, &mut out);
    for (i, r) in protection.referrals.iter().enumerate() {
        if !r.returnee_agreed {
            out.push(
                Finding::warning(
                    "protection_referral_not_agreed",
                    Item::ProtectionReferral(i).field("returnee_agreed"),
                )
                .with("concern", Param::Text(r.concern.code().to_owned())),
            );
        }
    }
    if protection.concerns().any(|q| protection.lacking(q).is_some()) {
        for (signer, signature) in
            [("returnee", &plan.signatures.returnee), ("counsellor", &plan.signatures.counsellor)]
        {
            if signature.is_some() {
                out.push(
                    Finding::error(
                        "agreed_with_open_concern",
                        Item::Part(Part::Signatures).field(signer),
                    )
                    .with("signer", Param::Text(signer.to_owned())),
                );
            }
        }
    }
    out
}

/// The error for a concern that lacks something before the plan may be agreed.
fn concern(code: &'static str, q: Question) -> Finding {
    Finding::error(code, q.path()).with("concern", Param::Text(q.code().to_owned()))
}

/// The warning for a question not asked although the case calls for it, if it does.
fn unasked_but_called_for(plan: &Plan, q: Question, today: NaiveDate) -> Option<Finding> {
    let has = |v: Vulnerability| plan.case.vulnerabilities.contains(&v);
    let path = format!("{}/answer", q.path());
    match q {
        Question::CreditorThreats => plan
            .case
            .debts
            .iter()
            .any(|d| d.pressure_to_repay == PressureLevel::High)
            .then(|| Finding::warning("creditor_threats_not_asked", path)),
        Question::RiskOfExploitation => has(Vulnerability::SurvivorOfTraffickingOrViolence)
            .then(|| Finding::warning("exploitation_risk_not_asked", path)),
        Question::HealthCareUnavailable => has(Vulnerability::SeriousHealthCondition)
            .then(|| Finding::warning("health_care_not_asked", path)),
        Question::ChildWithoutCare => {
            let on = plan.case.return_date.unwrap_or(today);
            let child = |age: Option<u32>| age.is_some_and(|a| a < ADULT_AGE);
            let returnee_child =
                has(Vulnerability::UnaccompaniedOrSeparatedChild) || child(plan.case.age_on(on));
            let child_with_them = plan.returning_household().any(|m| child(m.age_on(on)));
            (returnee_child || child_with_them)
                .then(|| Finding::warning("child_care_not_asked", path))
        }
        Question::ThreatOnReturn | Question::FearOfPersecution => None,
    }
}

/// A creditor's threats name the debt, and that debt's pressure to repay is high.
fn check_creditor(plan: &Plan, out: &mut Vec<Finding>) {
    let protection = &plan.protection;
    if protection.creditor_threats.answer != Answer::Yes {
        return;
    }
    let debt = protection
        .threatening_debt_id
        .and_then(|id| plan.case.debts.iter().enumerate().find(|(_, d)| d.id == id));
    match debt {
        None => out.push(Finding::warning(
            "creditor_threat_debt_missing",
            "/protection/threatening_debt_id",
        )),
        Some((i, d)) if d.pressure_to_repay != PressureLevel::High => out.push(Finding::warning(
            "creditor_threat_pressure_not_high",
            Item::Debt(i).field("pressure_to_repay"),
        )),
        Some(_) => {}
    }
}

/// Findings for a return to where the programme limits or suspends returns: an error when
/// suspended, a warning when limited, on the region (or the country, for a restriction of the
/// whole country), with the day since when and the source.
pub fn restriction_findings(plan: &Plan, restrictions: &[ReturnRestriction]) -> Vec<Finding> {
    let case = &plan.case;
    restrictions
        .iter()
        .filter(|r| r.applies_to(&case.country_of_return, &case.region))
        .map(|r| {
            let finding = match (r.level, &r.region) {
                (RestrictionLevel::Suspended, None) => {
                    Finding::error("return_suspended_to_country", "/case/country_of_return")
                }
                (RestrictionLevel::Limited, None) => {
                    Finding::warning("return_limited_to_country", "/case/country_of_return")
                }
                (RestrictionLevel::Suspended, Some(_)) => {
                    Finding::error("return_suspended_to_region", "/case/region")
                }
                (RestrictionLevel::Limited, Some(_)) => {
                    Finding::warning("return_limited_to_region", "/case/region")
                }
            };
            let finding = finding.with("country", Param::Text(r.country.clone()));
            let finding = match &r.region {
                Some(region) => finding.with("region", Param::Text(region.clone())),
                None => finding,
            };
            finding
                .with("since", Param::Date(r.since))
                .with("source", Param::Text(r.source.clone()))
        })
        .collect()
}
