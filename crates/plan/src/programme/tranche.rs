//! When a package is paid or bought: a programme's tranche rule and its shares.

use serde::{Deserialize, Serialize};

/// When a package is paid or bought.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "snake_case", deny_unknown_fields)]
pub enum TrancheRule {
    /// All at once on the return date.
    SingleAtReturn,
    /// All at once at departure from the host country (a reinstallation premium).
    SingleAtDeparture,
    /// Half on the return date (or at departure), the rest the given number of months after
    /// the return.
    TwoHalves {
        second_after_months: u32,
        /// The first half is paid at departure rather than on the return date.
        #[serde(default)]
        first_at_departure: bool,
    },
    /// Shares in percent, each a number of months after return; they must add up to 100.
    Shares { parts: Vec<TrancheShare> },
    /// Bought as each measure starts: one tranche per start date.
    ByMeasureStart,
}

/// One share of a [`TrancheRule::Shares`] rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TrancheShare {
    pub after_months: u32,
    pub percent: u32,
    /// Paid at departure from the host country; `after_months` is then not used.
    #[serde(default)]
    pub at_departure: bool,
}
