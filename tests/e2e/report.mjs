// Size and speed report for the release build (scripts/dev report):
//  - gzip size of every file the first load fetches (before the first render), and their total
//    (budget 300 KB); then the files fetched right after it (the later sections' module);
//  - time from navigation to the app's first render in headless Chromium with 4x CPU
//    throttling, median of 7 runs (budget 500 ms). The app marks `hw-first-render` when mounted,
//    and `hw-start` when its code begins.
// Prints figures; never fails on a slow machine.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { startServer } from './serve.mjs';
import { chromiumArgs } from './playwright.config.mjs';

const dist = resolve(process.argv[2] ?? 'dist');
const RUNS = 7;
const server = await startServer(dist, 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: chromiumArgs,
});

async function load() {
  const context = await browser.newContext({ viewport: { width: 820, height: 1180 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(base + '/');
  const ms = await page.waitForFunction(() => {
    const mark = performance.getEntriesByName('hw-first-render')[0];
    return mark ? mark.startTime : null;
  });
  const firstRender = await ms.jsonValue();
  // When the app's code began: before it, the page, its stylesheets and the wasm's download and
  // compilation; after it, the app setting up and drawing its first screen.
  const start = await page.evaluate(() => performance.getEntriesByName('hw-start')[0]?.startTime);
  // Every file fetched, and whether its fetch began before the first render; the later
  // sections' module is fetched right after it.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/split_')));
  const files = await page.evaluate((rendered) => [
    { path: '/', first: true },
    ...performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, first: e.startTime < rendered })),
  ], firstRender);
  await context.close();
  return { files, firstRender, start };
}

const runs = [];
for (let i = 0; i < RUNS; i++) runs.push(await load());

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const sizes = (paths) => {
  let total = 0;
  let rawTotal = 0;
  for (const path of paths) {
    const raw = readFileSync(join(dist, path === '/' ? 'index.html' : path));
    const gz = gzipSync(raw, { level: 9 }).length;
    total += gz;
    rawTotal += raw.length;
    console.log(`  ${kb(gz)}  (${kb(raw.length)} raw)  ${path}`);
  }
  return [total, rawTotal];
};
const paths = (first) => [...new Set(runs[0].files.filter((f) => f.first === first && f.path !== '/sw.js').map((f) => f.path))];
console.log('First load (fetched before the first render), gzip -9 sizes:');
const [total, rawTotal] = sizes(paths(true));
console.log(`  ${kb(total)}  (${kb(rawTotal)} raw)  total — budget 300 KB`);
console.log('Fetched right after the first render (the later sections), gzip -9 sizes:');
const [after, rawAfter] = sizes(paths(false));
console.log(`  ${kb(after)}  (${kb(rawAfter)} raw)  total`);

const times = runs.map((r) => r.firstRender).sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(
  `First render at 4x CPU throttling: median ${median.toFixed(0)} ms over ${RUNS} runs ` +
    `(min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}) — budget 500 ms`,
);
const middle = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `  before the app's code begins (page, stylesheets, wasm fetched and compiled): median ` +
    `${middle(runs.map((r) => r.start)).toFixed(0)} ms; the app setting up and drawing its first ` +
    `screen: median ${middle(runs.map((r) => r.firstRender - r.start)).toFixed(0)} ms`,
);
await browser.close();
server.close();
