//! Checking and tabulating 10,000 family-size plans (the family fixture with its own id and case
//! reference each), with one and with two worker threads.
//!
//! `cargo bench -p homeward-cli --bench table`. The plans are written to a temporary folder once,
//! before the first benchmark; reading them back from disk is part of what is measured.

use std::path::PathBuf;
use std::sync::LazyLock;

use chrono::NaiveDate;
use homeward_cli::context::Context;
use homeward_cli::{check, table};
use homeward_plan::interchange::{export_json, import_json};

const PLANS: usize = 10_000;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

static DIR: LazyLock<tempfile::TempDir> = LazyLock::new(|| {
    let dir = tempfile::tempdir().unwrap();
    let fixture =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/plan-family-full.json");
    let text = std::fs::read_to_string(fixture).unwrap();
    let family = import_json(&text, today(), None).unwrap().plan;
    for i in 0..PLANS {
        let mut plan = family.clone();
        plan.id = uuid::Uuid::new_v4();
        plan.case.case_reference = format!("CASE-{i:05}");
        std::fs::write(
            dir.path().join(format!("plan-{i:05}.json")),
            export_json(
                &plan,
                &homeward_plan::programme::preset(&plan.programme_id)
                    .unwrap_or_else(homeward_plan::programme::default_preset),
            ),
        )
        .unwrap();
    }
    dir
});

fn pool(threads: usize) -> rayon::ThreadPool {
    rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap()
}

fn inputs() -> Vec<PathBuf> {
    vec![DIR.path().to_path_buf()]
}

#[divan::bench(args = [1, 2], sample_count = 3, sample_size = 1)]
fn check_10000_plans(bencher: divan::Bencher, threads: usize) {
    let ctx = Context::new(Some(today()), &[], None).unwrap();
    let inputs = inputs();
    let pool = pool(threads);
    bencher.bench(|| {
        let failed =
            pool.install(|| check::run(&inputs, &ctx, true, true, &mut std::io::sink())).unwrap();
        assert_eq!(failed, 0);
    });
}

#[divan::bench(args = [1, 2], sample_count = 3, sample_size = 1)]
fn table_10000_plans(bencher: divan::Bencher, threads: usize) {
    let ctx = Context::new(Some(today()), &[], None).unwrap();
    let inputs = inputs();
    let out = tempfile::tempdir().unwrap();
    let outputs = table::Outputs {
        plans: out.path().join("plans.csv"),
        measures: out.path().join("measures.csv"),
        payments: Some(out.path().join("payments.csv")),
        follow_ups: Some(out.path().join("follow_ups.csv")),
        include_private: false,
    };
    let pool = pool(threads);
    bencher.bench(|| {
        let summary = pool.install(|| table::run(&inputs, &ctx, &outputs)).unwrap();
        assert_eq!(summary.plans, PLANS);
    });
}

fn main() {
    divan::main();
}
