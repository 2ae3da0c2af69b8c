//! How far a plan has gone, in one word a report can count: drafted, signed, followed up,
//! completed; and how each dimension's score moves from the baseline towards its target.
//! Derived from the plan's own fields, never stored.

use crate::code::codes;
use chrono::NaiveDate;

use crate::model::{Dimension, MeasureStatus, Plan};

/// The stage of a plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlanState {
    /// Not yet signed by both the returnee and the counsellor.
    Draft,
    /// Signed by both; no follow-up contact has taken place yet.
    Signed,
    /// Signed, and at least one follow-up contact has taken place; more are due or measures open.
    InFollowUp,
    /// Signed, and closed (`closed_on`), or every scheduled follow-up contact has taken place
    /// and every measure is done or cancelled.
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
    if !plan.is_agreed() {
        return PlanState::Draft;
    }
    // Closed by hand: the follow-up is over whatever is still open.
    if plan.closed_on.is_some() {
        return PlanState::Completed;
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

/// One dimension's scores over the plan: the baseline, each follow-up contact that recorded a
/// score (by the day it took place), and the target. What a partner reads as progress.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ScoreTrail {
    /// The baseline score and the day of the assessment.
    pub baseline: Option<(Option<NaiveDate>, u8)>,
    /// Scores recorded at follow-up contacts, in the order of their day (contacts without a day
    /// last, in plan order).
    pub contacts: Vec<(Option<NaiveDate>, u8)>,
    /// The score expected at the end.
    pub target: Option<u8>,
}

impl ScoreTrail {
    /// Nothing to show: no baseline, no contact score, no target.
    pub fn is_empty(&self) -> bool {
        self.baseline.is_none() && self.contacts.is_empty() && self.target.is_none()
    }

    /// The latest score known: the last contact's, else the baseline.
    pub fn latest(&self) -> Option<u8> {
        self.contacts.last().map(|(_, s)| *s).or(self.baseline.map(|(_, s)| s))
    }
}

/// The scores of `dimension` over the plan (see [`ScoreTrail`]).
pub fn score_trail(plan: &Plan, dimension: Dimension) -> ScoreTrail {
    let baseline = plan
        .needs
        .assessment
        .as_ref()
        .and_then(|a| a.baseline.get(dimension).map(|s| (a.assessed_on, s)));
    let mut contacts: Vec<(Option<NaiveDate>, u8)> = plan
        .follow_ups
        .iter()
        .filter_map(|f| f.scores.get(dimension).map(|s| (f.done_on, s)))
        .collect();
    // Stable: contacts of the same day (or without one) keep their plan order.
    contacts.sort_by_key(|(day, _)| (day.is_none(), *day));
    ScoreTrail { baseline, contacts, target: plan.needs.targets.get(dimension) }
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

    #[test]
    fn a_trail_runs_from_the_baseline_through_the_contacts_to_the_target() {
        use crate::model::{AssessmentRecord, DimensionScores};
        let day = |d| NaiveDate::from_ymd_opt(2027, 1, d);
        let mut plan = Plan::default();
        assert!(score_trail(&plan, Dimension::Social).is_empty());
        plan.needs.assessment = Some(AssessmentRecord {
            assessed_on: day(1),
            baseline: crate::assessment::Scores { social: Some(30), ..Default::default() },
            ..Default::default()
        });
        plan.needs.targets.social = Some(70);
        let scored = |done_on, social| FollowUp {
            done_on,
            scores: DimensionScores { social, ..Default::default() },
            ..FollowUp::default()
        };
        plan.follow_ups =
            vec![scored(day(20), Some(50)), scored(None, Some(55)), scored(day(10), Some(40))];
        plan.follow_ups.push(scored(day(25), None));
        let trail = score_trail(&plan, Dimension::Social);
        assert_eq!(trail.baseline, Some((day(1), 30)));
        assert_eq!(trail.contacts, [(day(10), 40), (day(20), 50), (None, 55)]);
        assert_eq!((trail.target, trail.latest()), (Some(70), Some(55)));
        assert!(score_trail(&plan, Dimension::Economic).is_empty());
    }
}
