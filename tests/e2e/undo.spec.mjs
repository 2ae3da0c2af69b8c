// Undo instead of "are you sure?": a removal happens at once, "Removed. Undo" stays for at
// least ten seconds (longer while it has focus), is announced, and Undo puts the item back in
// place with its values, its findings and the focus. The same in the embedded app, where every
// focus goes through the app's shadow root.
import { test, expect, goTo } from './fixtures.mjs';

const MODES = [
  ['standalone', '/', (page) => page.locator('body')],
  ['embedded', '/examples/host.html', (page) => page.locator('[data-homeward]')],
];

const undoOffer = (app) => app.getByRole('status').filter({ hasText: 'Removed.' });

for (const [mode, path, root] of MODES) {
  test(`${mode}: a removed household member comes back in place, with its focus`, async ({ page }) => {
    await page.goto(path);
    const app = root(page);
    await expect(app.getByRole('navigation', { name: 'Sections of the plan' })).toBeVisible();
    const member = (n) => app.getByRole('group', { name: `Household member ${n}`, exact: true });
    for (const [n, relationship, age] of [[1, 'spouse_or_partner', '34'], [2, 'child', '9'], [3, 'child', '2']]) {
      await app.getByRole('button', { name: 'Add a household member' }).tap();
      const relation = member(n).getByRole('combobox', { name: 'Relationship to the returnee' });
      await expect(relation, 'a new row takes the focus').toBeFocused();
      await relation.selectOption(relationship);
      await member(n).getByRole('textbox', { name: 'Age in years' }).fill(age);
    }
    await expect(undoOffer(app)).toHaveCount(0);

    // Moving keeps the focus on the moved row's button, here as embedded.
    await app.getByRole('button', { name: 'Move household member 3 up' }).tap();
    await expect(app.getByRole('button', { name: 'Move household member 2 up' })).toBeFocused();
    await app.getByRole('button', { name: 'Move household member 2 down' }).tap();
    await expect(app.getByRole('button', { name: 'Move household member 3 up' })).toBeFocused();

    await app.getByRole('button', { name: 'Remove household member 2' }).tap();
    await expect(page.getByRole('dialog'), 'no question before a removal').toHaveCount(0);
    await expect(member(3)).toHaveCount(0);
    await expect(member(2).getByRole('textbox', { name: 'Age in years' })).toHaveValue('2');
    await expect(app.getByRole('button', { name: 'Add a household member' })).toBeFocused();
    await expect(undoOffer(app)).toBeVisible();

    // Keyboard: Tab reaches Undo; Enter takes it.
    const undo = undoOffer(app).getByRole('button', { name: 'Undo the removal' });
    await undo.focus();
    await page.keyboard.press('Enter');
    await expect(member(3)).toBeVisible();
    await expect(member(2).getByRole('combobox', { name: 'Relationship to the returnee' })).toHaveValue('child');
    await expect(member(2).getByRole('textbox', { name: 'Age in years' })).toHaveValue('9');
    await expect(member(3).getByRole('textbox', { name: 'Age in years' })).toHaveValue('2');
    await expect(
      member(2).getByRole('combobox', { name: 'Relationship to the returnee' }),
      'focus lands in the restored row',
    ).toBeFocused();
    await expect(undoOffer(app), 'an undo is offered once').toHaveCount(0);
  });
}

test('the offer stays ten seconds, and as long as it has focus', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  await page.getByRole('button', { name: 'Add a document' }).tap();
  const doc = page.getByRole('group', { name: 'Document 1', exact: true });
  await doc.getByRole('combobox', { name: 'Kind of document' }).selectOption('passport');
  await page.getByRole('button', { name: 'Remove document 1' }).tap();
  await expect(doc).toHaveCount(0);
  await expect(undoOffer(page)).toBeVisible();
  await page.clock.fastForward(9_500);
  await expect(undoOffer(page), 'still there after nine and a half seconds').toBeVisible();
  await page.clock.fastForward(3_000);
  await expect(undoOffer(page)).toHaveCount(0);

  // Again; this time the Undo button holds the focus, so the offer waits.
  await page.getByRole('button', { name: 'Add a document' }).tap();
  await doc.getByRole('combobox', { name: 'Kind of document' }).selectOption('birth_certificate');
  await page.getByRole('button', { name: 'Remove document 1' }).tap();
  // The app moves the focus off the removed row, a frame later; then the person goes to Undo.
  await expect(page.getByRole('button', { name: 'Add a document' })).toBeFocused();
  await undoOffer(page).getByRole('button', { name: 'Undo the removal' }).focus();
  await page.clock.fastForward(30_000);
  await undoOffer(page).getByRole('button', { name: 'Undo the removal' }).tap();
  await expect(doc.getByRole('combobox', { name: 'Kind of document' })).toHaveValue('birth_certificate');
});

test('a goal goes at once, measures and all, and Undo brings it back with its findings', async ({ page }) => {
  await page.goto('/');
  await goTo(page, 'Economic');
  const goals = page.locator('.hw-goal');
  await page.getByRole('button', { name: 'Add a goal' }).tap();
  await goals.nth(0).getByRole('textbox', { name: 'The goal', exact: true }).fill('A shop');
  await goals.nth(0).getByRole('button', { name: 'Add a measure to goal 1' }).tap();
  await goals.nth(0).getByRole('button', { name: 'Add a measure to goal 1' }).tap();
  await expect(goals.nth(0).locator('.hw-measure')).toHaveCount(2);
  const findingsBefore = await page.locator('.hw-findings li').count();
  expect(findingsBefore, 'the goal has findings to bring back').toBeGreaterThan(0);

  // A measure first: it returns to its place in its goal.
  await goals.nth(0).locator('.hw-measure').nth(0).getByRole('textbox', { name: 'What it is, in a few words' }).fill('Training');
  await goals.nth(0).getByRole('button', { name: 'Remove measure 1' }).tap();
  await expect(goals.nth(0).locator('.hw-measure')).toHaveCount(1);
  await undoOffer(page).getByRole('button', { name: 'Undo the removal' }).tap();
  await expect(goals.nth(0).locator('.hw-measure')).toHaveCount(2);
  await expect(goals.nth(0).locator('.hw-measure').nth(0).getByRole('textbox', { name: 'What it is, in a few words' })).toHaveValue('Training');

  await goals.nth(0).getByRole('button', { name: /Remove goal 1/ }).tap();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(goals).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add a goal' })).toBeFocused();
  await undoOffer(page).getByRole('button', { name: 'Undo the removal' }).tap();
  await expect(goals).toHaveCount(1);
  await expect(goals.nth(0).getByRole('textbox', { name: 'The goal', exact: true })).toHaveValue('A shop');
  await expect(goals.nth(0).locator('.hw-measure')).toHaveCount(2);
  await expect(page.locator('.hw-findings li')).toHaveCount(findingsBefore);
  await expect(page.getByRole('heading', { level: 3, name: 'Goal 1' })).toBeFocused();
});
