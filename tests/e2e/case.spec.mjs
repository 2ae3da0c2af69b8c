// The "Case and returnee" and "Needs and aspirations" sections on a tablet: typed values stay,
// household rows can be added, moved and removed, findings show next to their field, the
// assessment scores live, and the Arabic interface reads right to left without overflow.
import { test, expect, openApp, goTo } from './fixtures.mjs';


const member = (page, n) => page.getByRole('group', { name: `Household member ${n}`, exact: true });

/** No answer of the assessment spills out of its box (long scale words wrap inside). */
async function expectScaleFits(page) {
  const spilled = await page.locator('.hw-scale-option').evaluateAll((els) =>
    els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent),
  );
  expect(spilled).toEqual([]);
}

/** Adds a household member and fills relationship and age. */
async function addMember(page, n, relationship, age) {
  await page.getByRole('button', { name: 'Add a household member' }).tap();
  const row = member(page, n);
  await expect(row).toBeVisible();
  // The new row's first field gets the focus, ready to type.
  await expect(row.getByRole('combobox', { name: 'Relationship to the returnee' })).toBeFocused();
  await row.getByRole('combobox', { name: 'Relationship to the returnee' }).selectOption(relationship);
  await row.getByRole('textbox', { name: 'Age in years' }).fill(String(age));
}

/** Relationship code and age of each household row, in order. */
async function household(page) {
  const rows = page.locator('.hw-household .hw-row');
  const out = [];
  for (let i = 0; i < (await rows.count()); i += 1) {
    const row = member(page, i + 1);
    out.push([
      await row.getByRole('combobox', { name: 'Relationship to the returnee' }).inputValue(),
      await row.getByRole('textbox', { name: 'Age in years' }).inputValue(),
    ]);
  }
  return out;
}

test('the case is filled, the household edited, and everything stays across sections', async ({ page }) => {
  await openApp(page);
  const section = page.locator('#hw-section-case');

  await section.getByRole('textbox', { name: 'Case reference' }).fill('SN-2026-0042');
  await section.getByLabel('Date of return').fill('2026-12-15');
  await section.getByRole('checkbox', { name: /This date is planned/ }).check();
  await section.getByRole('combobox', { name: 'Kind of return' }).selectOption('after_forced_return');
  await section.getByRole('textbox', { name: 'Town or village' }).fill('Kolda');
  // Languages by name, the preferred first; the plan keeps their codes.
  const languages = section.getByRole('combobox', { name: 'Languages' });
  await languages.fill('fren');
  await section.getByRole('option', { name: 'French', exact: true }).tap();
  await languages.fill('wol');
  await section.getByRole('option', { name: 'Wolof' }).tap();
  await expect(languages).toHaveValue('');

  await addMember(page, 1, 'spouse_or_partner', 34);
  await addMember(page, 2, 'child', 9);
  await addMember(page, 3, 'child', 6);
  await addMember(page, 4, 'child', 2);
  expect(await household(page)).toEqual([
    ['spouse_or_partner', '34'],
    ['child', '9'],
    ['child', '6'],
    ['child', '2'],
  ]);

  // The first row cannot move up, the last cannot move down.
  await expect(page.getByRole('button', { name: 'Move household member 1 up' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Move household member 4 down' })).toBeDisabled();

  // Move the youngest child up one place; the focus follows the row it moved.
  await page.getByRole('button', { name: 'Move household member 4 up' }).tap();
  expect(await household(page)).toEqual([
    ['spouse_or_partner', '34'],
    ['child', '9'],
    ['child', '2'],
    ['child', '6'],
  ]);
  await expect(page.getByRole('button', { name: 'Move household member 3 up' })).toBeFocused();

  // Remove the second member (the 9-year-old).
  await page.getByRole('button', { name: 'Remove household member 2' }).tap();
  expect(await household(page)).toEqual([
    ['spouse_or_partner', '34'],
    ['child', '2'],
    ['child', '6'],
  ]);
  await expect(page.getByRole('button', { name: 'Remove household member 4' })).toHaveCount(0);
  await expect(member(page, 2).getByRole('checkbox', { name: 'Returns with the returnee' })).toBeChecked();

  // A vulnerability of the returnee and one of a child (each person has their own list), a
  // document and a debt.
  const own = section.getByRole('group', { name: 'Which of these apply?' });
  const child = section.getByRole('group', { name: 'Household member 2', exact: true });
  await own.getByRole('checkbox', { name: /single.parent/i }).check();
  await child.getByRole('checkbox', { name: 'Disability' }).check();
  await page.getByRole('button', { name: 'Add a document' }).tap();
  const doc = page.getByRole('group', { name: 'Document 1', exact: true });
  await doc.getByRole('combobox', { name: 'Kind of document' }).selectOption('passport');
  await doc.getByRole('radio', { name: 'No, it is missing' }).check();
  await page.getByRole('button', { name: 'Add a debt' }).tap();
  const debt = page.getByRole('group', { name: 'Debt 1', exact: true });
  // A new debt starts empty, in the plan's currency, ready to type.
  await expect(debt.getByRole('textbox', { name: 'Amount owed' })).toHaveValue('');
  await expect(debt.getByRole('textbox', { name: 'Amount owed' })).toBeFocused();
  await expect(debt.getByText('EUR', { exact: true })).toBeVisible();
  await debt.getByRole('textbox', { name: 'Amount owed' }).fill('1500');
  await debt.getByRole('textbox', { name: 'Owed to' }).fill('A money lender');
  await debt.getByRole('combobox', { name: 'Pressure to repay' }).selectOption('high');

  // Away and back: every value is still there.
  await goTo(page, 'Needs and aspirations');
  await goTo(page, 'Case and returnee');
  await expect(section.getByRole('textbox', { name: 'Case reference' })).toHaveValue('SN-2026-0042');
  await expect(section.getByLabel('Date of return')).toHaveValue('2026-12-15');
  await expect(section.getByRole('checkbox', { name: /This date is planned/ })).toBeChecked();
  await expect(section.getByRole('combobox', { name: 'Kind of return' })).toHaveValue('after_forced_return');
  await expect(section.getByRole('textbox', { name: 'Town or village' })).toHaveValue('Kolda');
  await expect(section.locator('.hw-chip > span')).toHaveText(['French', 'Wolof']);
  expect(await household(page)).toEqual([
    ['spouse_or_partner', '34'],
    ['child', '2'],
    ['child', '6'],
  ]);
  await expect(own.getByRole('checkbox', { name: /single.parent/i })).toBeChecked();
  await expect(own.getByRole('checkbox', { name: 'Disability' })).not.toBeChecked();
  await expect(child.getByRole('checkbox', { name: 'Disability' })).toBeChecked();
  await expect(child.getByRole('checkbox', { name: /single.parent/i })).not.toBeChecked();
  await expect(doc.getByRole('combobox', { name: 'Kind of document' })).toHaveValue('passport');
  await expect(doc.getByRole('radio', { name: 'No, it is missing' })).toBeChecked();
  await expect(debt.getByRole('textbox', { name: 'Amount owed' })).toHaveValue('1,500.00');
  await expect(debt.getByRole('textbox', { name: 'Owed to' })).toHaveValue('A money lender');
  await expect(debt.getByRole('combobox', { name: 'Pressure to repay' })).toHaveValue('high');
});

test('documents and debts are removed row by row, by their own buttons', async ({ page }) => {
  await openApp(page);
  const doc = (n) => page.getByRole('group', { name: `Document ${n}`, exact: true });
  await page.getByRole('button', { name: 'Add a document' }).tap();
  await doc(1).getByRole('combobox', { name: 'Kind of document' }).selectOption('passport');
  await page.getByRole('button', { name: 'Add a document' }).tap();
  await doc(2).getByRole('combobox', { name: 'Kind of document' }).selectOption('birth_certificate');
  await doc(2).getByRole('radio', { name: 'No, it is missing' }).check();
  await doc(2).getByRole('textbox', { name: 'Note' }).fill('Lost at sea');
  await page.getByRole('button', { name: 'Remove document 1' }).tap();
  await expect(doc(2)).toHaveCount(0);
  await expect(doc(1).getByRole('combobox', { name: 'Kind of document' })).toHaveValue('birth_certificate');
  await expect(doc(1).getByRole('radio', { name: 'No, it is missing' })).toBeChecked();
  await expect(doc(1).getByRole('textbox', { name: 'Note' })).toHaveValue('Lost at sea');

  const debt = (n) => page.getByRole('group', { name: `Debt ${n}`, exact: true });
  await page.getByRole('button', { name: 'Add a debt' }).tap();
  await debt(1).getByRole('textbox', { name: 'Owed to' }).fill('My uncle');
  await page.getByRole('button', { name: 'Add a debt' }).tap();
  await debt(2).getByRole('textbox', { name: 'Owed to' }).fill('A smuggler');
  await debt(2).getByRole('textbox', { name: 'Amount owed' }).fill('-5');
  // A negative amount is refused while typing, with a message, and the text stays.
  await expect(debt(2).getByRole('textbox', { name: 'Amount owed' })).toHaveValue('-5');
  await expect(debt(2).getByRole('textbox', { name: 'Amount owed' })).toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Remove debt 1' }).tap();
  await expect(debt(2)).toHaveCount(0);
  await expect(debt(1).getByRole('textbox', { name: 'Owed to' })).toHaveValue('A smuggler');
  await expect(page.getByRole('button', { name: 'Add a debt' })).toBeFocused();
});

test('an impossible age shows its finding next to the field, and fixing it clears it', async ({ page }) => {
  await openApp(page);
  await addMember(page, 1, 'child', 7);
  await addMember(page, 2, 'parent', 150);
  const row = member(page, 2);
  const age = row.getByRole('textbox', { name: 'Age in years' });
  const ageField = row.locator('.hw-number');
  await expect(age).toHaveAttribute('aria-invalid', 'true');
  await expect(ageField.locator('.hw-findings li')).toHaveCount(1);
  await expect(ageField.locator('.hw-findings li')).toContainText('Error');
  await expect(ageField.locator('.hw-findings li')).toContainText('150');
  // It shows once in the whole section: under that field, nowhere else.
  await expect(page.locator('#hw-section-case .hw-findings li', { hasText: '150' })).toHaveCount(1);
  // The finding is next to that field only, not under the other member's age.
  await expect(member(page, 1).locator('.hw-findings li')).toHaveCount(0);
  // The finding still follows the member when it moves.
  await page.getByRole('button', { name: 'Move household member 2 up' }).tap();
  await expect(member(page, 1).getByRole('textbox', { name: 'Age in years' })).toHaveValue('150');
  await expect(member(page, 1).locator('.hw-findings li')).toHaveCount(1);
  await expect(member(page, 2).locator('.hw-findings li')).toHaveCount(0);

  await member(page, 1).getByRole('textbox', { name: 'Age in years' }).fill('65');
  await expect(member(page, 1).locator('.hw-findings li')).toHaveCount(0);
  await expect(member(page, 1).getByRole('textbox', { name: 'Age in years' })).not.toHaveAttribute(
    'aria-invalid',
    'true',
  );

  // Text that is not a number stays as typed, with a message; the plan keeps the last age.
  await member(page, 1).getByRole('textbox', { name: 'Age in years' }).fill('6x');
  await expect(member(page, 1).getByRole('textbox', { name: 'Age in years' })).toHaveValue('6x');
  await expect(member(page, 1).getByText('Write a whole number, for example 34.')).toBeVisible();
});

test('the returnee\'s words come first in Needs, and the assessment scores live', async ({ page }) => {
  await openApp(page);
  await goTo(page, 'Needs and aspirations');
  const section = page.locator('#hw-section-needs');

  // The first field of the section is the returnee's aspirations, in a large text area.
  const first = section.locator('input, textarea, select').first();
  await expect(first).toHaveAccessibleName(/What do you want to achieve\?/);
  const aspirations = section.getByRole('textbox', { name: /What do you want to achieve\?/ });
  await aspirations.fill('Open a tailoring shop in Kolda.\nSend my children to school.');
  const box = await aspirations.boundingBox();
  expect(box.height).toBeGreaterThanOrEqual(150);

  await section.getByRole('textbox', { name: /What matters most to you\?/ }).fill('School\nA shop\n');
  await section.getByRole('textbox', { name: /Psychosocial needs/ }).fill('Sleeps badly since the return.');
  await expect(section.getByText(/shared with partners only if the returnee agrees/).first()).toBeVisible();

  // The built-in assessment says what it is.
  await expect(section.getByText(/indicative well-being check, not a clinical tool/)).toBeVisible();
  const scores = section.getByRole('region', { name: 'Scores' });
  await expect(scores.getByText('Not scored yet')).toHaveCount(4);

  const questions = section.locator('.hw-question');
  const count = await questions.count();
  expect(count).toBeGreaterThanOrEqual(9);
  // Every answer is a large target with its scale label.
  const option = questions.first().getByRole('radio', { name: /Mostly/ });
  const target = await questions.first().locator('.hw-scale-option').nth(3).boundingBox();
  expect(target.height).toBeGreaterThanOrEqual(44);
  await expectScaleFits(page);
  await option.tap();
  await expect(option).toBeChecked();
  await expect(scores.getByText('Not scored yet')).toHaveCount(3);

  for (let i = 1; i < count; i += 1) {
    await questions.nth(i).getByRole('radio', { name: /Somewhat/ }).tap();
  }
  await expect(scores.getByText('Not scored yet')).toHaveCount(0);
  await expect(scores.getByText(/^\d{1,3} out of 100$/)).toHaveCount(4);

  // Away and back: the words and the answers are kept.
  await goTo(page, 'Case and returnee');
  await goTo(page, 'Needs and aspirations');
  await expect(aspirations).toHaveValue('Open a tailoring shop in Kolda.\nSend my children to school.');
  await expect(section.getByRole('textbox', { name: /What matters most to you\?/ })).toHaveValue('School\nA shop');
  await expect(questions.first().getByRole('radio', { name: /Mostly/ })).toBeChecked();
  await expect(scores.getByText(/^\d{1,3} out of 100$/)).toHaveCount(4);
});

test('in Arabic both sections read right to left and fit the screen', async ({ page }) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
  await expect(page.locator('.hw-app')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: 'إضافة فرد من الأسرة' }).tap();
  await page.getByRole('button', { name: 'إضافة دين' }).tap();
  const noOverflow = async () => {
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  };
  await noOverflow();
  // Right to left: a field's label starts at the right edge of its field.
  const input = page.getByRole('textbox', { name: 'رقم الملف' });
  const label = page.locator('.hw-case label', { hasText: 'رقم الملف' });
  const [ib, lb] = [await input.boundingBox(), await label.boundingBox()];
  expect(Math.abs(ib.x + ib.width - (lb.x + lb.width))).toBeLessThanOrEqual(2);
  expect(await input.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');

  await page.locator('.hw-pager .hw-next').tap();
  await expect(page.locator('#hw-section-safety')).toBeVisible();
  await noOverflow();
  await page.locator('.hw-pager .hw-next').tap();
  await expect(page.locator('#hw-section-needs')).toBeVisible();
  await expect(page.getByText('هذا فحص إرشادي للرفاه، وليس أداة طبية', { exact: false })).toBeVisible();
  await noOverflow();
  await expectScaleFits(page);
});

test('a date of birth shows the age on the return date, or today while there is none', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-03T10:00:00') });
  await openApp(page);
  const section = page.locator('#hw-section-case');
  await section.getByLabel('Date of birth', { exact: true }).fill('1992-12-10');
  await expect(section.getByText('Age today, 3 December 2026: 33 (no return date yet).')).toBeVisible();
  await section.getByLabel('Date of return').fill('2027-01-15');
  await expect(section.getByText('Age on the return date, 15 January 2027: 34.')).toBeVisible();
  // A household member's too, on the same day; the budget counts on that day.
  await page.getByRole('button', { name: 'Add a household member' }).tap();
  const row = member(page, 1);
  await row.getByLabel('Date of birth').fill('2009-01-20');
  await expect(row.getByText('Age on the return date, 15 January 2027: 17.')).toBeVisible();
  await goTo(page, 'Budget');
  await expect(page.getByText('Ages on the return date, 15 January 2027.')).toBeVisible();
});

test('the template\'s case fields: nationality, the country left, departure, contact after return and counsellor', async ({ page }) => {
  await openApp(page);
  const section = page.locator('#hw-section-case');
  const nationality = section.getByRole('combobox', { name: 'Nationality' });
  await nationality.fill('sene');
  await section.getByRole('option', { name: 'Senegal' }).tap();
  await expect(nationality).toHaveValue('Senegal');
  const host = section.getByRole('combobox', { name: 'Country the returnee leaves' });
  await host.fill('belg');
  await section.getByRole('option', { name: 'Belgium' }).tap();

  // Leaving after the return is a mistake, said at the departure date.
  await section.getByLabel('Date of return').fill('2026-10-02');
  const departure = section.getByLabel('Departure date');
  await departure.fill('2026-10-05');
  await expect(page.locator('[id$="-findings"]').filter({ hasText: 'is after the return date' })).toBeVisible();
  await departure.fill('2026-10-01');
  await expect(page.getByText('is after the return date')).toHaveCount(0);

  const contact = section.getByRole('group', { name: 'Contact after return' });
  await contact.getByRole('textbox', { name: 'Phone number' }).fill('+221 77 123 45 67');
  await contact.getByRole('textbox', { name: 'Address or where they will live' }).fill('Quartier Escale, Kolda');
  await contact.getByRole('combobox', { name: 'Preferred way to be reached' }).selectOption({ label: 'Messaging app' });
  const counsellor = section.getByRole('group', { name: 'Counsellor' });
  await counsellor.getByRole('textbox', { name: 'Counsellor’s name' }).fill('Marie Lambert');
  await counsellor.getByRole('textbox', { name: 'Organisation' }).fill('Caritas International');

  await goTo(page, 'Review and export');
  const summary = page.getByRole('region', { name: 'The plan' });
  await expect(summary).toContainText('Senegal');
  await expect(summary).toContainText('1 October 2026 · Belgium');
  await expect(summary).toContainText('+221 77 123 45 67 · Quartier Escale, Kolda · preferred: Messaging app');
  await expect(summary).toContainText('Marie Lambert, Caritas International');
});
