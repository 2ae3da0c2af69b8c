//! The open draft: the plan as one value, the programme it is drafted under, and everything
//! derived from the two (budget guidance, findings, completeness). Components read from here and
//! change the plan only through [`Draft::edit`], so every change stamps `updated_at` and reaches
//! autosave the same way.

use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use homeward_plan::budget::{self, Guidance};
use homeward_plan::finding::{Finding, Severity};
use homeward_plan::model::Plan;
use homeward_plan::money::CurrencyCode;
use homeward_plan::programme::{self, ProgrammeConfig};
use homeward_plan::protection;
use homeward_plan::validate;
use leptos::prelude::*;
use uuid::Uuid;

mod located;

pub use located::Findings;
use located::Located;

/// Whether this tab may change the draft, which another tab or window may hold too.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// This tab edits and saves the draft.
    Editing,
    /// Another tab holds the draft; the person is choosing what this one does.
    Asking,
    /// The person chose to only look here: nothing is changed or saved from this tab.
    Looking,
    /// Another tab took the draft over: this one only shows it.
    TakenOver,
}

/// The open draft and what is derived from it. Cheap to copy: every field is a handle.
#[derive(Clone, Copy)]
pub struct Draft {
    pub plan: RwSignal<Plan>,
    pub programme: RwSignal<ProgrammeConfig>,
    /// The host page's own configuration (not a built-in preset), once it gave one: it stays
    /// on offer after another programme was tried.
    pub host_programme: RwSignal<Option<ProgrammeConfig>>,
    /// The day the session runs on: the rules judge dates against it.
    pub today: NaiveDate,
    /// The plan's currency (read by every amount field; changes rarely).
    pub currency: Signal<CurrencyCode>,
    /// Budget guidance, recomputed when the plan or programme changes.
    pub guidance: Memo<Guidance>,
    /// Validation and budget findings together, most severe first, then in plan order.
    pub findings: Memo<Vec<Finding>>,
    /// The findings by the locations fields show them at.
    located: Located,
    /// What is still missing for a complete plan (info findings).
    pub missing: Memo<Vec<Finding>>,
    /// Share of the completeness checklist that is done, 0–100.
    pub completeness: Memo<u8>,
    /// Whether this tab may change it.
    pub access: RwSignal<Access>,
}

impl Draft {
    /// A draft holding `plan`, judged under `programme` on `today`.
    pub fn new(plan: Plan, programme: ProgrammeConfig, today: NaiveDate) -> Self {
        let plan = RwSignal::new(plan);
        let programme = RwSignal::new(programme);
        let currency = follow(move || plan.with(|p| p.budget.currency.clone()));
        let guidance =
            Memo::new(move |_| programme.with(|c| plan.with(|p| budget::guidance(p, c, today))));
        let findings = Memo::new(move |_| {
            let mut all = plan.with(|p| validate::validate(p, today));
            guidance.with(|g| all.extend(g.findings.iter().cloned()));
            all.extend(programme.with(|c| {
                plan.with(|p| protection::restriction_findings(p, &c.return_restrictions))
            }));
            // Stable: keeps plan order within a severity.
            all.sort_by_key(|f| f.severity);
            all
        });
        let located = Located::new(findings);
        let missing = Memo::new(move |_| plan.with(validate::missing_for_completeness));
        let completeness = Memo::new(move |_| plan.with(validate::completeness));
        let access = RwSignal::new(Access::Editing);
        Self {
            plan,
            programme,
            host_programme: RwSignal::new(None),
            today,
            currency,
            guidance,
            findings,
            located,
            missing,
            completeness,
            access,
        }
    }

    /// An empty plan under the default programme.
    pub fn empty_plan(programme: &ProgrammeConfig) -> Plan {
        Plan::new(new_id(), programme.id.clone(), programme.currency.clone(), Utc::now())
    }

    /// Whether this tab edits the draft (rather than only showing it).
    pub fn editable(self) -> bool {
        self.access.get_untracked() == Access::Editing
    }

    /// A part of the plan as a signal of its own, changed only when that part changes. Unlike a
    /// memo of the plan, which wakes everything that reads it on every edit so that each can
    /// check, only one small effect follows the plan: a keystroke in one row reaches the views
    /// of that row alone, however large the plan.
    pub fn part<T>(self, read: impl Fn(&Plan) -> T + Send + Sync + 'static) -> Signal<T>
    where
        T: PartialEq + Send + Sync + 'static,
    {
        follow(move || self.plan.with(&read))
    }

    /// Changes the plan and stamps the change. Ignored in a read-only tab, whose controls are
    /// disabled anyway, so nothing can reach the draft another tab holds.
    pub fn edit(self, change: impl FnOnce(&mut Plan)) {
        if !self.editable() {
            return;
        }
        self.plan.update(|plan| {
            change(plan);
            plan.updated_at = Utc::now();
        });
    }

    /// Replaces the whole plan (import, new plan), keeping its own timestamps.
    pub fn replace(self, plan: Plan) {
        if let Some(config) = programme::preset(&plan.programme_id) {
            self.programme.set(config);
        }
        self.plan.set(plan);
    }

    /// Switches the programme; the plan keeps everything and is judged by the new rules.
    pub fn switch_programme(self, config: ProgrammeConfig) {
        let id = config.id.clone();
        let currency = config.currency.clone();
        self.programme.set(config);
        self.edit(|plan| {
            plan.programme_id = id;
            plan.budget.currency = currency;
        });
    }

    /// Takes the programme a host page names (see [`programme::host_choice`]).
    pub fn take_host_programme(self, config: ProgrammeConfig) {
        if !programme::preset_ids().any(|id| id == config.id) {
            self.host_programme.set(Some(config.clone()));
        }
        let choice = self.plan.with_untracked(|p| programme::host_choice(p, &config));
        match choice {
            programme::HostChoice::Keep => {}
            programme::HostChoice::Adopt => self.switch_programme(config),
            programme::HostChoice::RulesOnly => self.programme.set(config),
        }
    }

    /// Findings about `path` or anything inside it (e.g. a measure and its fields), following
    /// changes to those findings only.
    pub fn findings_at(self, path: &str) -> Findings {
        self.located.at(path)
    }
}

/// `value` as a signal set only when it changes (see [`Draft::part`]).
pub fn follow<T>(value: impl Fn() -> T + Send + Sync + 'static) -> Signal<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let signal = RwSignal::new(untrack(&value));
    Effect::new(move |_| {
        let now = value();
        if signal.with_untracked(|before| *before != now) {
            signal.set(now);
        }
    });
    signal.into()
}

/// Whether any of `findings` is an error (for `aria-invalid`).
pub fn has_error(findings: &[Arc<Finding>]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

/// Whether a finding is about `path` or something inside it.
pub fn concerns(finding: &Finding, path: &str) -> bool {
    // A field with no path is about nothing in particular, not about the whole plan.
    !path.is_empty()
        && (finding.path == path
            || (finding.path.starts_with(path)
                && finding.path.as_bytes().get(path.len()) == Some(&b'/')))
}

/// A new random id (UUID v4, from the browser's crypto in wasm).
pub fn new_id() -> Uuid {
    Uuid::new_v4()
}

/// The draft from context. Components below the app call this.
pub fn use_draft() -> Draft {
    expect_context::<Draft>()
}

/// Today's date where the device is.
pub fn local_today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_finding_concerns_its_path_and_its_parents() {
        let f = Finding::error("x", "/goals/0/measures/1/due_date");
        assert!(concerns(&f, "/goals/0/measures/1/due_date"));
        assert!(concerns(&f, "/goals/0/measures/1"));
        assert!(!concerns(&f, "/goals/0/measures/10"));
        assert!(!concerns(&f, "/goals/0/measures/1/due"));
        assert!(!concerns(&f, ""), "a field without a path shows no finding");
    }
}
