//! `homeward check` and `homeward schema`, and the help of every command.

mod common;

use common::{fixtures, malformed, run, run_with, s, vector};
use serde_json::Value;

#[test]
fn every_command_explains_itself_with_an_example() {
    let top = run(&["--help"]);
    assert_eq!(top.status, 0);
    for cmd in ["check", "seal", "open", "table", "schema"] {
        assert!(top.stdout.contains(cmd), "{cmd} missing from --help");
        let help = run(&[cmd, "--help"]);
        assert_eq!(help.status, 0, "{cmd} --help");
        assert!(help.stdout.contains("Example"), "{cmd} --help has no example:\n{}", help.stdout);
        assert!(help.stdout.contains(&format!("homeward {cmd} ")), "{cmd}: example of itself");
    }
}

#[test]
fn unknown_arguments_are_a_usage_error() {
    assert_eq!(run(&["check"]).status, 2);
    assert_eq!(run(&["frobnicate"]).status, 2);
    let r = run(&["open", "x.json", "-o", "y.json", "--passphrase", "secret"]);
    assert_eq!(r.status, 2, "a passphrase on the command line is refused");
}

#[test]
fn the_fixtures_are_valid_plans() {
    let r = run(&["check", s(&fixtures()), "--today", "2026-12-01"]);
    assert_eq!(r.status, 0, "{}{}", r.stdout, r.stderr);
    let lines: Vec<&str> = r.stdout.lines().collect();
    // The current fixtures and, in v1/ and v2/, the older files, which are migrated.
    assert_eq!(lines.len(), 9, "{}", r.stdout);
    assert!(lines.iter().all(|l| l.starts_with("ok ")), "{}", r.stdout);
    assert!(lines[0].ends_with("plan-200-measures.json"), "sorted: {}", r.stdout);
    assert_eq!(lines.iter().filter(|l| l.ends_with("(version 1, migrated)")).count(), 3);
    assert_eq!(lines.iter().filter(|l| l.ends_with("(version 2, migrated)")).count(), 3);
}

#[test]
fn each_malformed_file_gets_its_own_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let expected = malformed(dir.path());
    let r = run(&["check", s(dir.path())]);
    assert_eq!(r.status, 1);
    let lines: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(lines.len(), expected.len(), "one line per file:\n{}", r.stdout);
    for (line, (name, code)) in lines.iter().zip(&expected) {
        assert!(line.starts_with("error "), "{line}");
        assert!(line.contains(name), "{line} should name {name}");
        assert!(line.contains(&format!("[{code}]")), "{line} should say {code}");
    }
    assert!(r.stderr.contains("0 valid"), "{}", r.stderr);

    // The same as JSON lines.
    let r = run(&["check", s(dir.path()), "--json"]);
    assert_eq!(r.status, 1);
    let docs: Vec<Value> = r.stdout.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(docs.len(), expected.len());
    for (doc, (name, code)) in docs.iter().zip(&expected) {
        assert_eq!(doc["ok"], false);
        assert!(doc["file"].as_str().unwrap().ends_with(name));
        assert_eq!(doc["errors"][0]["code"], *code, "{doc}");
    }
    let not_json = docs.iter().find(|d| d["errors"][0]["code"] == "not_json").unwrap();
    assert_eq!(not_json["errors"][0]["line"], 1);
    let unknown = docs.iter().find(|d| d["file"].as_str().unwrap().contains("unknown")).unwrap();
    assert_eq!(unknown["errors"][0]["path"], "/surprise");
}

#[test]
fn a_missing_file_is_reported_not_fatal() {
    let minimal = fixtures().join("plan-minimal.json");
    let r = run(&["check", s(&minimal), "no/such/file.json"]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.contains("ok      "), "{}", r.stdout);
    assert!(r.stdout.contains("[not_found]"), "{}", r.stdout);
}

#[test]
fn a_rule_broken_inside_a_plan_is_an_error_with_its_path() {
    let text = std::fs::read_to_string(fixtures().join("plan-family-full.json")).unwrap();
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    let measure = &mut doc["goals"][0]["measures"][0];
    measure["start_date"] = "2027-03-01".into();
    measure["due_date"] = "2027-02-01".into();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("plan.json");
    std::fs::write(&file, serde_json::to_string_pretty(&doc).unwrap()).unwrap();
    let r = run(&["check", s(&file), "--today", "2026-12-01"]);
    assert_eq!(r.status, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains("[due_before_start] at /goals/0/measures/0/due_date"),
        "{}",
        r.stdout
    );
}

#[test]
fn findings_are_shown_on_request_and_do_not_change_the_status() {
    let minimal = fixtures().join("plan-minimal.json");
    let plain = run(&["check", s(&minimal), "--today", "2026-12-01"]);
    let with = run(&["check", s(&minimal), "--today", "2026-12-01", "--findings"]);
    assert_eq!((plain.status, with.status), (0, 0));
    assert_eq!(plain.stdout.lines().count(), 1);
    assert!(with.stdout.contains("[return_date_missing] at /case/return_date"), "{}", with.stdout);
    let json = run(&["check", s(&minimal), "--today", "2026-12-01", "--findings", "--json"]);
    let doc: Value = serde_json::from_str(json.stdout.trim()).unwrap();
    assert!(doc["findings"].as_array().unwrap().iter().any(|f| f["code"] == "return_date_missing"));
}

#[test]
fn sealed_files_are_checked_with_the_passphrase() {
    let sealed = vector().join("plan.sealed.json");
    let pass_file = vector().join("passphrase.txt");
    let r = run(&["check", s(&sealed), "--passphrase-file", s(&pass_file)]);
    assert_eq!(r.status, 0, "{}{}", r.stdout, r.stderr);
    assert!(r.stdout.contains("(sealed)"));
    let r = run_with(
        &["check", s(&sealed), "--json"],
        &[("HOMEWARD_PASSPHRASE", &common::passphrase())],
    );
    assert_eq!(r.status, 0);
    let doc: Value = serde_json::from_str(r.stdout.trim()).unwrap();
    assert_eq!(doc["sealed"], true);

    let r = run_with(&["check", s(&sealed)], &[("HOMEWARD_PASSPHRASE", "wrong")]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.contains("[wrong_passphrase]"), "{}", r.stdout);
    assert!(r.stdout.contains("wrong passphrase or damaged file"));
    // No passphrase and no terminal to ask: said plainly, per file.
    let r = run(&["check", s(&sealed)]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.contains("[passphrase_unavailable]"), "{}", r.stdout);
}

#[test]
fn schema_prints_the_published_schemas() {
    for (which, file) in [("plan", "plan.v3.schema.json"), ("sealed", "sealed.v1.schema.json")] {
        let r = run(&["schema", which]);
        assert_eq!(r.status, 0);
        let published = std::fs::read_to_string(common::repo().join("schema").join(file)).unwrap();
        assert_eq!(r.stdout, published, "{which}");
    }
}
