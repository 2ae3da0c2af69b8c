// Paper that is only the plan: printed to PDF on A4 in Chromium, the family plan starts on the
// first page under a title that names the returnee, the case and the day; no app name, screen
// notice, control or instruction; page numbers; no blank page; the country by name.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, goTo, pdfPages } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FAMILY = readFileSync(join(here, '..', 'fixtures', 'plan-family-full.json'), 'utf8');

test('the printed family plan is the plan alone, from its first page, with page numbers', async ({ page }) => {
  await page.goto('/');
  await goTo(page, 'Review and export');
  await page.getByLabel('Open a plan file').setInputFiles({
    name: 'family.json', mimeType: 'application/json', buffer: Buffer.from(FAMILY),
  });
  await page.getByRole('dialog').getByRole('button', { name: 'Open the plan' }).tap();
  await expect(page.getByText('The plan from family.json is now open.')).toBeVisible();
  const plan = JSON.parse(FAMILY);

  await page.emulateMedia({ media: 'print' });
  const text = pdfPages(await page.pdf({ format: 'A4' }));
  // The whole template fits on four pages; before, the app name and instructions took two more.
  expect(text.length, 'no page of the app before the plan, none blank after').toBeLessThanOrEqual(4);
  const first = text[0];
  expect(first).toContain('Reintegration plan');
  expect(first).toContain(`Case ${plan.case.case_reference}`);
  if (plan.case.full_name) expect(first).toContain(plan.case.full_name);
  expect(first).toMatch(/printed on \d{1,2} \w+ \d{4}/);
  expect(first).toContain('In the returnee');
  expect(first).toContain('Senegal');
  // Every part of the plan template is on paper: who to reach and how, the counsellor, the
  // household, line items, payments, referrals with their outcome, contacts and progress.
  const all = text.join('\n').replace(/\s+/g, ' ');
  for (const part of [
    'Nationality', plan.case.contact_after_return.phone, plan.counsellor.name, 'In follow-up, revision 0',
    'Child', `2 × ${plan.goals[0].measures[1].items[0].description}`, 'Payments', 'paid on 5 October 2026',
    'Referrals', 'Dr Ndiaye', 'First check-up done', 'Took place on 3 November 2026 · scores: Economic 30',
    'Progress per dimension', 'target 70', 'Needs:', 'Education, skills and work',
  ]) {
    expect(all, part).toContain(part);
  }
  for (const screenOnly of ['Homeward', 'Review and export', 'print it, or save it', 'this browser may delete', 'Save the plan as a file']) {
    expect(text.join('\n'), screenOnly).not.toContain(screenOnly);
  }
  text.forEach((pageText, i) => {
    expect(pageText.replace(/\s+/g, ' ').trim().length, `page ${i + 1} is not blank`).toBeGreaterThan(40);
    expect(pageText, `page ${i + 1} is numbered`).toMatch(new RegExp(`\\b${i + 1}\\s*/\\s*${text.length}\\s*$`));
  });
});
