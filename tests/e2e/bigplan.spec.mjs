// A big plan: a section of 80 measures opens with its first cards at once and draws the others
// a few at a time after each paint (src/ui/drawing.rs); every card arrives, in order, and works.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, expect, goTo, openPlanFile } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const BIG = readFileSync(join(here, '..', 'fixtures', 'plan-200-measures.json'), 'utf8');
const economic = JSON.parse(BIG).goals.filter((g) => g.dimension === 'economic');
const ECONOMIC_MEASURES = economic.flatMap((g) => g.measures);

test('a section of 80 measures opens with its first cards and draws every other one after', async ({ page }) => {
  await openPlanFile(page, 'big.json', BIG);
  const nav = page.getByRole('navigation', { name: 'Sections of the plan' });
  const button = await nav.getByRole('button', { name: 'Economic', exact: true }).elementHandle();
  // Right after the tap, before the next paint: the first screenful only.
  const first = await page.evaluate(
    (b) =>
      new Promise((done) => {
        b.click();
        setTimeout(() => done(document.querySelectorAll('.hw-measure').length), 0);
      }),
    button,
  );
  expect(first).toBe(12);
  const cards = page.locator('.hw-measure');
  await expect(cards).toHaveCount(ECONOMIC_MEASURES.length);

  // In the plan's order, goal by goal, and the last one works like the first.
  const lastGoal = page.locator('.hw-goals > li').last();
  await expect(lastGoal.locator('.hw-measure')).toHaveCount(economic.at(-1).measures.length);
  const bar = page.locator('.hw-budget-bar');
  const before = await bar.textContent();
  const cost = cards.last().getByLabel('Estimated cost');
  await cost.scrollIntoViewIfNeeded();
  await cost.fill('1234');
  await expect(bar).not.toHaveText(before);

  // A measure added now is drawn at once.
  await lastGoal.getByRole('button', { name: /Add a measure/ }).tap();
  await expect(cards).toHaveCount(ECONOMIC_MEASURES.length + 1);
});

test('leaving a long section while it is still drawing goes quietly to the next one', async ({ page }) => {
  await openPlanFile(page, 'big.json', BIG);
  const nav = page.getByRole('navigation', { name: 'Sections of the plan' });
  await nav.getByRole('button', { name: 'Economic', exact: true }).click();
  await nav.getByRole('button', { name: 'Social', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Social' })).toBeVisible();
  await expect(page.locator('.hw-measure')).toHaveCount(60);
  await goTo(page, 'Economic');
  await expect(page.locator('.hw-measure')).toHaveCount(ECONOMIC_MEASURES.length);
});
