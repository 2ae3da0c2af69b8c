use super::*;
use serde::Serialize;
use serde_json::json;

#[test]
fn shapes_of_dates_and_timestamps() {
    assert!(is_date("2026-01-05"));
    assert!(!is_date("+12345-01-01"));
    assert!(!is_date("2026-1-05"));
    assert!(is_timestamp("2026-01-05T23:59:59Z"));
    assert!(is_timestamp("2026-01-05T10:00:00.123456789Z"));
    assert!(!is_timestamp("2026-01-05T10:00:00.1234567890Z"));
    assert!(!is_timestamp("2026-01-05T10:00:00.Z"));
    assert!(!is_timestamp("2026-01-05T24:00:00Z"));
    assert!(!is_timestamp("2026-01-05T10:60:00Z"));
    assert!(!is_timestamp("2026-01-05T10:00:60Z"));
    assert!(!is_timestamp("2026-01-05T10:00:00+00:00"));
    assert!(!is_timestamp("2026-01-05t10:00:00z"));
}

#[test]
fn integral_floats_become_integers() {
    let mut v = json!({"a": [30.0, 1.5, -0.0, 1e300], "b": 3e1});
    normalise_integers(&mut v);
    assert_eq!(v, json!({"a": [30, 1.5, 0, 1e300], "b": 30}));
}

#[test]
fn the_first_difference_is_named() {
    #[derive(Serialize)]
    struct S {
        a: Option<u32>,
        b: Vec<[i32; 2]>,
    }
    let s = S { a: None, b: vec![[1, 2]] };
    assert_eq!(same_as(&s, &json!({"b": [[1, 2]]})), Ok(()));
    assert_eq!(same_as(&s, &json!({"a": null, "b": [[1, 2]]})), Ok(()));
    assert_eq!(same_as(&s, &json!({"b": [[1, 3]]})).unwrap_err().path, "/b/0/1");
    assert_eq!(same_as(&s, &json!([null, [[1, 2]]])).unwrap_err().path, "");
    assert_eq!(same_as(&s, &json!({"a": 1, "b": [[1, 2]]})).unwrap_err().path, "/a");
}
