//! The monitoring contacts a programme schedules after the return, added to a plan without
//! repeating a contact it already holds.

use chrono::NaiveDate;
use uuid::Uuid;

use super::generate_follow_ups;
use crate::model::{FollowUp, Plan};
use crate::programme::ProgrammeConfig;

/// The contacts of a generated schedule that the plan does not hold yet: a contact counts as
/// already there when one has the same number of months after the return or the same due day,
/// so pressing "schedule" twice, or after adding a contact by hand, adds no duplicate.
pub fn schedule_additions(existing: &[FollowUp], generated: Vec<FollowUp>) -> Vec<FollowUp> {
    generated
        .into_iter()
        .filter(|new| {
            !existing.iter().any(|old| {
                (old.months_after_return.is_some()
                    && old.months_after_return == new.months_after_return)
                    || (old.due_date.is_some() && old.due_date == new.due_date)
            })
        })
        .collect()
}

/// Contacts in the order they are due; those without a day keep their order at the end.
pub fn sort_by_due_date(contacts: &mut [FollowUp]) {
    contacts.sort_by_key(|c| (c.due_date.is_none(), c.due_date));
}

/// Adds the programme's schedule to the plan's contacts; returns how many were added.
pub fn schedule_follow_ups(
    plan: &mut Plan,
    return_date: NaiveDate,
    config: &ProgrammeConfig,
    new_id: &mut dyn FnMut() -> Uuid,
) -> usize {
    let added =
        schedule_additions(&plan.follow_ups, generate_follow_ups(return_date, config, new_id));
    let count = added.len();
    if count > 0 {
        plan.follow_ups.extend(added);
        sort_by_due_date(&mut plan.follow_ups);
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    fn counter() -> impl FnMut() -> Uuid {
        let mut n = 0_u128;
        move || {
            n += 1;
            Uuid::from_u128(n)
        }
    }

    #[test]
    fn scheduling_twice_adds_nothing_the_second_time() {
        let config = crate::programme::default_preset();
        let expected = config.follow_up.len();
        assert!(expected > 0, "the default programme has a follow-up schedule");
        let mut plan = Plan::default();
        let mut ids = counter();
        assert_eq!(schedule_follow_ups(&mut plan, day(2026, 1, 31), &config, &mut ids), expected);
        assert_eq!(plan.follow_ups.len(), expected);
        assert_eq!(schedule_follow_ups(&mut plan, day(2026, 1, 31), &config, &mut ids), 0);
        assert_eq!(plan.follow_ups.len(), expected);
        let dates: Vec<_> = plan.follow_ups.iter().map(|c| c.due_date).collect();
        let mut sorted = dates.clone();
        sorted.sort();
        assert_eq!(dates, sorted);
    }

    #[test]
    fn a_contact_already_planned_for_the_same_month_or_day_is_not_repeated() {
        let config = crate::programme::default_preset();
        let first = config.follow_up.first().map(|p| p.months_after_return).unwrap_or_default();
        let mut plan = Plan::default();
        // One by hand for the same month, one by hand on the day of another point, one unrelated
        // without a date that sorts last.
        let generated = generate_follow_ups(day(2026, 3, 10), &config, &mut counter());
        let second_day = generated.get(1).and_then(|c| c.due_date);
        plan.follow_ups = vec![
            FollowUp { id: Uuid::from_u128(100), ..Default::default() },
            FollowUp {
                id: Uuid::from_u128(101),
                months_after_return: Some(first),
                ..Default::default()
            },
            FollowUp { id: Uuid::from_u128(102), due_date: second_day, ..Default::default() },
        ];
        let mut ids = counter();
        let added = schedule_follow_ups(&mut plan, day(2026, 3, 10), &config, &mut ids);
        assert_eq!(added, config.follow_up.len() - 2);
        assert_eq!(plan.follow_ups.len(), config.follow_up.len() + 1);
        // Contacts without a due day stay at the end, in their order.
        let tail: Vec<_> = plan.follow_ups.iter().rev().take(2).map(|c| c.id).collect();
        assert_eq!(tail, [Uuid::from_u128(101), Uuid::from_u128(100)]);
    }
}
