//! The catalogue of measure types, as listed in the product brief (item 3 of "What a plan holds").
//! Each type has a stable snake_case code: the file stores the code, the interface translates
//! `measure_type.<code>`. Types are grouped by dimension; immediate needs on arrival fit anywhere.

#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::code::codes;
use crate::model::{Dimension, PrivacyCategory};

/// A kind of assistance. Codes are stable: renaming a variant breaks every exported file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MeasureType {
    // Economic.
    IncomeGeneratingActivity,
    MicroBusiness,
    CollectiveOrCommunityProject,
    JobPlacement,
    VocationalTraining,
    CashForWork,
    BudgetingAndFinancialGuidance,
    DebtCounselling,
    // Social.
    Housing,
    MedicalCare,
    Education,
    DocumentationAndLegalServices,
    SocialProtection,
    Childcare,
    SecurityMeasures,
    LanguageClassesAndCulturalOrientation,
    // Psychosocial.
    IndividualOrFamilyCounselling,
    SupportGroups,
    CommunityActivities,
    // Immediate needs on arrival.
    FoodAndClothing,
    Transport,
    TemporaryAccommodation,
    UrgentMedicalCare,
    Cash,
}

// In catalogue order (the order the interface lists them).
codes!(MeasureType {
    IncomeGeneratingActivity => "income_generating_activity",
    MicroBusiness => "micro_business",
    CollectiveOrCommunityProject => "collective_or_community_project",
    JobPlacement => "job_placement",
    VocationalTraining => "vocational_training",
    CashForWork => "cash_for_work",
    BudgetingAndFinancialGuidance => "budgeting_and_financial_guidance",
    DebtCounselling => "debt_counselling",
    Housing => "housing",
    MedicalCare => "medical_care",
    Education => "education",
    DocumentationAndLegalServices => "documentation_and_legal_services",
    SocialProtection => "social_protection",
    Childcare => "childcare",
    SecurityMeasures => "security_measures",
    LanguageClassesAndCulturalOrientation => "language_classes_and_cultural_orientation",
    IndividualOrFamilyCounselling => "individual_or_family_counselling",
    SupportGroups => "support_groups",
    CommunityActivities => "community_activities",
    FoodAndClothing => "food_and_clothing",
    Transport => "transport",
    TemporaryAccommodation => "temporary_accommodation",
    UrgentMedicalCare => "urgent_medical_care",
    Cash => "cash",
});

/// Where a measure's cost is counted in the budget: a dimension, or the immediate needs on
/// arrival (which programmes usually pay from the short-term package).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BudgetArea {
    Economic,
    Social,
    Psychosocial,
    ImmediateNeeds,
}

codes!(BudgetArea {
    Economic => "economic",
    Social => "social",
    Psychosocial => "psychosocial",
    ImmediateNeeds => "immediate_needs",
});

impl From<Dimension> for BudgetArea {
    fn from(d: Dimension) -> Self {
        match d {
            Dimension::Economic => BudgetArea::Economic,
            Dimension::Social => BudgetArea::Social,
            Dimension::Psychosocial => BudgetArea::Psychosocial,
        }
    }
}

impl MeasureType {
    /// The budget area the type's cost counts against.
    pub fn area(self) -> BudgetArea {
        use MeasureType::*;
        match self {
            IncomeGeneratingActivity
            | MicroBusiness
            | CollectiveOrCommunityProject
            | JobPlacement
            | VocationalTraining
            | CashForWork
            | BudgetingAndFinancialGuidance
            | DebtCounselling => BudgetArea::Economic,
            Housing
            | MedicalCare
            | Education
            | DocumentationAndLegalServices
            | SocialProtection
            | Childcare
            | SecurityMeasures
            | LanguageClassesAndCulturalOrientation => BudgetArea::Social,
            IndividualOrFamilyCounselling | SupportGroups | CommunityActivities => {
                BudgetArea::Psychosocial
            }
            FoodAndClothing | Transport | TemporaryAccommodation | UrgentMedicalCare | Cash => {
                BudgetArea::ImmediateNeeds
            }
        }
    }

    /// The dimension the type belongs to; `None` for immediate needs, which fit any dimension.
    pub fn dimension(self) -> Option<Dimension> {
        match self.area() {
            BudgetArea::Economic => Some(Dimension::Economic),
            BudgetArea::Social => Some(Dimension::Social),
            BudgetArea::Psychosocial => Some(Dimension::Psychosocial),
            BudgetArea::ImmediateNeeds => None,
        }
    }

    pub fn is_immediate_need(self) -> bool {
        self.area() == BudgetArea::ImmediateNeeds
    }

    /// Whether a goal of dimension `d` may hold this type: its own types plus immediate needs.
    pub fn fits(self, d: Dimension) -> bool {
        self.dimension().is_none_or(|own| own == d)
    }

    /// The types the interface offers under a goal of dimension `d`, in catalogue order.
    pub fn for_dimension(d: Dimension) -> impl Iterator<Item = MeasureType> {
        Self::ALL.into_iter().filter(move |t| t.fits(d))
    }

    /// Types that reveal special-category data by their nature (health care, counselling),
    /// so a measure of the type is private wherever it is, and the kind of data it reveals.
    /// Every other type is private only by its goal or the counsellor's choice.
    pub fn special_category(self) -> Option<PrivacyCategory> {
        use MeasureType::*;
        match self {
            MedicalCare | UrgentMedicalCare => Some(PrivacyCategory::Health),
            IndividualOrFamilyCounselling | SupportGroups => Some(PrivacyCategory::Psychosocial),
            _ => None,
        }
    }

    /// A measure of this type is private wherever it is (see [`MeasureType::special_category`]).
    pub fn is_sensitive(self) -> bool {
        self.special_category().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_dimension_has_its_own_types_plus_immediate_needs() {
        let immediate: Vec<_> =
            MeasureType::ALL.into_iter().filter(|t| t.is_immediate_need()).collect();
        assert_eq!(immediate.len(), 5);
        for d in Dimension::ALL {
            let offered: Vec<_> = MeasureType::for_dimension(d).collect();
            for t in &immediate {
                assert!(offered.contains(t));
            }
            for t in &offered {
                assert!(t.dimension().is_none() || t.dimension() == Some(d));
            }
        }
        assert_eq!(MeasureType::for_dimension(Dimension::Economic).count(), 8 + 5);
        assert_eq!(MeasureType::for_dimension(Dimension::Social).count(), 8 + 5);
        assert_eq!(MeasureType::for_dimension(Dimension::Psychosocial).count(), 3 + 5);
        assert!(!MeasureType::Housing.fits(Dimension::Economic));
        assert_eq!(MeasureType::Cash.area(), BudgetArea::ImmediateNeeds);
    }

    #[test]
    fn health_and_counselling_types_are_sensitive_and_others_are_not() {
        let sensitive: Vec<_> = MeasureType::ALL.into_iter().filter(|t| t.is_sensitive()).collect();
        assert_eq!(
            sensitive,
            [
                MeasureType::MedicalCare,
                MeasureType::IndividualOrFamilyCounselling,
                MeasureType::SupportGroups,
                MeasureType::UrgentMedicalCare,
            ]
        );
        assert_eq!(
            MeasureType::UrgentMedicalCare.special_category(),
            Some(PrivacyCategory::Health)
        );
        assert_eq!(
            MeasureType::SupportGroups.special_category(),
            Some(PrivacyCategory::Psychosocial)
        );
        assert_eq!(MeasureType::CommunityActivities.special_category(), None);
    }
}
