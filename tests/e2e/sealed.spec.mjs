// Sealed files: a plan saved with a passphrase (WebCrypto, AES-256-GCM, PBKDF2-SHA-256), then
// opened in a fresh browser (no draft, no storage shared) with the wrong and the right
// passphrase. The passphrase is typed twice when sealing and never kept.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, expect, openApp, goTo, freshPage } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FAMILY = readFileSync(join(here, '..', 'fixtures', 'plan-family-full.json'), 'utf8');
const PASSPHRASE = 'mango tree by the river';

const summary = (page) => page.getByRole('region', { name: 'The plan' });

async function openFile(page, name, text) {
  await page.getByLabel('Open a plan file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

async function openFamily(page) {
  await openApp(page);
  await goTo(page, 'Review and export');
  await openFile(page, 'family.json', FAMILY);
  await page.getByRole('dialog').getByRole('button', { name: 'Open the plan' }).tap();
  await expect(page.getByText('The plan from family.json is now open.')).toBeVisible();
}

/** Saves the open plan sealed; returns the saved file's name and text. */
async function saveSealed(page, passphrase, again = passphrase) {
  await page.getByRole('button', { name: 'Save the plan with a passphrase' }).tap();
  const dialog = page.getByRole('dialog', { name: 'Protect the file with a passphrase' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await dialog.getByLabel('Passphrase again').fill(again);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    dialog.getByRole('button', { name: 'Save protected' }).tap(),
  ]);
  await expect(dialog).toBeHidden();
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test('a sealed plan opens in a fresh browser with the right passphrase, not with a wrong one', async ({ page, browser, baseURL }) => {
  await openFamily(page);
  const sealed = await saveSealed(page, PASSPHRASE);
  expect(sealed.name).toMatch(/^homeward-plan-SN-2026-0147-\d{4}-\d\d-\d\d\.sealed\.json$/);
  const envelope = JSON.parse(sealed.text);
  expect(envelope.format).toBe('homeward.sealed');
  expect(envelope.version).toBe(1);
  expect(envelope.kdf).toMatchObject({ name: 'PBKDF2', hash: 'SHA-256', iterations: 600000 });
  expect(envelope.cipher).toMatchObject({ name: 'AES-GCM', key_bits: 256, tag_bits: 128 });
  expect(Buffer.from(envelope.kdf.salt, 'base64')).toHaveLength(16);
  expect(Buffer.from(envelope.cipher.nonce, 'base64')).toHaveLength(12);
  // Nothing of the plan is readable in the sealed file.
  for (const text of ['SN-2026-0147', 'Diabetes', 'Mbour', 'homeward.plan']) {
    expect(sealed.text).not.toContain(text);
  }
  await expect(page.getByText(`Saved as ${sealed.name}`)).toBeVisible();

  // Another browser, as a partner would have: no draft there.
  const fresh = await freshPage(browser, baseURL);
  try {
    const other = fresh.page;
    await openApp(other);
    await goTo(other, 'Review and export');
    await openFile(other, sealed.name, sealed.text);
    const ask = other.getByRole('dialog', { name: 'This file is protected' });
    await expect(ask).toBeVisible();
    await expect(ask).toContainText(sealed.name);

    // A wrong passphrase is said plainly; the open plan stays as it was.
    await ask.getByLabel('Passphrase', { exact: true }).fill('mango tree by the sea');
    await ask.getByRole('button', { name: 'Open the file' }).tap();
    await expect(ask.getByRole('alert')).toContainText('This passphrase does not open the file');
    await expect(ask.getByLabel('Passphrase', { exact: true })).toHaveValue('');
    await ask.getByRole('button', { name: 'Cancel' }).tap();
    await expect(ask).toBeHidden();
    await expect(summary(other)).not.toContainText('SN-2026-0147');

    // The right one: then the usual confirmation, and the plan is the one that was sealed.
    await openFile(other, sealed.name, sealed.text);
    await expect(ask).toBeVisible();
    await ask.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await ask.getByRole('button', { name: 'Open the file' }).tap();
    const confirm = other.getByRole('dialog', { name: 'Open this plan?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Open the plan' }).tap();
    await expect(other.getByText(`The plan from ${sealed.name} is now open.`)).toBeVisible();
    await expect(summary(other)).toContainText('SN-2026-0147');
    await expect(summary(other)).toContainText('Diabetes care');

    // What was opened is byte for byte what was sealed.
    const [download] = await Promise.all([
      other.waitForEvent('download'),
      other.getByRole('button', { name: 'Save the plan as a file' }).tap(),
    ]);
    expect(readFileSync(await download.path(), 'utf8')).toBe(FAMILY);
    // The passphrase was never written to the device.
    const stored = await other.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain(PASSPHRASE);
    expect(fresh.problems).toEqual([]);
  } finally {
    await fresh.context.close();
  }
});

test('sealing asks for the passphrase twice and refuses a short or mismatched one', async ({ page }) => {
  await openFamily(page);
  await page.getByRole('button', { name: 'Save the plan with a passphrase' }).tap();
  const dialog = page.getByRole('dialog', { name: 'Protect the file with a passphrase' });
  let downloads = 0;
  page.on('download', () => downloads++);

  await dialog.getByLabel('Passphrase', { exact: true }).fill('short');
  await dialog.getByLabel('Passphrase again').fill('short');
  await dialog.getByRole('button', { name: 'Save protected' }).tap();
  await expect(dialog.getByRole('alert')).toContainText('The passphrase is too short.');

  await dialog.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await dialog.getByLabel('Passphrase again').fill(`${PASSPHRASE}!`);
  await dialog.getByRole('button', { name: 'Save protected' }).tap();
  await expect(dialog.getByRole('alert')).toContainText('The two passphrases are not the same.');
  // Both fields are emptied after every try: the passphrase does not linger on the page.
  await expect(dialog.getByLabel('Passphrase', { exact: true })).toHaveValue('');
  await expect(dialog.getByLabel('Passphrase again')).toHaveValue('');

  await dialog.getByRole('button', { name: 'Cancel' }).tap();
  await expect(dialog).toBeHidden();
  expect(downloads).toBe(0);
  await expect(summary(page)).toContainText('SN-2026-0147');
});

test('a sealed file that was changed is refused and the open plan stays', async ({ page }) => {
  await openFamily(page);
  const sealed = await saveSealed(page, PASSPHRASE);
  const envelope = JSON.parse(sealed.text);
  const data = Buffer.from(envelope.data, 'base64');
  data[10] ^= 0x01;
  envelope.data = data.toString('base64');
  await openFile(page, 'changed.sealed.json', JSON.stringify(envelope));
  const ask = page.getByRole('dialog', { name: 'This file is protected' });
  await ask.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await ask.getByRole('button', { name: 'Open the file' }).tap();
  await expect(ask.getByRole('alert')).toContainText('or the file was changed');
  await ask.getByRole('button', { name: 'Cancel' }).tap();
  await expect(summary(page)).toContainText('SN-2026-0147');
});

test('a sealed plan that comes back changed is reviewed change by change before anything changes', async ({ page, browser, baseURL }) => {
  await openFamily(page);
  const sent = await saveSealed(page, PASSPHRASE);
  const outcome = 'Reached by phone on 1 December; the children are at school.';

  // The partner opens it in a browser of their own, records a contact and seals it again.
  const fresh = await freshPage(browser, baseURL);
  let returned;
  try {
    const other = fresh.page;
    await openApp(other);
    await goTo(other, 'Review and export');
    await openFile(other, sent.name, sent.text);
    const ask = other.getByRole('dialog', { name: 'This file is protected' });
    await ask.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
    await ask.getByRole('button', { name: 'Open the file' }).tap();
    await other.getByRole('dialog', { name: 'Open this plan?' }).getByRole('button', { name: 'Open the plan' }).tap();
    await expect(other.getByText(`The plan from ${sent.name} is now open.`)).toBeVisible();
    await goTo(other, 'Follow-up');
    const contact = other.getByRole('group', { name: 'Contact 2' });
    await contact.getByLabel('Date it took place').fill('2026-12-01');
    await contact.getByRole('textbox', { name: 'What came out of it' }).fill(outcome);
    await goTo(other, 'Review and export');
    returned = await saveSealed(other, PASSPHRASE);
    expect(fresh.problems).toEqual([]);
  } finally {
    await fresh.context.close();
  }

  // Back with the counsellor: the passphrase, then what the file would change, nothing yet.
  await openFile(page, returned.name, returned.text);
  const ask = page.getByRole('dialog', { name: 'This file is protected' });
  await ask.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await ask.getByRole('button', { name: 'Open the file' }).tap();
  const review = page.getByRole('dialog', { name: /would change$/ });
  await expect(review).toBeVisible();
  const changes = review.getByRole('listitem');
  await expect(changes).toHaveCount(2);
  await expect(changes.nth(0)).toContainText('Follow-up contact 2 — Day it took place');
  await expect(changes.nth(1)).toContainText(outcome);
  await review.getByRole('button', { name: 'Take the chosen changes' }).tap();
  await expect(review).toBeHidden();
  await goTo(page, 'Follow-up');
  await expect(page.getByRole('group', { name: 'Contact 2' }).getByRole('textbox', { name: 'What came out of it' })).toHaveValue(outcome);
});
