//! Random edits of a plan for the properties of `changes_props`: items added, removed,
//! swapped and edited in every kind of list, scalars changed.

use chrono::NaiveDate;
use homeward_plan::model::*;
use homeward_plan::protection::{ProtectionReferral, Question};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::{Index, select};
use uuid::Uuid;

use crate::common;
use crate::common::generated::generated;

/// The lists an edit works on: every list by id, and two without.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum List {
    Household,
    Debts,
    Goals,
    Measures,
    Tranches,
    Referrals,
    FollowUps,
    ProtectionReferrals,
    Priorities,
    IdentityDocuments,
}

pub const LISTS: [List; 10] = [
    List::Household,
    List::Debts,
    List::Goals,
    List::Measures,
    List::Tranches,
    List::Referrals,
    List::FollowUps,
    List::ProtectionReferrals,
    List::Priorities,
    List::IdentityDocuments,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Add,
    Remove,
    Swap,
    Touch,
}

/// One random edit: of an item of a list (for measures, of the goal `goal`), or of a scalar.
#[derive(Debug, Clone)]
pub enum Edit {
    Item { list: List, step: Step, goal: Index, a: Index, b: Index, n: u8 },
    Scalar { which: u8, n: u8 },
}

pub fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (
            select(LISTS.to_vec()),
            select(vec![Step::Add, Step::Remove, Step::Swap, Step::Touch]),
            any::<Index>(),
            any::<Index>(),
            any::<Index>(),
            any::<u8>(),
        )
            .prop_map(|(list, step, goal, a, b, n)| Edit::Item { list, step, goal, a, b, n }),
        1 => (0u8..10, any::<u8>()).prop_map(|(which, n)| Edit::Scalar { which, n }),
    ]
}

pub fn edits() -> impl Strategy<Value = Vec<Edit>> {
    vec(edit(), 0..8)
}

/// Makes the edits, with new ids and texts of its own: two editors of the same plan never
/// make the same item.
pub struct Editor {
    side: u128,
    next: u128,
}

impl Editor {
    pub fn new(side: u128) -> Self {
        Self { side, next: 0 }
    }

    fn id(&mut self) -> Uuid {
        self.next += 1;
        common::id(1_000_000 * self.side + self.next)
    }

    fn text(&mut self) -> String {
        self.next += 1;
        format!("edit {} {}", self.side, self.next)
    }

    pub fn edited(&mut self, plan: &Plan, edits: &[Edit]) -> Plan {
        let mut plan = plan.clone();
        for e in edits {
            match e {
                Edit::Item { list, step, goal, a, b, n } => {
                    self.item(&mut plan, *list, *step, goal, a, b, *n)
                }
                Edit::Scalar { which, n } => self.scalar(&mut plan, *which, *n),
            }
        }
        plan
    }

    #[allow(clippy::too_many_arguments)]
    fn item(
        &mut self,
        p: &mut Plan,
        list: List,
        step: Step,
        goal: &Index,
        a: &Index,
        b: &Index,
        n: u8,
    ) {
        let text = self.text();
        let id = self.id();
        let day = NaiveDate::from_ymd_opt(2027, 1, 1 + u32::from(n % 28));
        match list {
            List::Household => on(
                &mut p.household,
                step,
                a,
                b,
                || HouseholdMember { id, ..Default::default() },
                |m| match n % 3 {
                    0 => m.age = Some(u32::from(n)),
                    1 => m.dependant = !m.dependant,
                    _ => m.relationship = Relationship::Sibling,
                },
            ),
            List::Debts => on(
                &mut p.case.debts,
                step,
                a,
                b,
                || Debt {
                    id,
                    amount: common::eur(i64::from(n)),
                    creditor: text.clone(),
                    pressure_to_repay: PressureLevel::High,
                    private: n.is_multiple_of(2),
                    withheld: None,
                },
                |d| match n % 3 {
                    0 => d.creditor = text.clone(),
                    1 => d.amount = common::eur(i64::from(n) + 1),
                    _ => d.private = !d.private,
                },
            ),
            List::Goals => on(
                &mut p.goals,
                step,
                a,
                b,
                || {
                    let mut g = Goal::new(id, Dimension::ALL[usize::from(n) % 3]);
                    g.title = text.clone();
                    g
                },
                |g| match n % 3 {
                    0 => g.title = text.clone(),
                    1 => g.dimension = Dimension::ALL[usize::from(n / 3) % 3],
                    _ => g.private = !g.private,
                },
            ),
            List::Measures => {
                if p.goals.is_empty() {
                    return;
                }
                let at = goal.index(p.goals.len());
                on(
                    &mut p.goals[at].measures,
                    step,
                    a,
                    b,
                    || Measure { description: text.clone(), ..Measure::new(id) },
                    |m| match n % 3 {
                        0 => m.status = MeasureStatus::ALL[usize::from(n / 3) % 4],
                        1 => m.description = text.clone(),
                        _ => m.estimated_cost = Some(common::eur(i64::from(n))),
                    },
                )
            }
            List::Tranches => on(
                &mut p.budget.tranches,
                step,
                a,
                b,
                || Tranche {
                    purpose: text.clone(),
                    ..Tranche::new(
                        id,
                        Package::LongerTerm,
                        common::date(2027, 2, 1),
                        common::eur(i64::from(n)),
                    )
                },
                |t| match n % 3 {
                    0 => t.paid = !t.paid,
                    1 => t.paid_on = Some(common::date(2027, 2, 1 + u32::from(n % 20))),
                    _ => t.amount = common::eur(i64::from(n) + 7),
                },
            ),
            List::Referrals => on(
                &mut p.referrals,
                step,
                a,
                b,
                || Referral { id, organisation: text.clone(), ..Referral::default() },
                |r| match n % 2 {
                    0 => r.status = ReferralStatus::ALL[usize::from(n / 2) % 5],
                    _ => r.organisation = text.clone(),
                },
            ),
            List::FollowUps => on(
                &mut p.follow_ups,
                step,
                a,
                b,
                || FollowUp { id, outcome: text.clone(), ..FollowUp::default() },
                |f| match n % 3 {
                    0 => f.outcome = text.clone(),
                    1 => f.done_on = day,
                    _ => f.kind = ContactKind::Visit,
                },
            ),
            List::ProtectionReferrals => on(
                &mut p.protection.referrals,
                step,
                a,
                b,
                || ProtectionReferral::new(id, Question::ALL[usize::from(n) % 6]),
                |r| match n % 2 {
                    0 => r.organisation = text.clone(),
                    _ => r.returnee_agreed = !r.returnee_agreed,
                },
            ),
            List::Priorities => on(
                &mut p.needs.priorities,
                step,
                a,
                b,
                || Priority::new(text.clone()),
                |x| match n % 2 {
                    0 => x.text = text.clone(),
                    _ => x.private = !x.private,
                },
            ),
            List::IdentityDocuments => on(
                &mut p.case.identity_documents,
                step,
                a,
                b,
                || IdentityDocument {
                    kind: DocumentKind::BirthCertificate,
                    held: false,
                    note: text.clone(),
                },
                |d| d.held = !d.held,
            ),
        }
    }

    fn scalar(&mut self, p: &mut Plan, which: u8, n: u8) {
        let text = self.text();
        match which {
            0 => p.case.town = text,
            1 => p.case.languages.push(text),
            2 => p.updated_at += chrono::Duration::minutes(i64::from(n) + 1),
            3 => p.consent.share_special_category = !p.consent.share_special_category,
            4 => match &mut p.needs.assessment {
                Some(a) => a.baseline.economic = Some(n % 101),
                None => p.needs.aspirations = text,
            },
            5 => p.protection.threat_on_return.note = text,
            6 => p.marked_for_partner_export = !p.marked_for_partner_export,
            7 => {
                p.signatures.returnee = Some(Signature {
                    method: SignatureMethod::Typed { name: text },
                    signed_on: common::date(2026, 12, 1),
                })
            }
            8 => p.case.gender = Some(Gender::ALL[usize::from(n) % 3]),
            _ => p.needs.summary.economic = text,
        }
    }
}

/// One step on a list.
fn on<T>(
    items: &mut Vec<T>,
    step: Step,
    a: &Index,
    b: &Index,
    new: impl FnOnce() -> T,
    touch: impl FnOnce(&mut T),
) {
    let len = items.len();
    match step {
        Step::Add => items.insert(a.index(len + 1), new()),
        Step::Remove if len > 0 => {
            items.remove(a.index(len));
        }
        Step::Swap if len > 1 => items.swap(a.index(len), b.index(len)),
        Step::Touch if len > 0 => touch(&mut items[a.index(len)]),
        _ => {}
    }
}

/// A generated plan with every list filled: the generator leaves the household and the
/// protection referrals empty.
pub fn older() -> impl Strategy<Value = Plan> {
    generated().prop_map(|g| {
        let mut plan = g.plan;
        for n in 0..3 {
            plan.add_household_member(common::id(900 + n));
        }
        plan.protection = common::full_protection();
        plan
    })
}
