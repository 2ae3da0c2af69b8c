// The file for a partner follows the returnee's consent, through the interface: no consent, no
// file (the button says why and leads to the consent); without consent to share health and
// psychosocial details, the preview lists what is withheld and the saved file holds none of
// it; with that consent, everything is shared. Items are marked private with one tap.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, expect, goTo, openPlanFile } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FAMILY = readFileSync(join(here, '..', 'fixtures', 'plan-family-full.json'), 'utf8');
const PLAN = JSON.parse(FAMILY);

// Texts of the family plan that are special-category by rule: the psychosocial goal and its
// measures, the medical care measure, and the referrals that serve them.
const psychosocial = PLAN.goals.find((g) => g.dimension === 'psychosocial');
const medical = PLAN.goals.flatMap((g) => g.measures).find((m) => m.measure_type === 'medical_care');
const SENSITIVE = [
  psychosocial.title,
  ...psychosocial.measures.map((m) => m.description),
  medical.description,
  ...PLAN.referrals.map((r) => r.purpose),
];
const PRIORITY = 'Treatment for my diabetes';
const DEBT = PLAN.case.debts[0].creditor;

const SHARE = 'I agree that my plan is shared with the organisations below';
const SPECIAL = 'Health and psychosocial details may be shared too';

const openFamily = (page) => openPlanFile(page, 'family.json', FAMILY);

async function untick(page, name) {
  await goTo(page, 'Consent and signatures');
  const box = page.getByRole('checkbox', { name });
  await box.uncheck();
  await expect(box).not.toBeChecked();
}

// FIXME: times out (60 s) at a step not yet diagnosed; the rule itself is covered by the
// domain's tests. To be fixed before this is relied on.
test('without consent to share, no partner file: the button says why and leads to the consent', async ({ page }) => {
  await openFamily(page);
  await untick(page, SHARE);
  await goTo(page, 'Review and export');
  let downloads = 0;
  page.on('download', () => downloads++);
  const button = page.getByRole('button', { name: 'Save the file for the partner' });
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await expect(button).toHaveAccessibleDescription(/No file for a partner: the returnee has not agreed/);
  // Playwright counts aria-disabled as disabled and would wait; a person can still tap it.
  await button.tap({ force: true });
  await expect(page.getByRole('heading', { level: 1, name: 'Consent and signatures' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: SHARE })).toBeFocused();
  expect(downloads).toBe(0);

  // Consent given again: the preview opens instead.
  await page.getByRole('checkbox', { name: SHARE }).check();
  await goTo(page, 'Review and export');
  await page.getByRole('button', { name: 'Save the file for the partner' }).tap();
  await expect(page.getByRole('region', { name: 'The file for the partner' })).toBeVisible();
});

test('without consent to share health details, the preview lists what is withheld and the file holds none of it', async ({ page }) => {
  await openFamily(page);
  // One tap marks a priority and a debt private.
  await goTo(page, 'Needs and aspirations');
  const priority = page.getByRole('switch', { name: 'Priority 3 is private' });
  await priority.check();
  await expect(priority).toBeChecked();
  await goTo(page, 'Case and returnee');
  await page.getByRole('switch', { name: 'Debt 1 is private' }).check();
  await untick(page, SPECIAL);

  await goTo(page, 'Review and export');
  await page.getByRole('button', { name: 'Save the file for the partner' }).tap();
  const preview = page.getByRole('region', { name: 'The file for the partner' });
  await expect(preview.getByRole('heading', { name: 'The file for the partner' })).toBeFocused();
  const recipient = preview.getByRole('combobox', { name: 'Receiving organisation' });
  await expect(recipient.locator('option')).toHaveText(['Caritas Sénégal', 'Centre de santé mentale']);
  await recipient.selectOption('Centre de santé mentale');

  const reads = preview.getByRole('region', { name: 'What the partner will read' });
  const withheld = preview.getByRole('region', { name: 'What is withheld' });
  await expect(withheld).toContainText('Health support, details withheld');
  await expect(withheld).toContainText('Psychosocial support, details withheld');
  await expect(withheld).toContainText('Private, details withheld');
  for (const text of [...SENSITIVE, PRIORITY, DEBT]) {
    await expect(reads).not.toContainText(text);
  }
  // What stays readable: the economic goal.
  await expect(reads).toContainText('Earn a living from my own tailoring workshop');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    preview.getByRole('button', { name: 'Save the partner file' }).tap(),
  ]);
  await expect(preview).toBeHidden();
  expect(download.suggestedFilename()).toMatch(/-partner\.json$/);
  const text = readFileSync(await download.path(), 'utf8');
  for (const secret of [...SENSITIVE, PRIORITY, DEBT]) {
    expect(text, `the partner file must not hold "${secret}"`).not.toContain(secret);
  }
  const file = JSON.parse(text);
  expect(file.partner_file.recipient).toBe('Centre de santé mentale');
  expect(file.partner_file.special_category_shared).toBe(false);
  expect(file.partner_file.withheld.length).toBeGreaterThan(0);
  // Amounts stay, so the partner's budget adds up.
  const costs = (plan) => plan.goals.flatMap((g) => g.measures.map((m) => m.estimated_cost?.amount_minor ?? 0));
  expect(costs(file)).toEqual(costs(PLAN));
});

test('with consent to share health details, everything is shared', async ({ page }) => {
  await openFamily(page);
  await page.getByRole('button', { name: 'Save the file for the partner' }).tap();
  const preview = page.getByRole('region', { name: 'The file for the partner' });
  await expect(preview.getByRole('region', { name: 'What is withheld' })).toContainText('Nothing is withheld');
  await expect(preview.getByRole('region', { name: 'What the partner will read' })).toContainText(medical.description);

  // Sealed on the way: the passphrase is asked twice in the preview.
  await preview.getByRole('checkbox', { name: 'Protect the file with a passphrase' }).check();
  await preview.getByLabel('Passphrase', { exact: true }).fill('baobab at the crossroads');
  await preview.getByLabel('Passphrase again').fill('baobab at the crossroads');
  const [sealed] = await Promise.all([
    page.waitForEvent('download'),
    preview.getByRole('button', { name: 'Save the partner file' }).tap(),
  ]);
  expect(sealed.suggestedFilename()).toMatch(/-partner\.sealed\.json$/);
  expect(JSON.parse(readFileSync(await sealed.path(), 'utf8')).format).toBe('homeward.sealed');

  await page.getByRole('button', { name: 'Save the file for the partner' }).tap();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    preview.getByRole('button', { name: 'Save the partner file' }).tap(),
  ]);
  const text = readFileSync(await download.path(), 'utf8');
  for (const shared of SENSITIVE) expect(text).toContain(shared);
  expect(JSON.parse(text).partner_file).toMatchObject({ special_category_shared: true, withheld: [] });
});

test('items private by rule show why and stay private; any other item is marked with one tap', async ({ page }) => {
  await openFamily(page);
  await goTo(page, 'Psychosocial');
  const ruled = page.getByRole('switch', { name: 'Goal 1 is private' });
  await expect(ruled).toBeChecked();
  await expect(ruled).toBeDisabled();
  await expect(ruled).toHaveAccessibleDescription(/Private.*psychosocial/);

  await goTo(page, 'Economic');
  const goal = page.getByRole('switch', { name: 'Goal 1 is private' });
  await expect(goal).not.toBeChecked();
  await goal.check();
  await expect(goal).toBeChecked();
  await expect(goal).toHaveAccessibleDescription(/Private/);
  await goal.uncheck();
  await expect(goal).not.toBeChecked();
});
