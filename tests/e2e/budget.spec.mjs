// Budget guidance end to end: a household and measures entered through the interface, and the
// available amount, the remaining amount and the budget rules' findings appearing and going away
// as amounts change; switching programme keeps the plan; the schedule adds up.
import { test, expect, openApp, goTo } from './fixtures.mjs';


/** The returnee (30) with a spouse (28) and a child (5), all returning together. */
async function enterHousehold(page) {
  await goTo(page, 'Case and returnee');
  await page.getByLabel('Age in years').first().fill('30');
  const add = page.getByRole('button', { name: 'Add a household member' });
  for (const [number, age] of [[1, '28'], [2, '5']]) {
    await add.tap();
    const member = page.getByRole('group', { name: `Household member ${number}` });
    await member.getByLabel('Age in years').fill(age);
    await expect(member.getByLabel('Returns with the returnee')).toBeChecked();
  }
}

/** An economic goal with one longer-term, in-kind measure costing `cost` euros. */
async function enterMeasure(page, cost) {
  await goTo(page, 'Economic');
  await page.getByRole('button', { name: 'Add a goal' }).tap();
  await page.getByRole('textbox', { name: 'The goal', exact: true }).fill('Open my own tailoring shop');
  await page.getByRole('button', { name: 'Add a measure to goal 1' }).tap();
  const card = page.locator('.hw-measure').first();
  await card.getByLabel('Type of support').selectOption('micro_business');
  await card.getByRole('textbox', { name: 'What it is, in a few words' }).fill('Sewing machine and fabric');
  await card.getByLabel('When', { exact: true }).selectOption('longer_term');
  await expect(card.getByLabel('How it is given')).toHaveValue('in_kind');
  await card.getByRole('textbox', { name: 'Estimated cost' }).fill(cost);
  return card;
}

const packageCard = (page, name) =>
  page.locator('.hw-package').filter({ has: page.getByRole('heading', { level: 3, name }) });

/** The value of one figure (Available, Allocated, Remaining...) of a package card. */
const figure = (card, term) =>
  card.locator('.hw-figures > div').filter({ has: card.page().locator('dt', { hasText: term }) }).locator('dd');

test('available, remaining and a cash-rule finding follow the amounts typed', async ({ page }) => {
  await openApp(page);
  await enterHousehold(page);
  const card = await enterMeasure(page, '1500');

  // The bar at the top of the section: EURP voluntary, 2 adults × €2,000 + 1 minor × €1,000.
  const bar = page.locator('.hw-budget-bar');
  await expect(bar).toContainText('5,000.00 EUR');
  await expect(bar).toContainText('3,500.00 EUR');
  await expect(bar).toContainText('No budget problems');

  await goTo(page, 'Budget');
  const longer = packageCard(page, /longer/i);
  await expect(figure(longer, 'Available')).toContainText('5,000.00 EUR');
  await expect(figure(longer, 'Allocated')).toContainText('1,500.00 EUR');
  await expect(figure(longer, 'Remaining')).toContainText('3,500.00 EUR');
  await expect(longer).toContainText('Adults: 2 × 2,000.00 EUR = 4,000.00 EUR');
  await expect(page.locator('.hw-counted li')).toHaveCount(3);
  await expect(page.getByRole('img', { name: /allocated per area/i })).toBeVisible();

  // Cash is not allowed in the longer-term package: the finding shows on the field and here.
  await goTo(page, 'Economic');
  await card.getByLabel('How it is given').selectOption('cash');
  const modalityField = card.locator('.hw-field').filter({ has: page.getByLabel('How it is given') });
  await expect(modalityField.locator('.hw-finding.hw-error')).toContainText(/cash/i);
  await expect(page.locator('.hw-budget-bar')).toContainText('Budget problems to check: 1');
  await goTo(page, 'Budget');
  const cashFinding = page.locator('.hw-budget-findings li[data-code="cash_not_allowed"]');
  await expect(cashFinding).toBeVisible();
  await expect(cashFinding).toContainText(/cash/i);
  // It names what it is about.
  await expect(cashFinding).toContainText('Measure 1 of goal 1: Sewing machine and fabric');

  // The finding takes the person to the field to fix, and focuses it.
  await cashFinding.getByRole('button', { name: 'Go to Economic' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Economic' })).toBeVisible();
  await expect(card.getByLabel('How it is given')).toBeFocused();

  // Back to in kind: the finding goes away in both places.
  await card.getByLabel('How it is given').selectOption('in_kind');
  await expect(modalityField.locator('.hw-finding')).toHaveCount(0);
  await expect(page.locator('.hw-budget-bar')).toContainText('No budget problems');
  await goTo(page, 'Budget');
  await expect(cashFinding).toHaveCount(0);

  // Above the ceiling: over by €1,000.
  await goTo(page, 'Economic');
  await card.getByRole('textbox', { name: 'Estimated cost' }).fill('6000');
  await expect(page.locator('.hw-budget-bar')).toContainText('Over the budget by 1,000.00 EUR');
  await goTo(page, 'Budget');
  await expect(page.locator('.hw-budget-findings li[data-code="over_ceiling"]')).toBeVisible();
  await expect(figure(longer, 'Remaining')).toContainText('Over the budget by 1,000.00 EUR');
});

test('switching programme re-applies the rules and keeps the plan; the schedule adds up', async ({ page }) => {
  await openApp(page);
  await enterHousehold(page);
  await enterMeasure(page, '6000');
  await goTo(page, 'Budget');
  await expect(page.locator('.hw-budget-findings li[data-code="over_ceiling"]')).toBeVisible();

  // Netherlands 2017: 2 adults × €1,800 + 1 minor × €2,800 = €6,400; no short-term package.
  const picker = page.getByLabel('Programme', { exact: true });
  await picker.selectOption('nl_avrr_2017');
  const longer = packageCard(page, /longer/i);
  await expect(figure(longer, 'Available')).toContainText('6,400.00 EUR');
  await expect(figure(longer, 'Remaining')).toContainText('400.00 EUR');
  await expect(page.locator('.hw-package.hw-not-offered')).toHaveCount(1);
  await expect(page.locator('.hw-budget-findings li[data-code="over_ceiling"]')).toHaveCount(0);
  await expect(page.locator('.hw-as-of')).toBeVisible();

  // The plan is intact.
  await goTo(page, 'Economic');
  const card = page.locator('.hw-measure').first();
  await expect(card.getByRole('textbox', { name: 'What it is, in a few words' })).toHaveValue('Sewing machine and fabric');
  await expect(card.getByRole('textbox', { name: 'Estimated cost' })).toHaveValue(/6,?000/);
  await expect(page.getByRole('textbox', { name: 'The goal', exact: true })).toHaveValue('Open my own tailoring shop');

  // The schedule: generated from the rule, its totals equal the allocation.
  await goTo(page, 'Budget');
  await expect(page.locator('.hw-budget-findings li[data-code="tranches_missing"]')).toBeVisible();
  await page.getByRole('button', { name: 'Make the schedule' }).tap();
  await expect(page.locator('.hw-tranche')).toHaveCount(1);
  const totals = page.getByRole('table', { name: 'Schedule against what is allocated' });
  const row = totals.getByRole('row').filter({ hasText: /longer/i });
  await expect(row).toContainText('6,000.00 EUR');
  await expect(row).toContainText('Same amount');
  await expect(row.getByRole('cell').nth(0)).toHaveText(await row.getByRole('cell').nth(1).innerText());
  await expect(page.locator('.hw-budget-findings li[data-code="tranches_missing"]')).toHaveCount(0);

  // Split the tranche and move money between the two: the total stays the allocation.
  await page.getByRole('button', { name: 'Split in two: payment 1' }).tap();
  await expect(page.locator('.hw-tranche')).toHaveCount(2);
  await page.locator('.hw-tranche').first().getByRole('textbox', { name: 'Amount' }).fill('4000');
  await expect(page.locator('.hw-tranche').nth(1).getByRole('textbox', { name: 'Amount' })).toHaveValue('2,000.00');
  await expect(row).toContainText('Same amount');
  await expect(page.locator('.hw-budget-findings li[data-code="tranches_mismatch"]')).toHaveCount(0);

  // Removing a payment moves its amount to the other one at once; Undo puts both back.
  await page.getByRole('button', { name: 'Remove payment 2' }).tap();
  await expect(page.locator('.hw-tranche')).toHaveCount(1);
  await expect(page.locator('.hw-tranche').first().getByRole('textbox', { name: 'Amount' })).toHaveValue('6,000.00');
  await page.getByRole('button', { name: 'Undo the removal' }).tap();
  await expect(page.locator('.hw-tranche')).toHaveCount(2);
  await expect(page.locator('.hw-tranche').first().getByRole('textbox', { name: 'Amount' })).toHaveValue('4,000.00');
  await expect(page.locator('.hw-tranche').nth(1).getByRole('textbox', { name: 'Amount' })).toHaveValue('2,000.00');
  // A payment already made cannot be split.
  await page.locator('.hw-tranche').first().getByRole('checkbox', { name: 'Paid or bought' }).check();
  await page.getByRole('button', { name: 'Split in two: payment 1' }).tap();
  await expect(page.locator('.hw-tranche').first()).toContainText('This payment has been made: it cannot be split.');
  await expect(page.locator('.hw-tranche')).toHaveCount(2);
  await page.screenshot({ path: '/tmp/budget-en.png', fullPage: true });
});

test('the budget reads right to left in Arabic', async ({ page }) => {
  await openApp(page);
  await enterMeasure(page, '1500');
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
  await expect(page.locator('.hw-app')).toHaveAttribute('dir', 'rtl');
  // The budget bar and the card read from the right, with the amount in Arabic's number style.
  const bar = page.locator('.hw-budget-bar');
  await expect(bar).toContainText('1,500.00 EUR');
  const barBox = await bar.boundingBox();
  const title = await bar.locator('.hw-budget-bar-title').boundingBox();
  expect(title.x + title.width).toBeGreaterThan(barBox.x + barBox.width - 40);
  await page.screenshot({ path: '/tmp/measures-ar.png' });
  await page.locator('#hw-nav-budget').tap();
  await expect(page.locator('#hw-section-budget')).toBeVisible();
  const chart = page.getByRole('img');
  await expect(chart).toBeVisible();
  // The bars grow from the right: the allocated bar ends at the right edge of the bar area.
  const allocated = page.locator('.hw-chart rect.hw-bar-allocated');
  const box = await allocated.boundingBox();
  const svg = await page.locator('.hw-chart svg').boundingBox();
  expect(box.x + box.width).toBeGreaterThan(svg.x + svg.width / 2);
  await page.screenshot({ path: '/tmp/budget-ar.png', fullPage: true });
  await page.locator('.hw-chart').screenshot({ path: '/tmp/budget-chart-ar.png' });
});

test('a programme with a local currency shows every amount in it too, with the rounding rule', async ({ page }) => {
  // The host's own configuration: EURP voluntary with the CFA franc at its fixed parity.
  const { readFileSync } = await import('node:fs');
  const preset = JSON.parse(
    readFileSync(new URL('../../crates/plan/src/programme/presets/eurp_voluntary.json', import.meta.url), 'utf8'),
  );
  const config = {
    ...preset,
    id: 'eurp_senegal',
    name: { en: 'EURP, return to Senegal' },
    local_currency: { currency: 'XOF', rate: '655.957', source: 'BCEAO fixed parity', as_of: '2026-11-23' },
  };
  await page.route((url) => url.pathname === '/senegal.json', (route) => route.fulfill({ json: config }));
  await openApp(page, '/?programme=/senegal.json');
  const card = await enterMeasure(page, '1500');
  // €1,500 × 655.957 = 983,935.5 XOF, a half: rounded up to 983,936.
  await expect(card.locator('.hw-local')).toHaveText('about 983,936 XOF');
  await expect(page.locator('.hw-budget-bar')).toContainText('about 1,311,914 XOF');

  await goTo(page, 'Budget');
  await expect(page.getByLabel('Programme', { exact: true })).toHaveValue('eurp_senegal');
  const longer = packageCard(page, /longer/i);
  await expect(figure(longer, 'Available')).toContainText('about 1,311,914 XOF');
  await expect(figure(longer, 'Allocated')).toContainText('about 983,936 XOF');
  await expect(page.locator('.hw-rounding')).toContainText('1 EUR = 655.957 XOF');
  await expect(page.locator('.hw-rounding')).toContainText('BCEAO fixed parity');
  await page.getByRole('button', { name: 'Make the schedule' }).tap();
  await expect(page.locator('.hw-tranche .hw-local')).toHaveText('about 983,936 XOF');

  // Trying a preset and coming back keeps the host's configuration on the list.
  const picker = page.getByLabel('Programme', { exact: true });
  await picker.selectOption('nl_avrr_2017');
  await expect(page.locator('.hw-rounding')).toHaveCount(0);
  await picker.selectOption('eurp_senegal');
  await expect(page.locator('.hw-rounding')).toContainText('655.957');
});
