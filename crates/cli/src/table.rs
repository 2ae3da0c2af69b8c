//! `homeward table`: plans, measures, payments and follow-up contacts as CSV (UTF-8, RFC 4180,
//! ISO dates, amounts in minor units and as decimals). A plan's rows are all made before any is
//! written, so a file that fails is listed and leaves no row behind.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use homeward_plan::budget::Guidance;
use homeward_plan::model::{Package, Plan, PrivacyCategory};
use homeward_plan::money::{CurrencyCode, Money};
use homeward_plan::privacy::{
    Privacy, follow_up_privacy, goal_privacy, measure_privacy, tranche_privacy,
};
use homeward_plan::progress::plan_state;
use homeward_plan::validate::completeness;
use serde::Serialize;

use crate::context::Context;
use crate::input::{Failure, expand, load};
use crate::run::in_order;

#[derive(Serialize)]
pub struct PlanRow {
    pub plan_id: String,
    pub case_reference: String,
    pub programme_id: String,
    pub country_of_return: String,
    pub return_date: Option<String>,
    pub return_date_is_planned: bool,
    pub household_size: usize,
    pub completeness: u8,
    pub currency: String,
    pub short_term_available_minor: Option<i64>,
    pub short_term_available: Option<String>,
    pub short_term_allocated_minor: Option<i64>,
    pub short_term_allocated: Option<String>,
    pub short_term_remaining_minor: Option<i64>,
    pub short_term_remaining: Option<String>,
    pub longer_term_available_minor: Option<i64>,
    pub longer_term_available: Option<String>,
    pub longer_term_allocated_minor: Option<i64>,
    pub longer_term_allocated: Option<String>,
    pub longer_term_remaining_minor: Option<i64>,
    pub longer_term_remaining: Option<String>,
    pub state: &'static str,
    pub measures: usize,
    pub file: String,
}

#[derive(Serialize)]
pub struct MeasureRow {
    pub plan_id: String,
    pub measure_id: String,
    pub dimension: &'static str,
    pub goal: String,
    pub measure_type: &'static str,
    pub description: String,
    pub package: &'static str,
    pub modality: &'static str,
    pub funding: &'static str,
    pub cost_minor: Option<i64>,
    pub cost: Option<String>,
    pub currency: Option<String>,
    pub start_date: Option<String>,
    pub due_date: Option<String>,
    pub status: &'static str,
    /// Special-category or marked private (see `homeward_plan::privacy`).
    pub private: bool,
    /// Its category (`health`, `psychosocial`, `private`...), when private.
    pub private_category: &'static str,
}

#[derive(Serialize)]
pub struct PaymentRow {
    pub plan_id: String,
    pub tranche_id: String,
    pub package: &'static str,
    pub date: String,
    pub amount_minor: i64,
    pub amount: String,
    pub currency: String,
    pub purpose: String,
    pub paid: bool,
    pub private: bool,
}

#[derive(Serialize)]
pub struct FollowUpRow {
    pub plan_id: String,
    pub follow_up_id: String,
    pub due_date: Option<String>,
    pub months_after_return: Option<u32>,
    pub kind: &'static str,
    pub done: bool,
    pub done_on: Option<String>,
    pub outcome: String,
    pub private: bool,
}

/// Every row of one plan.
pub struct Rows {
    pub plan: PlanRow,
    pub measures: Vec<MeasureRow>,
    pub payments: Vec<PaymentRow>,
    pub follow_ups: Vec<FollowUpRow>,
}

fn date(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

type PackageFigures = [(Option<i64>, Option<String>); 3];

fn package_figures(g: Option<&Guidance>, package: Package) -> PackageFigures {
    let p = g.and_then(|g| g.package(package));
    let pair = |m: Option<&Money>| (m.map(|m| m.amount_minor), m.map(Money::decimal));
    [
        pair(p.and_then(|p| p.available.as_ref())),
        pair(p.map(|p| &p.allocated)),
        pair(p.and_then(|p| p.remaining.as_ref())),
    ]
}

/// A private item's category: by the domain's rules, or as a partner file marked it withheld.
fn category(rule: Option<Privacy>, withheld: Option<PrivacyCategory>) -> Option<PrivacyCategory> {
    rule.map(|p| p.category).or(withheld)
}

/// The text, or the category's neutral label when the item is private and not to be shown.
fn shown(text: &str, private: Option<PrivacyCategory>, include_private: bool) -> String {
    match private {
        Some(c) if !include_private => c.withheld_label().to_owned(),
        _ => text.to_owned(),
    }
}

/// The rows of a plan. `file` is where it was read from. Private texts are replaced by their
/// category's label unless `include_private`.
pub fn rows(plan: &Plan, guidance: Option<&Guidance>, file: &str, include_private: bool) -> Rows {
    let id = plan.id.to_string();
    let currency: &CurrencyCode = plan.currency();
    let [st_av, st_al, st_re] = package_figures(guidance, Package::ShortTerm);
    let [lt_av, lt_al, lt_re] = package_figures(guidance, Package::LongerTerm);
    let measures: Vec<MeasureRow> = plan
        .measures()
        .map(|m| {
            let cost = m.measure.estimated_cost.as_ref();
            let private = category(measure_privacy(m.goal, m.measure), m.measure.withheld);
            let goal_private = category(goal_privacy(m.goal), m.goal.withheld);
            MeasureRow {
                plan_id: id.clone(),
                measure_id: m.measure.id.to_string(),
                dimension: m.goal.dimension.code(),
                goal: shown(&m.goal.title, goal_private, include_private),
                measure_type: m.measure.measure_type.map_or("", |t| t.code()),
                description: shown(&m.measure.description, private, include_private),
                package: m.measure.term.package().code(),
                modality: m.measure.modality.code(),
                funding: m.measure.funding.code(),
                cost_minor: cost.map(|c| c.amount_minor),
                cost: cost.map(Money::decimal),
                currency: cost.map(|c| c.currency.to_string()),
                start_date: date(m.measure.start_date),
                due_date: date(m.measure.due_date),
                status: m.measure.status.code(),
                private: private.is_some(),
                private_category: private.map_or("", PrivacyCategory::code),
            }
        })
        .collect();
    let payments = plan
        .budget
        .tranches
        .iter()
        .map(|t| (t, category(tranche_privacy(t), t.withheld)))
        .map(|(t, private)| PaymentRow {
            plan_id: id.clone(),
            tranche_id: t.id.to_string(),
            package: t.package.code(),
            date: t.date.format("%Y-%m-%d").to_string(),
            amount_minor: t.amount.amount_minor,
            amount: t.amount.decimal(),
            currency: t.amount.currency.to_string(),
            purpose: shown(&t.purpose, private, include_private),
            paid: t.paid,
            private: private.is_some(),
        })
        .collect();
    let follow_ups = plan
        .follow_ups
        .iter()
        .map(|f| (f, category(follow_up_privacy(f), f.withheld)))
        .map(|(f, private)| FollowUpRow {
            plan_id: id.clone(),
            follow_up_id: f.id.to_string(),
            due_date: date(f.due_date),
            months_after_return: f.months_after_return,
            kind: f.kind.code(),
            done: f.done_on.is_some(),
            done_on: date(f.done_on),
            outcome: shown(&f.outcome, private, include_private),
            private: private.is_some(),
        })
        .collect();
    let plan_row = PlanRow {
        plan_id: id.clone(),
        case_reference: plan.case.case_reference.clone(),
        programme_id: plan.programme_id.clone(),
        country_of_return: plan.case.country_of_return.clone(),
        return_date: date(plan.case.return_date),
        return_date_is_planned: plan.case.return_date_is_planned,
        household_size: 1 + plan.returning_household().count(),
        completeness: completeness(plan),
        currency: currency.to_string(),
        short_term_available_minor: st_av.0,
        short_term_available: st_av.1,
        short_term_allocated_minor: st_al.0,
        short_term_allocated: st_al.1,
        short_term_remaining_minor: st_re.0,
        short_term_remaining: st_re.1,
        longer_term_available_minor: lt_av.0,
        longer_term_available: lt_av.1,
        longer_term_allocated_minor: lt_al.0,
        longer_term_allocated: lt_al.1,
        longer_term_remaining_minor: lt_re.0,
        longer_term_remaining: lt_re.1,
        state: plan_state(plan).code(),
        measures: measures.len(),
        file: file.to_owned(),
    };
    Rows { plan: plan_row, measures, payments, follow_ups }
}

/// Where to write each table; `None` leaves it out.
pub struct Outputs {
    pub plans: PathBuf,
    pub measures: PathBuf,
    pub payments: Option<PathBuf>,
    pub follow_ups: Option<PathBuf>,
    /// Write private items' texts too.
    pub include_private: bool,
}

type Writer = csv::Writer<BufWriter<File>>;

/// A CSV writer whose header comes from the row type, so a table with no rows still has its
/// columns.
fn writer<T: Serialize>(path: &Path, example: &T) -> Result<Writer, String> {
    let fail = |e: &dyn std::fmt::Display| format!("{}: cannot write: {e}", path.display());
    let mut probe = csv::Writer::from_writer(Vec::new());
    probe.serialize(example).map_err(|e| fail(&e))?;
    let bytes = probe.into_inner().map_err(|e| fail(&e.into_error()))?;
    let header = bytes.split(|&b| b == b'\n').next().unwrap_or_default();
    let mut file = BufWriter::new(File::create(path).map_err(|e| fail(&e))?);
    file.write_all(header).and_then(|()| file.write_all(b"\n")).map_err(|e| fail(&e))?;
    Ok(csv::WriterBuilder::new().has_headers(false).from_writer(file))
}

/// The summary of a table run.
pub struct Summary {
    pub plans: usize,
    pub failed: Vec<(PathBuf, Failure)>,
}

/// Reads every file, writes the tables, lists the files that failed on standard error.
pub fn run(inputs: &[PathBuf], ctx: &Context, outputs: &Outputs) -> Result<Summary, String> {
    let mut plans_w = writer(&outputs.plans, &rows(&Plan::default(), None, "", false).plan)?;
    let mut measures_w = writer(&outputs.measures, &example_measure())?;
    let mut payments_w =
        outputs.payments.as_deref().map(|p| writer(p, &example_payment())).transpose()?;
    let mut follow_ups_w =
        outputs.follow_ups.as_deref().map(|p| writer(p, &example_follow_up())).transpose()?;
    let mut summary = Summary { plans: 0, failed: Vec::new() };
    let mut error: Option<String> = None;
    in_order(
        expand(inputs),
        |path| {
            let loaded = load(path, &ctx.passphrase, ctx.today)?;
            let plan = &loaded.imported.plan;
            let file = path.display().to_string();
            Ok(rows(plan, ctx.guidance(plan).as_ref(), &file, outputs.include_private))
        },
        |path, result| match result {
            Err(failure) => summary.failed.push((path.clone(), failure)),
            Ok(r) if error.is_none() => {
                summary.plans += 1;
                let written = (|| -> csv::Result<()> {
                    plans_w.serialize(&r.plan)?;
                    for m in &r.measures {
                        measures_w.serialize(m)?;
                    }
                    if let Some(w) = payments_w.as_mut() {
                        for p in &r.payments {
                            w.serialize(p)?;
                        }
                    }
                    if let Some(w) = follow_ups_w.as_mut() {
                        for f in &r.follow_ups {
                            w.serialize(f)?;
                        }
                    }
                    Ok(())
                })();
                if let Err(e) = written {
                    error = Some(format!("cannot write the tables: {e}"));
                }
            }
            Ok(_) => {}
        },
    );
    if let Some(e) = error {
        return Err(e);
    }
    let flush = |w: &mut Writer| w.flush().map_err(|e| format!("cannot write the tables: {e}"));
    flush(&mut plans_w)?;
    flush(&mut measures_w)?;
    if let Some(w) = payments_w.as_mut() {
        flush(w)?;
    }
    if let Some(w) = follow_ups_w.as_mut() {
        flush(w)?;
    }
    Ok(summary)
}

fn example_measure() -> MeasureRow {
    MeasureRow {
        plan_id: String::new(),
        measure_id: String::new(),
        dimension: "",
        goal: String::new(),
        measure_type: "",
        description: String::new(),
        package: "",
        modality: "",
        funding: "",
        cost_minor: None,
        cost: None,
        currency: None,
        start_date: None,
        due_date: None,
        status: "",
        private: false,
        private_category: "",
    }
}

fn example_payment() -> PaymentRow {
    PaymentRow {
        plan_id: String::new(),
        tranche_id: String::new(),
        package: "",
        date: String::new(),
        amount_minor: 0,
        amount: String::new(),
        currency: String::new(),
        purpose: String::new(),
        paid: false,
        private: false,
    }
}

fn example_follow_up() -> FollowUpRow {
    FollowUpRow {
        plan_id: String::new(),
        follow_up_id: String::new(),
        due_date: None,
        months_after_return: None,
        kind: "",
        done: false,
        done_on: None,
        outcome: String::new(),
        private: false,
    }
}
