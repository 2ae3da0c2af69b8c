//! Running the built `homeward` binary on fixtures, with no terminal and no passphrase in the
//! environment unless a test gives one.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn fixtures() -> PathBuf {
    repo().join("tests/fixtures")
}

pub fn vector() -> PathBuf {
    repo().join("crates/plan/tests/fixtures/sealed")
}

pub fn passphrase() -> String {
    std::fs::read_to_string(vector().join("passphrase.txt")).unwrap()
}

pub struct Run {
    pub status: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run_with(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_homeward"));
    cmd.args(args)
        .env_remove("HOMEWARD_PASSPHRASE")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let Output { status, stdout, stderr } = cmd.output().expect("the binary runs");
    let run = Run {
        status: status.code().expect("exited, not killed by a signal"),
        stdout: String::from_utf8(stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(stderr).expect("stderr is UTF-8"),
    };
    assert!(!run.stderr.contains("panicked"), "panic: {}", run.stderr);
    run
}

pub fn run(args: &[&str]) -> Run {
    run_with(args, &[])
}

pub fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// A folder of files that are not plans, each named for what is wrong with it.
pub fn malformed(dir: &Path) -> Vec<(&'static str, &'static str)> {
    let minimal = std::fs::read_to_string(fixtures().join("plan-minimal.json")).unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();
    write("not-json.json", b"Dear partner, please find the plan attached.\n");
    write("empty.json", b"");
    write("binary.json", &[0x89, b'P', b'N', b'G', 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0x00, 0xfe]);
    write("other-format.json", br#"{"format": "someone.else", "version": 1}"#);
    let version = format!("\"version\": {}", homeward_plan::interchange::VERSION);
    assert!(minimal.contains(&version));
    write("newer.json", minimal.replacen(&version, "\"version\": 99", 1).as_bytes());
    write("unknown-field.json", minimal.replacen("{", "{\n  \"surprise\": true,", 1).as_bytes());
    let mut huge = String::from("{\"format\": \"homeward.plan\", \"version\": 1, \"pad\": \"");
    huge.push_str(&"x".repeat(homeward_plan::interchange::sealed::MAX_SEALED_BYTES));
    huge.push_str("\"}");
    write("huge.json", huge.as_bytes());
    write("sealed-damaged.json", br#"{"format": "homeward.sealed", "version": 1}"#);
    vec![
        ("binary.json", "not_text"),
        ("empty.json", "empty"),
        ("huge.json", "too_large"),
        ("newer.json", "newer_version"),
        ("not-json.json", "not_json"),
        ("other-format.json", "not_a_plan"),
        ("sealed-damaged.json", "invalid_field"),
        ("unknown-field.json", "invalid_field"),
    ]
}
