// Nothing moves under the finger: the header's "saved" line keeps its size as it changes, the
// advice about keeping the plan arrives without pushing the section down, and once read on this
// device it opens folded to one line.
import { test, expect, openApp } from './fixtures.mjs';

const MAY_DELETE = 'This browser may delete the plan saved here';
const SUMMARY = 'Keep a copy of the plan: this browser may delete it';

/** The browser answers that it may delete the data, after `delay` ms (as a real one may). */
async function browserMayDelete(page, delay = 0) {
  await page.addInitScript((ms) => {
    navigator.storage.persist = () => new Promise((done) => setTimeout(() => done(false), ms));
  }, delay);
}

/** Sums the layout shifts the page records, as Lighthouse's cumulative layout shift does. */
async function watchShifts(page) {
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (!entry.hadRecentInput) window.__shift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

const box = async (locator) => {
  const { x, y, width, height } = await locator.boundingBox();
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
};

test('the "saved" line changes without moving the controls beside and below it', async ({ page }) => {
  await openApp(page, '/?lang=en');
  const controls = [
    page.getByRole('button', { name: 'New plan' }),
    page.getByRole('button', { name: 'End session' }),
    page.getByLabel('Language', { exact: true }),
    page.getByRole('heading', { level: 1, name: 'Case and returnee' }),
  ];
  await expect(page.getByRole('status').filter({ hasText: 'Nothing saved yet' })).toBeVisible();
  const before = await Promise.all(controls.map(box));
  await page.getByLabel('Case reference').fill('SN-2026-0001');
  await expect(page.getByRole('status').filter({ hasText: /Saved on this device at/ })).toBeVisible();
  expect(await Promise.all(controls.map(box))).toEqual(before);
});

test('the advice about keeping the plan arrives late without moving the section', async ({ page }) => {
  await browserMayDelete(page, 400);
  await watchShifts(page);
  await openApp(page, '/?lang=en');
  const heading = page.getByRole('heading', { level: 1, name: 'Case and returnee' });
  const before = await box(heading);
  await expect(page.getByText(MAY_DELETE)).toBeVisible();
  expect(await box(heading)).toEqual(before);
  // It comes after the section and covers nothing: the last control stays free to tap.
  const next = page.getByRole('button', { name: /^Next:/ });
  await next.scrollIntoViewIfNeeded();
  const [n, m] = [await box(next), await box(page.getByText(MAY_DELETE))];
  expect(m.y, 'the advice is below the section').toBeGreaterThanOrEqual(n.y + n.height);
  await next.tap({ trial: true });
  expect(await page.evaluate(() => window.__shift)).toBeLessThan(0.05);
});

test('read once on this device, the advice opens folded to one line and unfolds on a tap', async ({ page }) => {
  await browserMayDelete(page);
  await openApp(page, '/?lang=en');
  await expect(page.getByText(MAY_DELETE)).toBeVisible();
  // Recorded beside a saved plan only: with nothing saved the device keeps no trace.
  await page.getByLabel('Case reference').fill('SN-2026-0002');
  await expect(page.getByRole('status').filter({ hasText: /Saved on this device at/ })).toBeVisible();

  await page.reload();
  const summary = page.getByText(SUMMARY);
  await expect(summary).toBeVisible();
  await expect(page.getByText(MAY_DELETE)).toBeHidden();
  const { height } = await box(summary);
  expect(height).toBeLessThan(60);

  await summary.tap();
  await expect(page.getByText(MAY_DELETE)).toBeVisible();
  await expect(page.getByText(MAY_DELETE)).toContainText('Export the plan to keep a copy.');

  // Ending the session removes every trace of the app, this one too: the advice opens again.
  await page.getByRole('button', { name: 'End session' }).tap();
  await page.getByRole('dialog').getByRole('button', { name: 'Remove everything' }).tap();
  await page.reload();
  await expect(page.getByText(MAY_DELETE)).toBeVisible();
});
