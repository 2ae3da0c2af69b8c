//! What the returnee's own copy of the plan holds: their goals and measures, the dates still
//! ahead, the payments they will receive, and who to contact. Never the counsellor's notes, the
//! needs assessment or the vulnerabilities: the copy is theirs to keep and show. Items withheld
//! from a partner's file (their text is gone) are left out.

use chrono::NaiveDate;

use crate::model::{ContactKind, Dimension, Goal, Measure, Plan, Tranche};

/// A goal with the measures that serve it.
#[derive(Debug, Clone, PartialEq)]
pub struct CopyGoal<'a> {
    pub goal: &'a Goal,
    pub measures: Vec<&'a Measure>,
}

/// A date still ahead, and what happens then.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upcoming<'a> {
    Return,
    Contact(ContactKind),
    MeasureStarts(&'a Measure),
    MeasureDue(&'a Measure),
    Payment(&'a Tranche),
}

/// Someone the returnee can turn to, and what for (empty when not said).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contact<'a> {
    pub organisation: &'a str,
    pub purpose: &'a str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReturneeCopy<'a> {
    /// Per dimension, in the plan's order.
    pub goals: Vec<(Dimension, Vec<CopyGoal<'a>>)>,
    /// From `today` on, earliest first.
    pub upcoming: Vec<(NaiveDate, Upcoming<'a>)>,
    /// Every payment of the schedule, earliest first.
    pub payments: Vec<&'a Tranche>,
    /// The partner organisations that follow the plan, then every referral.
    pub contacts: Vec<Contact<'a>>,
}

/// The returnee's copy of `plan` as of `today`.
pub fn returnee_copy(plan: &Plan, today: NaiveDate) -> ReturneeCopy<'_> {
    let shown_goal = |g: &&Goal| g.withheld.is_none();
    let goals = Dimension::ALL
        .into_iter()
        .map(|dimension| {
            let goals = plan
                .goals
                .iter()
                .filter(|g| g.dimension == dimension)
                .filter(shown_goal)
                .map(|goal| CopyGoal {
                    goal,
                    measures: goal.measures.iter().filter(|m| m.withheld.is_none()).collect(),
                })
                .collect();
            (dimension, goals)
        })
        .collect();

    let mut upcoming = Vec::new();
    if let Some(day) = plan.case.return_date {
        upcoming.push((day, Upcoming::Return));
    }
    for contact in plan.follow_ups.iter().filter(|f| f.done_on.is_none()) {
        if let Some(day) = contact.due_date {
            upcoming.push((day, Upcoming::Contact(contact.kind)));
        }
    }
    for goal in plan.goals.iter().filter(shown_goal) {
        for measure in goal.measures.iter().filter(|m| m.withheld.is_none()) {
            if let Some(day) = measure.start_date {
                upcoming.push((day, Upcoming::MeasureStarts(measure)));
            }
            if let Some(day) = measure.due_date {
                upcoming.push((day, Upcoming::MeasureDue(measure)));
            }
        }
    }
    let mut payments: Vec<&Tranche> =
        plan.budget.tranches.iter().filter(|t| t.withheld.is_none()).collect();
    payments.sort_by_key(|t| t.date);
    for tranche in payments.iter().filter(|t| !t.paid) {
        upcoming.push((tranche.date, Upcoming::Payment(tranche)));
    }
    upcoming.retain(|(day, _)| *day >= today);
    // Stable: on one day, the return first, then contacts, measures and payments.
    upcoming.sort_by_key(|(day, _)| *day);

    let partners = plan
        .consent
        .partner_organisations
        .iter()
        .filter(|o| !o.trim().is_empty())
        .map(|organisation| Contact { organisation, purpose: "" });
    let referrals = plan
        .referrals
        .iter()
        .filter(|r| r.withheld.is_none() && !r.organisation.trim().is_empty())
        .map(|r| Contact { organisation: &r.organisation, purpose: &r.purpose });
    let contacts = partners.chain(referrals).collect();

    ReturneeCopy { goals, upcoming, payments, contacts }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FollowUp, PrivacyCategory, Referral};
    use crate::money::Money;
    use uuid::Uuid;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    fn plan() -> Plan {
        let mut plan = Plan::default();
        plan.case.return_date = Some(day(2027, 1, 10));
        plan.add_goal(Uuid::from_u128(1), Dimension::Economic);
        plan.add_measure(Uuid::from_u128(1), Uuid::from_u128(11));
        plan.add_measure(Uuid::from_u128(1), Uuid::from_u128(12));
        plan.goals[0].measures[0].start_date = Some(day(2027, 2, 1));
        plan.goals[0].measures[1].withheld = Some(PrivacyCategory::Health);
        plan.goals[0].measures[1].due_date = Some(day(2027, 3, 1));
        for (n, (due, done)) in [
            (day(2026, 11, 1), None),
            (day(2027, 4, 10), None),
            (day(2027, 1, 20), Some(day(2027, 1, 20))),
        ]
        .into_iter()
        .enumerate()
        {
            plan.follow_ups.push(FollowUp {
                id: Uuid::from_u128(20 + n as u128),
                due_date: Some(due),
                done_on: done,
                ..FollowUp::default()
            });
        }
        let eur =
            |minor| Money { amount_minor: minor, ..Money::zero(plan.budget.currency.clone()) };
        for (n, (date, paid)) in
            [(day(2027, 6, 1), false), (day(2027, 1, 10), true)].into_iter().enumerate()
        {
            plan.budget.tranches.push(Tranche {
                paid,
                ..Tranche::new(
                    Uuid::from_u128(30 + n as u128),
                    crate::model::Package::ShortTerm,
                    date,
                    eur(50_000),
                )
            });
        }
        plan.consent.partner_organisations = vec!["Caritas Dakar".into(), " ".into()];
        plan.referrals.push(Referral {
            organisation: "Clinique de Kolda".into(),
            purpose: "Suivi".into(),
            id: Uuid::from_u128(40),
            ..Referral::default()
        });
        plan
    }

    #[test]
    fn the_dates_ahead_in_order_without_what_is_past_done_or_withheld() {
        let plan = plan();
        let copy = returnee_copy(&plan, day(2026, 12, 3));
        let days: Vec<_> = copy.upcoming.iter().map(|(d, _)| *d).collect();
        assert_eq!(days, [day(2027, 1, 10), day(2027, 2, 1), day(2027, 4, 10), day(2027, 6, 1)]);
        assert_eq!(copy.upcoming[0].1, Upcoming::Return);
        assert!(
            matches!(copy.upcoming[1].1, Upcoming::MeasureStarts(m) if m.id == Uuid::from_u128(11))
        );
        assert_eq!(copy.upcoming[2].1, Upcoming::Contact(ContactKind::Call));
        assert!(matches!(copy.upcoming[3].1, Upcoming::Payment(t) if !t.paid));
        let later = returnee_copy(&plan, day(2027, 3, 1));
        assert_eq!(later.upcoming.len(), 2, "what is past is left out");
    }

    #[test]
    fn payments_in_date_order_and_who_to_contact() {
        let plan = plan();
        let copy = returnee_copy(&plan, day(2026, 12, 3));
        let dates: Vec<_> = copy.payments.iter().map(|t| t.date).collect();
        assert_eq!(dates, [day(2027, 1, 10), day(2027, 6, 1)]);
        assert_eq!(
            copy.contacts,
            [
                Contact { organisation: "Caritas Dakar", purpose: "" },
                Contact { organisation: "Clinique de Kolda", purpose: "Suivi" },
            ]
        );
        let economic = &copy.goals[0];
        assert_eq!(economic.0, Dimension::Economic);
        assert_eq!(economic.1[0].measures.len(), 1, "a withheld measure is left out");
        assert!(copy.goals[1].1.is_empty());
    }
}
