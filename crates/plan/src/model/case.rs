//! The case and the returnee (item 1 of the brief): who returns, where to, with whom, what
//! they carry (documents, debts, vulnerabilities).

use chrono::{Datelike, NaiveDate};
#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::sharing::PrivacyCategory;
use crate::code::codes;
use crate::money::Money;

/// The case and the returnee (item 1 of the brief).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Pseudonymous case code used in place of the name wherever possible.
    pub case_reference: String,
    /// The returnee's real name; empty when not recorded (it is optional).
    pub full_name: String,
    /// Date of birth, if known.
    pub date_of_birth: Option<NaiveDate>,
    /// Age in years as stated, used when the date of birth is not known.
    pub age: Option<u32>,
    /// Gender as the returnee states it; absent when not stated.
    pub gender: Option<Gender>,
    /// Languages the returnee speaks, as BCP 47 tags (e.g. `fr`, `ps-AF`), preferred first.
    pub languages: Vec<String>,
    /// Nationality, ISO 3166-1 alpha-2 code; empty until known.
    pub nationality: String,
    /// The country the returnee returns from, ISO 3166-1 alpha-2 code; empty until known.
    pub host_country: String,
    /// Day of departure from the host country, planned or actual. Payments made at departure
    /// fall on it.
    pub departure_date: Option<NaiveDate>,
    /// Country of return, ISO 3166-1 alpha-2 code (e.g. `SN`); empty until known.
    pub country_of_return: String,
    /// Region or province of return.
    pub region: String,
    /// Town or village of return.
    pub town: String,
    /// Date of return, planned or actual (see `return_date_is_planned`).
    pub return_date: Option<NaiveDate>,
    /// The return date is still a plan, not a date that has happened.
    pub return_date_is_planned: bool,
    /// Kind of return; programmes grant different packages for each.
    pub return_kind: ReturnKind,
    /// How the returnee can be reached after the return, for the partner's follow-up.
    pub contact_after_return: ReturnContact,
    /// Education, in the returnee's words.
    pub education: String,
    /// Skills, in the returnee's words.
    pub skills: String,
    /// Work experience, in the returnee's words.
    pub work_experience: String,
    /// Identity documents held or missing (missing ones often need a documentation measure).
    pub identity_documents: Vec<IdentityDocument>,
    /// Debts, notably those from the migration: one of the main barriers to reintegration.
    pub debts: Vec<Debt>,
    /// Vulnerabilities that call for specific support or a budget top-up.
    pub vulnerabilities: Vec<Vulnerability>,
    /// Details of other vulnerabilities (when `other` is listed).
    pub vulnerability_note: String,
    /// Health details. Special-category data: withheld from a partner file unless the returnee
    /// consented to share health and psychosocial details.
    pub health_note: String,
}

/// How to reach the returnee after the return (Annex 3 of the IOM Reintegration Handbook).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ReturnContact {
    /// Phone number, as the returnee gives it (with the country code where known).
    pub phone: String,
    /// Postal address or a description of where they will live.
    pub address: String,
    /// The way the returnee prefers to be reached; absent while not said.
    pub preferred: Option<ContactWay>,
    /// Anything else: a relative to call, hours to avoid, a messaging name.
    pub note: String,
}

/// A way to reach a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactWay {
    Phone,
    MessagingApp,
    Email,
    InPerson,
    ThroughRelative,
}

codes!(ContactWay {
    Phone => "phone",
    MessagingApp => "messaging_app",
    Email => "email",
    InPerson => "in_person",
    ThroughRelative => "through_relative",
});

/// Whether a household member goes to school.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Schooling {
    NotOfSchoolAge,
    InSchool,
    NotInSchool,
    SchoolCompleted,
}

codes!(Schooling {
    NotOfSchoolAge => "not_of_school_age",
    InSchool => "in_school",
    NotInSchool => "not_in_school",
    SchoolCompleted => "school_completed",
});

/// Gender as stated by the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Female,
    Male,
    Other,
}

codes!(Gender { Female => "female", Male => "male", Other => "other" });

/// How the return happened or will happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReturnKind {
    #[default]
    AssistedVoluntary,
    Spontaneous,
    AfterForcedReturn,
}

codes!(ReturnKind {
    AssistedVoluntary => "assisted_voluntary",
    Spontaneous => "spontaneous",
    AfterForcedReturn => "after_forced_return",
});

/// A kind of identity or civil document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    NationalIdentityCard,
    Passport,
    BirthCertificate,
    TravelDocument,
    DrivingLicence,
    Other,
}

codes!(DocumentKind {
    NationalIdentityCard => "national_identity_card",
    Passport => "passport",
    BirthCertificate => "birth_certificate",
    TravelDocument => "travel_document",
    DrivingLicence => "driving_licence",
    Other => "other",
});

/// One identity document, held or missing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IdentityDocument {
    /// Kind of document.
    pub kind: DocumentKind,
    /// The returnee has it (true) or it is missing (false).
    pub held: bool,
    /// E.g. which document when the kind is `other`, or an expiry.
    pub note: String,
}

/// A debt the returnee carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Debt {
    /// Identifier of the debt (UUID v4).
    pub id: Uuid,
    /// Amount owed, in whatever currency the debt is in.
    pub amount: Money,
    /// To whom (family, a money lender, a smuggler, a bank...), in the counsellor's words.
    pub creditor: String,
    /// How hard the creditor presses for repayment.
    pub pressure_to_repay: PressureLevel,
    /// The counsellor marked the debt private (e.g. a debt to a smuggler): withheld from a
    /// partner file unless the returnee consented to share special-category data.
    pub private: bool,
    /// In a partner file only: the creditor was withheld, for this reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<PrivacyCategory>,
}

/// How strongly repayment is demanded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PressureLevel {
    /// Little or no pressure.
    #[default]
    Low,
    Medium,
    /// Threats or urgent demands: a risk to safety and to the plan.
    High,
}

codes!(PressureLevel { Low => "low", Medium => "medium", High => "high" });

/// A vulnerability that calls for specific support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Vulnerability {
    SeriousHealthCondition,
    Disability,
    SurvivorOfTraffickingOrViolence,
    UnaccompaniedOrSeparatedChild,
    OlderPerson,
    SingleParent,
    Other,
}

codes!(Vulnerability {
    SeriousHealthCondition => "serious_health_condition",
    Disability => "disability",
    SurvivorOfTraffickingOrViolence => "survivor_of_trafficking_or_violence",
    UnaccompaniedOrSeparatedChild => "unaccompanied_or_separated_child",
    OlderPerson => "older_person",
    SingleParent => "single_parent",
    Other => "other",
});

/// A household member other than the returnee.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct HouseholdMember {
    /// Identifier of the member (UUID v4).
    pub id: Uuid,
    /// Relationship to the returnee.
    pub relationship: Relationship,
    /// Date of birth, if known.
    pub date_of_birth: Option<NaiveDate>,
    /// Age in years as stated, used when the date of birth is not known.
    pub age: Option<u32>,
    /// Gender as stated; absent when not stated.
    pub gender: Option<Gender>,
    /// Whether the member goes to school; absent while not asked.
    pub schooling: Option<Schooling>,
    /// The member's vulnerabilities (a disabled child counts where a programme gives a
    /// top-up). Special-category data: withheld from a partner file unless the returnee
    /// consented.
    pub vulnerabilities: Vec<Vulnerability>,
    /// Depends on the returnee for a living.
    pub dependant: bool,
    /// Returns together with the returnee (and so may count for the family's entitlement).
    pub returns_with_returnee: bool,
}

/// Relationship of a household member to the returnee.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    SpouseOrPartner,
    #[default]
    Child,
    Parent,
    Sibling,
    Grandparent,
    Grandchild,
    OtherRelative,
    NotRelated,
}

codes!(Relationship {
    SpouseOrPartner => "spouse_or_partner",
    Child => "child",
    Parent => "parent",
    Sibling => "sibling",
    Grandparent => "grandparent",
    Grandchild => "grandchild",
    OtherRelative => "other_relative",
    NotRelated => "not_related",
});

/// Full years from `birth` to `on`; `None` if `on` is before `birth`.
pub fn years_between(birth: NaiveDate, on: NaiveDate) -> Option<u32> {
    if on < birth {
        return None;
    }
    let mut years = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

impl Case {
    /// The day ages are counted on, for the budget and wherever an age is shown: the return
    /// date, or `today` while the plan has none (`false` then).
    pub fn age_reference(&self, today: NaiveDate) -> (NaiveDate, bool) {
        match self.return_date {
            Some(day) => (day, true),
            None => (today, false),
        }
    }

    /// Age on `date`: from the date of birth if known, else the stated age.
    pub fn age_on(&self, date: NaiveDate) -> Option<u32> {
        match self.date_of_birth {
            Some(dob) => years_between(dob, date),
            None => self.age,
        }
    }
}

impl HouseholdMember {
    /// Age on `date`: from the date of birth if known, else the stated age.
    pub fn age_on(&self, date: NaiveDate) -> Option<u32> {
        match self.date_of_birth {
            Some(dob) => years_between(dob, date),
            None => self.age,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    #[test]
    fn ages_count_on_the_return_date_or_else_today() {
        let today = day(2026, 12, 3);
        let mut case = Case { date_of_birth: Some(day(1992, 12, 10)), ..Case::default() };
        assert_eq!(case.age_reference(today), (today, false));
        assert_eq!(case.age_on(case.age_reference(today).0), Some(33));
        case.return_date = Some(day(2027, 1, 15));
        assert_eq!(case.age_reference(today), (day(2027, 1, 15), true));
        assert_eq!(case.age_on(case.age_reference(today).0), Some(34));
    }

    #[test]
    fn a_birthday_counts_from_its_day() {
        assert_eq!(years_between(day(2000, 2, 29), day(2001, 2, 28)), Some(0));
        assert_eq!(years_between(day(2000, 2, 29), day(2001, 3, 1)), Some(1));
        assert_eq!(years_between(day(2000, 5, 1), day(2018, 5, 1)), Some(18));
        assert_eq!(years_between(day(2000, 5, 2), day(2000, 5, 1)), None);
    }
}
