// How the cost of working in a big plan grows (scripts/dev report), for plans of 200 and 1,000
// measures (the 200-measure fixture repeated with fresh ids):
//  - opening the Economic section: from the tap until its first measures are on screen (a long
//    section draws a screenful at once and the rest after each paint), and until every one of
//    its measures is drawn;
//  - a keystroke in a cost field: from the input event until the budget bar shows the new sum
//    and the page's layout is done (median of 21).
// Prints figures; never fails on a slow machine (budgets: 300 ms to open with 200 measures,
// 8 ms per keystroke at every size).
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { resolve, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './serve.mjs';
import { chromiumArgs } from './playwright.config.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? 'dist');
const fixture = JSON.parse(readFileSync(join(here, '../fixtures/plan-200-measures.json'), 'utf8'));
const KEYSTROKES = 21;

/** The fixture with its goals repeated `times` times, every goal and measure with a new id. */
function repeated(times) {
  const plan = structuredClone(fixture);
  plan.goals = [];
  for (let i = 0; i < times; i++) {
    for (const goal of fixture.goals) {
      plan.goals.push({
        ...structuredClone(goal),
        id: randomUUID(),
        measures: goal.measures.map((m) => ({ ...structuredClone(m), id: randomUUID() })),
      });
    }
  }
  // The recorded summary is of the original plan; the importer recomputes what it needs.
  delete plan.budget_summary;
  return plan;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer(dist, 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: chromiumArgs,
});

async function measure(times) {
  const plan = repeated(times);
  const count = plan.goals.reduce((n, g) => n + g.measures.length, 0);
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log('page error:', e.message));
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text().slice(0, 300)));
  page.setDefaultTimeout(120_000);
  await page.goto(base + '/');
  const nav = page.getByRole('navigation', { name: 'Sections of the plan' });
  await nav.getByRole('button', { name: 'Review and export', exact: true }).click();
  await page.getByLabel('Open a plan file').setInputFiles({
    name: 'plan.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(plan)),
  });
  await page.getByRole('dialog').getByRole('button', { name: 'Open the plan' }).click();
  await page.getByText('The plan from plan.json is now open.').waitFor();

  // Opening the section: time in the page from the click to the first cost field's layout,
  // and to the last of the section's measures drawn.
  const expected = plan.goals
    .filter((g) => g.dimension === 'economic')
    .reduce((n, g) => n + g.measures.length, 0);
  const economic = await nav.getByRole('button', { name: 'Economic', exact: true }).elementHandle();
  const { openMs, allMs } = await page.evaluate(
    ([button, expected]) =>
      new Promise((done) => {
        const start = performance.now();
        let openMs = null;
        button.click();
        const check = () => {
          const field = document.querySelector('.hw-measure .hw-money input');
          if (field && openMs === null) {
            field.getBoundingClientRect();
            openMs = performance.now() - start;
          }
          if (document.querySelectorAll('.hw-measure').length >= expected) {
            done({ openMs, allMs: performance.now() - start });
          } else {
            setTimeout(check, 0);
          }
        };
        setTimeout(check, 0);
      }),
    [economic, expected],
  );
  const shown = await page.locator('.hw-measure').count();

  const cost = await page.locator('.hw-measure').first().getByLabel('Estimated cost').elementHandle();
  const times_ms = [];
  for (let i = 0; i < KEYSTROKES; i++) {
    const ms = await page.evaluate(
      ([input, value]) =>
        new Promise((done) => {
          const bar = document.querySelector('.hw-budget-bar');
          const before = bar.textContent;
          const channel = new MessageChannel();
          const start = performance.now();
          channel.port1.onmessage = () => {
            // Leptos runs its effects in microtasks: by the next task the page is up to date.
            bar.getBoundingClientRect();
            const elapsed = performance.now() - start;
            done(bar.textContent === before ? -1 : elapsed);
          };
          input.value = value;
          input.dispatchEvent(new Event('input', { bubbles: true }));
          channel.port2.postMessage(null);
        }),
      [cost, String(100 + i * 7)],
    );
    if (ms < 0) throw new Error('the budget bar did not change after a keystroke');
    times_ms.push(ms);
  }
  await context.close();
  return { count, shown, openMs, allMs, keystroke: median(times_ms), max: Math.max(...times_ms) };
}

for (const times of [1, 5]) {
  const r = await measure(times);
  console.log(
    `${String(r.count).padStart(5)} measures (${r.shown} in Economic): ` +
      `open the section ${r.openMs.toFixed(0)} ms (all drawn ${r.allMs.toFixed(0)} ms); keystroke to updated budget bar: ` +
      `median ${r.keystroke.toFixed(1)} ms (max ${r.max.toFixed(1)}) over ${KEYSTROKES} — budget 8 ms`,
  );
}
await browser.close();
server.close();
