//! `homeward check`: one verdict per file, as lines for people or JSON lines for scripts.

use std::io::Write;
use std::path::{Path, PathBuf};

use homeward_plan::finding::{Finding, Severity};
use serde::Serialize;

use crate::context::{Context, judge};
use crate::input::{Failure, expand, load};
use crate::run::in_order;

/// What `check` found about one file.
#[derive(Serialize)]
pub struct Verdict {
    pub file: String,
    pub ok: bool,
    pub sealed: bool,
    pub plan_id: Option<String>,
    pub migrated_from: Option<u32>,
    /// Why the file is not a valid plan: it could not be read, or breaks the plan's rules.
    pub errors: Vec<Failure>,
    /// Warnings and notes (with `--findings` only).
    pub findings: Vec<Finding>,
}

fn failure_of(f: &Finding) -> Failure {
    let params: Vec<String> = f.params.iter().map(|(n, v)| format!("{n}={v}")).collect();
    let message = if params.is_empty() {
        f.code.to_string()
    } else {
        format!("{} ({})", f.code, params.join(", "))
    };
    Failure { code: f.code.into(), path: f.path.clone(), line: None, column: None, message }
}

pub fn verdict(path: &Path, ctx: &Context, with_findings: bool) -> Verdict {
    let file = path.display().to_string();
    match load(path, &ctx.passphrase, ctx.today) {
        Err(failure) => Verdict {
            file,
            ok: false,
            sealed: false,
            plan_id: None,
            migrated_from: None,
            errors: vec![failure],
            findings: Vec::new(),
        },
        Ok(loaded) => {
            let judged = judge(&loaded.imported.plan, ctx, with_findings);
            Verdict {
                file,
                ok: judged.errors.is_empty(),
                sealed: loaded.sealed,
                plan_id: Some(loaded.imported.plan.id.to_string()),
                migrated_from: loaded.imported.migrated_from,
                errors: judged.errors.iter().map(failure_of).collect(),
                findings: judged.findings,
            }
        }
    }
}

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

fn at(path: &str) -> String {
    if path.is_empty() { String::new() } else { format!(" at {path}") }
}

/// The lines for people: `ok FILE`, or one `error` line per fault, then the findings.
pub fn write_human(out: &mut impl Write, v: &Verdict) -> std::io::Result<()> {
    if v.ok {
        let sealed = if v.sealed { " (sealed)" } else { "" };
        let migrated =
            v.migrated_from.map(|n| format!(" (version {n}, migrated)")).unwrap_or_default();
        writeln!(out, "ok      {}{sealed}{migrated}", v.file)?;
    }
    for e in &v.errors {
        writeln!(out, "error   {}: [{}]{}: {}", v.file, e.code, at(&e.path), e.message)?;
    }
    for f in &v.findings {
        let params: Vec<String> = f.params.iter().map(|(n, p)| format!("{n}={p}")).collect();
        let params =
            if params.is_empty() { String::new() } else { format!(" ({})", params.join(", ")) };
        writeln!(
            out,
            "{:<7} {}: [{}]{}{params}",
            severity(f.severity),
            v.file,
            f.code,
            at(&f.path)
        )?;
    }
    Ok(())
}

/// Checks every file; returns how many were not valid plans.
pub fn run(
    inputs: &[PathBuf],
    ctx: &Context,
    with_findings: bool,
    json: bool,
    out: &mut impl Write,
) -> std::io::Result<usize> {
    let mut failed = 0;
    let mut total = 0;
    let mut io_error = None;
    in_order(
        expand(inputs),
        |path| Ok(verdict(path, ctx, with_findings)),
        |path, result| {
            let v = result.unwrap_or_else(|failure| Verdict {
                file: path.display().to_string(),
                ok: false,
                sealed: false,
                plan_id: None,
                migrated_from: None,
                errors: vec![failure],
                findings: Vec::new(),
            });
            total += 1;
            failed += usize::from(!v.ok);
            let written = if json {
                serde_json::to_string(&v)
                    .map_err(std::io::Error::other)
                    .and_then(|line| writeln!(out, "{line}"))
            } else {
                write_human(out, &v)
            };
            if let Err(e) = written {
                io_error.get_or_insert(e);
            }
        },
    );
    if let Some(e) = io_error {
        return Err(e);
    }
    if !json {
        eprintln!("{total} file(s): {} valid, {failed} not", total - failed);
    }
    Ok(failed)
}
