//! Budget guidance: the programme's rules applied to a plan as pure functions. What the
//! household is entitled to per package, what is allocated per dimension and modality, what is
//! left, the findings of the budget rules, the payment schedule, and amounts in the local
//! currency. Nothing here reads a clock: dates come in as arguments.

mod contacts;
mod currency;
mod entitlement;
mod findings;
mod guidance;
mod record;
mod schedule;

pub use contacts::schedule_follow_ups;
pub use currency::{
    convert_minor, convert_minor_inverse, div_round_half_away, to_local, to_programme,
};
pub use entitlement::{
    ADULT_AGE, CountedPerson, Entitlement, EntitlementLine, LineKind, PersonCategory,
    counted_household, package_entitlement,
};
pub use findings::FINDING_CODES;
pub use guidance::{Guidance, PackageGuidance, guidance};
pub use record::{
    BudgetRecord, LocalAmounts, LocalRate, MAX_DIFFERENCES, PackageRecord, ProgrammeRecord,
    budget_record, check_record,
};
pub use schedule::{
    TrancheEditError, allocations, follow_up_schedule, generate_follow_ups, generate_tranches,
    remove_tranche, set_tranche_amount, split_tranche, sync_tranches,
};
