// The shared test fixture: every page is watched, and a test fails when the browser console
// shows an error or warning, the page throws, or any request goes anywhere but 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  watch: [
    async ({ page }, use) => {
      const problems = [];
      const requests = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') {
          problems.push(`console ${msg.type()}: ${msg.text()}`);
        }
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('request', (req) => requests.push(req.url()));
      await use({ problems, requests });
      expect(problems, 'console errors and warnings').toEqual([]);
      const foreign = requests.filter((u) => {
        const url = new URL(u);
        if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
        return url.hostname !== '127.0.0.1';
      });
      expect(foreign, 'requests to anything but 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits until it has rendered. */
export async function openApp(page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('navigation', { name: 'Sections of the plan' })).toBeVisible();
}

export const STEPS = [
  'Case and returnee',
  'Safety on return',
  'Needs and aspirations',
  'Economic',
  'Social',
  'Psychosocial',
  'Budget',
  'Follow-up',
  'Consent and signatures',
  'Review and export',
];

/** Taps a section in the navigation and waits for its heading. Tapped again if the first tap
 *  missed, e.g. when the header's "saved" line changed the layout under the finger. */
export async function goTo(page, step) {
  const nav = page.getByRole('navigation', { name: 'Sections of the plan' });
  const heading = page.getByRole('heading', { level: 1, name: step });
  await expect(async () => {
    await nav.getByRole('button', { name: step, exact: true }).tap();
    await expect(heading).toBeVisible({ timeout: 1500 });
  }).toPass({ timeout: 15_000 });
}

/** Draws a stroke on `locator` with real touch input (touch start, moves, end); points are
 *  fractions of its width and height. */
export async function drawWithFinger(page, locator, points) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const cdp = await page.context().newCDPSession(page);
  const at = ([fx, fy]) => ({ x: box.x + box.width * fx, y: box.y + box.height * fy });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [at(points[0])] });
  for (const p of points.slice(1)) {
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at(p)] });
  }
  // The finger rests a moment before lifting, as people do: moves sent all at once look like a
  // flick to Chromium, which then starts a fling and swallows the next tap's click.
  await page.waitForTimeout(200);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

/** The text of each page of a printed PDF, read with Debian's poppler-utils (installed by
 *  `scripts/dev setup`). */
export function pdfPages(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'homeward-pdf-'));
  const file = join(dir, 'printed.pdf');
  writeFileSync(file, pdf);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const count = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  return Array.from({ length: count }, (_, i) =>
    execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', file, '-'], { encoding: 'utf8' }));
}

/** A page in a browser context of its own (another device: no storage shared), at tablet
 *  size with touch, watched as the fixture watches `page`: what went wrong is in `problems`. */
export async function freshPage(browser, baseURL) {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: 820, height: 1180 },
    hasTouch: true,
    isMobile: true,
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = new URL(req.url());
    if (!['data:', 'blob:'].includes(url.protocol) && url.hostname !== '127.0.0.1') problems.push(`request: ${url}`);
  });
  return { context, page, problems };
}

/** Opens the app and, from Review and export, the plan file `name` holding `text`, confirming
 *  that it replaces the open plan. */
export async function openPlanFile(page, name, text) {
  await openApp(page);
  await goTo(page, 'Review and export');
  await page.getByLabel('Open a plan file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  await page.getByRole('dialog').getByRole('button', { name: 'Open the plan' }).tap();
  await expect(page.getByText(`The plan from ${name} is now open.`)).toBeVisible();
}
