// What a host page sets up stays set up: its own programme configuration remains on offer after
// another programme was tried and the Budget section left; a second snippet on one page says
// plainly that one app per page is supported.
import { readFileSync } from 'node:fs';
import { test, expect, goTo, openApp } from './fixtures.mjs';

test('the host\'s own programme stays on offer after a preset was tried and the section left', async ({ page }) => {
  const preset = JSON.parse(
    readFileSync(new URL('../../crates/plan/src/programme/presets/eurp_voluntary.json', import.meta.url), 'utf8'),
  );
  const config = { ...preset, id: 'ngo_dakar', name: { en: 'Partner NGO Dakar programme' } };
  await page.route((url) => url.pathname === '/ngo.json', (route) => route.fulfill({ json: config }));
  await openApp(page, '/?programme=/ngo.json');
  await goTo(page, 'Budget');
  const picker = page.getByRole('combobox', { name: 'Programme', exact: true });
  await expect(picker).toHaveValue('ngo_dakar');
  await picker.selectOption('de_starthilfeplus');
  await expect(picker).toHaveValue('de_starthilfeplus');

  await goTo(page, 'Case and returnee');
  await goTo(page, 'Budget');
  await expect(picker.locator('option[value="ngo_dakar"]')).toHaveText('Partner NGO Dakar programme');
  await picker.selectOption('ngo_dakar');
  await expect(picker).toHaveValue('ngo_dakar');
});

test('a second snippet on the page says that one app per page is supported', async ({ page }) => {
  await page.goto('/examples/host-two.html');
  const first = page.locator('[data-homeward]').first();
  await expect(first.getByRole('navigation', { name: 'Sections of the plan' })).toBeVisible();
  const second = page.locator('#second-app');
  await expect(second.getByRole('alert')).toHaveText(/Une seule application de plan de réintégration/);
  await expect(second.getByRole('alert')).toHaveAttribute('lang', 'fr');
  // The first app is whole and works.
  await first.getByRole('button', { name: 'Add a household member' }).tap();
  await expect(first.getByRole('group', { name: 'Household member 1', exact: true })).toBeVisible();
});
