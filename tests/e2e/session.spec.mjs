// The draft's life: open a plan file, see it saved on the device, reload and find it, export
// it byte for byte, refuse bad files without touching the open plan, survive storage failure,
// and leave nothing behind at "end session".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, expect, openApp } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name) => readFileSync(join(here, '..', 'fixtures', name), 'utf8');
const FAMILY = fixture('plan-family-full.json');

async function goToReview(page) {
  await page
    .getByRole('navigation', { name: 'Sections of the plan' })
    .getByRole('button', { name: 'Review and export' })
    .tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Review and export' })).toBeVisible();
}

async function openFile(page, name, text) {
  await page.getByLabel('Open a plan file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

async function importFamily(page) {
  await goToReview(page);
  await openFile(page, 'family.json', FAMILY);
  const dialog = page.getByRole('dialog', { name: 'Open this plan?' });
  await expect(dialog).toContainText('SN-2026-0147');
  await dialog.getByRole('button', { name: 'Open the plan' }).tap();
  await expect(page.getByText('The plan from family.json is now open.')).toBeVisible();
}

const summary = (page) => page.getByRole('region', { name: 'The plan' });

test('an opened plan is saved on the device and comes back after a reload, on the same step', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('status').filter({ hasText: 'Nothing saved yet' })).toBeVisible();
  await importFamily(page);
  await expect(summary(page)).toContainText('SN-2026-0147');
  await expect(page.getByRole('status').filter({ hasText: /Saved on this device at \d\d:\d\d/ })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Review and export' })).toBeVisible();
  await expect(summary(page)).toContainText('SN-2026-0147');
  await expect(summary(page)).toContainText('Mbour');
});

test('export gives the same bytes that were opened, and the partner file is apart', async ({ page }) => {
  await openApp(page);
  await importFamily(page);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save the plan as a file' }).tap(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^homeward-plan-SN-2026-0147-\d{4}-\d\d-\d\d\.json$/);
  const exported = readFileSync(await download.path(), 'utf8');
  expect(exported).toBe(FAMILY);
  await expect(page.getByText(/Saved as homeward-plan-/)).toBeVisible();

  // The partner's file is saved from its preview.
  await page.getByRole('button', { name: 'Save the file for the partner' }).tap();
  const [partner] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save the partner file' }).tap(),
  ]);
  expect(partner.suggestedFilename()).toMatch(/-partner\.json$/);
  const partnerJson = JSON.parse(readFileSync(await partner.path(), 'utf8'));
  expect(partnerJson.format).toBe('homeward.plan');
});

for (const [what, name, text, message] of [
  ['a malformed file', 'broken.json', '{ "format": "homeward.plan", "version": 1, ', /fault at line 1, column \d+/],
  ['a file of another format', 'other.json', JSON.stringify({ format: 'something.else', version: 1 }), 'This file is not a Homeward plan.'],
  ['a file of a newer version', 'newer.json', JSON.stringify({ format: 'homeward.plan', version: 99 }), 'saved by a newer version of Homeward'],
]) {
  test(`${what} is refused with a message and the open plan stays as it was`, async ({ page }) => {
    await openApp(page);
    await importFamily(page);
    await openFile(page, name, text);
    const alert = page.getByRole('alert').filter({ hasText: `${name} was not opened.` });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(message);
    await expect(alert).toContainText('The plan on screen has not changed.');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(summary(page)).toContainText('SN-2026-0147');
  });
}

test('cancelling the confirmation keeps the open plan', async ({ page }) => {
  await openApp(page);
  await goToReview(page);
  await openFile(page, 'family.json', FAMILY);
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).tap();
  await expect(summary(page)).not.toContainText('SN-2026-0147');
});

test('when storage fails, the person is told and can still export', async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openApp(page);
  await importFamily(page);
  await expect(
    page.getByRole('status').filter({ hasText: 'Not saved: the storage of this browser is full. Export the plan to keep it.' }),
  ).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Save the plan as a file' }).tap(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toBe(FAMILY);
});

test('end session removes everything from the device after a confirmation', async ({ page }) => {
  await openApp(page);
  await importFamily(page);
  await expect(page.getByRole('status').filter({ hasText: /Saved on this device/ })).toBeVisible();
  expect(await page.evaluate(() => Object.keys(localStorage).length)).toBeGreaterThan(0);

  await page.getByRole('button', { name: 'End session' }).tap();
  const dialog = page.getByRole('dialog', { name: 'End the session on this device?' });
  await dialog.getByRole('button', { name: 'Remove everything' }).tap();
  await expect(page.getByRole('status').filter({ hasText: 'Session ended' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Case and returnee' })).toBeVisible();
  await page.waitForTimeout(600); // past the autosave delay: nothing may be written again
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toEqual([]);

  await page.reload();
  await goToReview(page);
  await expect(summary(page)).not.toContainText('SN-2026-0147');
});

test('a new plan replaces the open one after a confirmation', async ({ page }) => {
  await openApp(page);
  await importFamily(page);
  await page.getByRole('button', { name: 'New plan' }).tap();
  await page.getByRole('dialog').getByRole('button', { name: 'Start a new plan' }).tap();
  await goToReview(page);
  await expect(summary(page)).not.toContainText('SN-2026-0147');
});
