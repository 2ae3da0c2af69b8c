//! The file carries its budget: what each package makes available, allocates and leaves, in
//! the programme's currency and the local one, computed by the budget rules; recomputed on
//! import, where a difference is a finding.

mod common;

use homeward_plan::budget::{budget_record, guidance, to_local};
use homeward_plan::interchange::{export_json, import_json};
use homeward_plan::money::CurrencyCode;
use homeward_plan::programme::{DecimalRate, LocalCurrency, ProgrammeConfig};
use serde_json::{Value, json};

fn with_local_currency() -> ProgrammeConfig {
    let mut p = common::programme();
    p.local_currency = Some(LocalCurrency {
        currency: CurrencyCode::new("XOF").unwrap(),
        rate: DecimalRate::parse("655.957").unwrap(),
        source: "Fixed parity".into(),
        as_of: Some(common::date(2026, 1, 1)),
    });
    p
}

#[test]
fn the_record_is_what_the_budget_rules_give() {
    let plan = common::full_family_plan();
    let programme = with_local_currency();
    let record = budget_record(&plan, &programme);
    let g = guidance(&plan, &programme, plan.updated_at.date_naive());
    assert_eq!(record.programme.id, programme.id);
    assert_eq!(record.programme.name, programme.name);
    assert_eq!(record.programme.rules_as_of, programme.as_of);
    assert_eq!(record.reference_date, g.reference_date);
    assert_eq!(record.local_currency.as_ref().unwrap().rate, "655.957");
    assert_eq!(record.packages.len(), 2);
    let allocations = homeward_plan::budget::allocations(&plan, &programme);
    for (i, (p, r)) in g.packages.iter().zip(&record.packages).enumerate() {
        assert_eq!(r.package, p.package);
        assert_eq!(r.available, p.available);
        assert_eq!(r.allocated, p.allocated);
        assert_eq!(r.allocated.amount_minor, allocations[i]);
        assert_eq!(r.remaining, p.remaining);
        let local = r.local.as_ref().unwrap();
        assert_eq!(local.allocated, to_local(&p.allocated, &programme));
        assert_eq!(local.allocated.as_ref().unwrap().currency.as_str(), "XOF");
    }
    assert!(record.packages[0].allocated.amount_minor > 0, "the family plan allocates");
}

#[test]
fn the_exported_file_holds_it_and_import_agrees() {
    let programme = with_local_currency();
    let plan = common::full_family_plan();
    let text = export_json(&plan, &programme);
    let doc: Value = serde_json::from_str(&text).unwrap();
    let expected = serde_json::to_value(budget_record(&plan, &programme)).unwrap();
    assert_eq!(doc["budget_summary"], expected);
    let imported = import_json(&text, common::today(), Some(&programme)).unwrap();
    assert!(imported.findings.iter().all(|f| !f.code.starts_with("budget_record")));
    assert_eq!(export_json(&imported.plan, &programme), text);
}

#[test]
fn a_changed_figure_is_a_finding_at_its_path() {
    let programme = with_local_currency();
    let plan = common::full_family_plan();
    let mut doc: Value = serde_json::from_str(&export_json(&plan, &programme)).unwrap();
    doc["budget_summary"]["packages"][0]["allocated"]["amount_minor"] = json!(1);
    doc["budget_summary"]["local_currency"]["rate"] = json!("700");
    let imported =
        import_json(&doc.to_string(), common::today(), Some(&programme)).expect("still imports");
    let differs: Vec<&str> = imported
        .findings
        .iter()
        .filter(|f| f.code == "budget_record_differs")
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(
        differs,
        ["/budget_summary/local_currency/rate", "/budget_summary/packages/0/allocated"]
    );
    let f = imported.findings.iter().find(|f| f.code == "budget_record_differs").unwrap();
    assert_eq!(f.severity, homeward_plan::finding::Severity::Warning);
    // The plan itself is what the file holds; the record is recomputed on the next export.
    assert_eq!(imported.plan, plan);
}

#[test]
fn an_unknown_programme_is_said_not_checked_and_an_absent_record_is_fine() {
    let mut plan = common::full_family_plan();
    plan.programme_id = "ngo_local_2026".into();
    let mut other = common::programme();
    other.id = "ngo_local_2026".into();
    let text = export_json(&plan, &other);
    assert!(text.contains("\"budget_summary\""));
    let imported = import_json(&text, common::today(), None).unwrap();
    let codes: Vec<_> = imported.findings.iter().map(|f| f.code).collect();
    assert!(codes.contains(&"budget_record_not_checked"), "{codes:?}");

    // A file without a record (every file written before it existed) reads as before.
    let mut doc: Value = serde_json::from_str(&text).unwrap();
    doc.as_object_mut().unwrap().remove("budget_summary");
    let imported = import_json(&doc.to_string(), common::today(), None).unwrap();
    assert!(imported.findings.iter().all(|f| !f.code.starts_with("budget_record")));
}

#[test]
fn a_built_in_programme_is_checked_even_when_the_caller_has_another() {
    let plan = common::full_family_plan();
    let mut doc: Value = serde_json::from_str(&export_json(&plan, &common::programme())).unwrap();
    doc["budget_summary"]["packages"][1]["available"]["amount_minor"] = json!(5);
    let other = homeward_plan::programme::preset("eurp_forced").unwrap();
    let imported = import_json(&doc.to_string(), common::today(), Some(&other)).unwrap();
    assert!(
        imported.findings.iter().any(|f| f.code == "budget_record_differs"
            && f.path == "/budget_summary/packages/1/available"),
        "{:?}",
        imported.findings
    );
}
