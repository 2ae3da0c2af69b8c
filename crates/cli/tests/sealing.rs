//! `homeward seal` and `homeward open` with the app's test vector (made with WebCrypto).

mod common;

use common::{fixtures, run, run_with, s, vector};
use homeward_plan::interchange::sealed;

#[test]
fn open_gives_back_the_vector_plaintext_byte_for_byte() {
    let out = tempfile::tempdir().unwrap();
    let plain = out.path().join("plan.json");
    let r = run(&[
        "open",
        s(&vector().join("plan.sealed.json")),
        "-o",
        s(&plain),
        "--passphrase-file",
        s(&vector().join("passphrase.txt")),
    ]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(std::fs::read(&plain).unwrap(), std::fs::read(vector().join("plan.json")).unwrap());
}

#[test]
fn a_passphrase_file_with_a_line_ending_is_the_same_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let pass = dir.path().join("pass.txt");
    std::fs::write(&pass, format!("{}\r\n", common::passphrase())).unwrap();
    let plain = dir.path().join("plan.json");
    let r = run(&[
        "open",
        s(&vector().join("plan.sealed.json")),
        "-o",
        s(&plain),
        "--passphrase-file",
        s(&pass),
    ]);
    assert_eq!(r.status, 0, "{}", r.stderr);
}

#[test]
fn seal_then_open_round_trips_and_the_domain_opens_it_too() {
    let dir = tempfile::tempdir().unwrap();
    let source = fixtures().join("plan-family-full.json");
    let sealed_path = dir.path().join("plan.sealed.json");
    let back = dir.path().join("back.json");
    let env = [("HOMEWARD_PASSPHRASE", "a long passphrase, 2026")];
    let r = run_with(&["seal", s(&source), "-o", s(&sealed_path)], &env);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let text = std::fs::read_to_string(&sealed_path).unwrap();
    let envelope = sealed::parse(&text).unwrap();
    assert_eq!(envelope.iterations, sealed::PBKDF2_ITERATIONS);
    assert_eq!(envelope.to_json(), text, "written exactly as the domain writes it");
    assert_eq!(sealed::open(&envelope, env[0].1).unwrap(), std::fs::read(&source).unwrap());

    let r = run_with(&["open", s(&sealed_path), "-o", s(&back)], &env);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_eq!(std::fs::read(&back).unwrap(), std::fs::read(&source).unwrap());

    // Fresh salt and nonce every time.
    let again = dir.path().join("again.json");
    assert_eq!(run_with(&["seal", s(&source), "-o", s(&again)], &env).status, 0);
    let other = sealed::parse(&std::fs::read_to_string(&again).unwrap()).unwrap();
    assert_ne!((other.salt, other.nonce), (envelope.salt, envelope.nonce));
}

#[test]
fn a_wrong_passphrase_or_a_changed_byte_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.json");
    let sealed_file = vector().join("plan.sealed.json");
    let r = run_with(&["open", s(&sealed_file), "-o", s(&out)], &[("HOMEWARD_PASSPHRASE", "nope")]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("wrong passphrase or damaged file"), "{}", r.stderr);
    assert!(!out.exists());

    let mut envelope = sealed::parse(&std::fs::read_to_string(&sealed_file).unwrap()).unwrap();
    envelope.data[10] ^= 0x20;
    let damaged = dir.path().join("damaged.json");
    std::fs::write(&damaged, envelope.to_json()).unwrap();
    let r = run_with(
        &["open", s(&damaged), "-o", s(&out)],
        &[("HOMEWARD_PASSPHRASE", &common::passphrase())],
    );
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("[wrong_passphrase]"), "{}", r.stderr);
    assert!(!out.exists());
}

#[test]
fn what_cannot_be_sealed_or_opened_is_said_plainly() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out.json");
    let env = [("HOMEWARD_PASSPHRASE", "pass")];
    let not_plan = dir.path().join("notes.json");
    std::fs::write(&not_plan, "{\"hello\": 1}").unwrap();
    let r = run_with(&["seal", s(&not_plan), "-o", s(&out)], &env);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("[not_a_plan]"), "{}", r.stderr);
    let r = run_with(&["seal", s(&vector().join("plan.sealed.json")), "-o", s(&out)], &env);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("[already_sealed]"), "{}", r.stderr);
    let r = run_with(&["open", s(&fixtures().join("plan-minimal.json")), "-o", s(&out)], &env);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("[not_sealed]"), "{}", r.stderr);
    let r = run_with(
        &["seal", s(&fixtures().join("plan-minimal.json")), "-o", s(&out)],
        &[("HOMEWARD_PASSPHRASE", "")],
    );
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("empty"), "{}", r.stderr);
    // No passphrase and no terminal.
    let r = run(&["seal", s(&fixtures().join("plan-minimal.json")), "-o", s(&out)]);
    assert_eq!(r.status, 2);
    assert!(r.stderr.contains("HOMEWARD_PASSPHRASE"), "{}", r.stderr);
    assert!(!out.exists());
}
