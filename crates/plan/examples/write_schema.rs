//! Prints the plan's JSON Schema; `cargo run -p homeward-plan --example write_schema > schema/plan.v3.schema.json`
//! regenerates the checked-in file (so does `UPDATE_SCHEMA=1 cargo test -p homeward-plan --test schema`).

fn main() {
    print!("{}", homeward_plan::interchange::plan_schema_json());
}
