//! Plans the tests, the fixtures and the benchmark share. The fixtures in the repository's
//! `tests/fixtures/` are these plans exported; `tests/fixtures.rs` keeps them in sync. The plans
//! are in `plans.rs` and `family.rs`; here are the helpers they and the tests use.
#![allow(dead_code)] // Each test crate uses a different part.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use homeward_plan::model::*;
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::protection::Protection;
use uuid::Uuid;

mod family;
pub mod generated;
mod plans;
pub mod strategies;

// Re-exported so that the tests name them `common::minimal_plan` and so on; each test crate
// uses a different part.
#[allow(unused_imports)]
pub use family::full_family_plan;
#[allow(unused_imports)]
pub use plans::{fixture_plans, full_protection, minimal_plan, plan_with_measures};

/// The programme the fixture plans are drafted under (`eurp_voluntary`).
#[allow(dead_code)] // Not every test file exports.
pub fn programme() -> homeward_plan::programme::ProgrammeConfig {
    homeward_plan::programme::default_preset()
}

/// The day the tests treat as today.
pub fn today() -> NaiveDate {
    date(2026, 11, 23)
}

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
}

pub fn at(rfc3339: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(rfc3339).expect("valid test timestamp").to_utc()
}

/// A deterministic UUID v4 (version and variant bits set), so fixtures look like real files.
pub fn id(n: u128) -> Uuid {
    uuid::Builder::from_random_bytes((0x5eed_0000_0000_0000_0000_0000_0000_0000 | n).to_be_bytes())
        .into_uuid()
}

pub fn eur(major: i64) -> Money {
    Money::major(major, CurrencyCode::eur())
}

/// The repository's `tests/fixtures/` folder.
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

pub fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join(name)).expect("fixture readable")
}

/// The fixtures as version 1 wrote them, kept to prove that old files still open.
pub fn read_v1_fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join("v1").join(name)).expect("v1 fixture readable")
}

/// The fixtures as version 2 wrote them, kept to prove that old files still open.
pub fn read_v2_fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures_dir().join("v2").join(name)).expect("v2 fixture readable")
}

/// The plan as a version-2 file could hold it: nothing of the IOM template's follow-through
/// (version 3) was recorded.
pub fn without_version_3_fields(mut plan: Plan) -> Plan {
    let case = &mut plan.case;
    case.nationality.clear();
    case.host_country.clear();
    case.departure_date = None;
    case.contact_after_return = ReturnContact::default();
    for m in &mut plan.household {
        m.gender = None;
        m.schooling = None;
        m.vulnerabilities.clear();
    }
    plan.needs.targets = DimensionScores::default();
    for goal in &mut plan.goals {
        for m in &mut goal.measures {
            m.items.clear();
            m.actual_cost = None;
            m.delivered_on = None;
        }
    }
    for t in &mut plan.budget.tranches {
        t.at_departure = false;
        t.paid_on = None;
        t.paid_amount = None;
        t.measure_ids.clear();
    }
    for r in &mut plan.referrals {
        r.contact.clear();
        r.returnee_agreed = None;
        r.outcome.clear();
        r.outcome_on = None;
    }
    plan.follow_ups.iter_mut().for_each(|f| f.scores = DimensionScores::default());
    plan.counsellor = Counsellor::default();
    plan.revision = 0;
    plan.closed_on = None;
    plan
}

/// The plan as a version-1 file could hold it: version 1 had no privacy marks.
pub fn without_privacy_marks(mut plan: Plan) -> Plan {
    plan.case.debts.iter_mut().for_each(|d| d.private = false);
    plan.needs.priorities.iter_mut().for_each(|p| p.private = false);
    for goal in &mut plan.goals {
        goal.private = false;
        goal.measures.iter_mut().for_each(|m| m.private = false);
    }
    plan.budget.tranches.iter_mut().for_each(|t| t.private = false);
    plan.referrals.iter_mut().for_each(|r| r.private = false);
    plan.follow_ups.iter_mut().for_each(|f| f.private = false);
    // Nor a safety screening: a version-1 file opens with nothing asked yet.
    plan.protection = Protection::default();
    plan
}
