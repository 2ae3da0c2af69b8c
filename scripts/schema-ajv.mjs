// The published schema run by a second, independent validator (Ajv, draft 2020-12, with
// ajv-formats): the fixtures are valid, and near misses are decided as Homeward's importer
// decides them (the same table as crates/plan/tests/agreement.rs, in part).
// Run: node scripts/schema-ajv.mjs
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const root = new URL("..", import.meta.url);
const read = (path) => JSON.parse(readFileSync(new URL(path, root), "utf8"));
const ajv = new Ajv2020({ strict: false, allErrors: false });
addFormats.default ? addFormats.default(ajv) : addFormats(ajv);
const validate = ajv.compile(read("schema/plan.v3.schema.json"));

let failures = 0;
const check = (what, doc, expected) => {
  const ok = validate(doc);
  if (ok !== expected) {
    failures += 1;
    console.error(`${what}: Ajv says ${ok}, expected ${expected}`, validate.errors?.[0]);
  }
};

for (const name of ["plan-minimal.json", "plan-family-full.json", "plan-200-measures.json"]) {
  check(name, read(`tests/fixtures/${name}`), true);
}

const set = (doc, pointer, value) => {
  const parts = pointer.split("/").slice(1);
  let at = doc;
  for (const p of parts.slice(0, -1)) at = at[p];
  at[parts[parts.length - 1]] = value;
};
const M = "/goals/0/measures/0";
const cases = [
  [`${M}/due_date`, "2027-01-31", true],
  [`${M}/due_date`, "+12345-01-01", false],
  [`${M}/due_date`, "2027-1-31", false],
  [`${M}/due_date`, "2027-02-30", false],
  ["/updated_at", "2026-11-23T14:05:12.5Z", true],
  ["/updated_at", "2026-11-23T14:05:12+01:00", false],
  ["/updated_at", "2026-11-23t14:05:12z", false],
  ["/updated_at", "2026-11-23T14:05:60Z", false],
  ["/id", "6F1C2A34-9B7E-4D2A-8C3B-1E2F3A4B5C6D", false],
  ["/id", "urn:uuid:6f1c2a34-9b7e-4d2a-8c3b-1e2f3a4b5c6d", false],
  ["/id", "6f1c2a34-9b7e-4d2a-8c3b-1e2f3a4b5c6d", true],
  [`${M}/estimated_cost`, [1000, "EUR"], false],
  [`${M}/modality`, { cash: null }, false],
  [`${M}/estimated_cost/amount_minor`, 9007199254740991, true],
  [`${M}/estimated_cost/amount_minor`, 9007199254740992, false],
  ["/case/age", 4294967296, false],
  ["/case/age", 30.0, true],
  ["/needs/assessment/baseline/economic", 101, false],
  ["/needs/assessment/baseline/economic", 100, true],
  ["/budget_summary", null, true],
  ["/budget_summary/packages/0/remaining", [1, "EUR"], false],
];
for (const [pointer, value, expected] of cases) {
  const doc = read("tests/fixtures/plan-family-full.json");
  set(doc, pointer, value);
  check(`${pointer} = ${JSON.stringify(value)}`, doc, expected);
}
console.log(`Ajv: ${3 + cases.length - failures} agreed, ${failures} disagreed`);
process.exit(failures ? 1 : 0);
