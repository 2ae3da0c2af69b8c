// The partner's round trip (issue 12): the counsellor sends the partner's file, the partner (in
// a browser of their own) records a follow-up contact and a payment and sends the plan back, and
// opening it shows what it would change before anything does. The counsellor takes the changes,
// or declines some, or chooses where both sides changed the same thing; cancelling changes
// nothing, and a file with nothing new says so.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, expect, openApp, goTo, freshPage } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FAMILY = readFileSync(join(here, '..', 'fixtures', 'plan-family-full.json'), 'utf8');
const PLAN = JSON.parse(FAMILY);

const CARITAS = 'Caritas Sénégal';
const SPECIAL = 'Health and psychosocial details may be shared too';
const PARTNER_OUTCOME = 'Workshop open three days a week; two regular customers.';
const COUNSELLOR_OUTCOME = 'Called on 20 December: the workshop opens in January.';
// Texts of the family plan a partner file withholds without consent to share health details.
const psychosocial = PLAN.goals.find((g) => g.dimension === 'psychosocial');
const SENSITIVE = [psychosocial.title, ...psychosocial.measures.map((m) => m.description)];

async function openFile(page, name, text) {
  await goTo(page, 'Review and export');
  await page.getByLabel('Open a plan file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

/** Opens a plan file that is not the open plan: the replacement is confirmed. */
async function openPlan(page, name, text) {
  await openFile(page, name, text);
  await page.getByRole('dialog', { name: 'Open this plan?' }).getByRole('button', { name: 'Open the plan' }).tap();
  await expect(page.getByText(`The plan from ${name} is now open.`)).toBeVisible();
}

/** Taps `button` and gives the name and text of the file it saves. */
async function saved(page, button) {
  const [download] = await Promise.all([page.waitForEvent('download'), button.tap()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

async function savePartnerFile(page) {
  await goTo(page, 'Review and export');
  await page.getByRole('button', { name: 'Save the file for the partner' }).tap();
  const preview = page.getByRole('region', { name: 'The file for the partner' });
  await preview.getByRole('combobox', { name: 'Receiving organisation' }).selectOption(CARITAS);
  const file = await saved(page, preview.getByRole('button', { name: 'Save the partner file' }));
  await expect(preview).toBeHidden();
  return file;
}

async function savePlan(page) {
  await goTo(page, 'Review and export');
  return saved(page, page.getByRole('button', { name: 'Save the plan as a file' }));
}

/** The draft as this device keeps it (the exported JSON), once autosave wrote `check`. */
async function draftOnDevice(page, check = () => true) {
  let draft;
  await expect
    .poll(async () => {
      draft = JSON.parse(await page.evaluate(() => localStorage.getItem('homeward.draft.v1')));
      return draft !== null && check(draft);
    })
    .toBe(true);
  return draft;
}

/** The partner opens the file, records contact 2 and pays payment 2, and saves the plan. */
async function partnerRecords(browser, baseURL, partnerFile, outcome) {
  const partner = await freshPage(browser, baseURL);
  const { page } = partner;
  await openApp(page);
  await openPlan(page, partnerFile.name, partnerFile.text);
  await goTo(page, 'Follow-up');
  const contact = page.getByRole('group', { name: 'Contact 2' });
  await contact.getByLabel('Date it took place').fill('2027-01-05');
  await contact.getByRole('textbox', { name: 'What came out of it' }).fill(outcome);
  await goTo(page, 'Budget');
  const payment = page.locator('.hw-tranche').filter({ has: page.getByRole('heading', { name: /^Payment 2:/ }) });
  await payment.getByRole('checkbox', { name: 'Paid or bought' }).check();
  await payment.getByLabel('Day it was paid').fill('2026-12-01');
  const file = await savePlan(page);
  await partner.context.close();
  expect(partner.problems, 'the partner browser ran cleanly').toEqual([]);
  return file;
}

const review = (page) => page.getByRole('dialog', { name: /would change$/ });

test('the partner records a contact and a payment; the counsellor sees exactly that and takes it', async ({ page, browser, baseURL }) => {
  await openApp(page);
  await openPlan(page, 'family.json', FAMILY);
  // Without consent to share health details, the partner's file withholds texts.
  await goTo(page, 'Consent and signatures');
  await page.getByRole('checkbox', { name: SPECIAL }).uncheck();
  const partnerFile = await savePartnerFile(page);
  for (const secret of SENSITIVE) expect(partnerFile.text).not.toContain(secret);
  const before = await draftOnDevice(page, (d) => d.consent.share_special_category === false);

  const returned = await partnerRecords(browser, baseURL, partnerFile, PARTNER_OUTCOME);
  const theirs = JSON.parse(returned.text);
  expect(theirs.id).toBe(PLAN.id);
  expect(theirs.partner_file.withheld.length).toBeGreaterThan(0);

  // Before anything changes: the review lists the four edits, by section, in words.
  await openFile(page, returned.name, returned.text);
  const dialog = review(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading', { level: 2 })).toHaveText(`What ${returned.name} would change`);
  await expect(dialog.getByRole('heading', { level: 3 })).toHaveText(['Budget', 'Follow-up']);
  const changes = dialog.getByRole('listitem');
  await expect(changes).toHaveCount(4);
  await expect(changes.nth(0)).toContainText('Payment 2 — Paid');
  await expect(changes.nth(0)).toContainText(/Now in the plan\s*No\s*In the file\s*Yes/);
  await expect(changes.nth(1)).toContainText('Payment 2 — Day it was paid');
  await expect(changes.nth(1)).toContainText('1 December 2026');
  await expect(changes.nth(2)).toContainText('Follow-up contact 2 — Day it took place');
  await expect(changes.nth(2)).toContainText('5 January 2027');
  await expect(changes.nth(3)).toContainText('Follow-up contact 2 — Outcome');
  await expect(changes.nth(3)).toContainText(PARTNER_OUTCOME);
  // Nothing about what the partner's file withheld, and nothing about bookkeeping.
  await expect(dialog).not.toContainText('withheld');
  await expect(dialog).not.toContainText('Last changed');
  const takes = dialog.getByRole('checkbox', { name: /^Take this change/ });
  await expect(takes).toHaveCount(4);
  for (const box of await takes.all()) await expect(box).toBeChecked();
  await expect(dialog.getByRole('radio')).toHaveCount(0);
  // Every control a finger can hit.
  for (const control of [...(await dialog.getByRole('button').all()), ...(await dialog.locator('.hw-incoming-take').all())]) {
    expect((await control.boundingBox()).height).toBeGreaterThanOrEqual(44);
  }
  await expect(page.locator('.hw-app')).toHaveAttribute('dir', 'ltr');

  await dialog.getByRole('button', { name: 'Take the chosen changes' }).tap();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`4 changes taken from ${returned.name}.`)).toBeVisible();

  // The plan shows the new outcome and the paid payment.
  await goTo(page, 'Follow-up');
  await expect(page.getByRole('group', { name: 'Contact 2' }).getByRole('textbox', { name: 'What came out of it' })).toHaveValue(PARTNER_OUTCOME);
  await goTo(page, 'Budget');
  const payment = page.locator('.hw-tranche').filter({ has: page.getByRole('heading', { name: /^Payment 2:/ }) });
  await expect(payment.getByRole('checkbox', { name: 'Paid or bought' })).toBeChecked();

  // The partner's file that was sent holds nothing new now (against the copy sent with it).
  await openFile(page, partnerFile.name, partnerFile.text);
  await expect(page.getByText(`This file holds nothing new for the open plan: ${partnerFile.name}. Nothing was changed.`)).toBeVisible();
  await expect(review(page)).toHaveCount(0);

  // Nothing else changed: the exported plan is the one before with those fields.
  const after = JSON.parse((await savePlan(page)).text);
  const expected = structuredClone(before);
  expected.follow_ups[1].done_on = '2027-01-05';
  expected.follow_ups[1].outcome = PARTNER_OUTCOME;
  expected.budget.tranches[1].paid = true;
  expected.budget.tranches[1].paid_on = '2026-12-01';
  for (const doc of [after, expected]) delete doc.updated_at;
  expect(after).toEqual(expected);

  // Opened again, the partner's plan holds nothing new either.
  await openFile(page, returned.name, returned.text);
  await expect(page.getByText(`This file holds nothing new for the open plan: ${returned.name}. Nothing was changed.`)).toBeVisible();
  await expect(review(page)).toHaveCount(0);
});

test('both sides changed an outcome: the counsellor chooses; cancel and Escape change nothing', async ({ page, browser, baseURL }) => {
  await openApp(page);
  await openPlan(page, 'family.json', FAMILY);
  const partnerFile = await savePartnerFile(page);

  // After sending, the counsellor writes the same contact's outcome.
  await goTo(page, 'Follow-up');
  await page.getByRole('group', { name: 'Contact 2' }).getByRole('textbox', { name: 'What came out of it' }).fill(COUNSELLOR_OUTCOME);
  const before = await draftOnDevice(page, (d) => d.follow_ups[1].outcome === COUNSELLOR_OUTCOME);

  const returned = await partnerRecords(browser, baseURL, partnerFile, PARTNER_OUTCOME);
  await openFile(page, returned.name, returned.text);
  const dialog = review(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(4);
  const choice = dialog.getByRole('group', { name: /Choose one/ });
  await expect(choice).toHaveCount(1);
  const keep = choice.getByRole('radio', { name: `Keep yours: ${COUNSELLOR_OUTCOME}` });
  const take = choice.getByRole('radio', { name: `Take the file's: ${PARTNER_OUTCOME}` });
  await expect(keep).not.toBeChecked();
  await expect(take).not.toBeChecked();
  const apply = dialog.getByRole('button', { name: 'Take the chosen changes' });
  await expect(apply).toHaveAttribute('aria-disabled', 'true');
  await expect(apply).toHaveAccessibleDescription('1 change was made both here and in the file: choose which value to keep first.');
  // Tapping it anyway takes nothing and leads to the choice.
  await apply.tap({ force: true });
  await expect(dialog).toBeVisible();
  await expect(keep).toBeFocused();

  // Escape, then Cancel: nothing changes.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await openFile(page, returned.name, returned.text);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).tap();
  await expect(dialog).toBeHidden();
  expect(await draftOnDevice(page)).toEqual(before);

  // Chosen: the counsellor's text stays, the other changes are taken.
  await openFile(page, returned.name, returned.text);
  await keep.check();
  await expect(apply).not.toHaveAttribute('aria-disabled', 'true');
  await expect(apply).toHaveAccessibleDescription('3 changes will be taken.');
  await apply.tap();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`3 changes taken from ${returned.name}.`)).toBeVisible();
  const after = await draftOnDevice(page, (d) => d.budget.tranches[1].paid === true);
  expect(after.follow_ups[1].outcome).toBe(COUNSELLOR_OUTCOME);
  expect(after.follow_ups[1].done_on).toBe('2027-01-05');
  expect(after.budget.tranches[1].paid_on).toBe('2026-12-01');
  await goTo(page, 'Follow-up');
  await expect(page.getByRole('group', { name: 'Contact 2' }).getByRole('textbox', { name: 'What came out of it' })).toHaveValue(COUNSELLOR_OUTCOME);
});

test('in Arabic the review reads right to left, and an unticked change is not taken', async ({ page, browser, baseURL }) => {
  await openApp(page);
  await openPlan(page, 'family.json', FAMILY);
  const partnerFile = await savePartnerFile(page);
  const returned = await partnerRecords(browser, baseURL, partnerFile, PARTNER_OUTCOME);

  await goTo(page, 'Review and export');
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
  await expect(page.locator('.hw-app')).toHaveAttribute('dir', 'rtl');
  await page.getByLabel('افتح ملف خطة').setInputFiles({
    name: returned.name,
    mimeType: 'application/json',
    buffer: Buffer.from(returned.text),
  });
  const dialog = page.getByRole('dialog', { name: `ما الذي سيغيّره ${returned.name}` });
  await expect(dialog).toBeVisible();
  const takes = dialog.getByRole('checkbox', { name: /^خذ هذا التغيير/ });
  await expect(takes).toHaveCount(4);
  // Right to left: each box stands at the right of its row.
  const row = await dialog.locator('.hw-incoming-take').first().boundingBox();
  const box = await takes.first().boundingBox();
  expect(box.x).toBeGreaterThan(row.x + row.width / 2);
  await takes.first().uncheck();
  await dialog.getByRole('button', { name: 'خذ التغييرات المختارة' }).tap();
  await expect(dialog).toBeHidden();
  const after = await draftOnDevice(page, (d) => d.follow_ups[1].outcome === PARTNER_OUTCOME);
  expect(after.budget.tranches[1].paid).toBe(false);
  expect(after.budget.tranches[1].paid_on).toBe('2026-12-01');
});

test('embedded in a host page, the review opens in the app, by touch, and takes the changes', async ({ page }) => {
  await page.goto('/examples/host.html');
  const app = page.locator('[data-homeward]');
  await expect(app.getByRole('navigation', { name: 'Sections of the plan' })).toBeVisible();
  await openPlan(page, 'family.json', FAMILY);
  const sent = await savePlan(page);
  const theirs = JSON.parse(sent.text);
  theirs.follow_ups[1].outcome = PARTNER_OUTCOME;
  theirs.updated_at = '2027-01-06T09:00:00Z';
  await openFile(page, 'returned.json', JSON.stringify(theirs, null, 2));
  const dialog = app.getByRole('dialog', { name: 'What returned.json would change' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('listitem')).toHaveCount(1);
  await expect(dialog).toContainText('Follow-up contact 2 — Outcome');
  for (const control of [...(await dialog.getByRole('button').all()), dialog.locator('.hw-incoming-take')]) {
    expect((await control.boundingBox()).height).toBeGreaterThanOrEqual(44);
  }
  await dialog.getByRole('button', { name: 'Take the chosen changes' }).tap();
  await expect(dialog).toBeHidden();
  await expect(app.getByText('1 change taken from returned.json.')).toBeVisible();
  await goTo(page, 'Follow-up');
  await expect(app.getByRole('group', { name: 'Contact 2' }).getByRole('textbox', { name: 'What came out of it' })).toHaveValue(PARTNER_OUTCOME);
});
