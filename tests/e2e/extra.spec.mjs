// Smaller promises kept: the printed plan drops the navigation and controls; a programme
// configuration the app refuses is named on screen, field included, and the app goes on.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, expect, openApp, goTo, openPlanFile } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FAMILY = readFileSync(join(here, '..', 'fixtures', 'plan-family-full.json'), 'utf8');

test('printing shows the plan without navigation or buttons', async ({ page }) => {
  await openPlanFile(page, 'family.json', FAMILY);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Sections of the plan' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Save the plan as a file' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'End session' })).toBeHidden();
  const summary = page.getByRole('region', { name: 'The plan' });
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Open my own tailoring workshop in Mbour');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByRole('navigation', { name: 'Sections of the plan' })).toBeVisible();
});

test('a programme configuration with an error is refused and its field named', async ({ page }) => {
  // A configuration whose currency is not an ISO 4217 code.
  const broken = JSON.parse(
    readFileSync(join(here, '..', '..', 'crates', 'plan', 'src', 'programme', 'presets', 'eurp_voluntary.json'), 'utf8'),
  );
  broken.currency = 'euros';
  await page.route('**/ngo-programme.json', (route) => route.fulfill({ json: broken }));
  await page.goto('/?programme=ngo-programme.json');
  const notice = page.getByRole('alert').filter({ hasText: 'ngo-programme.json' });
  await expect(notice).toContainText('was refused because of the field /currency');
  // The app goes on with the default programme.
  await goTo(page, 'Budget');
  await expect(page.getByRole('heading', { level: 1, name: 'Budget' })).toBeVisible();
});

test('a plan file dropped on the drop zone opens after confirmation', async ({ page }) => {
  await openApp(page);
  await goTo(page, 'Review and export');
  const zone = page.locator('.hw-drop');
  const transfer = await page.evaluateHandle((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'dropped.json', { type: 'application/json' }));
    return data;
  }, FAMILY);
  await zone.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(zone).toHaveClass(/hw-dragging/);
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
  const dialog = page.getByRole('dialog', { name: 'Open this plan?' });
  await expect(dialog).toContainText('dropped.json');
  await dialog.getByRole('button', { name: 'Open the plan' }).tap();
  await expect(page.getByText('The plan from dropped.json is now open.')).toBeVisible();
  await expect(page.getByRole('region', { name: 'The plan' })).toContainText('SN-2026-0147');
});
