//! What a programme allows a household: who counts, in which category, and the resulting ceiling
//! per package.
//!
//! Who counts: the returnee and every household member who returns with them. A person is an
//! adult from 18 on the reference date (the return date, or today while it is not set). The
//! returnee counts as an unaccompanied child if a minor with the vulnerability
//! `unaccompanied_or_separated_child`. A person whose age is not known counts as an adult, and
//! the guidance says so, because the returnee of a fresh draft has no age yet and the
//! programme's ordinary figure is the one a counsellor expects to see.

use chrono::NaiveDate;
use serde::Serialize;

use crate::code::codes;
use crate::model::{Plan, Vulnerability};
use crate::money::Money;
use crate::path::Item;
use crate::programme::{Figure, PackageRules, ProgrammeConfig};

/// Age from which a person counts as an adult.
pub const ADULT_AGE: u32 = 18;

/// How a person counts for the entitlement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PersonCategory {
    Adult,
    Minor,
    UnaccompaniedChild,
}

codes!(PersonCategory {
    Adult => "adult",
    Minor => "minor",
    UnaccompaniedChild => "unaccompanied_child",
});

/// One person who counts for the entitlement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CountedPerson {
    /// `None` for the returnee, else the position in `household`.
    pub member_index: Option<usize>,
    /// Age on the reference date, if known.
    pub age: Option<u32>,
    pub category: PersonCategory,
}

impl CountedPerson {
    /// JSON Pointer of the person's date of birth in the plan.
    pub fn date_of_birth_path(&self) -> String {
        match self.member_index {
            None => "/case/date_of_birth".to_owned(),
            Some(i) => Item::HouseholdMember(i).field("date_of_birth"),
        }
    }
}

/// The returnee and the members who return with them, in plan order (returnee first).
pub fn counted_household(plan: &Plan, on: NaiveDate) -> Vec<CountedPerson> {
    let returnee_age = plan.case.age_on(on);
    let returnee_minor = returnee_age.is_some_and(|a| a < ADULT_AGE);
    let unaccompanied =
        plan.case.vulnerabilities.contains(&Vulnerability::UnaccompaniedOrSeparatedChild);
    let returnee_category = match (returnee_minor, unaccompanied) {
        (true, true) => PersonCategory::UnaccompaniedChild,
        (true, false) => PersonCategory::Minor,
        (false, _) => PersonCategory::Adult,
    };
    let mut people =
        vec![CountedPerson { member_index: None, age: returnee_age, category: returnee_category }];
    for (i, member) in plan.household.iter().enumerate() {
        if !member.returns_with_returnee {
            continue;
        }
        let age = member.age_on(on);
        let category = if age.is_some_and(|a| a < ADULT_AGE) {
            PersonCategory::Minor
        } else {
            PersonCategory::Adult
        };
        people.push(CountedPerson { member_index: Some(i), age, category });
    }
    people
}

/// What one line of the entitlement is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum LineKind {
    Adult,
    Minor,
    /// A child below the age of one of the programme's age rules.
    ChildUnder {
        age: u32,
    },
    UnaccompaniedChild,
    FamilySupplement,
    TopUp {
        vulnerability: Vulnerability,
    },
}

/// `count × each` for one kind of person or supplement. `each` is `None` when the programme's
/// figure is not known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntitlementLine {
    pub kind: LineKind,
    pub count: u32,
    pub each: Option<Money>,
}

/// The ceiling of one package for this household, with how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entitlement {
    pub lines: Vec<EntitlementLine>,
    /// The family cap, when it lowered the sum of the per-person lines and supplement.
    pub capped_at: Option<Money>,
    /// The ceiling; `None` when a figure it needs is not known.
    pub total: Option<Money>,
}

/// The amount a person brings to a package, and the line it belongs on.
fn person_amount(rules: &PackageRules, person: &CountedPerson) -> (LineKind, Figure) {
    let as_minor = || {
        let rule = person.age.and_then(|age| {
            rules.under_age.iter().filter(|r| age < r.under_age).min_by_key(|r| r.under_age)
        });
        match rule {
            Some(rule) => {
                (LineKind::ChildUnder { age: rule.under_age }, Figure::Known(rule.amount))
            }
            None => (LineKind::Minor, rules.per_minor),
        }
    };
    match person.category {
        PersonCategory::Adult => (LineKind::Adult, rules.per_adult),
        PersonCategory::Minor => as_minor(),
        PersonCategory::UnaccompaniedChild => match rules.per_unaccompanied_child {
            Some(figure) => (LineKind::UnaccompaniedChild, figure),
            None => as_minor(),
        },
    }
}

/// The vulnerabilities that may earn a top-up, once per person who has them: the returnee's
/// and those of each member who returns with the returnee (a disabled child counts).
pub fn counted_vulnerabilities(plan: &Plan) -> Vec<Vulnerability> {
    let people = std::iter::once(&plan.case.vulnerabilities)
        .chain(plan.returning_household().map(|m| &m.vulnerabilities));
    let mut out = Vec::new();
    for list in people {
        let mut own: Vec<Vulnerability> = list.clone();
        own.sort();
        own.dedup();
        out.extend(own);
    }
    out
}

/// The package's ceiling for these people. Per-person amounts and the family supplement are
/// added, the family cap is applied, then vulnerability top-ups are added, one per person with the
/// vulnerability (a top-up answers a need the cap was not meant to limit). Saturating arithmetic: absurd figures cannot panic.
pub fn package_entitlement(
    rules: &PackageRules,
    config: &ProgrammeConfig,
    people: &[CountedPerson],
    vulnerabilities: &[Vulnerability],
) -> Entitlement {
    let mut lines: Vec<(LineKind, Figure, u32)> = Vec::new();
    for person in people {
        let (kind, figure) = person_amount(rules, person);
        match lines.iter_mut().find(|(k, f, _)| *k == kind && *f == figure) {
            Some(line) => line.2 += 1,
            None => lines.push((kind, figure, 1)),
        }
    }
    let persons = u32::try_from(people.len()).unwrap_or(u32::MAX);
    if let Some(supplement) = &rules.family_supplement
        && persons >= supplement.min_persons
    {
        lines.push((LineKind::FamilySupplement, Figure::Known(supplement.amount), 1));
    }
    let mut sum: Option<i64> = Some(0);
    for (_, figure, count) in &lines {
        sum = match (sum, figure.known()) {
            (Some(s), Some(each)) => Some(s.saturating_add(each.saturating_mul(i64::from(*count)))),
            _ => None,
        };
    }
    let mut capped_at = None;
    if let (Some(s), Some(cap)) = (sum, rules.family_cap)
        && s > cap
    {
        sum = Some(cap);
        capped_at = Some(config.money(cap));
    }
    for top_up in &rules.top_ups {
        let count = vulnerabilities.iter().filter(|v| **v == top_up.vulnerability).count();
        let count = u32::try_from(count).unwrap_or(u32::MAX);
        if count > 0 {
            lines.push((
                LineKind::TopUp { vulnerability: top_up.vulnerability },
                Figure::Known(top_up.amount),
                count,
            ));
            sum = sum.map(|s| s.saturating_add(top_up.amount.saturating_mul(i64::from(count))));
        }
    }
    Entitlement {
        lines: lines
            .into_iter()
            .map(|(kind, figure, count)| EntitlementLine {
                kind,
                count,
                each: figure.known().map(|a| config.money(a)),
            })
            .collect(),
        capped_at,
        total: sum.map(|s| config.money(s)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::HouseholdMember;
    use crate::programme::preset;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn member(age: u32, returns: bool) -> HouseholdMember {
        HouseholdMember { age: Some(age), returns_with_returnee: returns, ..Default::default() }
    }

    #[test]
    fn only_members_who_return_count_and_age_is_taken_on_the_reference_date() {
        let mut plan = Plan::default();
        plan.case.date_of_birth = Some(date(2008, 6, 1));
        plan.household = vec![member(40, true), member(10, false)];
        plan.household.push(HouseholdMember {
            date_of_birth: Some(date(2008, 7, 1)),
            returns_with_returnee: true,
            ..Default::default()
        });
        let before = counted_household(&plan, date(2026, 6, 15));
        assert_eq!(before.len(), 3);
        assert_eq!(before[0].category, PersonCategory::Adult);
        assert_eq!(before[1].member_index, Some(0));
        assert_eq!(before[2].member_index, Some(2));
        assert_eq!(before[2].category, PersonCategory::Minor);
        let after = counted_household(&plan, date(2026, 7, 1));
        assert_eq!(after[2].category, PersonCategory::Adult);
    }

    #[test]
    fn a_minor_returnee_is_unaccompanied_only_with_that_vulnerability() {
        let mut plan = Plan::default();
        plan.case.age = Some(16);
        assert_eq!(counted_household(&plan, date(2026, 1, 1))[0].category, PersonCategory::Minor);
        plan.case.vulnerabilities.push(Vulnerability::UnaccompaniedOrSeparatedChild);
        let people = counted_household(&plan, date(2026, 1, 1));
        assert_eq!(people[0].category, PersonCategory::UnaccompaniedChild);
        plan.case.age = Some(19);
        assert_eq!(counted_household(&plan, date(2026, 1, 1))[0].category, PersonCategory::Adult);
    }

    #[test]
    fn unknown_age_counts_as_adult() {
        let plan = Plan::default();
        let people = counted_household(&plan, date(2026, 1, 1));
        assert_eq!(people[0].age, None);
        assert_eq!(people[0].category, PersonCategory::Adult);
        assert_eq!(people[0].date_of_birth_path(), "/case/date_of_birth");
    }

    #[test]
    fn starthilfeplus_halves_children_under_twelve_and_adds_the_family_supplement() {
        let config = preset("de_starthilfeplus").unwrap();
        let rules = config.entitlements.longer_term.as_ref().unwrap();
        let person =
            |age, category| CountedPerson { member_index: Some(0), age: Some(age), category };
        let people = [
            person(35, PersonCategory::Adult),
            person(33, PersonCategory::Adult),
            person(14, PersonCategory::Minor),
            person(11, PersonCategory::Minor),
        ];
        let four = package_entitlement(rules, &config, &people, &[]);
        // €1,200 × 3 + €600 = €4,200.
        assert_eq!(four.total, Some(config.money(420_000)));
        assert_eq!(four.lines.len(), 3);
        assert_eq!(four.lines[2].kind, LineKind::ChildUnder { age: 12 });
        let mut five = people.to_vec();
        five.push(person(3, PersonCategory::Minor));
        // Five people: + €600 + €500 supplement = €5,300.
        let five = package_entitlement(rules, &config, &five, &[]);
        assert_eq!(five.total, Some(config.money(530_000)));
        assert_eq!(five.lines.last().unwrap().kind, LineKind::FamilySupplement);
    }

    #[test]
    fn cap_applies_before_top_ups_and_unknown_figures_give_no_total() {
        let mut config = preset("eurp_voluntary").unwrap();
        let rules = config.entitlements.longer_term.as_mut().unwrap();
        rules.family_cap = Some(300_000);
        rules.top_ups.push(crate::programme::TopUp {
            vulnerability: Vulnerability::SeriousHealthCondition,
            amount: 50_000,
        });
        let rules = rules.clone();
        let adult =
            CountedPerson { member_index: None, age: Some(30), category: PersonCategory::Adult };
        let people = [adult.clone(), adult.clone()];
        let plain = package_entitlement(&rules, &config, &people, &[]);
        assert_eq!(plain.total, Some(config.money(300_000)));
        assert_eq!(plain.capped_at, Some(config.money(300_000)));
        let ill =
            package_entitlement(&rules, &config, &people, &[Vulnerability::SeriousHealthCondition]);
        assert_eq!(ill.total, Some(config.money(350_000)));
        let belgium = preset("be_fedasil_2022").unwrap();
        let unknown = package_entitlement(
            belgium.entitlements.longer_term.as_ref().unwrap(),
            &belgium,
            &people,
            &[],
        );
        assert_eq!(unknown.total, None);
        assert_eq!(unknown.lines[0].each, None);
    }
}
