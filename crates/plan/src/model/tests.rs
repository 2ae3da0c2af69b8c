use chrono::{DateTime, NaiveDate};
use uuid::Uuid;

use super::*;
use crate::catalogue::{BudgetArea, MeasureType};
use crate::money::CurrencyCode;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

#[test]
fn age_comes_from_date_of_birth_before_stated_age() {
    let mut m = HouseholdMember { age: Some(40), ..Default::default() };
    assert_eq!(m.age_on(d(2026, 1, 1)), Some(40));
    m.date_of_birth = Some(d(2010, 6, 15));
    assert_eq!(m.age_on(d(2026, 6, 14)), Some(15));
    assert_eq!(m.age_on(d(2026, 6, 15)), Some(16));
    assert_eq!(m.age_on(d(2009, 1, 1)), None);
    let c = Case { date_of_birth: Some(d(2000, 2, 29)), ..Default::default() };
    assert_eq!(c.age_on(d(2001, 2, 28)), Some(0));
    assert_eq!(c.age_on(d(2001, 3, 1)), Some(1));
}

#[test]
fn measures_walks_every_goal_in_order_with_paths() {
    let mut plan = Plan::default();
    let mut g0 = Goal::new(Uuid::from_u128(1), Dimension::Economic);
    g0.measures = vec![Measure::new(Uuid::from_u128(10)), Measure::new(Uuid::from_u128(11))];
    let g1 = Goal::new(Uuid::from_u128(2), Dimension::Social);
    let mut g2 = Goal::new(Uuid::from_u128(3), Dimension::Psychosocial);
    g2.measures = vec![Measure::new(Uuid::from_u128(30))];
    plan.goals = vec![g0, g1, g2];
    let paths: Vec<_> = plan.measures().map(|m| m.path()).collect();
    assert_eq!(paths, ["/goals/0/measures/0", "/goals/0/measures/1", "/goals/2/measures/0"]);
    let last = plan.measures().last().unwrap();
    assert_eq!(last.measure.id, Uuid::from_u128(30));
    assert_eq!(last.goal.dimension, Dimension::Psychosocial);
    assert_eq!(last.field_path("due_date"), "/goals/2/measures/0/due_date");
}

#[test]
fn untyped_measure_counts_in_its_goal_dimension() {
    let mut m = Measure::new(Uuid::nil());
    assert_eq!(m.area(Dimension::Social), BudgetArea::Social);
    m.measure_type = Some(MeasureType::Transport);
    assert_eq!(m.area(Dimension::Social), BudgetArea::ImmediateNeeds);
    assert_eq!(Term::LongerTerm.package(), Package::LongerTerm);
}

#[test]
fn new_plan_carries_its_inputs() {
    let now = DateTime::parse_from_rfc3339("2026-11-23T10:00:00Z").unwrap().to_utc();
    let xof = CurrencyCode::new("XOF").unwrap();
    let plan = Plan::new(Uuid::from_u128(7), "eurp_voluntary", xof.clone(), now);
    assert_eq!(plan.currency(), &xof);
    assert_eq!(plan.created_at, now);
    assert_eq!(plan.updated_at, now);
    assert_eq!(plan.programme_id, "eurp_voluntary");
    assert!(plan.goals.is_empty());
}

#[test]
fn editing_priority_texts_keeps_the_marks_of_unchanged_texts() {
    let mut needs = Needs::default();
    needs.set_priority_texts(vec!["a".into(), "b".into()]);
    needs.priorities[1].private = true;
    needs.set_priority_texts(vec!["b".into(), "c".into(), "a".into()]);
    let marks: Vec<_> = needs.priorities.iter().map(|p| (p.text.as_str(), p.private)).collect();
    assert_eq!(marks, [("b", true), ("c", false), ("a", false)]);
    assert_eq!(needs.priority_texts(), ["b", "c", "a"]);
}

#[test]
fn named_partners_are_trimmed_without_blanks_or_repeats() {
    let c = Consent {
        partner_organisations: vec![" A ".into(), "".into(), "B".into(), "A".into()],
        ..Default::default()
    };
    assert_eq!(c.named_partners().collect::<Vec<_>>(), ["A", "B"]);
}

#[test]
fn partner_export_needs_a_named_partner() {
    let mut c = Consent { share_with_partners: true, ..Default::default() };
    assert!(!c.allows_partner_export());
    c.partner_organisations.push("  ".into());
    assert!(!c.allows_partner_export());
    c.partner_organisations.push("Caritas Dakar".into());
    assert!(c.allows_partner_export());
    c.share_with_partners = false;
    assert!(!c.allows_partner_export());
}

#[test]
fn signature_method_codes_are_the_tags_of_the_file() {
    let methods = [
        SignatureMethod::Drawn { width: 1, height: 1, strokes: Vec::new() },
        SignatureMethod::Typed { name: "A".into() },
    ];
    let codes: Vec<_> = methods.iter().map(SignatureMethod::code).collect();
    assert_eq!(codes, SignatureMethod::CODES);
    for m in &methods {
        let json = serde_json::to_value(m).unwrap();
        let tags: Vec<_> = json.as_object().unwrap().keys().cloned().collect();
        assert_eq!(tags, [m.code()]);
    }
}

#[test]
fn changing_an_agreed_plan_raises_its_revision_and_clears_the_signatures() {
    use chrono::NaiveDate;
    let signature = || Signature {
        method: SignatureMethod::Typed { name: "A".into() },
        signed_on: NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default(),
    };
    let mut plan = Plan::default();
    plan.signatures.returnee = Some(signature());
    assert!(!plan.open_for_revision(), "one signature is not an agreed plan");
    assert_eq!(plan.revision, 0);
    plan.signatures.counsellor = Some(signature());
    assert!(plan.is_agreed());
    assert!(plan.open_for_revision());
    assert_eq!((plan.revision, plan.is_agreed()), (1, false));
    assert_eq!(plan.signatures, Signatures::default());
    assert!(!plan.open_for_revision());
    assert_eq!(plan.revision, 1);
}
