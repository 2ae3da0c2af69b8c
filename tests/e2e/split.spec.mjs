// The sections after the first, and the reading of a saved draft, are modules of their own
// (scripts/split.mjs), with the code they share in a third; a first visit fetches them after the
// first render. When one cannot be fetched, what needs it says so, the plan is untouched, and
// trying again once the network is back opens it.
import { test, expect, openApp, goTo } from './fixtures.mjs';

test('a later section that cannot be fetched says so, loses nothing, and opens on a second try', async ({ page, context, watch }) => {
  let blocked = 0;
  await context.route('**/split_*.wasm', (route) => {
    blocked += 1;
    return route.abort('internetdisconnected');
  });
  await openApp(page);
  const reference = page.getByRole('textbox', { name: 'Case reference' });
  await reference.fill('SN-2026-0042');
  await expect.poll(() => blocked).toBeGreaterThan(0); // the fetch right after the first render

  await goTo(page, 'Economic');
  const notice = page.getByRole('alert').filter({ hasText: 'This section could not be loaded' });
  await expect(notice).toContainText('Nothing in the plan is lost');
  const retry = page.getByRole('button', { name: 'Try again' });
  await retry.tap();
  await expect(notice).toBeVisible(); // still offline: the same notice, nothing else
  expect(blocked).toBeGreaterThan(2);

  await context.unroute('**/split_*.wasm');
  await retry.tap();
  await expect(notice).toHaveCount(0);
  await expect(page.getByRole('button', { name: /Add a goal/ }).first()).toBeVisible();
  await goTo(page, 'Review and export');
  await expect(page.getByRole('heading', { level: 1, name: 'Review and export' })).toBeVisible();
  await goTo(page, 'Case and returnee');
  await expect(reference).toHaveValue('SN-2026-0042');

  // The browser reports each failed fetch, as it should; nothing else is on the console.
  const failed = watch.problems.filter((p) => p.includes('split_') || p.includes('Failed to fetch') || p.includes('ERR_INTERNET_DISCONNECTED'));
  expect(failed.length).toBeGreaterThan(0);
  watch.problems.splice(0, watch.problems.length, ...watch.problems.filter((p) => !failed.includes(p)));
});

test('a later section opened before its code arrived says it is loading, then opens', async ({ page, context }) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await context.route('**/split_*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await openApp(page);
  await goTo(page, 'Social');
  const loading = page.getByRole('status').filter({ hasText: 'Loading this section…' });
  await expect(loading).toBeVisible();
  await expect(page.getByRole('button', { name: /Add a goal/ })).toHaveCount(0);
  release();
  await expect(page.getByRole('button', { name: /Add a goal/ }).first()).toBeVisible();
  await expect(loading).toHaveCount(0);
});

// Every split module: the split points' own and the code they share.
const SPLIT = /\/(split|chunk)_[^/]*\.wasm$/;

// When stored, what an English visit fetched before and after the app's first render.
const firstRender = (page) => page.evaluate(() => {
  const mark = performance.getEntriesByName('hw-first-render')[0]?.startTime;
  const files = performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, start: e.startTime }));
  return { before: files.filter((f) => f.start < mark).map((f) => f.path), after: files.filter((f) => f.start >= mark).map((f) => f.path) };
});

test('a saved draft is read before the first render, by code a first visit does not wait for', async ({ page }) => {
  await openApp(page);
  let files = await firstRender(page);
  expect(files.before.filter((p) => SPLIT.test(p))).toEqual([]);
  await page.getByRole('textbox', { name: 'Case reference' }).fill('SN-2026-0042');
  await expect(page.getByRole('status').filter({ hasText: /Saved on this device/ })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('textbox', { name: 'Case reference' })).toHaveValue('SN-2026-0042');
  files = await firstRender(page);
  expect(files.before.filter((p) => /\/split_saved_draft-/.test(p))).toHaveLength(1);
  expect(files.before.filter((p) => /\/chunk_/.test(p))).toHaveLength(1);
  expect(files.before.filter((p) => /\/split_later_sections-/.test(p))).toEqual([]);
});

test('a saved draft whose reading code cannot be fetched is not opened over, and opens on a second try', async ({ page, context, watch }) => {
  await openApp(page);
  // A browser without the offline copy: the service worker finds nothing and asks the network.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
  });
  const reference = page.getByRole('textbox', { name: 'Case reference' });
  await reference.fill('SN-2026-0042');
  await expect(page.getByRole('status').filter({ hasText: /Saved on this device/ })).toBeVisible();
  const saved = await page.evaluate(() => localStorage.getItem('homeward.draft.v1'));

  let blocked = 0;
  await context.route(SPLIT, (route) => {
    blocked += 1;
    return route.abort('internetdisconnected');
  });
  await page.reload();
  const notice = page.getByRole('alert').filter({ hasText: 'The plan saved on this device cannot be opened yet' });
  await expect(notice).toContainText('nothing is lost');
  expect(blocked).toBeGreaterThan(0);
  // Nothing is open that could be typed into, saved or ended.
  await expect(reference).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'End session' })).toHaveCount(0);
  const retry = page.getByRole('button', { name: 'Try again' });
  await retry.tap();
  await expect(retry).toBeEnabled();
  await expect(notice).toBeVisible(); // still offline
  expect(await page.evaluate(() => localStorage.getItem('homeward.draft.v1'))).toBe(saved);

  await context.unroute(SPLIT);
  await retry.tap();
  await expect(reference).toHaveValue('SN-2026-0042');
  await expect(notice).toHaveCount(0);
  await reference.fill('SN-2026-0043');
  await expect(page.getByRole('status').filter({ hasText: /Saved on this device/ })).toBeVisible();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('homeward.draft.v1'))).toContain('SN-2026-0043');

  const failed = watch.problems.filter((p) => SPLIT.test(p) || p.includes('Failed to fetch') || p.includes('ERR_FAILED'));
  expect(failed.length).toBeGreaterThan(0);
  watch.problems.splice(0, watch.problems.length, ...watch.problems.filter((p) => !failed.includes(p)));
});
