// Carrying out an agreed plan (issue 12), by touch on the signed family plan: its goals,
// measures and signatures stay as signed until a change is confirmed (which raises the
// revision and clears both signatures), while what happens after the return stays open to
// record: a measure's items, delivery and actual cost, referral outcomes, scores at follow-up
// contacts with the progress per dimension, and the plan's closing. The printed plan shows it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, expect, goTo, openPlanFile } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FAMILY = readFileSync(join(here, '..', 'fixtures', 'plan-family-full.json'), 'utf8');

const openFamily = (page) => openPlanFile(page, 'family.json', FAMILY);

const goals = (page) => page.locator('.hw-goal');
const goalTitle = (goal) => goal.getByRole('textbox', { name: 'The goal', exact: true });
const summary = (page) => page.getByRole('region', { name: 'The plan' });
const agreedNotice = (page) => page.getByRole('note').filter({ hasText: 'Both signed this plan' });

/** Confirms a change of the agreed plan from the notice of the section on screen. */
async function changeAgreedPlan(page) {
  await agreedNotice(page).getByRole('button', { name: 'Change the agreed plan' }).tap();
  await page.getByRole('dialog', { name: 'Change the agreed plan?' })
    .getByRole('button', { name: 'Change and remove the signatures' }).tap();
  await expect(agreedNotice(page)).toBeHidden();
}

test('an agreed plan keeps its goals and measures until a change is confirmed; its follow-through stays open', async ({ page }) => {
  await openFamily(page);
  await goTo(page, 'Economic');
  await expect(agreedNotice(page)).toContainText('Both signed this plan (revision 0)');
  const goal = goals(page).first();
  const measure = goal.locator('.hw-measure').first();
  await expect(goalTitle(goal)).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Add a goal' })).toBeDisabled();
  await expect(goal.getByRole('button', { name: 'Add a measure to goal 1' })).toBeDisabled();
  await expect(goal.getByRole('button', { name: 'Remove goal 1 and its measures' })).toBeDisabled();
  await expect(measure.getByRole('textbox', { name: 'What it is, in a few words' })).toBeDisabled();
  await expect(measure.getByRole('textbox', { name: 'Estimated cost' })).toBeDisabled();
  await expect(measure.getByRole('checkbox', { name: /agrees/ })).toBeDisabled();
  // Sharing and what happens after the return are not part of what was signed.
  await expect(page.getByRole('switch', { name: 'Goal 1 is private' })).toBeEnabled();
  const status = measure.getByRole('combobox', { name: 'Status' });
  await status.selectOption({ label: 'In progress' });
  await expect(status).toHaveValue('in_progress');
  // The items bought are as agreed.
  const sewing = goal.locator('.hw-measure').nth(1);
  await sewing.locator('summary').filter({ hasText: 'Items, cost and delivery' }).tap();
  await expect(sewing.getByRole('group', { name: 'Item 1' }).getByRole('textbox', { name: 'What' })).toBeDisabled();
  await expect(sewing.getByRole('button', { name: 'Add an item to measure 2' })).toBeDisabled();

  // Cancelled: nothing changes.
  await agreedNotice(page).getByRole('button', { name: 'Change the agreed plan' }).tap();
  const ask = page.getByRole('dialog', { name: 'Change the agreed plan?' });
  await expect(ask).toContainText('The plan becomes revision 1 and both signatures are removed.');
  await ask.getByRole('button', { name: 'Cancel' }).tap();
  await expect(goalTitle(goal)).toBeDisabled();

  // Confirmed: the plan opens for changes as revision 1, unsigned.
  await changeAgreedPlan(page);
  await expect(goalTitle(goal)).toBeEnabled();
  await goalTitle(goal).fill('Earn a living from tailoring and alterations');
  await expect(page.getByRole('button', { name: 'Add a goal' })).toBeEnabled();
  await goTo(page, 'Consent and signatures');
  await expect(page.getByRole('group', { name: 'Signature of the returnee' })).toContainText('Not signed yet');
  await expect(page.getByRole('group', { name: 'Signature of the counsellor' })).toContainText('Not signed yet');
  await goTo(page, 'Review and export');
  await expect(summary(page)).toContainText('Draft, revision 1');
  await expect(summary(page)).toContainText('Earn a living from tailoring and alterations');
});

test("line items make a measure's cost; a delivered measure records what it cost and when", async ({ page }) => {
  await openFamily(page);
  await goTo(page, 'Economic');
  await changeAgreedPlan(page);
  const course = goals(page).first().locator('.hw-measure').first();
  const items = course.locator('summary').filter({ hasText: 'Items, cost and delivery' });
  await expect(items).toContainText('0 items');
  await items.tap();
  await course.getByRole('button', { name: 'Add an item to measure 1' }).tap();
  const item = course.getByRole('group', { name: 'Item 1' });
  await item.getByRole('textbox', { name: 'What' }).fill('Pattern-making course');
  await item.getByRole('textbox', { name: 'Quantity' }).fill('2');
  await item.getByRole('textbox', { name: 'Cost of one' }).fill('200');
  await item.getByRole('textbox', { name: 'Supplier' }).fill('Atelier Mbour');
  // The items' total is the measure's cost.
  await expect(items).toContainText(/\(1 item, 400\.00\sEUR\)/);

  // Not delivered yet: no actual cost to record.
  await expect(course.getByRole('textbox', { name: 'Actual cost' })).toHaveCount(0);
  await course.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Delivered' });
  await course.getByRole('textbox', { name: 'Actual cost' }).fill('380');
  await course.getByLabel('Day delivered').fill('2026-11-20');

  await goTo(page, 'Review and export');
  const plan = summary(page);
  await expect(plan).toContainText(/2 × Pattern-making course · 200\.00\sEUR each · Atelier Mbour/);
  await expect(plan).toContainText(/Delivered · delivered on 20 November 2026 · actual cost 380\.00\sEUR/);
});

test('scores at follow-up contacts show the progress towards the targets; a plan is closed by its day', async ({ page }) => {
  await openFamily(page);
  await goTo(page, 'Follow-up');
  const progress = page.getByRole('region', { name: 'Progress per dimension' });
  await expect(progress).toContainText('Economic: Baseline 29 on 21 October 2026 → 30 on 3 November 2026; target 70');

  const contact = page.getByRole('group', { name: 'Contact 2' });
  await contact.getByLabel('Date it took place').fill('2026-11-30');
  const scores = contact.getByRole('group', { name: 'Scores at this contact (0 to 100)' });
  const economic = scores.getByRole('textbox', { name: 'Economic score' });
  await economic.fill('150');
  await expect(scores).toContainText('A score of 150 is above the highest possible score, 100.');
  await economic.fill('52');
  await expect(scores).not.toContainText('A score of 150');
  await expect(progress).toContainText('→ 30 on 3 November 2026 → 52 on 30 November 2026; target 70');

  await goTo(page, 'Needs and aspirations');
  const targets = page.getByRole('group', { name: 'Target score per dimension (0 to 100)' });
  await targets.getByRole('textbox', { name: 'Economic score' }).fill('80');
  await goTo(page, 'Follow-up');
  await expect(progress).toContainText('52 on 30 November 2026; target 80');

  // A referral's contact, the returnee's say and its outcome.
  const referral = page.getByRole('group', { name: 'Referral 2' });
  await referral.getByRole('textbox', { name: 'Who to contact there' }).fill('Mme Sarr, +221 33 111 11 11');
  await referral.getByRole('combobox', { name: 'The returnee agreed to this referral' }).selectOption({ label: 'Yes, agreed' });
  await referral.getByRole('textbox', { name: 'Outcome', exact: true }).fill('First session on 2 December.');
  await referral.getByLabel('Day of the outcome').fill('2026-12-01');

  // Closing: a day to come is refused; the plan then counts as closed.
  const closing = page.getByRole('region', { name: 'Closing the plan' });
  await expect(closing.getByRole('status')).toHaveText('In follow-up, revision 0');
  const closedOn = closing.getByLabel('Day the plan was closed');
  await closedOn.fill('2099-01-01');
  await expect(closing).toContainText('is after today');
  await closedOn.fill('2026-12-01');
  await expect(closing).not.toContainText('is after today');
  await expect(closing.getByRole('status')).toHaveText('Closed, revision 0');

  await goTo(page, 'Review and export');
  const plan = summary(page);
  await expect(plan).toContainText('Closed, revision 0');
  await expect(plan).toContainText('Economic: Baseline 29 on 21 October 2026 → 30 on 3 November 2026 → 52 on 30 November 2026; target 80');
  await expect(plan).toContainText('Took place on 30 November 2026 · scores: Economic 52');
  await expect(plan).toContainText('Mme Sarr, +221 33 111 11 11 · Yes, agreed');
  await expect(plan).toContainText('First session on 2 December.');
});
