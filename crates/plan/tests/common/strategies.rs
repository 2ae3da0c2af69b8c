//! Strategies for the model's small enumerations, shared by the generated plans of
//! [`super::generated`] and the properties over every field (`tests/properties/`).

use std::ops::Range;

use homeward_plan::model::*;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

pub fn term() -> impl Strategy<Value = Term> {
    select(vec![Term::Immediate, Term::LongerTerm])
}

pub fn modality() -> impl Strategy<Value = Modality> {
    select(vec![Modality::Cash, Modality::InKind, Modality::Voucher, Modality::Service])
}

pub fn funding() -> impl Strategy<Value = FundingSource> {
    select(vec![
        FundingSource::ProgrammeGrant,
        FundingSource::OwnContribution,
        FundingSource::Other,
    ])
}

pub fn package() -> impl Strategy<Value = Package> {
    select(vec![Package::ShortTerm, Package::LongerTerm])
}

pub fn gender() -> impl Strategy<Value = Gender> {
    select(vec![Gender::Female, Gender::Male, Gender::Other])
}

/// Every vulnerability, each as likely.
pub fn vulnerability() -> impl Strategy<Value = Vulnerability> {
    select(vec![
        Vulnerability::SeriousHealthCondition,
        Vulnerability::Disability,
        Vulnerability::SurvivorOfTraffickingOrViolence,
        Vulnerability::UnaccompaniedOrSeparatedChild,
        Vulnerability::OlderPerson,
        Vulnerability::SingleParent,
        Vulnerability::Other,
    ])
}

/// A list of vulnerabilities (repeats possible) of a length in `len`.
pub fn vulnerabilities(len: Range<usize>) -> impl Strategy<Value = Vec<Vulnerability>> {
    vec(vulnerability(), len)
}
