//! The plan's own budget choices (item 4 of the brief): its currency and the payment or
//! purchase schedule. Entitlements are computed from the programme (see `crate::budget`).

use chrono::NaiveDate;
#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::sharing::PrivacyCategory;
use crate::code::codes;
use crate::money::{CurrencyCode, Money};

/// The budget packages of a programme.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Package {
    /// Post-arrival (short-term) package.
    #[default]
    ShortTerm,
    /// Longer-term reintegration package.
    LongerTerm,
}

codes!(Package { ShortTerm => "short_term", LongerTerm => "longer_term" });

/// The plan's budget (item 4 of the brief). Entitlements and what is left are computed from the
/// programme configuration, so only the plan's own choices are stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetPlan {
    /// Currency the plan is costed in (the programme's currency).
    pub currency: CurrencyCode,
    /// Payment or purchase schedule.
    pub tranches: Vec<Tranche>,
}

impl Default for BudgetPlan {
    fn default() -> Self {
        Self { currency: CurrencyCode::eur(), tranches: Vec::new() }
    }
}

/// One payment or purchase in the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Tranche {
    /// Identifier of the tranche (UUID v4).
    pub id: Uuid,
    /// The package it is paid from.
    pub package: Package,
    /// Day the payment or purchase is planned or was made.
    pub date: NaiveDate,
    /// Amount, in the plan's currency.
    pub amount: Money,
    /// What it pays for.
    pub purpose: String,
    /// Paid at departure from the host country, so before the return: some programmes pay
    /// a first part there (Germany's StarthilfePlus, Belgium's reinstallation premium).
    pub at_departure: bool,
    /// Paid or bought already.
    pub paid: bool,
    /// Once paid: the day it was paid.
    pub paid_on: Option<NaiveDate>,
    /// Once paid: the amount actually paid, when it differs from the planned amount.
    pub paid_amount: Option<Money>,
    /// The measures this payment pays for (their ids); empty when not said.
    pub measure_ids: Vec<Uuid>,
    /// Marked private by the counsellor: the purpose is withheld from a partner file unless the
    /// returnee consented to share special-category data; the amount and date stay.
    pub private: bool,
    /// In a partner file only: the purpose was withheld, for this reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<PrivacyCategory>,
}

impl Tranche {
    /// A planned payment of `amount` on `date`, with nothing else said yet.
    pub fn new(id: Uuid, package: Package, date: NaiveDate, amount: Money) -> Self {
        Self {
            id,
            package,
            date,
            amount,
            purpose: String::new(),
            at_departure: false,
            paid: false,
            paid_on: None,
            paid_amount: None,
            measure_ids: Vec::new(),
            private: false,
            withheld: None,
        }
    }
}
