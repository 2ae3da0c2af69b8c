//! The needs assessment that gives a baseline score per dimension and a composite.
//!
//! Questions, scale and weights are programme configuration (data), never code: programmes use
//! their own scoring. The built-in default is an *indicative* well-being check, flagged as such,
//! shipped as a JSON data file so it reads like any programme's own configuration.
//!
//! Scoring uses integers only, so every device computes the same score.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
#[cfg(feature = "schema")]
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::finding::{Finding, Param};
use crate::model::{AssessmentRecord, Dimension};

/// Every code [`check_answers`] can return.
pub const ANSWER_CODES: &[&str] =
    &["assessment_answer_out_of_scale", "assessment_answer_unknown_question"];

/// Every code [`AssessmentConfig::check`] can return; a programme configuration reports them
/// as its error codes (see [`ConfigError::CODES`](crate::programme::ConfigError::CODES)).
pub const CONFIG_CODES: &[&str] = &[
    "assessment_question_duplicate",
    "assessment_question_text_missing",
    "assessment_scale_invalid",
    "assessment_scale_labels_mismatch",
];

/// Answer per question identifier, on the configuration's scale.
pub type Answers = BTreeMap<String, u8>;

/// An assessment: its questions, answer scale and weights.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AssessmentConfig {
    /// Stable identifier, recorded in the plan next to the answers.
    pub id: String,
    /// Name per language (BCP 47 tag to text).
    pub name: BTreeMap<String, String>,
    /// An indicative check, not a validated instrument: the interface says so.
    pub indicative: bool,
    pub scale: Scale,
    pub questions: Vec<Question>,
    /// Weight of each dimension in the composite score.
    #[serde(default)]
    pub composite_weights: DimensionWeights,
}

/// The answer scale: integers from `min` to `max`, both included.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub min: u8,
    pub max: u8,
    /// Per language, one label per point of the scale from `min` to `max`.
    #[serde(default)]
    pub labels: BTreeMap<String, Vec<String>>,
}

/// One question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Question {
    /// Stable identifier: the key of the answer in the plan.
    pub id: String,
    pub dimension: Dimension,
    /// The question per language (BCP 47 tag to text).
    pub text: BTreeMap<String, String>,
    /// Relative weight within its dimension; 0 leaves the question out of the score.
    pub weight: u32,
    /// A high answer means a worse situation (e.g. "I often feel worried").
    #[serde(default)]
    pub reverse: bool,
}

/// Weight of each dimension in the composite.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DimensionWeights {
    pub economic: u32,
    pub social: u32,
    pub psychosocial: u32,
}

impl Default for DimensionWeights {
    fn default() -> Self {
        Self { economic: 1, social: 1, psychosocial: 1 }
    }
}

impl DimensionWeights {
    pub fn get(&self, d: Dimension) -> u32 {
        match d {
            Dimension::Economic => self.economic,
            Dimension::Social => self.social,
            Dimension::Psychosocial => self.psychosocial,
        }
    }
}

/// Scores from 0 (worst) to 100 (best); absent when nothing was answered for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scores {
    /// Economic score, 0–100.
    pub economic: Option<u8>,
    /// Social score, 0–100.
    pub social: Option<u8>,
    /// Psychosocial score, 0–100. Special-category data: left out of a partner export unless
    /// the returnee consented.
    pub psychosocial: Option<u8>,
    /// Weighted mean of the dimension scores, 0–100; absent unless every weighted dimension
    /// has a score.
    pub composite: Option<u8>,
}

impl Scores {
    pub fn get(&self, d: Dimension) -> Option<u8> {
        match d {
            Dimension::Economic => self.economic,
            Dimension::Social => self.social,
            Dimension::Psychosocial => self.psychosocial,
        }
    }

    fn set(&mut self, d: Dimension, v: Option<u8>) {
        match d {
            Dimension::Economic => self.economic = v,
            Dimension::Social => self.social = v,
            Dimension::Psychosocial => self.psychosocial = v,
        }
    }
}

/// `num / den` rounded half up, as a percentage; `den` must not be 0.
fn percent(num: u64, den: u64) -> u8 {
    let p = (num.saturating_mul(100).saturating_add(den / 2)) / den;
    u8::try_from(p.min(100)).unwrap_or(100)
}

/// Scores the answers. Answers to unknown questions or outside the scale are ignored (they are
/// reported by [`check_answers`]), so scoring never fails and never panics.
pub fn scores(config: &AssessmentConfig, answers: &Answers) -> Scores {
    let mut out = Scores::default();
    if config.scale.max <= config.scale.min {
        return out;
    }
    let span = u64::from(config.scale.max - config.scale.min);
    for d in Dimension::ALL {
        let (mut num, mut den) = (0u64, 0u64);
        for q in config.questions.iter().filter(|q| q.dimension == d && q.weight > 0) {
            let Some(&a) = answers.get(&q.id) else { continue };
            if a < config.scale.min || a > config.scale.max {
                continue;
            }
            let raw = u64::from(a - config.scale.min);
            let value = if q.reverse { span - raw } else { raw };
            num = num.saturating_add(u64::from(q.weight).saturating_mul(value));
            den = den.saturating_add(u64::from(q.weight).saturating_mul(span));
        }
        out.set(d, (den > 0).then(|| percent(num, den)));
    }
    let (mut num, mut den) = (0u64, 0u64);
    let mut complete = true;
    for d in Dimension::ALL {
        let w = u64::from(config.composite_weights.get(d));
        if w == 0 {
            continue;
        }
        match out.get(d) {
            Some(s) => {
                num = num.saturating_add(w.saturating_mul(u64::from(s)));
                den = den.saturating_add(w.saturating_mul(100));
            }
            None => complete = false,
        }
    }
    out.composite = (complete && den > 0).then(|| percent(num, den));
    out
}

/// Answers that do not fit the configuration: unknown question or outside the scale.
/// `path` is the JSON Pointer of the answers object, e.g. `/needs/assessment/answers`.
pub fn check_answers(config: &AssessmentConfig, answers: &Answers, path: &str) -> Vec<Finding> {
    let mut out = Vec::new();
    for (id, &a) in answers {
        let at = format!("{path}/{}", escape_pointer(id));
        if !config.questions.iter().any(|q| &q.id == id) {
            out.push(
                Finding::warning("assessment_answer_unknown_question", at)
                    .with("question", Param::Text(id.clone())),
            );
        } else if a < config.scale.min || a > config.scale.max {
            out.push(
                Finding::error("assessment_answer_out_of_scale", at)
                    .with("answer", Param::Number(a.into()))
                    .with("min", Param::Number(config.scale.min.into()))
                    .with("max", Param::Number(config.scale.max.into())),
            );
        }
    }
    out
}

/// Escapes a key for use as one JSON Pointer segment (RFC 6901).
pub(crate) fn escape_pointer(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

impl AssessmentConfig {
    /// The label of the scale point `value` in `lang` (else English), else the number itself.
    pub fn scale_label(&self, value: u8, lang: &str) -> String {
        let labels = &self.scale.labels;
        let offset = usize::from(value.saturating_sub(self.scale.min));
        labels
            .get(lang)
            .or_else(|| labels.get(crate::programme::FALLBACK_LANGUAGE))
            .and_then(|l| l.get(offset))
            .cloned()
            .unwrap_or_else(|| value.to_string())
    }

    /// The record after answering `question` with `value`. Answers given to another
    /// configuration (a programme switched since) are not mixed in: answering starts a record
    /// for this one.
    pub fn answered(
        &self,
        previous: Option<&AssessmentRecord>,
        question: &str,
        value: u8,
        today: NaiveDate,
    ) -> AssessmentRecord {
        let mut answers = previous
            .filter(|r| r.config_id == self.id)
            .map(|r| r.answers.clone())
            .unwrap_or_default();
        answers.insert(question.to_owned(), value);
        self.record(answers, Some(today))
    }

    /// The built-in indicative well-being check (questions in en, fr, es and ar).
    pub fn indicative_default() -> Self {
        // The file is part of the crate and checked by a test, so this cannot fail at run time;
        // should it ever, an empty indicative check is safer than a panic in the browser.
        serde_json::from_str(DEFAULT_JSON).unwrap_or_else(|_| Self {
            id: "indicative-wellbeing-check".to_owned(),
            name: BTreeMap::new(),
            indicative: true,
            scale: Scale { min: 1, max: 5, labels: BTreeMap::new() },
            questions: Vec::new(),
            composite_weights: DimensionWeights::default(),
        })
    }

    /// Problems in the configuration itself. `path` is the JSON Pointer of the configuration in
    /// its document (empty at the root). Codes: `assessment_scale_invalid`,
    /// `assessment_question_duplicate`, `assessment_question_text_missing`,
    /// `assessment_scale_labels_mismatch`.
    pub fn check(&self, path: &str) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.scale.max <= self.scale.min {
            out.push(
                Finding::error("assessment_scale_invalid", format!("{path}/scale"))
                    .with("min", Param::Number(self.scale.min.into()))
                    .with("max", Param::Number(self.scale.max.into())),
            );
        } else {
            let points = usize::from(self.scale.max - self.scale.min) + 1;
            for (lang, labels) in &self.scale.labels {
                if labels.len() != points {
                    out.push(
                        Finding::error(
                            "assessment_scale_labels_mismatch",
                            format!("{path}/scale/labels/{}", escape_pointer(lang)),
                        )
                        .with("language", Param::Text(lang.clone()))
                        .with("expected", Param::Number(points as i64))
                        .with("found", Param::Number(labels.len() as i64)),
                    );
                }
            }
        }
        let mut seen = BTreeSet::new();
        for (i, q) in self.questions.iter().enumerate() {
            if !seen.insert(q.id.as_str()) {
                out.push(
                    Finding::error(
                        "assessment_question_duplicate",
                        format!("{path}/questions/{i}/id"),
                    )
                    .with("question", Param::Text(q.id.clone())),
                );
            }
            if q.text.values().all(|t| t.trim().is_empty()) {
                out.push(
                    Finding::error(
                        "assessment_question_text_missing",
                        format!("{path}/questions/{i}/text"),
                    )
                    .with("question", Param::Text(q.id.clone())),
                );
            }
        }
        out
    }

    /// A record of the answers with their baseline scores, to store in the plan.
    pub fn record(&self, answers: Answers, assessed_on: Option<NaiveDate>) -> AssessmentRecord {
        AssessmentRecord {
            config_id: self.id.clone(),
            indicative: self.indicative,
            assessed_on,
            baseline: scores(self, &answers),
            answers,
        }
    }

    /// The question text in `lang`, falling back to English, then to any language.
    pub fn question_text<'a>(&self, question: &'a Question, lang: &str) -> Option<&'a str> {
        question
            .text
            .get(lang)
            .or_else(|| question.text.get("en"))
            .or_else(|| question.text.values().next())
            .map(String::as_str)
    }
}

const DEFAULT_JSON: &str = include_str!("../data/indicative-wellbeing-check.json");

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> AssessmentConfig {
        let q = |id: &str, dimension, weight, reverse| Question {
            id: id.into(),
            dimension,
            text: BTreeMap::from([("en".into(), format!("question {id}"))]),
            weight,
            reverse,
        };
        AssessmentConfig {
            id: "test".into(),
            name: BTreeMap::new(),
            indicative: false,
            scale: Scale { min: 1, max: 5, labels: BTreeMap::new() },
            questions: vec![
                q("e1", Dimension::Economic, 1, false),
                q("e2", Dimension::Economic, 3, false),
                q("s1", Dimension::Social, 1, false),
                q("p1", Dimension::Psychosocial, 1, true),
                q("p0", Dimension::Psychosocial, 0, false),
            ],
            composite_weights: DimensionWeights::default(),
        }
    }

    fn answers(pairs: &[(&str, u8)]) -> Answers {
        pairs.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect()
    }

    #[test]
    fn weighted_dimension_scores_and_composite() {
        let c = config();
        // e1 = 5 (4/4), e2 = 1 (0/4) weight 3: 4 / 16 = 25 %.
        // s1 = 3: 50 %. p1 = 2 reversed: (4-1)/4 = 75 %. p0 has weight 0: ignored.
        let s = scores(&c, &answers(&[("e1", 5), ("e2", 1), ("s1", 3), ("p1", 2), ("p0", 1)]));
        assert_eq!(s.economic, Some(25));
        assert_eq!(s.social, Some(50));
        assert_eq!(s.psychosocial, Some(75));
        assert_eq!(s.composite, Some(50));
    }

    #[test]
    fn composite_needs_every_weighted_dimension() {
        let mut c = config();
        let a = answers(&[("e1", 5), ("s1", 5)]);
        let s = scores(&c, &a);
        assert_eq!((s.economic, s.social, s.psychosocial), (Some(100), Some(100), None));
        assert_eq!(s.composite, None);
        c.composite_weights.psychosocial = 0;
        assert_eq!(scores(&c, &a).composite, Some(100));
    }

    #[test]
    fn invalid_answers_are_ignored_and_reported() {
        let c = config();
        let a = answers(&[("e1", 9), ("zz", 3), ("s1", 1)]);
        let s = scores(&c, &a);
        assert_eq!((s.economic, s.social), (None, Some(0)));
        let f = check_answers(&c, &a, "/needs/assessment/answers");
        let codes: Vec<_> = f.iter().map(|f| (f.code, f.path.as_str())).collect();
        assert_eq!(
            codes,
            [
                ("assessment_answer_out_of_scale", "/needs/assessment/answers/e1"),
                ("assessment_answer_unknown_question", "/needs/assessment/answers/zz"),
            ]
        );
        assert!(check_answers(&c, &answers(&[("e1", 1)]), "").is_empty());
    }

    #[test]
    fn a_broken_scale_scores_nothing_and_is_reported() {
        let mut c = config();
        c.scale.max = 1;
        assert_eq!(scores(&c, &answers(&[("e1", 1)])), Scores::default());
        assert_eq!(c.check("")[0].code, "assessment_scale_invalid");
        assert!(config().check("").is_empty());
        let mut dup = config();
        dup.questions.push(dup.questions[0].clone());
        dup.questions[1].text.clear();
        let codes: Vec<_> = dup.check("/assessment").into_iter().map(|f| f.path).collect();
        assert_eq!(codes, ["/assessment/questions/1/text", "/assessment/questions/5/id"]);
    }

    #[test]
    fn the_default_is_an_indicative_check_in_four_languages() {
        let c: AssessmentConfig = serde_json::from_str(DEFAULT_JSON).expect("default parses");
        assert_eq!(c, AssessmentConfig::indicative_default());
        assert!(c.indicative);
        assert!(c.check("").is_empty(), "{:?}", c.check(""));
        for lang in ["en", "fr", "es", "ar"] {
            assert!(c.name.contains_key(lang));
            assert!(c.scale.labels.contains_key(lang));
            for q in &c.questions {
                assert!(q.text.get(lang).is_some_and(|t| !t.is_empty()), "{} {lang}", q.id);
            }
        }
        for d in Dimension::ALL {
            assert!(c.questions.iter().filter(|q| q.dimension == d).count() >= 3);
        }
        let best: Answers = c
            .questions
            .iter()
            .map(|q| (q.id.clone(), if q.reverse { c.scale.min } else { c.scale.max }))
            .collect();
        assert_eq!(scores(&c, &best).composite, Some(100));
        let rec = c.record(best, None);
        assert_eq!(rec.config_id, c.id);
        assert!(rec.indicative);
        assert_eq!(c.question_text(&c.questions[0], "xx"), c.question_text(&c.questions[0], "en"));
    }

    fn on() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
    }

    #[test]
    fn scale_labels_fall_back_to_english_then_the_number() {
        let mut c = AssessmentConfig::indicative_default();
        assert_eq!(c.scale_label(c.scale.min, "en"), "Not at all");
        assert_eq!(c.scale_label(c.scale.max, "fr"), "Tout à fait");
        assert_eq!(c.scale_label(c.scale.min, "de"), "Not at all");
        c.scale.labels.clear();
        assert_eq!(c.scale_label(3, "en"), "3");
    }

    #[test]
    fn answering_scores_and_keeps_earlier_answers_of_the_same_questions() {
        let c = AssessmentConfig::indicative_default();
        let q0 = c.questions[0].id.clone();
        let q1 = c.questions[1].id.clone();
        let first = c.answered(None, &q0, c.scale.max, on());
        assert_eq!(first.config_id, c.id);
        assert!(first.indicative);
        assert_eq!(first.assessed_on, Some(on()));
        assert_eq!(first.baseline, scores(&c, &first.answers));
        let d0 = c.questions[0].dimension;
        assert!(first.baseline.get(d0).is_some());
        let second = c.answered(Some(&first), &q1, c.scale.min, on());
        assert_eq!(second.answers.len(), 2);
        assert_eq!(second.answers.get(&q0), Some(&c.scale.max));
        // Changing an answer replaces it.
        let third = c.answered(Some(&second), &q0, c.scale.min, on());
        assert_eq!(third.answers.get(&q0), Some(&c.scale.min));
    }

    #[test]
    fn answers_to_other_questions_are_not_mixed_in() {
        let c = AssessmentConfig::indicative_default();
        let old = AssessmentRecord {
            config_id: "another-programme".into(),
            answers: [("x".to_owned(), 3u8)].into(),
            ..Default::default()
        };
        let q0 = c.questions[0].id.clone();
        let record = c.answered(Some(&old), &q0, c.scale.min, on());
        assert_eq!(record.answers.len(), 1);
        assert_eq!(record.config_id, c.id);
    }
}
