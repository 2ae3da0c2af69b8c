//! Export and import of the 200-measure plan. The design budget is 10 ms in the browser;
//! natively these should be far below. Run: `cargo bench -p homeward-plan --bench interchange`.

#[path = "../tests/common/mod.rs"]
mod common;

use divan::{Bencher, black_box};
use homeward_plan::interchange::{export_json, import_json, partner_export_json};
use homeward_plan::validate::validate;

fn main() {
    let text = export_json(&common::plan_with_measures(200));
    println!("200-measure plan: {} bytes of JSON", text.len());
    divan::main();
}

#[divan::bench]
fn export_200_measures(bencher: Bencher) {
    let plan = common::plan_with_measures(200);
    bencher.bench(|| export_json(black_box(&plan)));
}

#[divan::bench]
fn partner_export_200_measures(bencher: Bencher) {
    let mut plan = common::plan_with_measures(200);
    plan.consent.share_with_partners = true;
    plan.consent.partner_organisations = vec!["Partner".into()];
    plan.consent.share_special_category = false;
    bencher.bench(|| partner_export_json(black_box(&plan), "Partner", common::today()));
}

/// Import includes parsing, the envelope check and validation.
#[divan::bench]
fn import_200_measures(bencher: Bencher) {
    let text = export_json(&common::plan_with_measures(200));
    bencher.bench(|| import_json(black_box(&text), common::today()));
}

#[divan::bench]
fn validate_200_measures(bencher: Bencher) {
    let plan = common::plan_with_measures(200);
    bencher.bench(|| validate(black_box(&plan), common::today()));
}
