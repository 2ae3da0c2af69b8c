// The whole mission at a tablet, through the interface only: a counsellor drafts a complete
// family plan, reloads and finds it intact, exports it; a fresh browser opens the file and
// exports the same bytes, which the published JSON Schema accepts.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { test, expect, openApp, goTo, drawWithFinger } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const schema = JSON.parse(readFileSync(join(here, '..', '..', 'schema', 'plan.v3.schema.json'), 'utf8'));


const MEASURES = {
  Economic: [
    ['micro_business', 'Sewing machine and fabric', '1200'],
    ['vocational_training', 'Pattern-cutting course', '300'],
  ],
  Social: [
    ['housing', 'Rent for three months', '450'],
    ['education', 'School fees for the children', '250'],
  ],
  Psychosocial: [
    ['individual_or_family_counselling', 'Family counselling sessions', '0'],
    ['support_groups', 'Women returnees group', '0'],
  ],
};

async function draftFamilyPlan(page) {
  await openApp(page);

  // Case and returnee: a household of five.
  const caseSection = page.locator('#hw-section-case');
  await caseSection.getByRole('textbox', { name: 'Case reference' }).fill('GN-2026-0310');
  await caseSection.getByLabel('Age in years').first().fill('34');
  await caseSection.getByLabel('Date of return').fill('2026-12-01');
  await caseSection.getByRole('textbox', { name: 'Town or village' }).fill('Kindia');
  for (const [n, relationship, age] of [
    [1, 'spouse_or_partner', '31'],
    [2, 'child', '9'],
    [3, 'child', '6'],
    [4, 'child', '2'],
  ]) {
    await page.getByRole('button', { name: 'Add a household member' }).tap();
    const row = page.getByRole('group', { name: `Household member ${n}`, exact: true });
    await row.getByRole('combobox', { name: 'Relationship to the returnee' }).selectOption(relationship);
    await row.getByRole('textbox', { name: 'Age in years' }).fill(age);
  }

  // Needs and aspirations, in the returnee's words.
  await goTo(page, 'Needs and aspirations');
  await page.getByRole('textbox', { name: /What do you want to achieve\?/ }).fill('A tailoring shop of my own.');

  // Two measures in each dimension, each agreed.
  for (const [step, measures] of Object.entries(MEASURES)) {
    await goTo(page, step);
    await page.getByRole('button', { name: 'Add a goal' }).tap();
    await page.getByRole('textbox', { name: 'The goal', exact: true }).fill(`${step}: a better life`);
    for (const [i, [type, text, cost]] of measures.entries()) {
      await page.getByRole('button', { name: 'Add a measure to goal 1' }).tap();
      const card = page.locator('.hw-measure').nth(i);
      await card.getByLabel('Type of support').selectOption(type);
      await card.getByRole('textbox', { name: 'What it is, in a few words' }).fill(text);
      await card.getByLabel('When', { exact: true }).selectOption('longer_term');
      await card.getByRole('textbox', { name: 'Estimated cost' }).fill(cost);
      await card.getByRole('checkbox', { name: /agrees/ }).tap();
      await expect(card.locator('.hw-agreement')).not.toHaveText(/Not agreed yet/);
    }
  }

  // Consent and both signatures.
  await goTo(page, 'Consent and signatures');
  for (const name of [
    'No one put pressure on me',
    'I received the information',
    'I had time to think',
    'I know I can change my mind',
  ]) {
    await page.getByRole('checkbox', { name, exact: true }).tap();
  }
  const returnee = page.getByRole('group', { name: 'Signature of the returnee' });
  const pad = returnee.getByRole('img', { name: "Drawing area for the returnee's signature" });
  await drawWithFinger(page, pad, [[0.1, 0.6], [0.25, 0.3], [0.4, 0.7], [0.6, 0.4]]);
  await expect(returnee).toContainText(/Signed by drawing on/);
  const counsellor = page.getByRole('group', { name: 'Signature of the counsellor' });
  await counsellor.getByRole('radio', { name: 'Type the name' }).tap();
  await counsellor.getByRole('textbox', { name: 'Name of the counsellor, as signature' }).fill('Marie Dupont');
  await expect(counsellor).toContainText(/Signed with the typed name “Marie Dupont”/);
}

async function exportPlan(page) {
  await goTo(page, 'Review and export');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save the plan as a file' }).tap(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}

test('a counsellor drafts a whole family plan; it survives a reload, exports, and reopens elsewhere', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await draftFamilyPlan(page);
  await expect(page.getByRole('status').filter({ hasText: /Saved on this device at/ })).toBeVisible();

  // Reload: everything is there, on the step the person was on.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Consent and signatures' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Signature of the returnee' })).toContainText(/Signed by drawing on/);
  await goTo(page, 'Case and returnee');
  await expect(page.getByRole('textbox', { name: 'Case reference' })).toHaveValue('GN-2026-0310');
  await expect(page.locator('.hw-household .hw-row')).toHaveCount(4);
  await goTo(page, 'Social');
  await expect(page.getByRole('textbox', { name: 'What it is, in a few words' }).nth(1)).toHaveValue(
    'School fees for the children',
  );

  const first = await exportPlan(page);
  const plan = JSON.parse(first);
  expect(plan.format).toBe('homeward.plan');
  expect(plan.household).toHaveLength(4);
  expect(plan.goals).toHaveLength(3);
  expect(plan.goals.every((g) => g.measures.length === 2 && g.measures.every((m) => m.returnee_agreed))).toBe(true);
  expect(plan.signatures.returnee.method.drawn.strokes.length).toBeGreaterThan(0);
  expect(plan.signatures.counsellor.method.typed.name).toBe('Marie Dupont');
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  // schemars writes Rust's unsigned integer widths as formats.
  for (const [name, max] of [['uint8', 255], ['uint32', 4294967295]]) {
    ajv.addFormat(name, { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 && n <= max });
  }
  const valid = ajv.validate(schema, plan);
  expect(ajv.errors ?? [], 'the export validates against schema/plan.v3.schema.json').toEqual([]);
  expect(valid).toBe(true);

  // A fresh browser context (nothing on the device) opens the file and exports the same bytes.
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 }, hasTouch: true, isMobile: true });
  const other = await context.newPage();
  await openApp(other);
  await goTo(other, 'Review and export');
  await other.getByLabel('Open a plan file').setInputFiles({
    name: 'plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(first),
  });
  await other.getByRole('dialog').getByRole('button', { name: 'Open the plan' }).tap();
  await expect(other.getByText('The plan from plan.json is now open.')).toBeVisible();
  const second = await exportPlan(other);
  expect(second).toBe(first);
  await context.close();
});
