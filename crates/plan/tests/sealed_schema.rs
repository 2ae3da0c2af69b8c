//! `schema/sealed.v1.schema.json` and the sealed-envelope parser accept exactly the same files:
//! the test vector, envelopes of random bytes, and a set of near misses, checked by an
//! independent validator. Also the small base64 against the `base64` crate.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use homeward_plan::interchange::sealed::{
    Envelope, NONCE_LEN, SALT_LEN, base64_decode, base64_encode, parse,
};
use proptest::prelude::*;
use serde_json::{Value, json};

fn validator() -> jsonschema::Validator {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema/sealed.v1.schema.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).expect("schema is JSON");
    jsonschema::draft202012::options().build(&schema).expect("a valid draft 2020-12 schema")
}

fn vector_text() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/sealed/plan.sealed.json"
    ))
    .unwrap()
}

/// Whether the schema and the parser both accept (`Some(true)`), both refuse (`Some(false)`),
/// or disagree (`None`).
fn agree(validator: &jsonschema::Validator, text: &str) -> Option<bool> {
    let by_schema = serde_json::from_str::<Value>(text).is_ok_and(|v| validator.is_valid(&v));
    let by_parser = parse(text).is_ok();
    (by_schema == by_parser).then_some(by_parser)
}

#[test]
fn the_schema_declares_draft_2020_12() {
    let v: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../schema/sealed.v1.schema.json"
        ))
        .unwrap(),
    )
    .unwrap();
    assert_eq!(v["$schema"], "https://json-schema.org/draft/2020-12/schema");
}

#[test]
fn the_test_vector_validates() {
    let v = validator();
    let doc: Value = serde_json::from_str(&vector_text()).unwrap();
    let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
    assert_eq!(errors, Vec::<String>::new());
    assert_eq!(agree(&v, &vector_text()), Some(true));
}

#[test]
fn schema_and_parser_agree_on_near_misses() {
    let v = validator();
    let good: Value = serde_json::from_str(&vector_text()).unwrap();
    // (pointer, new value or None to remove, expected to be accepted)
    let cases: Vec<(&str, Option<Value>, bool)> = vec![
        ("/version", Some(json!(1.0)), true),
        ("/kdf/iterations", Some(json!(600_000.0)), true),
        ("/kdf/iterations", Some(json!(10_000_000)), true),
        ("/kdf/iterations", Some(json!(10_000_001)), false),
        ("/kdf/iterations", Some(json!(599_999)), false),
        ("/kdf/iterations", Some(json!(-600_000)), false),
        ("/kdf/iterations", Some(json!(600_000.5)), false),
        ("/kdf/iterations", Some(json!("600000")), false),
        ("/kdf/iterations", Some(json!(18_446_744_073_709_551_615_u64)), false),
        ("/kdf/iterations", None, false),
        ("/version", Some(json!(2)), false),
        ("/version", Some(json!(0)), false),
        ("/version", Some(json!("1")), false),
        ("/version", None, false),
        ("/format", Some(json!("homeward.plan")), false),
        ("/format", None, false),
        ("/kdf/name", Some(json!("pbkdf2")), false),
        ("/kdf/hash", Some(json!("SHA-512")), false),
        ("/kdf/salt", Some(json!("AAAAAAAAAAAAAAAAAAAAAA==")), true),
        ("/kdf/salt", Some(json!("AAAAAAAAAAAAAAAAAAAAAB==")), false),
        ("/kdf/salt", Some(json!("AAAAAAAAAAAAAAAAAAAAAA")), false),
        ("/kdf/salt", Some(json!("AAAAAAAAAAAAAAAAAAAA")), false),
        ("/kdf/salt", Some(json!("AAAAAAAAAAAAAAAAAAAAAAAA")), false),
        ("/kdf/salt", Some(json!("AAAAAAAAAAAAAAAAAAAAA-==")), false),
        ("/kdf/salt", Some(json!("AAAAAAAAAAAAAAAAAAAAAA==\n")), false),
        ("/kdf/salt", Some(json!(null)), false),
        ("/kdf/extra", Some(json!(1)), false),
        ("/kdf", Some(json!([])), false),
        ("/cipher/name", Some(json!("AES-GCM-SIV")), false),
        ("/cipher/key_bits", Some(json!(256.0)), true),
        ("/cipher/key_bits", Some(json!(192)), false),
        ("/cipher/tag_bits", Some(json!(120)), false),
        ("/cipher/nonce", Some(json!("AAAAAAAAAAAAAAAA")), true),
        ("/cipher/nonce", Some(json!("AAAAAAAAAAAAAAA=")), false),
        ("/cipher/nonce", Some(json!("AAAAAAAAAAAAAAAAAAAA")), false),
        ("/cipher/nonce", Some(json!("AAAAAAAA AAAAAAA")), false),
        ("/cipher/extra", Some(json!(true)), false),
        ("/cipher", None, false),
        ("/data", Some(json!("AAAAAAAAAAAAAAAAAAAAAA==")), true),
        ("/data", Some(json!("AAAAAAAAAAAAAAAAAAAAAAA=")), true),
        ("/data", Some(json!("AAAAAAAAAAAAAAAAAAAAAAAA")), true),
        ("/data", Some(json!("AAAAAAAAAAAAAAAAAAAAAAB=")), false),
        ("/data", Some(json!("AAAAAAAAAAAAAAAAAAAAAR==")), false),
        ("/data", Some(json!("AAAAAAAAAAAAAAAAAAAA")), false),
        ("/data", Some(json!("")), false),
        ("/data", Some(json!("AAAAAAAAAAAAAAAAAAAAAAA")), false),
        ("/data", Some(json!("AAAAAAAAAAAAAAAAAAAAAA==AAAA")), false),
        ("/data", Some(json!(["AAAA"])), false),
        ("/data", None, false),
        ("/surprise", Some(json!({})), false),
    ];
    let mut disagreements = Vec::new();
    for (pointer, value, accepted) in cases {
        let mut doc = good.clone();
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let obj = doc.pointer_mut(parent).unwrap().as_object_mut().unwrap();
        match &value {
            Some(v) => {
                obj.insert(key.to_string(), v.clone());
            }
            None => {
                obj.remove(key);
            }
        }
        let text = serde_json::to_string_pretty(&doc).unwrap();
        match agree(&v, &text) {
            Some(got) if got == accepted => {}
            got => disagreements.push(format!("{pointer} = {value:?}: {got:?}")),
        }
    }
    for other in ["[]", "1", "\"homeward.sealed\"", "{}", "null"] {
        if agree(&v, other) != Some(false) {
            disagreements.push(other.to_string());
        }
    }
    assert_eq!(disagreements, Vec::<String>::new());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn base64_is_the_standard_one(bytes in proptest::collection::vec(any::<u8>(), 0..100)) {
        let ours = base64_encode(&bytes);
        prop_assert_eq!(&ours, &STANDARD.encode(&bytes));
        prop_assert_eq!(base64_decode(&ours).unwrap(), bytes);
    }

    #[test]
    fn base64_decoding_refuses_what_the_reference_refuses(text in "[A-Za-z0-9+/=_ -]{0,12}") {
        let ours = base64_decode(&text).ok();
        let reference = STANDARD.decode(&text).ok();
        // Where both decode they give the same bytes; ours is never more lenient.
        if let Some(bytes) = &ours {
            prop_assert_eq!(Some(bytes), reference.as_ref());
        }
    }

    #[test]
    fn any_envelope_is_written_valid_and_read_back(
        salt in any::<[u8; SALT_LEN]>(),
        nonce in any::<[u8; NONCE_LEN]>(),
        data in proptest::collection::vec(any::<u8>(), 16..200),
        iterations in 600_000u32..=10_000_000,
    ) {
        let e = Envelope { iterations, salt, nonce, data };
        let text = e.to_json();
        prop_assert!(text.ends_with("}\n"), "ends with a newline");
        prop_assert_eq!(parse(&text).unwrap(), e);
        prop_assert_eq!(agree(&validator(), &text), Some(true));
    }
}
