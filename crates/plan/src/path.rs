//! Locations in a plan: the JSON Pointers (RFC 6901) into the exported document that findings
//! carry, the interface focuses and private items name. Built and parsed here only, so a
//! finding, a field and the focus agree on where a thing is.

use crate::model::Dimension;

/// A part of the plan that holds no numbered item itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Case,
    Household,
    Protection,
    Needs,
    Goals,
    Budget,
    Referrals,
    FollowUps,
    Consent,
    Signatures,
    /// The plan as a whole, or a field no part above holds.
    Plan,
}

impl Part {
    /// The pointer of the part, e.g. `/budget`; the whole plan is the empty pointer.
    pub fn pointer(self) -> &'static str {
        match self {
            Part::Case => "/case",
            Part::Household => "/household",
            Part::Protection => "/protection",
            Part::Needs => "/needs",
            Part::Goals => "/goals",
            Part::Budget => "/budget",
            Part::Referrals => "/referrals",
            Part::FollowUps => "/follow_ups",
            Part::Consent => "/consent",
            Part::Signatures => "/signatures",
            Part::Plan => "",
        }
    }
}

/// Where something is in a plan: a part, or one item of a list (by its position in the
/// document), or a dimension's summary of needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    Part(Part),
    Debt(usize),
    IdentityDocument(usize),
    HouseholdMember(usize),
    ProtectionReferral(usize),
    Priority(usize),
    Summary(Dimension),
    Goal(usize),
    Measure { goal: usize, measure: usize },
    Tranche(usize),
    Referral(usize),
    FollowUp(usize),
}

impl Item {
    /// The item's JSON Pointer, e.g. `/goals/0/measures/2`.
    pub fn path(self) -> String {
        match self {
            Item::Part(part) => part.pointer().to_owned(),
            Item::Debt(i) => format!("/case/debts/{i}"),
            Item::IdentityDocument(i) => format!("/case/identity_documents/{i}"),
            Item::HouseholdMember(i) => format!("/household/{i}"),
            Item::ProtectionReferral(i) => format!("/protection/referrals/{i}"),
            Item::Priority(i) => format!("/needs/priorities/{i}"),
            Item::Summary(d) => format!("/needs/summary/{}", d.code()),
            Item::Goal(g) => format!("/goals/{g}"),
            Item::Measure { goal, measure } => format!("/goals/{goal}/measures/{measure}"),
            Item::Tranche(i) => format!("/budget/tranches/{i}"),
            Item::Referral(i) => format!("/referrals/{i}"),
            Item::FollowUp(i) => format!("/follow_ups/{i}"),
        }
    }

    /// The pointer of one of the item's fields, e.g. `/goals/0/measures/2/due_date`. Field
    /// names are the format's own (no `/` or `~`), so they need no escaping.
    pub fn field(self, field: &str) -> String {
        format!("{}/{field}", self.path())
    }

    /// The innermost item `path` is in; a pointer this module does not know is in the plan as
    /// a whole. The rest of the pointer (the field) is not looked at.
    pub fn containing(path: &str) -> Item {
        let mut parts = path.strip_prefix('/').unwrap_or(path).split('/');
        let first = parts.next().unwrap_or_default();
        let second = parts.next();
        let third = parts.next();
        let index = |s: Option<&str>| s.and_then(|s| s.parse::<usize>().ok());
        match (first, second) {
            ("case", Some("debts")) => index(third).map_or(Item::Part(Part::Case), Item::Debt),
            ("case", Some("identity_documents")) => {
                index(third).map_or(Item::Part(Part::Case), Item::IdentityDocument)
            }
            ("case", _) => Item::Part(Part::Case),
            ("household", i) => index(i).map_or(Item::Part(Part::Household), Item::HouseholdMember),
            ("protection", Some("referrals")) => {
                index(third).map_or(Item::Part(Part::Protection), Item::ProtectionReferral)
            }
            ("protection", _) => Item::Part(Part::Protection),
            ("needs", Some("priorities")) => {
                index(third).map_or(Item::Part(Part::Needs), Item::Priority)
            }
            ("needs", Some("summary")) => {
                third.and_then(Dimension::from_code).map_or(Item::Part(Part::Needs), Item::Summary)
            }
            ("needs", _) => Item::Part(Part::Needs),
            ("goals", g) => match (index(g), third, index(parts.next())) {
                (Some(goal), Some("measures"), Some(measure)) => Item::Measure { goal, measure },
                (Some(goal), _, _) => Item::Goal(goal),
                (None, _, _) => Item::Part(Part::Goals),
            },
            ("budget", Some("tranches")) => {
                index(third).map_or(Item::Part(Part::Budget), Item::Tranche)
            }
            ("budget", _) => Item::Part(Part::Budget),
            ("referrals", i) => index(i).map_or(Item::Part(Part::Referrals), Item::Referral),
            ("follow_ups", i) => index(i).map_or(Item::Part(Part::FollowUps), Item::FollowUp),
            // A plan is closed where its follow-up is recorded.
            ("closed_on", _) => Item::Part(Part::FollowUps),
            // Asking for a partner file is decided with the consent.
            ("consent" | "marked_for_partner_export", _) => Item::Part(Part::Consent),
            ("signatures", _) => Item::Part(Part::Signatures),
            _ => Item::Part(Part::Plan),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ITEMS: [Item; 13] = [
        Item::Debt(2),
        Item::IdentityDocument(0),
        Item::HouseholdMember(3),
        Item::ProtectionReferral(1),
        Item::Priority(4),
        Item::Summary(Dimension::Psychosocial),
        Item::Goal(7),
        Item::Measure { goal: 1, measure: 12 },
        Item::Tranche(0),
        Item::Referral(5),
        Item::FollowUp(6),
        Item::Part(Part::Budget),
        Item::Part(Part::Signatures),
    ];

    #[test]
    fn every_item_is_found_again_from_its_path_and_its_fields() {
        for item in ITEMS {
            assert_eq!(Item::containing(&item.path()), item, "{}", item.path());
            assert_eq!(Item::containing(&item.field("note")), item, "{}", item.field("note"));
        }
    }

    #[test]
    fn lists_and_unknown_pointers_fall_back_to_their_part() {
        assert_eq!(Item::containing("/goals"), Item::Part(Part::Goals));
        assert_eq!(Item::containing("/goals/x/title"), Item::Part(Part::Goals));
        assert_eq!(Item::containing("/case/debts"), Item::Part(Part::Case));
        assert_eq!(Item::containing("/household"), Item::Part(Part::Household));
        assert_eq!(Item::containing("/needs/summary/unknown"), Item::Part(Part::Needs));
        assert_eq!(Item::containing("/marked_for_partner_export"), Item::Part(Part::Consent));
        assert_eq!(Item::containing("/created_at"), Item::Part(Part::Plan));
        assert_eq!(Item::containing(""), Item::Part(Part::Plan));
        assert_eq!(Item::containing("/goals/1/measures"), Item::Goal(1));
    }
}
