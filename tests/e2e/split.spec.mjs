// The sections after the first are a module of their own (scripts/split.mjs), fetched after the
// first render. When it cannot be fetched, a later section says so, the plan is untouched, and
// trying again once the network is back opens the section.
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
