//! What every command that reads plans shares: the day rules are judged on, the programmes'
//! budget rules (the built-in presets and any given with `--programme`), and the passphrase.

use std::path::PathBuf;

use chrono::NaiveDate;
use homeward_plan::budget::{Guidance, guidance};
use homeward_plan::finding::{Finding, Severity};
use homeward_plan::model::Plan;
use homeward_plan::programme::{ProgrammeConfig, parse_config, presets};
use homeward_plan::validate::{missing_for_completeness, validate};

use crate::input::Passphrase;

pub struct Context {
    pub today: NaiveDate,
    pub programmes: Vec<ProgrammeConfig>,
    pub passphrase: Passphrase,
}

impl Context {
    /// The presets, then the given configurations (which take precedence for the same id).
    pub fn new(
        today: Option<NaiveDate>,
        programme_files: &[PathBuf],
        passphrase_file: Option<PathBuf>,
    ) -> Result<Self, String> {
        let mut programmes = Vec::new();
        for path in programme_files {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
            let config = parse_config(&text).map_err(|e| {
                format!(
                    "{}: not a programme configuration: {} at {}",
                    path.display(),
                    e.detail(),
                    e.path()
                )
            })?;
            programmes.push(config);
        }
        programmes.extend(presets());
        Ok(Self {
            today: today.unwrap_or_else(|| chrono::Local::now().date_naive()),
            programmes,
            passphrase: Passphrase::new(passphrase_file),
        })
    }

    /// The rules the plan was drafted under, if known here.
    pub fn programme(&self, plan: &Plan) -> Option<&ProgrammeConfig> {
        self.programmes.iter().find(|p| p.id == plan.programme_id)
    }

    /// The budget guidance under the plan's programme, when the programme is known.
    pub fn guidance(&self, plan: &Plan) -> Option<Guidance> {
        self.programme(plan).map(|config| guidance(plan, config, self.today))
    }
}

/// A plan's errors and its other findings, as the app shows them.
pub struct Judged {
    /// Rule violations ([`validate`]'s errors): the plan is not valid.
    pub errors: Vec<Finding>,
    /// Warnings and notes: validation, budget, completeness; an unknown programme.
    pub findings: Vec<Finding>,
}

/// Every rule of the domain on one plan.
pub fn judge(plan: &Plan, ctx: &Context, with_findings: bool) -> Judged {
    let (errors, mut findings): (Vec<_>, Vec<_>) =
        validate(plan, ctx.today).into_iter().partition(|f| f.severity == Severity::Error);
    if with_findings {
        match ctx.guidance(plan) {
            Some(g) => findings.extend(g.findings),
            None => findings.push(Finding::warning("programme_unknown", "/programme_id")),
        }
        findings.extend(missing_for_completeness(plan));
    } else {
        findings.clear();
    }
    Judged { errors, findings }
}
