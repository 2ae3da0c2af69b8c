// Lighthouse's mobile profile (simulated slow 4G and 4x CPU, a phone's screen) against the
// release build served with gzip on 127.0.0.1, driving Debian's Chromium: the performance
// score, largest contentful paint, cumulative layout shift and the other timings, median of
// RUNS. Part of `scripts/dev report`; prints figures, never fails on a slow machine.
//   node tests/e2e/lighthouse.mjs [dist]
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from './serve.mjs';
import { chromiumArgs } from './playwright.config.mjs';

const dist = resolve(process.argv[2] ?? 'dist');
const RUNS = 3;
const server = await startServer(dist, 0, '127.0.0.1', { gzip: true });
const url = `http://127.0.0.1:${server.address().port}/?lang=en`;

const { version } = JSON.parse(
  readFileSync(new URL('../../node_modules/lighthouse/package.json', import.meta.url), 'utf8'),
);
const runs = [];
for (let i = 0; i < RUNS; i++) {
  // A fresh browser each run: no cache, no service worker from the run before.
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    chromeFlags: ['--headless=new', ...chromiumArgs],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      onlyCategories: ['performance'],
      output: 'json',
      logLevel: 'error',
    });
    const audits = result.lhr.audits;
    if (result.lhr.runtimeError) throw new Error(result.lhr.runtimeError.message);
    runs.push({
      score: Math.round((result.lhr.categories.performance.score ?? 0) * 100),
      fcp: audits['first-contentful-paint'].numericValue,
      lcp: audits['largest-contentful-paint'].numericValue,
      cls: audits['cumulative-layout-shift'].numericValue,
      tbt: audits['total-blocking-time'].numericValue,
      si: audits['speed-index'].numericValue,
      tti: audits.interactive?.numericValue,
    });
  } finally {
    await chrome.kill();
  }
}
server.close();

const median = (key) => {
  const values = runs.map((r) => r[key]).filter((v) => typeof v === 'number').sort((a, b) => a - b);
  return values.length ? values[Math.floor(values.length / 2)] : NaN;
};
const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log(`Lighthouse ${version} mobile profile, median of ${RUNS} runs (served with gzip):`);
console.log(`  performance score        ${median('score')}  (runs: ${runs.map((r) => r.score).join(', ')})`);
console.log(`  largest contentful paint ${s(median('lcp'))}  — budget 2.5 s`);
console.log(`  cumulative layout shift  ${median('cls').toFixed(3)}  — budget 0.05`);
console.log(`  first contentful paint   ${s(median('fcp'))}`);
console.log(`  speed index              ${s(median('si'))}`);
console.log(`  total blocking time      ${median('tbt').toFixed(0)} ms`);
if (!Number.isNaN(median('tti'))) console.log(`  time to interactive      ${s(median('tti'))}`);
