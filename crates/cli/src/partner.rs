//! `homeward partner`: the file for a partner organisation, made by the domain exactly as the
//! app makes it (consent, private items, the receiving organisation), refused where it refuses.

use std::path::Path;

use chrono::NaiveDate;
use homeward_plan::interchange::partner_export_json;

use crate::context::Context;
use homeward_plan::programme::default_preset;

use crate::input::{self, Failure, load};

/// Reads a plan (sealed or not), makes the partner file for `recipient` dated `made_on`, and
/// writes it whole or not at all.
pub fn run(
    file: &Path,
    recipient: &str,
    made_on: NaiveDate,
    output: &Path,
    ctx: &Context,
) -> Result<(), Failure> {
    let loaded = load(file, &ctx.passphrase, ctx.today)?;
    let plan = &loaded.imported.plan;
    // A plan of a programme unknown here is written without a budget record, as in the app.
    let programme = ctx.programme(plan).cloned().unwrap_or_else(default_preset);
    let text = partner_export_json(plan, &programme, recipient, made_on).map_err(|e| Failure {
        code: e.code().into(),
        path: e.path().into(),
        line: None,
        column: None,
        message: format!("no partner file: {e}"),
    })?;
    input::write_atomically(output, text.as_bytes())
        .map_err(|e| Failure::new("unwritable", format!("{}: {e}", output.display())))
}
