//! `homeward table`: the CSVs load in a CSV reader with the expected rows and columns, and a
//! file that fails is listed and leaves no row behind.

mod common;

use std::collections::HashMap;
use std::path::Path;

use common::{fixtures, malformed, run, run_with, s, vector};
use homeward_plan::interchange::import_json;
use homeward_plan::model::Plan;

fn read_csv(path: &Path) -> (Vec<String>, Vec<HashMap<String, String>>) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), headers.len());
            headers.iter().cloned().zip(r.iter().map(str::to_owned)).collect()
        })
        .collect();
    (headers, rows)
}

fn fixture_plans() -> Vec<Plan> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    ["plan-200-measures.json", "plan-family-full.json", "plan-minimal.json"]
        .iter()
        .map(|n| {
            let text = std::fs::read_to_string(fixtures().join(n)).unwrap();
            import_json(&text, today, None).unwrap().plan
        })
        .collect()
}

#[test]
fn tables_of_the_fixtures_have_one_row_per_plan_measure_payment_and_contact() {
    let out = tempfile::tempdir().unwrap();
    let [plans, measures, payments, follow_ups] =
        ["plans.csv", "measures.csv", "payments.csv", "follow_ups.csv"].map(|n| out.path().join(n));
    let names = ["plan-200-measures.json", "plan-family-full.json", "plan-minimal.json"];
    let files = names.map(|n| fixtures().join(n));
    let r = run(&[
        "table",
        s(&files[0]),
        s(&files[1]),
        s(&files[2]),
        "--plans",
        s(&plans),
        "--measures",
        s(&measures),
        "--payments",
        s(&payments),
        "--follow-ups",
        s(&follow_ups),
        "--today",
        "2026-12-01",
    ]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let expected = fixture_plans();

    let (headers, rows) = read_csv(&plans);
    for column in [
        "plan_id",
        "case_reference",
        "programme_id",
        "country_of_return",
        "return_date",
        "household_size",
        "completeness",
        "short_term_available_minor",
        "short_term_allocated",
        "longer_term_remaining_minor",
        "state",
    ] {
        assert!(headers.iter().any(|h| h == column), "plans.csv has no {column}: {headers:?}");
    }
    assert_eq!(rows.len(), expected.len());
    for (row, plan) in rows.iter().zip(&expected) {
        assert_eq!(row["plan_id"], plan.id.to_string());
        assert_eq!(row["case_reference"], plan.case.case_reference);
        assert_eq!(row["measures"], plan.measures().count().to_string());
        let completeness = homeward_plan::validate::completeness(plan).to_string();
        assert_eq!(row["completeness"], completeness);
        assert_eq!(row["state"], homeward_plan::progress::plan_state(plan).code());
        if let Some(d) = plan.case.return_date {
            assert_eq!(row["return_date"], d.format("%Y-%m-%d").to_string());
        }
    }
    // The family plan is under a built-in programme: its budget figures are there and add up.
    let family = &rows[1];
    let minor = |k: &str| family[k].parse::<i64>().unwrap();
    assert_eq!(
        minor("short_term_available_minor") - minor("short_term_allocated_minor"),
        minor("short_term_remaining_minor")
    );
    let decimal: f64 = family["short_term_allocated"].parse().unwrap();
    assert_eq!((decimal * 100.0).round() as i64, minor("short_term_allocated_minor"));

    let (headers, rows) = read_csv(&measures);
    for column in [
        "plan_id",
        "dimension",
        "goal",
        "measure_type",
        "package",
        "modality",
        "cost_minor",
        "cost",
        "status",
    ] {
        assert!(headers.iter().any(|h| h == column), "measures.csv has no {column}");
    }
    let total: usize = expected.iter().map(|p| p.measures().count()).sum();
    assert_eq!(rows.len(), total);
    let first = expected[0].measures().next().unwrap();
    assert_eq!(rows[0]["measure_id"], first.measure.id.to_string());
    assert_eq!(rows[0]["description"], first.measure.description);

    let (_, rows) = read_csv(&payments);
    assert_eq!(rows.len(), expected.iter().map(|p| p.budget.tranches.len()).sum::<usize>());
    assert!(rows.iter().all(|r| r["date"].len() == 10 && r["amount_minor"].parse::<i64>().is_ok()));
    let (_, rows) = read_csv(&follow_ups);
    assert_eq!(rows.len(), expected.iter().map(|p| p.follow_ups.len()).sum::<usize>());
}

#[test]
fn failing_files_are_listed_and_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let bad = malformed(dir.path());
    std::fs::copy(fixtures().join("plan-family-full.json"), dir.path().join("good.json")).unwrap();
    std::fs::copy(vector().join("plan.sealed.json"), dir.path().join("sealed.json")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let plans = out.path().join("plans.csv");
    let measures = out.path().join("measures.csv");
    let r = run_with(
        &["table", s(dir.path()), "--plans", s(&plans), "--measures", s(&measures)],
        &[("HOMEWARD_PASSPHRASE", &common::passphrase())],
    );
    assert_eq!(r.status, 1, "{}", r.stderr);
    for (name, code) in &bad {
        assert!(
            r.stderr
                .lines()
                .any(|l| l.starts_with("skipped") && l.contains(name) && l.contains(code)),
            "{name} not listed as skipped with {code}:\n{}",
            r.stderr
        );
    }
    let (_, rows) = read_csv(&plans);
    assert_eq!(rows.len(), 2, "the good plan and the opened sealed one");
    assert!(
        rows.iter().all(|r| r["file"].ends_with("good.json") || r["file"].ends_with("sealed.json"))
    );
    let (_, rows) = read_csv(&measures);
    let family = &fixture_plans()[1];
    assert_eq!(rows.len(), family.measures().count());
}

#[test]
fn no_plan_at_all_still_gives_tables_with_their_columns() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.json"), "nope").unwrap();
    let out = tempfile::tempdir().unwrap();
    let plans = out.path().join("plans.csv");
    let measures = out.path().join("measures.csv");
    let r = run(&["table", s(dir.path()), "--plans", s(&plans), "--measures", s(&measures)]);
    assert_eq!(r.status, 1);
    let (headers, rows) = read_csv(&plans);
    assert!(headers.contains(&"plan_id".to_string()));
    assert!(rows.is_empty());
    let (headers, _) = read_csv(&measures);
    assert!(headers.contains(&"cost_minor".to_string()));
}

#[test]
fn an_unwritable_table_is_a_usage_error() {
    let names = ["plan-200-measures.json", "plan-family-full.json", "plan-minimal.json"];
    let files = names.map(|n| fixtures().join(n));
    let r = run(&[
        "table",
        s(&files[0]),
        s(&files[1]),
        s(&files[2]),
        "--plans",
        "/no/such/dir/plans.csv",
        "--measures",
        "/no/such/dir/measures.csv",
    ]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("cannot write"), "{}", r.stderr);
}
