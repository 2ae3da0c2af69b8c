// Goals and measures in the three dimension sections, by touch: add, reorder, remove, the
// returnee's agreement, and the budget bar following a cost as it is typed.
import { test, expect, openApp, goTo } from './fixtures.mjs';


const goals = (page) => page.locator('.hw-goal');
const goalTitle = (goal) => goal.getByRole('textbox', { name: 'The goal', exact: true });
const description = (measure) => measure.getByRole('textbox', { name: 'What it is, in a few words' });

for (const [step, ownType, otherType] of [
  ['Economic', 'vocational_training', 'housing'],
  ['Social', 'housing', 'micro_business'],
  ['Psychosocial', 'support_groups', 'housing'],
]) {
  test(`${step}: two goals with two measures each, reordered, removed and agreed`, async ({ page }) => {
    await openApp(page);
    await goTo(page, step);
    await expect(page.getByText('No goal yet. Add the first goal.')).toBeVisible();

    for (const n of [1, 2]) {
      await page.getByRole('button', { name: 'Add a goal' }).tap();
      await expect(page.getByRole('heading', { level: 3, name: `Goal ${n}` })).toBeFocused();
      await goalTitle(goals(page).nth(n - 1)).fill(`${step} goal ${n}`);
      for (const m of [1, 2]) {
        await goals(page).nth(n - 1).getByRole('button', { name: `Add a measure to goal ${n}` }).tap();
        const measure = goals(page).nth(n - 1).locator('.hw-measure').nth(m - 1);
        await expect(measure.getByRole('heading', { level: 5 })).toBeFocused();
        await description(measure).fill(`${step} goal ${n} measure ${m}`);
      }
    }
    await expect(goals(page)).toHaveCount(2);
    await expect(page.locator('.hw-measure')).toHaveCount(4);

    // Only this dimension's types and the immediate needs are offered.
    const first = goals(page).nth(0).locator('.hw-measure').nth(0);
    const type = first.getByLabel('Type of support');
    await expect(type.locator(`option[value="${ownType}"]`)).toHaveCount(1);
    await expect(type.locator('option[value="transport"]')).toHaveCount(1);
    await expect(type.locator(`option[value="${otherType}"]`)).toHaveCount(0);
    await type.selectOption(ownType);

    // Reorder measures within goal 1, then the goals themselves.
    const goal1 = goals(page).nth(0);
    await expect(goal1.getByRole('button', { name: 'Move measure 1 up' })).toBeDisabled();
    await goal1.getByRole('button', { name: 'Move measure 2 up' }).tap();
    await expect(description(goal1.locator('.hw-measure').nth(0))).toHaveValue(`${step} goal 1 measure 2`);
    await expect(description(goal1.locator('.hw-measure').nth(1))).toHaveValue(`${step} goal 1 measure 1`);
    await page.getByRole('button', { name: 'Move goal 2 up' }).tap();
    await expect(goalTitle(goals(page).nth(0))).toHaveValue(`${step} goal 2`);
    await expect(goalTitle(goals(page).nth(1))).toHaveValue(`${step} goal 1`);
    // The measures moved with their goal and kept their order and type.
    const moved = goals(page).nth(1).locator('.hw-measure');
    await expect(description(moved.nth(0))).toHaveValue(`${step} goal 1 measure 2`);
    await expect(moved.nth(1).getByLabel('Type of support')).toHaveValue(ownType);

    // Remove a measure, and a goal with its measures: at once, with an undo offer after.
    await goals(page).nth(0).getByRole('button', { name: 'Remove measure 2' }).tap();
    await expect(goals(page).nth(0).locator('.hw-measure')).toHaveCount(1);
    await expect(description(goals(page).nth(0).locator('.hw-measure').nth(0))).toHaveValue(`${step} goal 2 measure 1`);
    await goals(page).nth(0).getByRole('button', { name: 'Remove goal 1 and its measures' }).tap();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Undo the removal' })).toBeVisible();
    await expect(goals(page)).toHaveCount(1);
    await expect(goalTitle(goals(page).nth(0))).toHaveValue(`${step} goal 1`);

    // The returnee's agreement: a large checkbox, and the card says it in words.
    const card = goals(page).nth(0).locator('.hw-measure').nth(0);
    await expect(card.locator('.hw-agreement')).toHaveText(/Not agreed yet/);
    const agree = card.getByRole('checkbox', { name: 'The returnee agrees to this measure' });
    await agree.tap();
    await expect(agree).toBeChecked();
    await expect(card.locator('.hw-agreement')).toHaveText(/The returnee agreed/);
    const box = await agree.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(32);

    // Everything is still there after visiting another section.
    await goTo(page, 'Budget');
    await goTo(page, step);
    await expect(goals(page)).toHaveCount(1);
    await expect(page.locator('.hw-measure')).toHaveCount(2);
    await expect(page.getByRole('checkbox', { name: 'The returnee agrees to this measure' }).first()).toBeChecked();
  });
}

test('the remaining budget in the bar follows a cost while it is typed', async ({ page }) => {
  await openApp(page);
  await goTo(page, 'Social');
  await page.getByRole('button', { name: 'Add a goal' }).tap();
  await page.getByRole('button', { name: 'Add a measure to goal 1' }).tap();
  const bar = page.locator('.hw-budget-bar');
  const shortTerm = bar.locator('.hw-budget-bar-package').first();
  // One adult under EURP voluntary: €615 short-term (a new measure is immediate).
  await expect(shortTerm.locator('.hw-remaining')).toContainText('615.00 EUR');
  const cost = page.getByRole('textbox', { name: 'Estimated cost' });
  await cost.tap();
  await cost.pressSequentially('1');
  await expect(shortTerm.locator('.hw-remaining')).toContainText('614.00 EUR');
  await cost.pressSequentially('5');
  await expect(shortTerm.locator('.hw-remaining')).toContainText('600.00 EUR');
  await cost.pressSequentially('0');
  await expect(shortTerm.locator('.hw-remaining')).toContainText('465.00 EUR');
  await cost.pressSequentially('0');
  await expect(shortTerm.locator('.hw-remaining')).toContainText('Over the budget by 885.00 EUR');
  await expect(bar).toContainText('Budget problems to check: 1');
  await cost.press('Backspace');
  await expect(shortTerm.locator('.hw-remaining')).toContainText('465.00 EUR');
  await expect(bar).toContainText('No budget problems');

  // The bar stays in view while the card is scrolled.
  await page.getByRole('checkbox', { name: 'The returnee agrees to this measure' }).scrollIntoViewIfNeeded();
  await expect(bar).toBeInViewport();
  await page.screenshot({ path: '/tmp/measures-en.png', fullPage: false });
});
