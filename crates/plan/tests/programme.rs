//! Programme configurations: every preset reads and passes the checks, and a broken
//! configuration is refused with a code and the JSON Pointer of the field.

use chrono::NaiveDate;
use homeward_plan::model::{Modality, Package};
use homeward_plan::money::CurrencyCode;
use homeward_plan::programme::{
    ConfigError, DEFAULT_PRESET_ID, Figure, RestrictionLevel, TrancheRule, check_as_of,
    default_preset, parse_config, preset, preset_ids, preset_json, presets,
};
use serde_json::{Value, json};

#[test]
fn every_preset_parses_passes_the_checks_and_records_its_provenance() {
    let ids: Vec<_> = preset_ids().collect();
    assert_eq!(
        ids,
        ["eurp_voluntary", "eurp_forced", "nl_avrr_2017", "de_starthilfeplus", "be_fedasil_2022"]
    );
    for id in &ids {
        let json = preset_json(id).unwrap();
        let config = parse_config(json).unwrap_or_else(|e| panic!("preset {id}: {e}"));
        assert_eq!(&config.id, id);
        assert!(!config.sources.is_empty(), "{id} names no source");
        assert!(config.sources.iter().all(|s| !s.title.trim().is_empty()));
        assert!(config.notes.contains_key("en"), "{id} has no English notes");
        for lang in ["en", "fr", "es", "ar"] {
            assert!(config.name.contains_key(lang), "{id} has no name in {lang}");
        }
        assert!(!config.uncertain.is_empty(), "{id} claims every figure is certain");
        for figure in &config.uncertain {
            assert!(figure.note.contains_key("en"), "{id}: {} has no note", figure.path);
        }
        assert!(config.cost_guidance.indicative, "{id}: cost guidance must be marked indicative");
        assert_eq!(config.currency, CurrencyCode::eur());
    }
    assert_eq!(presets().len(), ids.len());
}

#[test]
fn presets_read_back_to_the_same_json() {
    // The preset files are in the canonical form, so a host can copy one, edit it and compare.
    for id in preset_ids() {
        let config = preset(id).unwrap();
        let written = serde_json::to_value(&config).unwrap();
        let reread = parse_config(&written.to_string()).unwrap();
        assert_eq!(reread, config, "{id}");
    }
}

#[test]
fn the_default_is_eurp_voluntary_with_the_published_figures() {
    let config = default_preset();
    assert_eq!(config.id, DEFAULT_PRESET_ID);
    let short = config.package(Package::ShortTerm).unwrap();
    assert_eq!(short.per_adult, Figure::Known(61_500));
    assert!(short.modalities.contains(&Modality::Cash));
    let longer = config.package(Package::LongerTerm).unwrap();
    assert_eq!(longer.per_adult, Figure::Known(200_000));
    assert_eq!(longer.per_minor, Figure::Known(100_000));
    assert!(!longer.modalities.contains(&Modality::Cash), "longer-term is in kind only");
    assert!(config.is_uncertain("/entitlements/longer_term/per_minor"));
}

#[test]
fn presets_model_the_table_of_the_brief() {
    let forced = preset("eurp_forced").unwrap();
    assert_eq!(forced.package(Package::ShortTerm).unwrap().per_adult, Figure::Known(20_500));
    assert_eq!(forced.package(Package::LongerTerm).unwrap().per_minor, Figure::Known(100_000));

    let nl = preset("nl_avrr_2017").unwrap();
    let nl_longer = nl.package(Package::LongerTerm).unwrap();
    assert_eq!(nl_longer.per_unaccompanied_child, Some(Figure::Known(280_000)));
    assert_eq!(nl_longer.cash_limit.as_ref().unwrap().per_person, Some(30_000));

    let de = preset("de_starthilfeplus").unwrap();
    assert!(de.package(Package::ShortTerm).is_none());
    let de_longer = de.package(Package::LongerTerm).unwrap();
    assert_eq!(de_longer.under_age[0].amount, 60_000);
    // The first half at departure, the second six months after the return.
    assert_eq!(
        de_longer.tranches,
        TrancheRule::TwoHalves { second_after_months: 6, first_at_departure: true }
    );
    assert_eq!(de.effective_from, NaiveDate::from_ymd_opt(2017, 2, 1));

    let be = preset("be_fedasil_2022").unwrap();
    assert_eq!(be.package(Package::ShortTerm).unwrap().per_minor, Figure::Known(17_500));
    assert_eq!(be.package(Package::LongerTerm).unwrap().per_adult, Figure::Unknown);
    assert!(be.is_uncertain("/entitlements/longer_term/per_adult"));
    // The reinstallation premium is paid in cash at departure.
    assert_eq!(be.package(Package::ShortTerm).unwrap().tranches, TrancheRule::SingleAtDeparture);
}

#[test]
fn as_of_is_when_the_figures_were_checked_and_never_before_the_rules_took_effect() {
    for config in homeward_plan::programme::presets() {
        if let Some(from) = config.effective_from {
            assert!(from <= config.as_of, "{}: checked before the rules took effect", config.id);
        }
    }
}

/// The default preset as JSON, changed by `edit`, then parsed: the error's code and path.
fn refused(edit: impl FnOnce(&mut Value)) -> (String, String) {
    let mut doc: Value = serde_json::from_str(preset_json(DEFAULT_PRESET_ID).unwrap()).unwrap();
    edit(&mut doc);
    let err = parse_config(&doc.to_string()).expect_err("the edited configuration must be refused");
    assert!(ConfigError::CODES.contains(&err.code()), "{} is not listed", err.code());
    (err.code().to_owned(), err.path().to_owned())
}

fn at<'a>(doc: &'a mut Value, pointer: &str) -> &'a mut Value {
    doc.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}"))
}

#[test]
fn reading_errors_name_the_field() {
    assert_eq!(
        refused(|d| *at(d, "/entitlements/longer_term/per_adult") = json!("lots")),
        ("invalid_value".into(), "/entitlements/longer_term/per_adult".into())
    );
    assert_eq!(
        refused(|d| *at(d, "/entitlements/longer_term/per_adult") = json!(2000.5)),
        ("invalid_value".into(), "/entitlements/longer_term/per_adult".into())
    );
    assert_eq!(
        refused(|d| {
            at(d, "/entitlements/short_term").as_object_mut().unwrap().remove("per_minor");
        }),
        ("missing_field".into(), "/entitlements/short_term/per_minor".into())
    );
    assert_eq!(
        refused(|d| {
            at(d, "/entitlements/short_term")
                .as_object_mut()
                .unwrap()
                .insert("per_adlt".into(), json!(1));
        }),
        ("unknown_field".into(), "/entitlements/short_term/per_adlt".into())
    );
    assert_eq!(
        refused(|d| *at(d, "/currency") = json!("euro")),
        ("invalid_currency".into(), "/currency".into())
    );
    assert_eq!(
        refused(|d| *at(d, "/local_currency") = json!({"currency": "XOF", "rate": "655,957"})),
        ("invalid_rate".into(), "/local_currency/rate".into())
    );
    assert_eq!(
        refused(|d| at(d, "/entitlements/longer_term/modalities")
            .as_array_mut()
            .unwrap()
            .push(json!("gold"))),
        ("invalid_value".into(), "/entitlements/longer_term/modalities/2".into())
    );
    assert_eq!(
        refused(|d| *at(d, "/entitlements/longer_term/tranches") = json!({"rule": "thirds"})),
        ("invalid_value".into(), "/entitlements/longer_term/tranches/rule".into())
    );
    assert_eq!(
        refused(|d| *at(d, "/as_of") = json!("2026-13-01")),
        ("invalid_value".into(), "/as_of".into())
    );
}

#[test]
fn malformed_json_is_refused_as_such() {
    for text in ["", "{", "[1, 2]", "{\"id\": }", "{} trailing"] {
        let err = parse_config(text).unwrap_err();
        assert!(
            ["invalid_json", "invalid_value", "missing_field"].contains(&err.code()),
            "{text:?}: {err}"
        );
    }
    assert_eq!(parse_config("{").unwrap_err().code(), "invalid_json");
    let mut valid = preset_json(DEFAULT_PRESET_ID).unwrap().to_owned();
    valid.push_str(" {}");
    assert_eq!(parse_config(&valid).unwrap_err().code(), "invalid_json");
}

/// An expected error code, its path, and the edit that should cause it.
type Case = (&'static str, &'static str, Box<dyn FnOnce(&mut Value)>);

#[test]
fn semantic_errors_name_the_field() {
    let cases: Vec<Case> = vec![
        ("invalid_id", "/id", Box::new(|d| *at(d, "/id") = json!("EURP voluntary"))),
        ("missing_name", "/name", Box::new(|d| *at(d, "/name") = json!({"en": "  "}))),
        (
            "no_package",
            "/entitlements",
            Box::new(|d| {
                *at(d, "/entitlements") = json!({"short_term": null, "longer_term": null})
            }),
        ),
        (
            "negative_amount",
            "/entitlements/longer_term/per_adult",
            Box::new(|d| *at(d, "/entitlements/longer_term/per_adult") = json!(-1)),
        ),
        (
            "cap_below_per_person",
            "/entitlements/longer_term/family_cap",
            Box::new(|d| {
                at(d, "/entitlements/longer_term")
                    .as_object_mut()
                    .unwrap()
                    .insert("family_cap".into(), json!(150_000));
            }),
        ),
        (
            "invalid_age",
            "/entitlements/longer_term/under_age/0/under_age",
            Box::new(|d| {
                at(d, "/entitlements/longer_term")
                    .as_object_mut()
                    .unwrap()
                    .insert("under_age".into(), json!([{"under_age": 0, "amount": 100}]));
            }),
        ),
        (
            "no_modalities",
            "/entitlements/short_term/modalities",
            Box::new(|d| *at(d, "/entitlements/short_term/modalities") = json!([])),
        ),
        (
            "cash_limit_without_cash",
            "/entitlements/longer_term/cash_limit/total",
            Box::new(|d| *at(d, "/entitlements/longer_term/cash_limit/total") = json!(100)),
        ),
        (
            "empty_period",
            "/entitlements/longer_term/use_within",
            Box::new(|d| *at(d, "/entitlements/longer_term/use_within") = json!({"months": 0})),
        ),
        (
            "period_too_long",
            "/entitlements/longer_term/use_within",
            Box::new(|d| {
                *at(d, "/entitlements/longer_term/use_within") = json!({"days": 4_000_000_000u32})
            }),
        ),
        ("no_sources", "/sources", Box::new(|d| *at(d, "/sources") = json!([]))),
        (
            "shares_not_100",
            "/entitlements/longer_term/tranches/parts",
            Box::new(|d| {
                *at(d, "/entitlements/longer_term/tranches") = json!({"rule": "shares", "parts": [
                    {"after_months": 0, "percent": 50}, {"after_months": 6, "percent": 40}]})
            }),
        ),
        (
            "unknown_measure_type",
            "/cost_guidance/ranges/gold~1silver",
            Box::new(|d| {
                at(d, "/cost_guidance/ranges")
                    .as_object_mut()
                    .unwrap()
                    .insert("gold/silver".into(), json!({"min": 0, "max": 1}));
            }),
        ),
        (
            "range_inverted",
            "/cost_guidance/ranges/housing/min",
            Box::new(|d| *at(d, "/cost_guidance/ranges/housing") = json!({"min": 5, "max": 4})),
        ),
        (
            "rate_not_positive",
            "/local_currency/rate",
            Box::new(|d| *at(d, "/local_currency") = json!({"currency": "XOF", "rate": "0"})),
        ),
        (
            "rate_not_positive",
            "/local_currency/rate",
            Box::new(|d| {
                *at(d, "/local_currency") = json!({"currency": "XOF", "rate": "-655.957"})
            }),
        ),
        (
            "follow_up_not_increasing",
            "/follow_up/2/months_after_return",
            Box::new(|d| *at(d, "/follow_up/2/months_after_return") = json!(3)),
        ),
        (
            "unknown_uncertain_path",
            "/uncertain/0/path",
            Box::new(|d| {
                *at(d, "/uncertain/0/path") = json!("/entitlements/longer_term/per_child")
            }),
        ),
        (
            "assessment_scale_invalid",
            "/assessment/scale",
            Box::new(|d| {
                let mut assessment = serde_json::to_value(default_preset().assessment).unwrap();
                assessment["scale"]["max"] = assessment["scale"]["min"].clone();
                d.as_object_mut().unwrap().insert("assessment".into(), assessment);
            }),
        ),
    ];
    for (code, path, edit) in cases {
        assert_eq!(refused(edit), (code.to_owned(), path.to_owned()), "expected {code} at {path}");
    }
}

#[test]
fn a_host_configuration_can_be_minimal() {
    let json = r#"{
        "id": "host_programme",
        "name": {"fr": "Programme local"},
        "currency": "EUR",
        "as_of": "2026-01-01",
        "sources": [{"title": "Programme rules of the partner, 2026"}],
        "entitlements": {
            "short_term": null,
            "longer_term": {
                "per_adult": 150000, "per_minor": 75000, "family_cap": 400000,
                "modalities": ["in_kind"], "tranches": {"rule": "shares", "parts": [
                    {"after_months": 0, "percent": 60}, {"after_months": 3, "percent": 40}]}
            }
        },
        "local_currency": {"currency": "XOF", "rate": "655.957", "source": "fixed parity"}
    }"#;
    let config = parse_config(json).unwrap();
    assert_eq!(config.display_name("en"), "Programme local");
    assert!(config.follow_up.is_empty());
    assert!(config.cost_guidance.ranges.is_empty());
    assert_eq!(config.assessment, default_preset().assessment);
    assert_eq!(config.local_currency.unwrap().rate.to_string(), "655.957");
}

#[test]
fn figures_checked_after_today_are_refused_with_the_field() {
    let config = default_preset();
    let day = config.as_of;
    assert!(check_as_of(&config, day).is_ok(), "checked on the day itself");
    let err = check_as_of(&config, day.pred_opt().unwrap()).unwrap_err();
    assert_eq!((err.code(), err.path()), ("as_of_in_future", "/as_of"));
    assert!(ConfigError::CODES.contains(&err.code()));
}

#[test]
fn error_display_names_code_and_path() {
    let err = parse_config(r#"{"id": 5}"#).unwrap_err();
    assert_eq!(err.path(), "/id");
    assert!(err.to_string().starts_with("invalid_value at /id: "), "{err}");
    assert!(!err.detail().is_empty());
}

/// A restriction entry of a configuration, as a host writes it.
fn restriction_entry() -> Value {
    json!({
        "country": "ML",
        "region": "Mopti",
        "level": "suspended",
        "since": "2026-03-01",
        "source": "UNHCR position on returns to Mali, 2026"
    })
}

/// The default preset with `entries` as its return restrictions, changed by `edit`.
fn with_restrictions(entries: Vec<Value>) -> impl FnOnce(&mut Value) {
    move |d| {
        d.as_object_mut().unwrap().insert("return_restrictions".into(), Value::Array(entries));
    }
}

#[test]
fn return_restrictions_are_read_from_the_configuration() {
    let mut doc: Value = serde_json::from_str(preset_json(DEFAULT_PRESET_ID).unwrap()).unwrap();
    let mut whole_country = restriction_entry();
    whole_country.as_object_mut().unwrap().remove("region");
    whole_country["country"] = json!("SD");
    whole_country["level"] = json!("limited");
    with_restrictions(vec![restriction_entry(), whole_country])(&mut doc);
    let config = parse_config(&doc.to_string()).unwrap();
    let [mopti, sudan] = config.return_restrictions.as_slice() else {
        panic!("two restrictions expected: {:?}", config.return_restrictions)
    };
    assert_eq!(mopti.region.as_deref(), Some("Mopti"));
    assert_eq!(mopti.level, RestrictionLevel::Suspended);
    assert_eq!(sudan.region, None);
    assert_eq!(sudan.level, RestrictionLevel::Limited);
    // Without the field, nothing is restricted.
    assert!(default_preset().return_restrictions.is_empty());
    // Written back, it reads the same.
    let written = serde_json::to_value(&config).unwrap();
    assert_eq!(parse_config(&written.to_string()).unwrap(), config);
}

#[test]
fn a_malformed_return_restriction_is_refused_naming_the_field() {
    let broken = |change: fn(&mut Value)| {
        let mut entry = restriction_entry();
        change(&mut entry);
        refused(with_restrictions(vec![entry]))
    };
    let named =
        |code: &str, field: &str| (code.to_owned(), format!("/return_restrictions/0/{field}"));
    assert_eq!(broken(|e| e["country"] = json!("ml")), named("invalid_country", "country"));
    assert_eq!(broken(|e| e["country"] = json!("MLI")), named("invalid_country", "country"));
    assert_eq!(broken(|e| e["region"] = json!("  ")), named("empty_region", "region"));
    assert_eq!(broken(|e| e["source"] = json!("")), named("missing_source", "source"));
    assert_eq!(
        broken(|e| {
            e.as_object_mut().unwrap().remove("source");
        }),
        named("missing_field", "source")
    );
    assert_eq!(
        broken(|e| {
            e.as_object_mut().unwrap().remove("level");
        }),
        named("missing_field", "level")
    );
    assert_eq!(broken(|e| e["level"] = json!("closed")), named("invalid_value", "level"));
    assert_eq!(broken(|e| e["since"] = json!("March 2026")), named("invalid_value", "since"));
    assert_eq!(broken(|e| e["reason"] = json!("war")), named("unknown_field", "reason"));
    assert_eq!(
        refused(|d| d["return_restrictions"] = json!({"country": "ML"})),
        ("invalid_value".into(), "/return_restrictions".into())
    );
    let mut again = restriction_entry();
    again["region"] = json!(" mopti ");
    assert_eq!(
        refused(with_restrictions(vec![restriction_entry(), again])),
        ("duplicate_restriction".into(), "/return_restrictions/1/region".into())
    );
}
