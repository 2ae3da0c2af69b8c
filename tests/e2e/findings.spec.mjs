// Findings name what they are about ("Measure 1 of goal 1: Vocational training", never "this
// measure"), and "Go to" lands on the field to fix and focuses it: from the Review list and the
// Budget list alike, standalone and embedded (where every lookup goes through the shadow root).
import { test, expect, goTo } from './fixtures.mjs';

const MODES = [
  ['standalone', '/', (page) => page.locator('body')],
  ['embedded', '/examples/host.html', (page) => page.locator('[data-homeward]')],
];

for (const [mode, path, root] of MODES) {
  test(`${mode}: a finding names its measure by type and goal, and "Go to" focuses its field`, async ({ page }) => {
    await page.goto(path);
    const app = root(page);
    await expect(app.getByRole('navigation', { name: 'Sections of the plan' })).toBeVisible();
    await goTo(page, 'Economic');
    await app.getByRole('button', { name: 'Add a goal' }).tap();
    await app.getByRole('button', { name: 'Add a measure to goal 1' }).tap();
    await app.getByRole('button', { name: 'Add a measure to goal 1' }).tap();
    const second = app.locator('.hw-measure').nth(1);
    await second.getByLabel('Type of support').selectOption('vocational_training');
    await app.locator('.hw-measure').nth(0).getByRole('checkbox', { name: 'The returnee agrees to this measure' }).check();

    await goTo(page, 'Review and export');
    const missing = app.locator('.hw-finding-list li').filter({ hasText: 'Measure 2 of goal 1: Vocational training' });
    await expect(missing).toHaveCount(1);
    await missing.getByRole('button', { name: 'Go to Economic' }).tap();
    await expect(app.getByRole('heading', { level: 1, name: 'Economic' })).toBeVisible();
    await expect(second.getByRole('checkbox', { name: 'The returnee agrees to this measure' })).toBeFocused();
  });
}
