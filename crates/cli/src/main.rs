//! `homeward`: Homeward's plan files on the command line, for partner organisations. Every rule
//! (import, validation, findings, budget, privacy, partner file, sealing) is the domain crate's.
//!
//! Exit status: 0 when every file was fine, 1 when a file was refused or is not a valid plan,
//! 2 when the command itself could not run (arguments, unreadable passphrase, unwritable output).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use homeward_cli::context::Context;
use homeward_cli::input::{self, Failure};
use homeward_cli::{check, partner, sealing, table};

const PASSPHRASE_HELP: &str = "The passphrase of sealed files is read from --passphrase-file, \
    else from the HOMEWARD_PASSPHRASE environment variable, else asked at the terminal. It is \
    never taken from the command line.";

#[derive(Parser)]
#[command(
    name = "homeward",
    version,
    about = "Check, open, seal and tabulate Homeward plan files.",
    long_about = "Check, open, seal and tabulate Homeward reintegration plan files, with exactly \
                  the rules of the Homeward app.\n\nExit status: 0 when every file was fine, 1 \
                  when a file was refused or is not a valid plan, 2 when the command could not run.",
    after_help = "Examples:\n  homeward check received/ --findings\n  homeward table received/ \
                  --plans plans.csv --measures measures.csv\n  homeward open plan.sealed.json -o \
                  plan.json"
)]
struct Cli {
    /// Worker threads for many files (default: one per core).
    #[arg(long, global = true, value_name = "N")]
    jobs: Option<usize>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check plan files: one line per file, ok or each error with its field and line.
    #[command(after_help = "Examples:\n  homeward check plan.json\n  homeward check received/ \
                            --findings\n  homeward check *.json --json > report.jsonl\n\n\
                            Exit status 0 only when every file is a valid plan.")]
    Check {
        /// Plan files (full, partner or sealed), or folders of them (every .json file inside).
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        files: Vec<PathBuf>,
        /// Also print warnings and notes: budget rules, completeness, unknown programme.
        #[arg(long)]
        findings: bool,
        /// One JSON object per file and per line, for scripts.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Make the file for a partner organisation, with exactly the app's rules.
    #[command(after_help = "Example:\n  homeward partner plan.json --to \"Caritas Dakar\" -o \
                            plan-partner.json\n\nRefused (exit status 1) when the returnee has not \
                            consented to share the plan, or the consent does not name the \
                            organisation. Without consent to share health and psychosocial \
                            details, every private item is withheld (its text replaced by a \
                            neutral label; amounts, dates and packages stay).")]
    Partner {
        /// The plan file (full, or sealed).
        file: PathBuf,
        /// The receiving organisation, as the consent names it.
        #[arg(long, value_name = "ORG")]
        to: String,
        /// Where to write the partner file.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        /// The day the file is made, recorded in it (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        made_on: Option<NaiveDate>,
        #[command(flatten)]
        common: Common,
    },
    /// Seal a plan file with a passphrase (AES-256-GCM, key from PBKDF2-SHA-256), as the app does.
    #[command(after_help = format!("Example:\n  homeward seal plan.json -o plan.sealed.json\n\n{PASSPHRASE_HELP}"))]
    Seal {
        /// The plan file to seal.
        file: PathBuf,
        /// Where to write the sealed file.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        #[arg(long, value_name = "FILE")]
        /// Read the passphrase from this file (one trailing line ending is ignored).
        passphrase_file: Option<PathBuf>,
    },
    /// Open a sealed file and write the plan file that was sealed, byte for byte.
    #[command(after_help = format!("Example:\n  HOMEWARD_PASSPHRASE=… homeward open plan.sealed.json -o plan.json\n\n{PASSPHRASE_HELP}"))]
    Open {
        /// The sealed file.
        file: PathBuf,
        /// Where to write the plan file.
        #[arg(short, long, value_name = "OUT")]
        output: PathBuf,
        #[arg(long, value_name = "FILE")]
        /// Read the passphrase from this file (one trailing line ending is ignored).
        passphrase_file: Option<PathBuf>,
    },
    /// Tabulate plans as CSV: one row per plan, per measure, per payment, per follow-up contact.
    #[command(after_help = "Example:\n  homeward table received/ --plans plans.csv --measures \
                            measures.csv --payments payments.csv --follow-ups follow_ups.csv\n\n\
                            UTF-8, RFC 4180, ISO dates, amounts in minor units and as decimals. \
                            Files that fail are listed on standard error and skipped (exit status 1).")]
    Table {
        /// Plan files or folders of them.
        #[arg(required = true, value_name = "FILE_OR_DIR")]
        files: Vec<PathBuf>,
        /// One row per plan.
        #[arg(long, value_name = "CSV")]
        plans: PathBuf,
        /// One row per measure.
        #[arg(long, value_name = "CSV")]
        measures: PathBuf,
        /// One row per payment or purchase of the schedule.
        #[arg(long, value_name = "CSV")]
        payments: Option<PathBuf>,
        /// One row per follow-up contact.
        #[arg(long, value_name = "CSV")]
        follow_ups: Option<PathBuf>,
        /// Also write the texts of private items (health, psychosocial, marked private). Without
        /// it they appear only as their type, amount and dates, with a neutral label.
        #[arg(long)]
        include_private: bool,
        #[command(flatten)]
        common: Common,
    },
    /// Print the published JSON Schemas (draft 2020-12).
    #[command(after_help = "Examples:\n  homeward schema plan > plan.schema.json\n  homeward \
                            schema sealed")]
    Schema {
        /// Which schema.
        #[arg(value_enum, default_value = "plan")]
        which: Which,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Which {
    /// The plan file (full or partner).
    Plan,
    /// The sealed envelope.
    Sealed,
}

#[derive(Args)]
struct Common {
    /// Read the passphrase of sealed files from this file (one trailing line ending is ignored).
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
    /// A programme configuration (JSON) for plans of a programme that is not built in.
    #[arg(long, value_name = "JSON")]
    programme: Vec<PathBuf>,
    /// The day the rules are judged on (default: today), e.g. 2026-12-01.
    #[arg(long, value_name = "YYYY-MM-DD")]
    today: Option<NaiveDate>,
}

impl Common {
    fn context(self) -> Result<Context, String> {
        Context::new(self.today, &self.programme, self.passphrase_file)
    }
}

const SEALED_SCHEMA: &str = include_str!("../../../schema/sealed.v1.schema.json");

fn refused(file: &std::path::Path, f: &Failure) -> ExitCode {
    eprintln!("homeward: {}: [{}] {}", file.display(), f.code, f.message);
    ExitCode::from(if f.code == "unwritable" || f.code.starts_with("passphrase") { 2 } else { 1 })
}

fn fatal(message: impl std::fmt::Display) -> ExitCode {
    eprintln!("homeward: {message}");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(n) = cli.jobs
        && let Err(e) = rayon::ThreadPoolBuilder::new().num_threads(n).build_global()
    {
        return fatal(e);
    }
    match cli.command {
        Command::Check { files, findings, json, common } => {
            let ctx = match common.context() {
                Ok(ctx) => ctx,
                Err(e) => return fatal(e),
            };
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            match check::run(&files, &ctx, findings, json, &mut out)
                .and_then(|n| out.flush().map(|()| n))
            {
                Ok(0) => ExitCode::SUCCESS,
                Ok(_) => ExitCode::from(1),
                Err(e) => fatal(e),
            }
        }
        Command::Partner { file, to, output, made_on, common } => {
            let ctx = match common.context() {
                Ok(ctx) => ctx,
                Err(e) => return fatal(e),
            };
            match partner::run(&file, &to, made_on.unwrap_or(ctx.today), &output, &ctx) {
                Ok(()) => ExitCode::SUCCESS,
                Err(f) => refused(&file, &f),
            }
        }
        Command::Seal { file, output, passphrase_file } => {
            let today = chrono::Local::now().date_naive();
            match sealing::passphrase_for_sealing(passphrase_file)
                .and_then(|pass| sealing::seal(&file, &output, &pass, today))
            {
                Ok(()) => ExitCode::SUCCESS,
                Err(f) => refused(&file, &f),
            }
        }
        Command::Open { file, output, passphrase_file } => {
            let pass = input::Passphrase::new(passphrase_file);
            match sealing::open(&file, &output, &pass) {
                Ok(()) => ExitCode::SUCCESS,
                Err(f) => refused(&file, &f),
            }
        }
        Command::Table {
            files,
            plans,
            measures,
            payments,
            follow_ups,
            include_private,
            common,
        } => {
            let ctx = match common.context() {
                Ok(ctx) => ctx,
                Err(e) => return fatal(e),
            };
            let outputs = table::Outputs { plans, measures, payments, follow_ups, include_private };
            match table::run(&files, &ctx, &outputs) {
                Err(e) => fatal(e),
                Ok(summary) => {
                    for (path, f) in &summary.failed {
                        eprintln!("skipped {}: [{}] {}", path.display(), f.code, f.message);
                    }
                    eprintln!(
                        "{} plan(s) tabulated, {} file(s) skipped",
                        summary.plans,
                        summary.failed.len()
                    );
                    if summary.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) }
                }
            }
        }
        Command::Schema { which } => {
            let text = match which {
                Which::Plan => homeward_plan::interchange::plan_schema_json(),
                Which::Sealed => SEALED_SCHEMA.to_owned(),
            };
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fatal(e),
            }
        }
    }
}
