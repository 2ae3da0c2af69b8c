// Safety of the draft on the device: the app under its own Content-Security-Policy, offline
// after one visit, a new version picked up without losing the draft, the browser's promise to
// keep the data, two tabs on one draft, "end session" against every storage the page can
// reach, imported texts shown only as text, and the embedded app when it cannot load.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, expect, openApp } from './fixtures.mjs';
import { startServer } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FAMILY = readFileSync(join(here, '..', 'fixtures', 'plan-family-full.json'), 'utf8');
const DIST = process.env.HOMEWARD_E2E_DIST ?? join(here, '..', '..', 'dist');

const nav = (page) => page.getByRole('navigation', { name: 'Sections of the plan' });
const summary = (page) => page.getByRole('region', { name: 'The plan' });
const consentDate = (page) => page.getByLabel('Date consent was given');
const storedConsentDate = (page) =>
  page.evaluate(() => JSON.parse(localStorage.getItem('homeward.draft.v1')).consent.given_on);
const saved = (page) => page.getByRole('status').filter({ hasText: /Saved on this device at/ });

async function goTo(page, name) {
  await nav(page).getByRole('button', { name, exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

async function importPlan(page, name, text, reference) {
  await goTo(page, 'Review and export');
  await page.getByLabel('Open a plan file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
  const dialog = page.getByRole('dialog', { name: 'Open this plan?' });
  await expect(dialog).toContainText(reference);
  await dialog.getByRole('button', { name: 'Open the plan' }).tap();
  await expect(page.getByText(`The plan from ${name} is now open.`)).toBeVisible();
  await expect(saved(page)).toBeVisible();
}

/** Waits until the service worker controls the page (it claims the page on first install). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** Fails the test on anything a second page of the context prints or throws. */
function watchPage(page, problems) {
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') problems.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
}

test('the page runs under a strict Content-Security-Policy with no inline script', async ({ page, watch }) => {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await openApp(page);
  const policy = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(policy).toContain("style-src 'self';");
  expect(policy).not.toContain('unsafe-inline');
  expect(await page.locator('script:not([src])').count()).toBe(0);

  // A whole journey: every step, an import, the summary.
  for (const step of ['Consent and signatures', 'Follow-up', 'Budget', 'Case and returnee']) {
    await goTo(page, step);
  }
  await importPlan(page, 'family.json', FAMILY, 'SN-2026-0147');
  await expect(summary(page)).toContainText('Mbour');
  expect(await page.evaluate(() => window.__violations)).toEqual([]);

  // The policy is really enforced: an inline script is refused.
  await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inline = "ran"';
    document.head.append(script);
  });
  expect(await page.evaluate(() => window.__inline)).toBeUndefined();
  await expect.poll(() => page.evaluate(() => window.__violations)).toEqual(['script-src-elem inline']);
  // The refusal is reported on the console, as it should be; nothing else is.
  const refused = watch.problems.filter((p) => p.includes('Content Security Policy'));
  expect(refused).toHaveLength(1);
  watch.problems.splice(0, watch.problems.length, ...watch.problems.filter((p) => !refused.includes(p)));
});

test('after one visit the app opens and works offline, and keeps an offline edit', async ({ page, context }) => {
  await openApp(page);
  await controlled(page);
  await importPlan(page, 'family.json', FAMILY, 'SN-2026-0147');

  await context.setOffline(true);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  await page.reload();
  await expect(nav(page)).toBeVisible();
  await expect(summary(page)).toContainText('SN-2026-0147');

  await goTo(page, 'Consent and signatures');
  await consentDate(page).fill('2026-11-20');
  await expect.poll(() => storedConsentDate(page)).toBe('2026-11-20');
  await page.reload();
  await expect(consentDate(page)).toHaveValue('2026-11-20');
  // Every language was kept with the app: one never chosen before opens offline too.
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('es');
  await expect(page.locator('.hw-app')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1, name: 'Consentimiento y firmas' })).toBeVisible();
  await context.setOffline(false);
});

test('a new version is announced, and reloading into it keeps the open draft', async ({ page, watch }) => {
  // A copy of the app on a server of its own, so the test can publish a "new build".
  const dir = mkdtempSync(join(tmpdir(), 'homeward-update-'));
  cpSync(DIST, dir, { recursive: true });
  const server = await startServer(dir, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  try {
    await openApp(page, `${base}/`);
    await controlled(page);
    await importPlan(page, 'family.json', FAMILY, 'SN-2026-0147');
    const before = await page.evaluate(() => caches.keys());
    expect(before).toHaveLength(1);
    await expect(page.getByText('An update of Homeward is ready')).toHaveCount(0);

    const sw = join(dir, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = '[^']*';/, "const VERSION = 'next';"));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    const notice = page.getByRole('status').filter({ hasText: 'An update of Homeward is ready' });
    await expect(notice).toBeVisible();
    // Nothing was reloaded under the person's feet.
    await expect(summary(page)).toContainText('SN-2026-0147');

    await Promise.all([page.waitForEvent('load'), notice.getByRole('button', { name: 'Reload now' }).tap()]);
    await expect(nav(page)).toBeVisible();
    await expect(summary(page)).toContainText('SN-2026-0147');
    await expect(page.getByText('An update of Homeward is ready')).toHaveCount(0);
    // The new version's cache replaced the old one.
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual(['homeward-static-next']);
  } finally {
    await page.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
  expect(watch.problems).toEqual([]);
});

for (const [granted, shown] of [
  [false, true],
  [true, false],
]) {
  test(`the browser ${granted ? 'promises' : 'does not promise'} to keep the data: the export advice is ${shown ? 'shown' : 'not shown'}`, async ({ page }) => {
    await page.addInitScript((answer) => {
      window.__persistCalls = 0;
      navigator.storage.persist = () => {
        window.__persistCalls += 1;
        return Promise.resolve(answer);
      };
    }, granted);
    await openApp(page);
    await expect.poll(() => page.evaluate(() => window.__persistCalls)).toBe(1);
    const advice = page.getByText('This browser may delete the plan saved here');
    if (shown) {
      await expect(advice).toBeVisible();
      await expect(advice).toContainText('Export the plan to keep a copy.');
    } else {
      // Give the answer time to arrive before concluding nothing is shown.
      await page.waitForTimeout(300);
      await expect(advice).toHaveCount(0);
    }
  });
}

test('a browser that cannot be asked to keep the data (as WebKitGTK): the app says so and advises exporting', async ({ page }) => {
  await page.addInitScript(() => {
    delete StorageManager.prototype.persist;
  });
  await openApp(page);
  const notice = page.getByText('This browser cannot be asked to keep the plan saved here');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Export the plan at the end of each session to keep a copy.');
  await expect(page.getByText('This browser may delete the plan saved here')).toHaveCount(0);
});

test('in a frame of another site, the app says the browser keeps its data apart and may delete it', async ({ page, baseURL }) => {
  // A partner's page on another origin that frames the app.
  const dir = mkdtempSync(join(tmpdir(), 'homeward-partner-'));
  writeFileSync(
    join(dir, 'index.html'),
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Partner</title><link rel="icon" href="data:,"></head>
     <body><iframe src="${baseURL}/?lang=en" title="Homeward" style="width:100%;height:900px"></iframe></body></html>`,
  );
  const server = await startServer(dir, 0);
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    const app = page.frameLocator('iframe');
    await expect(app.getByRole('navigation', { name: 'Sections of the plan' })).toBeVisible();
    await expect(app.getByText('This app runs inside another website')).toContainText(
      'Export the plan to keep a copy.',
    );
  } finally {
    await page.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a second tab on the same draft asks, and never overwrites the other silently', async ({ page, context }) => {
  await openApp(page);
  await importPlan(page, 'family.json', FAMILY, 'SN-2026-0147');
  await goTo(page, 'Consent and signatures');

  const problems = [];
  const second = await context.newPage();
  watchPage(second, problems);
  await second.goto('/');
  const question = second.getByRole('dialog', { name: 'This plan is open in another tab or window' });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: 'Only look' }).tap();
  await expect(question).toBeHidden();
  await expect(second.getByRole('alert').filter({ hasText: 'Read only: this plan is being changed' })).toBeVisible();
  await goTo(second, 'Consent and signatures');
  await expect(consentDate(second)).toBeDisabled();
  await expect(second.getByRole('button', { name: 'New plan' })).toBeDisabled();

  // The first tab still edits; the looking tab follows.
  await consentDate(page).fill('2026-11-20');
  await expect(consentDate(second)).toHaveValue('2026-11-20');
  const stored = () => storedConsentDate(page);
  await expect.poll(stored).toBe('2026-11-20');

  // The second tab takes over: the first becomes read-only and says so.
  await second.getByRole('button', { name: 'Use it here' }).tap();
  await expect(page.getByRole('alert').filter({ hasText: 'Read only: the plan is now being changed' })).toBeVisible();
  await expect(consentDate(page)).toBeDisabled();
  await expect(consentDate(second)).toBeEnabled();
  await consentDate(second).fill('2026-11-21');
  await expect.poll(stored).toBe('2026-11-21');
  await expect(consentDate(page)).toHaveValue('2026-11-21');

  // A third tab opened now asks too, because the second one holds the draft.
  const third = await context.newPage();
  watchPage(third, problems);
  await third.goto('/');
  const again = third.getByRole('dialog', { name: 'This plan is open in another tab or window' });
  await expect(again).toBeVisible();
  await again.getByRole('button', { name: 'Use it here' }).tap();
  await expect(second.getByRole('alert').filter({ hasText: 'Read only: the plan is now being changed' })).toBeVisible();
  await expect.poll(stored).toBe('2026-11-21');

  // End session in one tab empties every tab.
  await third.getByRole('button', { name: 'End session' }).tap();
  await third
    .getByRole('dialog', { name: 'End the session on this device?' })
    .getByRole('button', { name: 'Remove everything' })
    .tap();
  for (const tab of [page, second, third]) {
    await expect(tab.getByText('Session ended: nothing of the plan is left on this device.')).toBeVisible();
  }
  await page.waitForTimeout(600); // past the autosave delay: no tab may write the plan again
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  expect(problems).toEqual([]);
});

test('end session leaves no trace of the plan in any storage the page can reach', async ({ page }) => {
  await openApp(page);
  await controlled(page);
  await importPlan(page, 'family.json', FAMILY, 'SN-2026-0147');
  // What an older version or a crash could have left: a session key, a database, a cache.
  await page.evaluate(async (plan) => {
    sessionStorage.setItem('homeward.scratch', plan);
    await new Promise((done, fail) => {
      const open = indexedDB.open('homeward-drafts', 1);
      open.onupgradeneeded = () => open.result.createObjectStore('plans');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const tx = open.result.transaction('plans', 'readwrite');
        tx.objectStore('plans').put(plan, 'draft');
        tx.oncomplete = () => {
          open.result.close();
          done();
        };
      };
    });
    const cache = await caches.open('homeward-drafts');
    await cache.put('/draft.json', new Response(plan));
  }, FAMILY);

  await page.getByRole('button', { name: 'End session' }).tap();
  await page
    .getByRole('dialog', { name: 'End the session on this device?' })
    .getByRole('button', { name: 'Remove everything' })
    .tap();
  await expect(page.getByText('Session ended: nothing of the plan is left on this device.')).toBeVisible();

  const everything = () =>
    page.evaluate(async () => {
      const cached = [];
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          const body = await (await cache.match(request)).text();
          cached.push({ name, path: new URL(request.url).pathname, holdsPlan: body.includes('SN-2026-0147') });
        }
      }
      return {
        local: Object.keys(localStorage),
        session: Object.keys(sessionStorage),
        databases: (await indexedDB.databases()).map((d) => d.name),
        cookies: document.cookie,
        cached,
      };
    });
  await expect.poll(async () => (await everything()).databases).toEqual([]);
  const left = await everything();
  expect(left.local).toEqual([]);
  expect(left.session).toEqual([]);
  expect(left.cookies).toBe('');
  // Only the app's own files stay, in its static cache, and none holds the plan.
  expect(left.cached.length).toBeGreaterThan(0);
  for (const entry of left.cached) {
    expect(entry.name).toMatch(/^homeward-static-/);
    expect(entry.holdsPlan).toBe(false);
    expect(entry.path).toMatch(/^\/(index\.html|[\w-]+\.(js|css|wasm|svg|html|json))?$/);
  }
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing saved yet' })).toBeVisible();
  await goTo(page, 'Review and export');
  await expect(summary(page)).not.toContainText('SN-2026-0147');
});

test('texts of an imported plan that hold HTML or script are shown as text and run nothing', async ({ page, watch }) => {
  const img = '<img src=x onerror="window.__ran=1;alert(1)">';
  const script = '<script>window.__ran=2;alert(2)</script>';
  const plan = JSON.parse(FAMILY);
  plan.case.case_reference = `SN-${img}`;
  plan.needs.aspirations = `To live safely ${script}`;
  plan.goals[0].title = `${img}${script}`;
  const dialogs = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await openApp(page);
  const before = watch.requests.length;
  await importPlan(page, 'crafted.json', JSON.stringify(plan, null, 2), `SN-${img}`);
  await expect(summary(page)).toContainText(`SN-${img}`);
  await expect(summary(page)).toContainText(`To live safely ${script}`);
  await expect(summary(page)).toContainText(`${img}${script}`);
  // Let any handler that could have been planted fire.
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__ran)).toBeUndefined();
  expect(await page.locator('.hw-app img, .hw-app script').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(watch.requests.slice(before)).toEqual([]);
});

test('the embedded app says so in plain words when its files cannot be loaded', async ({ page, watch }) => {
  await page.route('**/sub/homeward/index.html', (route) => route.abort('internetdisconnected'));
  await page.goto('/examples/host.html');
  const host = page.locator('[data-homeward]');
  await expect(host.getByRole('alert')).toHaveText(
    'The reintegration plan app could not be loaded. Check the network connection and reload the page.',
  );
  // The failed request is reported by the browser itself; nothing else went wrong.
  const failed = watch.problems.filter((p) => p.includes('ERR_INTERNET_DISCONNECTED'));
  watch.problems.splice(0, watch.problems.length, ...watch.problems.filter((p) => !failed.includes(p)));
  expect(watch.problems).toEqual([]);
});
