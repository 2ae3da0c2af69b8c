//! How far a plan has gone, in one word a report can count: drafted, signed, followed up,
//! completed. Derived from the plan's own fields, never stored.

use crate::code::codes;
use crate::model::{MeasureStatus, Plan};

/// The stage of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlanState {
    /// Not yet signed by both the returnee and the counsellor.
    Draft,
    /// Signed by both; no follow-up contact has taken place yet.
    Signed,
    /// Signed, and at least one follow-up contact has taken place; more are due or measures open.
    InFollowUp,
    /// Signed, every scheduled follow-up contact has taken place and every measure is done or
    /// cancelled.
    Completed,
}

codes!(PlanState {
    Draft => "draft",
    Signed => "signed",
    InFollowUp => "in_follow_up",
    Completed => "completed",
});

/// The plan's stage (see [`PlanState`]).
pub fn plan_state(plan: &Plan) -> PlanState {
    let signed = plan.signatures.returnee.is_some() && plan.signatures.counsellor.is_some();
    if !signed {
        return PlanState::Draft;
    }
    let contacts_done = plan.follow_ups.iter().filter(|f| f.done_on.is_some()).count();
    if contacts_done == 0 {
        return PlanState::Signed;
    }
    let measures_closed = plan
        .measures()
        .all(|m| matches!(m.measure.status, MeasureStatus::Done | MeasureStatus::Cancelled));
    if contacts_done == plan.follow_ups.len() && measures_closed {
        PlanState::Completed
    } else {
        PlanState::InFollowUp
    }
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use uuid::Uuid;

    use super::*;
    use crate::model::{FollowUp, Goal, Measure, Signature};

    fn signature() -> Signature {
        Signature {
            method: crate::model::SignatureMethod::Typed { name: "A".into() },
            signed_on: NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default(),
        }
    }

    #[test]
    fn states_follow_signatures_contacts_and_measures() {
        let mut plan = Plan::default();
        assert_eq!(plan_state(&plan), PlanState::Draft);
        plan.signatures.returnee = Some(signature());
        assert_eq!(plan_state(&plan), PlanState::Draft);
        plan.signatures.counsellor = Some(signature());
        assert_eq!(plan_state(&plan), PlanState::Signed);

        let day = NaiveDate::from_ymd_opt(2027, 1, 5);
        plan.follow_ups =
            vec![FollowUp { done_on: day, ..FollowUp::default() }, FollowUp::default()];
        assert_eq!(plan_state(&plan), PlanState::InFollowUp);
        plan.follow_ups[1].done_on = day;
        let mut goal = Goal::new(Uuid::nil(), crate::model::Dimension::Economic);
        goal.measures.push(Measure::new(Uuid::nil()));
        plan.goals.push(goal);
        assert_eq!(plan_state(&plan), PlanState::InFollowUp);
        plan.goals[0].measures[0].status = MeasureStatus::Done;
        assert_eq!(plan_state(&plan), PlanState::Completed);
    }
}
