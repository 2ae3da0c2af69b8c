// Accessibility: axe-core, injected from node_modules, finds no WCAG 2.1 A or AA violation on
// any step of a filled plan, in English and in Arabic.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, expect, openApp, openPlanFile, STEPS } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// Evaluated through DevTools rather than added as a <script>: the page's Content-Security-Policy
// (rightly) refuses inline scripts.
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const FAMILY = readFileSync(join(here, '..', 'fixtures', 'plan-family-full.json'), 'utf8');

const openFamilyPlan = (page) => openPlanFile(page, 'family.json', FAMILY);

async function violations(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
}

test('no WCAG 2.1 A/AA violation on any step of a filled plan', async ({ page }) => {
  test.setTimeout(120_000);
  await openFamilyPlan(page);
  const nav = page.getByRole('navigation', { name: 'Sections of the plan' });
  for (const name of STEPS) {
    await nav.getByRole('button', { name, exact: true }).tap();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    expect(await violations(page), `axe on "${name}"`).toEqual([]);
  }
});

test('no WCAG 2.1 A/AA violation in Arabic, right to left', async ({ page }) => {
  await openFamilyPlan(page);
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
  await expect(page.locator('.hw-app')).toHaveAttribute('dir', 'rtl');
  expect(await violations(page)).toEqual([]);
});

test('the confirmation dialog has no violation', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'End session' }).tap();
  await expect(page.getByRole('dialog')).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

test('the check itself catches a violation (a field without a label)', async ({ page }) => {
  await openApp(page);
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'text';
    document.querySelector('.hw-main').append(input);
  });
  const found = await violations(page);
  expect(found.map((v) => v.id)).toContain('label');
});

test('the open country list, the language chips and the undo offer have no violation', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Add a household member' }).tap();
  await page.getByRole('button', { name: 'Remove household member 1' }).tap();
  await expect(page.getByRole('button', { name: 'Undo the removal' })).toBeVisible();
  const languages = page.getByRole('combobox', { name: 'Languages' });
  await languages.fill('wol');
  await page.getByRole('option', { name: 'Wolof' }).tap();
  const country = page.getByRole('combobox', { name: 'Country of return' });
  await country.fill('gu');
  await expect(page.getByRole('listbox')).toBeVisible();
  await country.press('ArrowDown');
  expect(await violations(page)).toEqual([]);
});

test("the agreed plan's locked parts, a measure's items and the change dialog have no violation", async ({ page }) => {
  await openFamilyPlan(page);
  const nav = page.getByRole('navigation', { name: 'Sections of the plan' });
  await nav.getByRole('button', { name: 'Economic', exact: true }).tap();
  const sewing = page.locator('.hw-goal').first().locator('.hw-measure').nth(1);
  await sewing.locator('summary').filter({ hasText: 'Items, cost and delivery' }).tap();
  await sewing.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Delivered' });
  await expect(sewing.getByRole('textbox', { name: 'Actual cost' })).toBeVisible();
  expect(await violations(page), 'locked goals, items open').toEqual([]);
  await page.getByRole('button', { name: 'Change the agreed plan' }).tap();
  await expect(page.getByRole('dialog', { name: 'Change the agreed plan?' })).toBeVisible();
  expect(await violations(page), 'the change dialog').toEqual([]);
});
