//! Checks of what the plan records once it is carried out (version 3): the template's case
//! fields, targets and follow-up scores, line items, delivery, payments and referral outcomes.

use chrono::NaiveDate;

use super::{check_amount, check_country, check_score};
use crate::finding::{Finding, Param};
use crate::model::{Dimension, Plan};
use crate::path::Item;

pub(super) fn check(plan: &Plan, today: NaiveDate, out: &mut Vec<Finding>) {
    let case = &plan.case;
    check_country(&case.nationality, "/case/nationality", out);
    check_country(&case.host_country, "/case/host_country", out);
    if let (Some(departure), Some(back)) = (case.departure_date, case.return_date)
        && departure > back
    {
        out.push(
            Finding::error("departure_after_return", "/case/departure_date")
                .with("departure_date", Param::Date(departure))
                .with("return_date", Param::Date(back)),
        );
    }

    for d in Dimension::ALL {
        check_score(plan.needs.targets.get(d), format!("/needs/targets/{}", d.code()), out);
        for (i, f) in plan.follow_ups.iter().enumerate() {
            check_score(
                f.scores.get(d),
                Item::FollowUp(i).field(&format!("scores/{}", d.code())),
                out,
            );
        }
    }

    let currency = plan.currency();
    for r in plan.measures() {
        let m = r.measure;
        for (k, item) in m.items.iter().enumerate() {
            if let Some(cost) = &item.unit_cost {
                check_amount(
                    cost,
                    Some(currency),
                    &r.field_path(&format!("items/{k}/unit_cost")),
                    out,
                );
            }
        }
        if let Some(cost) = &m.actual_cost {
            check_amount(cost, Some(currency), &r.field_path("actual_cost"), out);
        }
        past_or_today(m.delivered_on, today, r.field_path("delivered_on"), out);
    }

    for (i, t) in plan.budget.tranches.iter().enumerate() {
        if let Some(paid) = &t.paid_amount {
            check_amount(paid, Some(currency), &Item::Tranche(i).field("paid_amount"), out);
        }
        past_or_today(t.paid_on, today, Item::Tranche(i).field("paid_on"), out);
        for id in &t.measure_ids {
            if !plan.measures().any(|m| m.measure.id == *id) {
                out.push(
                    Finding::warning(
                        "tranche_measure_unknown",
                        Item::Tranche(i).field("measure_ids"),
                    )
                    .with("id", Param::Text(id.to_string())),
                );
            }
        }
    }

    for (i, r) in plan.referrals.iter().enumerate() {
        past_or_today(r.outcome_on, today, Item::Referral(i).field("outcome_on"), out);
    }

    // Closing ends the follow-up of an agreed plan; a plan never agreed has none to end.
    past_or_today(plan.closed_on, today, "/closed_on".into(), out);
    if plan.closed_on.is_some() && !plan.is_agreed() {
        out.push(Finding::warning("closed_not_agreed", "/closed_on"));
    }
}

/// A day something happened cannot be after today.
fn past_or_today(day: Option<NaiveDate>, today: NaiveDate, path: String, out: &mut Vec<Finding>) {
    if let Some(day) = day.filter(|d| *d > today) {
        out.push(Finding::error("date_in_future", path).with("date", Param::Date(day)));
    }
}
