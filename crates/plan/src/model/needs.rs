//! Needs and aspirations (item 2 of the brief): the returnee's own words, the counsellor's
//! summary per dimension, and the baseline assessment.

use std::collections::BTreeMap;

use chrono::NaiveDate;
#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::sharing::PrivacyCategory;
use crate::assessment::Scores;
use crate::code::codes;

/// Needs and aspirations (item 2 of the brief).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Needs {
    /// The returnee's own goals, in their own words.
    pub aspirations: String,
    /// The returnee's priorities, most important first, in their own words.
    pub priorities: Vec<Priority>,
    /// The counsellor's summary of needs per dimension.
    pub summary: DimensionSummaries,
    /// The baseline assessment, once done.
    pub assessment: Option<AssessmentRecord>,
    /// The improvement expected against the baseline: a target score (0–100) per dimension.
    /// The psychosocial target is special-category data.
    pub targets: DimensionScores,
}

/// A score from 0 (worst) to 100 (best) per dimension; absent where none was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DimensionScores {
    /// Economic score, 0–100.
    pub economic: Option<u8>,
    /// Social score, 0–100.
    pub social: Option<u8>,
    /// Psychosocial score, 0–100. Special-category data: left out of a partner file unless the
    /// returnee consented.
    pub psychosocial: Option<u8>,
}

impl DimensionScores {
    pub fn get(&self, d: Dimension) -> Option<u8> {
        match d {
            Dimension::Economic => self.economic,
            Dimension::Social => self.social,
            Dimension::Psychosocial => self.psychosocial,
        }
    }

    pub fn get_mut(&mut self, d: Dimension) -> &mut Option<u8> {
        match d {
            Dimension::Economic => &mut self.economic,
            Dimension::Social => &mut self.social,
            Dimension::Psychosocial => &mut self.psychosocial,
        }
    }
}

/// One of the returnee's priorities.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Priority {
    /// The priority, in the returnee's words.
    pub text: String,
    /// Marked private by the counsellor: withheld from a partner file unless the returnee
    /// consented to share special-category data.
    pub private: bool,
    /// In a partner file only: the text was withheld, for this reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub withheld: Option<PrivacyCategory>,
}

impl Priority {
    /// A priority that is not private.
    pub fn new(text: impl Into<String>) -> Self {
        Self { text: text.into(), ..Self::default() }
    }
}

impl Needs {
    /// Replaces the priorities by `texts` (as typed, one per line), keeping the private mark of
    /// each text that was already there, so reordering or editing other lines keeps the marks.
    pub fn set_priority_texts(&mut self, texts: Vec<String>) {
        let mut old = std::mem::take(&mut self.priorities);
        self.priorities = texts
            .into_iter()
            .map(|text| match old.iter().position(|p| p.text == text) {
                Some(i) => old.remove(i),
                None => Priority::new(text),
            })
            .collect();
    }

    /// The priorities' texts, most important first.
    pub fn priority_texts(&self) -> Vec<String> {
        self.priorities.iter().map(|p| p.text.clone()).collect()
    }
}

/// The counsellor's summary of needs, one text per dimension.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DimensionSummaries {
    /// Economic needs: income, work, skills, debts.
    pub economic: String,
    /// Social needs: housing, health care, education, documents, safety.
    pub social: String,
    /// Psychosocial needs. Special-category data: withheld from a partner file unless the
    /// returnee consented to share health and psychosocial details.
    pub psychosocial: String,
}

impl DimensionSummaries {
    pub fn get(&self, d: Dimension) -> &str {
        match d {
            Dimension::Economic => &self.economic,
            Dimension::Social => &self.social,
            Dimension::Psychosocial => &self.psychosocial,
        }
    }

    pub fn get_mut(&mut self, d: Dimension) -> &mut String {
        match d {
            Dimension::Economic => &mut self.economic,
            Dimension::Social => &mut self.social,
            Dimension::Psychosocial => &mut self.psychosocial,
        }
    }
}

/// The answers to an assessment and the baseline scores they gave. The scores are stored, not
/// only computed, because the partner reading the file may not have the programme's questions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AssessmentRecord {
    /// Identifier of the assessment configuration whose questions were answered.
    pub config_id: String,
    /// The assessment is an indicative check, not a validated instrument.
    pub indicative: bool,
    /// Day the assessment was done.
    pub assessed_on: Option<NaiveDate>,
    /// Answer per question identifier, on the configuration's scale. Special-category data:
    /// emptied in a partner file unless the returnee consented.
    pub answers: BTreeMap<String, u8>,
    /// Baseline scores (0–100) per dimension and composite.
    pub baseline: Scores,
}

/// The three dimensions of reintegration.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    #[default]
    Economic,
    Social,
    Psychosocial,
}

codes!(Dimension { Economic => "economic", Social => "social", Psychosocial => "psychosocial" });
