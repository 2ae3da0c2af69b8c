//! The plan per dimension (item 3 of the brief): goals, each with its measures, and how a
//! measure is delivered, paid and followed.

use chrono::NaiveDate;
#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::budget::Package;
use super::needs::Dimension;
use super::sharing::PrivacyCategory;
use crate::catalogue::{BudgetArea, MeasureType};
use crate::code::codes;
use crate::money::Money;

/// A goal in one dimension, with the measures that serve it (item 3 of the brief).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Identifier of the goal (UUID v4).
    pub id: Uuid,
    /// The dimension the goal belongs to.
    pub dimension: Dimension,
    /// The goal, ideally in the returnee's words.
    pub title: String,
    /// The improvement expected against the baseline.
    pub expected_outcome: String,
    /// The measures that serve the goal.
    pub measures: Vec<Measure>,
    /// Marked private by the counsellor, with its measures. Goals of the psychosocial dimension
    /// are private whatever this says.
    pub private: bool,
    /// In a partner file only: the title and expected outcome were withheld, for this reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<PrivacyCategory>,
}

impl Goal {
    pub fn new(id: Uuid, dimension: Dimension) -> Self {
        Self { id, dimension, ..Self::default() }
    }
}

/// One measure: a good, a service or an action that serves a goal.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Identifier of the measure (UUID v4).
    pub id: Uuid,
    /// Type from the catalogue; absent while the counsellor has not chosen one.
    pub measure_type: Option<MeasureType>,
    /// What the measure is, concretely.
    pub description: String,
    /// Immediate (short-term package) or longer-term.
    pub term: Term,
    /// Day the measure starts.
    pub start_date: Option<NaiveDate>,
    /// Day the measure is due to be completed; not before the start date.
    pub due_date: Option<NaiveDate>,
    /// Who is responsible for carrying it out.
    pub responsible: Responsible,
    /// Who provides the good or service (organisation, supplier, trainer...).
    pub provider: String,
    /// Whether a referral to the provider is needed; absent while not decided.
    pub referral_needed: Option<bool>,
    /// Estimated cost, in the plan's currency. When the measure lists items with costs, their
    /// total is the measure's cost instead (see [`Measure::cost`]).
    pub estimated_cost: Option<Money>,
    /// The goods and services the measure buys, as line items.
    pub items: Vec<LineItem>,
    /// How it is delivered: cash, in kind, voucher or service.
    pub modality: Modality,
    /// Who pays for it.
    pub funding: FundingSource,
    /// Where it stands.
    pub status: MeasureStatus,
    /// Once delivered: what it actually cost, in the plan's currency.
    pub actual_cost: Option<Money>,
    /// Once delivered: the day it was delivered.
    pub delivered_on: Option<NaiveDate>,
    /// The returnee agreed to this measure.
    pub returnee_agreed: bool,
    /// Marked private by the counsellor. Measures of a sensitive type, of a psychosocial goal
    /// or of a private goal are private whatever this says.
    pub private: bool,
    /// In a partner file only: the description and provider were withheld, for this reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<PrivacyCategory>,
}

impl Measure {
    pub fn new(id: Uuid) -> Self {
        Self { id, ..Self::default() }
    }

    /// The measure's cost as the budget counts it: the total of its items when any item has a
    /// cost, else the estimate. `None` when neither is given or the total overflows.
    pub fn cost(&self) -> Option<Money> {
        let mut priced = self.items.iter().filter(|i| i.unit_cost.is_some()).peekable();
        let Some(first) = priced.peek() else { return self.estimated_cost.clone() };
        let currency = first.unit_cost.as_ref()?.currency.clone();
        let mut total: i64 = 0;
        for item in priced {
            if item.unit_cost.as_ref().map(|c| &c.currency) != Some(&currency) {
                return None;
            }
            total = total.checked_add(item.total()?)?;
        }
        Some(Money::new(total, currency))
    }

    /// How the measure is given as the budget counts it: a measure of type cash is cash whatever
    /// modality was chosen, so it cannot pass a no-cash rule as "in kind".
    pub fn paid_as(&self) -> Modality {
        if self.measure_type == Some(MeasureType::Cash) { Modality::Cash } else { self.modality }
    }

    /// The budget area of the cost: the type's area, or the goal's dimension while untyped.
    pub fn area(&self, goal_dimension: Dimension) -> BudgetArea {
        self.measure_type.map_or(goal_dimension.into(), MeasureType::area)
    }
}

/// One good or service a measure buys.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LineItem {
    /// Identifier of the item (UUID v4).
    pub id: Uuid,
    /// What it is.
    pub description: String,
    /// How many.
    pub quantity: u32,
    /// Cost of one, in the plan's currency; absent while not known.
    pub unit_cost: Option<Money>,
    /// Who supplies it.
    pub supplier: String,
}

impl LineItem {
    /// Quantity times unit cost in minor units; `None` without a unit cost or on overflow.
    pub fn total(&self) -> Option<i64> {
        self.unit_cost.as_ref()?.amount_minor.checked_mul(i64::from(self.quantity))
    }
}

/// Whether a measure is immediate or longer-term.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Term {
    #[default]
    Immediate,
    LongerTerm,
}

codes!(Term { Immediate => "immediate", LongerTerm => "longer_term" });

impl Term {
    /// The budget package that pays for a measure of this term.
    pub fn package(self) -> Package {
        match self {
            Term::Immediate => Package::ShortTerm,
            Term::LongerTerm => Package::LongerTerm,
        }
    }
}

/// Who carries out a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Responsible {
    #[default]
    Returnee,
    Counsellor,
    PartnerOrganisation,
}

codes!(Responsible {
    Returnee => "returnee",
    Counsellor => "counsellor",
    PartnerOrganisation => "partner_organisation",
});

/// How assistance is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    Cash,
    #[default]
    InKind,
    Voucher,
    Service,
}

codes!(Modality {
    Cash => "cash",
    InKind => "in_kind",
    Voucher => "voucher",
    Service => "service",
});

/// Who pays for a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    #[default]
    ProgrammeGrant,
    OwnContribution,
    Other,
}

codes!(FundingSource {
    ProgrammeGrant => "programme_grant",
    OwnContribution => "own_contribution",
    Other => "other",
});

/// Where a measure stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeasureStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Cancelled,
}

codes!(MeasureStatus {
    Planned => "planned",
    InProgress => "in_progress",
    Done => "done",
    Cancelled => "cancelled",
});

/// A measure together with where it sits in the plan, so validation and budget name the same
/// paths for it.
#[derive(Debug, Clone, Copy)]
pub struct MeasureRef<'a> {
    pub goal_index: usize,
    pub measure_index: usize,
    pub goal: &'a Goal,
    pub measure: &'a Measure,
}

impl MeasureRef<'_> {
    /// JSON Pointer of the measure in the exported document, e.g. `/goals/0/measures/2`.
    pub fn path(&self) -> String {
        crate::path::Item::Measure { goal: self.goal_index, measure: self.measure_index }.path()
    }

    /// JSON Pointer of one of the measure's fields, e.g. `/goals/0/measures/2/due_date`.
    pub fn field_path(&self, field: &str) -> String {
        crate::path::Item::Measure { goal: self.goal_index, measure: self.measure_index }
            .field(field)
    }
}
