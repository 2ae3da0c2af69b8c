//! Findings: what the rules say about a plan. A finding never carries a sentence in one language;
//! it carries a stable code and typed parameters, and the interface translates and formats them.

use std::fmt;

use chrono::NaiveDate;
use serde::Serialize;

use crate::code::codes;
use crate::money::Money;

/// How much a finding matters. Nothing blocks typing: even an error is advice until export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The plan breaks a rule of the programme or is not coherent (e.g. due before start).
    Error,
    /// Probably a mistake or against guidance; the counsellor decides.
    Warning,
    /// Something worth knowing, e.g. what is still missing for a complete plan.
    Info,
}

codes!(Severity { Error => "error", Warning => "warning", Info => "info" });

/// A typed value a finding's message needs. The interface formats each for the user's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Param {
    Text(String),
    Number(i64),
    Money(Money),
    Date(NaiveDate),
}

impl fmt::Display for Param {
    /// A neutral rendering for logs and tests; the interface formats parameters itself.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Param::Text(s) => f.write_str(s),
            Param::Number(n) => write!(f, "{n}"),
            Param::Money(m) => write!(f, "{m}"),
            Param::Date(d) => write!(f, "{d}"),
        }
    }
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub severity: Severity,
    /// Stable snake_case code, e.g. `due_before_start`. The translation key is `finding.<code>`.
    pub code: &'static str,
    /// JSON Pointer (RFC 6901) into the exported plan document of the field concerned,
    /// e.g. `/goals/0/measures/1/due_date`; empty for the plan as a whole.
    pub path: String,
    /// Named parameters of the message, in a stable order.
    pub params: Vec<(&'static str, Param)>,
}

impl Finding {
    pub fn new(severity: Severity, code: &'static str, path: impl Into<String>) -> Self {
        Self { severity, code, path: path.into(), params: Vec::new() }
    }

    pub fn error(code: &'static str, path: impl Into<String>) -> Self {
        Self::new(Severity::Error, code, path)
    }

    pub fn warning(code: &'static str, path: impl Into<String>) -> Self {
        Self::new(Severity::Warning, code, path)
    }

    pub fn info(code: &'static str, path: impl Into<String>) -> Self {
        Self::new(Severity::Info, code, path)
    }

    /// Adds a named parameter (builder style).
    pub fn with(mut self, name: &'static str, value: Param) -> Self {
        self.params.push((name, value));
        self
    }

    /// The parameter of that name, if any.
    pub fn param(&self, name: &str) -> Option<&Param> {
        self.params.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }
}

/// Every finding code the domain's rules can produce, from the lists of the modules that make
/// findings: [`validate`](crate::validate), [`budget`](crate::budget),
/// [`assessment`](crate::assessment) and [`protection`](crate::protection). The interface
/// translates each as `finding.<code>`.
pub fn codes() -> impl Iterator<Item = &'static str> {
    [
        crate::validate::VALIDATION_CODES,
        crate::validate::COMPLETENESS_CODES,
        crate::budget::FINDING_CODES,
        crate::assessment::ANSWER_CODES,
        crate::assessment::CONFIG_CODES,
        crate::protection::FINDING_CODES,
    ]
    .into_iter()
    .flatten()
    .copied()
}
