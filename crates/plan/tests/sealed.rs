//! The sealed envelope: the test vector in `tests/fixtures/sealed/` (made with WebCrypto by
//! `webcrypto.mjs`, the browser's own calls), sealing and opening natively, and every refusal.

use std::path::PathBuf;

use homeward_plan::interchange::sealed::{
    self, Envelope, MAX_ITERATIONS, MIN_ITERATIONS, NONCE_LEN, PBKDF2_ITERATIONS, SALT_LEN,
    SealedError, looks_sealed, open, parse, seal, sealed_file_name,
};
use serde_json::{Value, json};

fn vector_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/sealed")
}

struct Vector {
    passphrase: String,
    salt: [u8; SALT_LEN],
    nonce: [u8; NONCE_LEN],
    plaintext: Vec<u8>,
    sealed: String,
}

fn hex(s: &str) -> Vec<u8> {
    (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
}

fn vector() -> Vector {
    let dir = vector_dir();
    let v: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("vector.json")).unwrap()).unwrap();
    let file = |key: &str| dir.join(v[key].as_str().unwrap());
    assert_eq!(v["iterations"], PBKDF2_ITERATIONS);
    Vector {
        passphrase: std::fs::read_to_string(file("passphrase_file")).unwrap(),
        salt: hex(v["salt_hex"].as_str().unwrap()).try_into().unwrap(),
        nonce: hex(v["nonce_hex"].as_str().unwrap()).try_into().unwrap(),
        plaintext: std::fs::read(file("plaintext_file")).unwrap(),
        sealed: std::fs::read_to_string(file("sealed_file")).unwrap(),
    }
}

#[test]
fn sealing_the_vector_gives_exactly_the_sealed_file() {
    let v = vector();
    // Not ASCII on purpose: the passphrase is hashed as its UTF-8 bytes, like TextEncoder does.
    assert!(!v.passphrase.is_ascii());
    let envelope = seal(&v.plaintext, &v.passphrase, v.salt, v.nonce).unwrap();
    assert_eq!(envelope.iterations, PBKDF2_ITERATIONS);
    assert_eq!(envelope.data.len(), v.plaintext.len() + sealed::TAG_LEN);
    assert_eq!(envelope.to_json(), v.sealed);
}

#[test]
fn opening_the_vector_gives_back_the_plan_file_byte_for_byte() {
    let v = vector();
    let envelope = parse(&v.sealed).unwrap();
    assert_eq!(envelope.salt, v.salt);
    assert_eq!(envelope.nonce, v.nonce);
    assert_eq!(open(&envelope, &v.passphrase).unwrap(), v.plaintext);
    // The plaintext is a plan file the importer reads.
    let text = String::from_utf8(v.plaintext).unwrap();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    assert!(homeward_plan::interchange::import_json(&text, today, None).is_ok());
}

#[test]
fn a_wrong_passphrase_is_refused_plainly() {
    let v = vector();
    let envelope = parse(&v.sealed).unwrap();
    for wrong in ["", "correct horse — بطارية 2026", &format!("{} ", v.passphrase)] {
        assert_eq!(open(&envelope, wrong), Err(SealedError::WrongPassphrase), "{wrong:?}");
    }
    assert_eq!(SealedError::WrongPassphrase.to_string(), "wrong passphrase or damaged file");
}

#[test]
fn a_changed_byte_anywhere_is_refused() {
    let v = vector();
    let good = parse(&v.sealed).unwrap();
    let last = good.data.len() - 1;
    let mut changed: Vec<Envelope> = Vec::new();
    for (i, bit) in [(0, 1u8), (good.data.len() / 2, 0x80), (last - sealed::TAG_LEN, 4), (last, 1)]
    {
        let mut e = good.clone();
        e.data[i] ^= bit;
        changed.push(e);
    }
    let mut e = good.clone();
    e.data.pop();
    changed.push(e);
    let mut e = good.clone();
    e.salt[3] ^= 2;
    changed.push(e);
    let mut e = good.clone();
    e.nonce[11] ^= 1;
    changed.push(e);
    let mut e = good.clone();
    e.iterations += 1;
    changed.push(e);
    for e in changed {
        assert_eq!(open(&e, &v.passphrase), Err(SealedError::WrongPassphrase));
    }
}

#[test]
fn seal_then_open_round_trips_other_files() {
    let plan = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/plan-family-full.json"
    ))
    .unwrap();
    for plaintext in [&b""[..], &plan] {
        let e = seal(plaintext, "pass", [7; SALT_LEN], [9; NONCE_LEN]).unwrap();
        let reread = parse(&e.to_json()).unwrap();
        assert_eq!(reread, e);
        assert_eq!(open(&reread, "pass").unwrap(), plaintext);
    }
}

#[test]
fn a_plaintext_larger_than_a_plan_file_is_not_sealed() {
    let big = vec![b' '; homeward_plan::interchange::MAX_IMPORT_BYTES + 1];
    let err = seal(&big, "pass", [0; SALT_LEN], [0; NONCE_LEN]).unwrap_err();
    assert_eq!(err.code(), "plaintext_too_large");
}

fn sealed_doc() -> Value {
    serde_json::from_str(&vector().sealed).unwrap()
}

fn parse_value(doc: &Value) -> Result<Envelope, SealedError> {
    parse(&serde_json::to_string(doc).unwrap())
}

#[test]
fn parse_names_what_is_wrong() {
    assert_eq!(parse("not json").unwrap_err().code(), "not_json");
    assert_eq!(parse("").unwrap_err().code(), "not_json");
    assert_eq!(parse("[1]").unwrap_err(), SealedError::NotSealed { found_format: None });
    let plan = std::fs::read_to_string(vector_dir().join("plan.json")).unwrap();
    assert_eq!(
        parse(&plan).unwrap_err(),
        SealedError::NotSealed { found_format: Some("homeward.plan".into()) }
    );

    let cases: Vec<(&str, Value, SealedError)> = vec![
        ("/version", json!(2), SealedError::NewerVersion { found: 2, supported: 1 }),
        (
            "/kdf/iterations",
            json!(599_999),
            SealedError::TooFewIterations { found: 599_999, min: MIN_ITERATIONS },
        ),
        (
            "/kdf/iterations",
            json!(10_000_001),
            SealedError::TooManyIterations { found: 10_000_001, max: MAX_ITERATIONS },
        ),
        (
            "/kdf/salt",
            json!("AAAAAAAAAAAAAAAAAAAA"),
            SealedError::WrongLength { path: "/kdf/salt".into(), found: 15, expected: SALT_LEN },
        ),
        (
            "/cipher/nonce",
            json!("AAAAAAAAAAAAAAAAAAAAAA=="),
            SealedError::WrongLength {
                path: "/cipher/nonce".into(),
                found: 16,
                expected: NONCE_LEN,
            },
        ),
        (
            "/data",
            json!("AAAAAAAAAAAAAAAAAAAA"),
            SealedError::WrongLength { path: "/data".into(), found: 15, expected: sealed::TAG_LEN },
        ),
    ];
    for (pointer, value, want) in cases {
        let mut doc = sealed_doc();
        *doc.pointer_mut(pointer).unwrap() = value;
        let err = parse_value(&doc).unwrap_err();
        assert_eq!(err, want);
        assert_eq!(err.path(), pointer);
    }

    let invalid: Vec<(&str, Value)> = vec![
        ("/kdf/name", json!("scrypt")),
        ("/kdf/hash", json!("SHA-1")),
        ("/kdf/iterations", json!("600000")),
        ("/kdf/iterations", json!(600_000.5)),
        ("/kdf/salt", json!("D25UJnGPatsKHyfAUypqXA")),
        ("/kdf/salt", json!("D25UJnGPatsKHyfAUypqXB==")),
        ("/kdf/salt", json!(12)),
        ("/cipher/name", json!("AES-CBC")),
        ("/cipher/key_bits", json!(128)),
        ("/cipher/tag_bits", json!(96)),
        ("/cipher/nonce", json!("Tl_KZi188HPJtRjM")),
        ("/cipher", json!("AES-GCM")),
        ("/version", json!(0)),
        ("/version", json!("1")),
    ];
    for (pointer, value) in invalid {
        let mut doc = sealed_doc();
        *doc.pointer_mut(pointer).unwrap() = value.clone();
        let err = parse_value(&doc).unwrap_err();
        assert_eq!(err.code(), "invalid_field", "{pointer} = {value}: {err}");
        assert_eq!(err.path(), pointer, "{pointer} = {value}");
    }

    let mut doc = sealed_doc();
    doc["kdf"]["pepper"] = json!("x");
    assert_eq!(parse_value(&doc).unwrap_err().path(), "/kdf/pepper");
    let mut doc = sealed_doc();
    doc["cipher"].as_object_mut().unwrap().remove("nonce");
    let err = parse_value(&doc).unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_field", "/cipher/nonce"));
}

#[test]
fn every_error_has_a_listed_code() {
    let v = vector();
    let mut seen = vec![SealedError::WrongPassphrase.code()];
    for text in ["", "{}", r#"{"format":"homeward.sealed","version":9}"#] {
        seen.push(parse(text).unwrap_err().code());
    }
    seen.push(parse(&" ".repeat(sealed::MAX_SEALED_BYTES + 1)).unwrap_err().code());
    seen.push(parse(&v.sealed.replace("600000", "1")).unwrap_err().code());
    for code in seen {
        assert!(SealedError::CODES.contains(&code), "{code}");
    }
}

#[test]
fn looks_sealed_routes_files() {
    let v = vector();
    assert!(looks_sealed(&v.sealed));
    // Another writer may put the keys in another order.
    let mut doc = sealed_doc();
    let data = doc.as_object_mut().unwrap().remove("data").unwrap();
    let reordered = format!("{{\"data\":{data},{}", &serde_json::to_string(&doc).unwrap()[1..]);
    assert!(looks_sealed(&reordered));
    assert!(!looks_sealed(&String::from_utf8(v.plaintext).unwrap()));
    for other in ["", "not json", "[]", "{}", r#"{"format":"homeward.sealed.v2"}"#, "\u{0}\u{1}"] {
        assert!(!looks_sealed(other), "{other:?}");
    }
    // Damaged but sealed: routed to the sealed reader, which says what is wrong.
    assert!(looks_sealed(r#"{"format":"homeward.sealed","version":1}"#));
}

#[test]
fn sealed_file_names() {
    assert_eq!(sealed_file_name("plan-AB12-2026-12-01.json"), "plan-AB12-2026-12-01.sealed.json");
    assert_eq!(sealed_file_name("plan"), "plan.sealed.json");
    assert_eq!(sealed_file_name(".json"), ".json.sealed.json");
}
