//! Export: the same plan always gives the same bytes (struct fields in declaration order,
//! `BTreeMap`s sorted, no floating point), so files can be compared and signed.

use serde::Serialize;

use super::{FORMAT, VERSION};
use crate::model::Plan;

/// The document as written: envelope first, then the plan's fields.
#[derive(Serialize)]
struct DocumentOut<'a> {
    format: &'static str,
    version: u32,
    #[serde(flatten)]
    plan: &'a Plan,
}

/// The plan as a pretty-printed JSON document, ending with a newline.
pub fn export_json(plan: &Plan) -> String {
    let doc = DocumentOut { format: FORMAT, version: VERSION, plan };
    // Cannot fail: every map key is a string and no Serialize impl of the model returns an
    // error (the round-trip property test exercises them all). Should it ever, an empty
    // string is refused by import instead of a panic that would take the plan on screen down.
    let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
    out.push('\n');
    out
}

/// Longest case reference kept in a file name.
const MAX_REFERENCE_IN_NAME: usize = 64;

/// A safe file name: `homeward-plan-<case reference>-<YYYY-MM-DD>.json`, where the reference
/// keeps only ASCII letters, digits, `-` and `_` (at most 64) and the date is the day of the
/// last change, so the name is deterministic too. Without a usable reference the part is
/// left out.
pub fn export_file_name(plan: &Plan) -> String {
    let reference: String = plan
        .case
        .case_reference
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .take(MAX_REFERENCE_IN_NAME)
        .collect();
    let date = plan.updated_at.date_naive().format("%Y-%m-%d");
    if reference.is_empty() {
        format!("homeward-plan-{date}.json")
    } else {
        format!("homeward-plan-{reference}-{date}.json")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    #[test]
    fn file_name_keeps_only_safe_characters() {
        let updated_at = DateTime::parse_from_rfc3339("2026-11-23T23:30:00Z").unwrap().to_utc();
        let mut plan = Plan { updated_at, ..Plan::default() };
        plan.case.case_reference = "CASE 123/../é_x-9".into();
        assert_eq!(export_file_name(&plan), "homeward-plan-CASE123_x-9-2026-11-23.json");
        plan.case.case_reference = "../../".into();
        assert_eq!(export_file_name(&plan), "homeward-plan-2026-11-23.json");
        plan.case.case_reference = "A".repeat(500);
        assert_eq!(export_file_name(&plan).len(), "homeward-plan--2026-11-23.json".len() + 64);
    }

    #[test]
    fn export_starts_with_the_envelope_and_is_stable() {
        let plan = Plan::default();
        let a = export_json(&plan);
        let start =
            format!("{{\n  \"format\": \"homeward.plan\",\n  \"version\": {VERSION},\n  \"id\": ");
        assert!(a.starts_with(&start));
        assert!(a.ends_with("}\n"));
        assert_eq!(a, export_json(&plan.clone()));
    }
}
