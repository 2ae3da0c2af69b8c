//! Enumerations that are stable snake_case codes: the exported file stores the code (for those
//! it holds), the interface shows the label `code.<kind>.<code>`, reports count by it. Each has
//! `ALL`, `code()` and `from_code()`, written once by the crate's `codes!` macro, and
//! implements [`Code`], so an interface, a test or a translation check lists every value
//! without writing them out.

/// An enumeration of stable codes.
pub trait Code: Copy + Eq + 'static {
    /// Every value, in the order the interface lists them.
    const ALL: &'static [Self];

    /// The value's stable snake_case code.
    fn code(self) -> &'static str;

    /// The value of a code; `None` for an unknown code.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }

    /// Every code, in the order of [`Code::ALL`].
    fn codes() -> impl Iterator<Item = &'static str> {
        Self::ALL.iter().map(|v| v.code())
    }
}

/// `codes!(Gender { Female => "female", Male => "male", Other => "other" });` gives `Gender`
/// the inherent `ALL` (an array, in the order written), `code()` and `from_code()`, and
/// implements [`Code`]. The `match` of `code()` names every variant, so a variant added to the
/// enum and not here stops the build.
macro_rules! codes {
    ($ty:ident { $($variant:ident => $code:literal),+ $(,)? }) => {
        impl $ty {
            /// Every value, in the order the interface lists them.
            pub const ALL: [$ty; [$($code),+].len()] = [$($ty::$variant),+];

            /// The value's stable snake_case code (as in the exported file, for the values it
            /// holds).
            pub fn code(self) -> &'static str {
                match self {
                    $($ty::$variant => $code),+
                }
            }

            /// The value of a code; `None` for an unknown code.
            pub fn from_code(code: &str) -> Option<$ty> {
                <$ty as $crate::code::Code>::from_code(code)
            }
        }

        impl $crate::code::Code for $ty {
            const ALL: &'static [$ty] = &$ty::ALL;

            fn code(self) -> &'static str {
                $ty::code(self)
            }
        }
    };
}
pub(crate) use codes;

/// A yes/no choice that may be undecided (`Option<bool>` in the plan, such as whether the
/// returnee agreed to a referral): the codes `true` and `false`, as the file writes them.
impl Code for bool {
    const ALL: &'static [bool] = &[true, false];

    fn code(self) -> &'static str {
        if self { "true" } else { "false" }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use serde::Serialize;
    use serde::de::DeserializeOwned;

    use super::Code;
    use crate::budget::{PersonCategory, TrancheEditError};
    use crate::catalogue::{BudgetArea, MeasureType};
    use crate::finding::Severity;
    use crate::model::*;
    use crate::money::AmountError;
    use crate::privacy::PrivacyReason;
    use crate::programme::RestrictionLevel;
    use crate::progress::PlanState;
    use crate::protection::{Answer, InformationItem, ProtectionActor, Question, ReviewOutcome};

    /// Codes are plain snake_case, distinct, and read back to their value.
    fn distinct_and_readable<T: Code + std::fmt::Debug>() {
        let mut seen = BTreeSet::new();
        for &v in T::ALL {
            let code = v.code();
            assert!(
                !code.is_empty()
                    && code
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{v:?}: {code:?} is not a snake_case code"
            );
            assert!(seen.insert(code), "{v:?}: {code} twice");
            assert_eq!(T::from_code(code), Some(v));
        }
        assert_eq!(T::from_code("no_such_code"), None);
        assert_eq!(T::codes().count(), T::ALL.len());
    }

    /// The code is what serde writes.
    fn serialized_as_code<T: Code + std::fmt::Debug + Serialize>() {
        distinct_and_readable::<T>();
        for &v in T::ALL {
            assert_eq!(serde_json::to_value(v).ok(), Some(serde_json::json!(v.code())), "{v:?}");
        }
    }

    /// The code is what the file holds, and reads back.
    fn as_in_the_file<T: Code + std::fmt::Debug + Serialize + DeserializeOwned>() {
        serialized_as_code::<T>();
        for &v in T::ALL {
            let back: Option<T> = serde_json::from_value(serde_json::json!(v.code())).ok();
            assert_eq!(back, Some(v));
        }
    }

    #[test]
    fn codes_of_the_file_are_the_serialized_values() {
        as_in_the_file::<Gender>();
        as_in_the_file::<ReturnKind>();
        as_in_the_file::<DocumentKind>();
        as_in_the_file::<PressureLevel>();
        as_in_the_file::<Vulnerability>();
        as_in_the_file::<Relationship>();
        as_in_the_file::<Dimension>();
        as_in_the_file::<Term>();
        as_in_the_file::<Responsible>();
        as_in_the_file::<Modality>();
        as_in_the_file::<FundingSource>();
        as_in_the_file::<MeasureStatus>();
        as_in_the_file::<Package>();
        as_in_the_file::<ReferralStatus>();
        as_in_the_file::<ContactKind>();
        as_in_the_file::<PrivacyCategory>();
        as_in_the_file::<MeasureType>();
        as_in_the_file::<BudgetArea>();
        as_in_the_file::<RestrictionLevel>();
        as_in_the_file::<Answer>();
        as_in_the_file::<ReviewOutcome>();
        as_in_the_file::<Question>();
        as_in_the_file::<ProtectionActor>();
        as_in_the_file::<InformationItem>();
    }

    #[test]
    fn codes_outside_the_file_are_distinct() {
        distinct_and_readable::<PlanState>();
        distinct_and_readable::<AmountError>();
        distinct_and_readable::<PrivacyReason>();
        distinct_and_readable::<TrancheEditError>();
        // Written in findings and budget lines, never read from a file.
        serialized_as_code::<Severity>();
        serialized_as_code::<PersonCategory>();
    }
}
