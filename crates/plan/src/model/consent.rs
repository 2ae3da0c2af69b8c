//! Consent and signatures (item 7 of the brief).

use chrono::NaiveDate;
#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The returnee's informed consent (item 7 of the brief).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Consent {
    /// The returnee confirms no one pressured them into the plan.
    pub no_pressure: bool,
    /// The returnee received the information about the programme and the plan.
    pub information_received: bool,
    /// The returnee had time to consider.
    pub time_to_consider: bool,
    /// The returnee knows they may withdraw or reconsider at any time.
    pub right_to_withdraw_explained: bool,
    /// The returnee agrees that the plan is shared with the partner organisations named below.
    pub share_with_partners: bool,
    /// The partner organisations the plan may be shared with.
    pub partner_organisations: Vec<String>,
    /// The returnee agrees that health and psychosocial details are shared with those partners.
    pub share_special_category: bool,
    /// Day consent was given.
    pub given_on: Option<NaiveDate>,
}

impl Consent {
    /// All four elements of informed consent are confirmed.
    pub fn informed(&self) -> bool {
        self.no_pressure
            && self.information_received
            && self.time_to_consider
            && self.right_to_withdraw_explained
    }

    /// The plan may go to a partner: consent to share, with at least one partner named.
    pub fn allows_partner_export(&self) -> bool {
        self.share_with_partners && self.named_partners().next().is_some()
    }

    /// The organisations named in the consent, trimmed, blanks and repeats left out, in the
    /// order given: the choices of recipient for a partner file.
    pub fn named_partners(&self) -> impl Iterator<Item = &str> {
        self.partner_organisations
            .iter()
            .map(|p| p.trim())
            .enumerate()
            .filter(|(i, p)| {
                !p.is_empty() && !self.partner_organisations[..*i].iter().any(|q| q.trim() == *p)
            })
            .map(|(_, p)| p)
    }
}

/// The two signatures of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signatures {
    /// The returnee's signature, once given.
    pub returnee: Option<Signature>,
    /// The counsellor's signature, once given.
    pub counsellor: Option<Signature>,
}

/// A signature and the day it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// Drawn or typed.
    pub method: SignatureMethod,
    /// Day of signing.
    pub signed_on: NaiveDate,
}

/// How a signature was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum SignatureMethod {
    /// Drawn with a finger or stylus: strokes of integer points on a canvas of the given size.
    Drawn {
        /// Width of the canvas the strokes were drawn on, in its own units.
        width: u32,
        /// Height of the canvas, in the same units.
        height: u32,
        /// Each stroke is the list of `[x, y]` points from touch-down to lift-off.
        strokes: Vec<Vec<[i32; 2]>>,
    },
    /// A typed name.
    Typed {
        /// The name as the signer typed it.
        name: String,
    },
}

impl SignatureMethod {
    /// The codes of the methods, as the file tags them.
    pub const CODES: [&str; 2] = ["drawn", "typed"];

    /// The method's code, as the file tags it.
    pub fn code(&self) -> &'static str {
        match self {
            SignatureMethod::Drawn { .. } => "drawn",
            SignatureMethod::Typed { .. } => "typed",
        }
    }
}
