//! `homeward partner` gives byte for byte the domain's partner file (the app's) for the same plan,
//! recipient and day, and refuses where the domain refuses; `table` hides private texts unless
//! `--include-private`.

mod common;

use std::path::Path;

use common::{fixtures, run, run_with, s, vector};
use homeward_plan::interchange::{export_json, import_json, partner_export_json};
use homeward_plan::model::Plan;
use homeward_plan::privacy::measure_privacy;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

fn family() -> Plan {
    let text = std::fs::read_to_string(fixtures().join("plan-family-full.json")).unwrap();
    import_json(&text, today(), None).unwrap().plan
}

fn write_plan(dir: &Path, name: &str, plan: &Plan) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(
        &path,
        export_json(
            plan,
            &homeward_plan::programme::preset(&plan.programme_id)
                .unwrap_or_else(homeward_plan::programme::default_preset),
        ),
    )
    .unwrap();
    path
}

#[test]
fn the_partner_file_is_the_apps_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    for special in [true, false] {
        let mut plan = family();
        plan.consent.share_special_category = special;
        let input = write_plan(dir.path(), "plan.json", &plan);
        for org in plan.consent.partner_organisations.clone() {
            let out = dir.path().join("partner.json");
            let r = run(&[
                "partner",
                s(&input),
                "--to",
                &org,
                "-o",
                s(&out),
                "--made-on",
                "2026-12-01",
            ]);
            assert_eq!(r.status, 0, "{}", r.stderr);
            let expected = partner_export_json(
                &plan,
                &homeward_plan::programme::preset(&plan.programme_id)
                    .unwrap_or_else(homeward_plan::programme::default_preset),
                &org,
                today(),
            )
            .unwrap();
            assert!(std::fs::read_to_string(&out).unwrap() == expected, "{org}, special {special}");
            // And the partner file is itself a plan the command line checks as valid.
            assert_eq!(run(&["check", s(&out), "--today", "2026-12-01"]).status, 0);
        }
    }
}

#[test]
fn private_texts_do_not_reach_the_partner_without_consent() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = family();
    plan.consent.share_special_category = false;
    let input = write_plan(dir.path(), "plan.json", &plan);
    let out = dir.path().join("partner.json");
    let org = plan.consent.partner_organisations[0].clone();
    assert_eq!(run(&["partner", s(&input), "--to", &org, "-o", s(&out)]).status, 0);
    let text = std::fs::read_to_string(&out).unwrap();
    let private: Vec<&str> = plan
        .measures()
        .filter(|m| measure_privacy(m.goal, m.measure).is_some())
        .map(|m| m.measure.description.as_str())
        .collect();
    assert!(!private.is_empty(), "the family plan has private measures");
    for description in private {
        assert!(!text.contains(description), "{description} leaked");
    }
}

#[test]
fn a_sealed_plan_can_be_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("partner.json");
    let plain = std::fs::read_to_string(vector().join("plan.json")).unwrap();
    let plan = import_json(&plain, today(), None).unwrap().plan;
    let r = run_with(
        &["partner", s(&vector().join("plan.sealed.json")), "--to", "Anyone", "-o", s(&out)],
        &[("HOMEWARD_PASSPHRASE", &common::passphrase())],
    );
    // The vector's plan has no consent to share: refused exactly as the domain refuses.
    let refusal = partner_export_json(
        &plan,
        &homeward_plan::programme::preset(&plan.programme_id)
            .unwrap_or_else(homeward_plan::programme::default_preset),
        "Anyone",
        today(),
    )
    .unwrap_err();
    assert_eq!(r.status, 1, "{}", r.stderr);
    assert!(r.stderr.contains(&format!("[{}]", refusal.code())), "{}", r.stderr);
    assert!(!out.exists());
}

#[test]
fn refused_without_consent_or_for_an_organisation_not_named() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("partner.json");
    let plan = family();
    let input = write_plan(dir.path(), "plan.json", &plan);
    let r = run(&["partner", s(&input), "--to", "Someone Else", "-o", s(&out)]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("[recipient_not_named]"), "{}", r.stderr);

    let mut no_consent = plan.clone();
    no_consent.consent.share_with_partners = false;
    let input = write_plan(dir.path(), "no-consent.json", &no_consent);
    let org = plan.consent.partner_organisations[0].clone();
    let r = run(&["partner", s(&input), "--to", &org, "-o", s(&out)]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("[no_consent_to_share]"), "{}", r.stderr);
    assert!(!out.exists(), "nothing written when refused");
}

#[test]
fn tables_show_private_items_only_as_type_and_amount_unless_asked() {
    let dir = tempfile::tempdir().unwrap();
    let plan = family();
    let input = write_plan(dir.path(), "plan.json", &plan);
    let private: Vec<_> =
        plan.measures().filter(|m| measure_privacy(m.goal, m.measure).is_some()).collect();
    assert!(!private.is_empty());
    for include in [false, true] {
        let plans = dir.path().join("plans.csv");
        let measures = dir.path().join("measures.csv");
        let mut args = vec!["table", s(&input), "--plans", s(&plans), "--measures", s(&measures)];
        if include {
            args.push("--include-private");
        }
        assert_eq!(run(&args).status, 0);
        let text = std::fs::read_to_string(&measures).unwrap();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        for m in &private {
            let row =
                rows.iter().find(|r| r[col("measure_id")] == m.measure.id.to_string()).unwrap();
            assert_eq!(&row[col("private")], "true");
            assert_eq!(&row[col("measure_type")], m.measure.measure_type.unwrap().code());
            let cost = m.measure.estimated_cost.as_ref().map(|c| c.amount_minor.to_string());
            assert_eq!(row[col("cost_minor")].to_string(), cost.unwrap_or_default());
            assert_eq!(text.contains(&m.measure.description), include, "{}", m.measure.description);
        }
    }
}
