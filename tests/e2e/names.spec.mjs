// Countries and languages by name, in the interface language (the browser's Intl.DisplayNames):
// typed with or without accents, in Arabic too, picked by tap or by keyboard; the file keeps
// the codes. Standalone and embedded.
import { readFileSync } from 'node:fs';
import { test, expect, goTo } from './fixtures.mjs';

const MODES = [
  ['standalone', '/', (page) => page.locator('body')],
  ['embedded', '/examples/host.html', (page) => page.locator('[data-homeward]')],
];

/** The plan as saved to a file. */
async function savedPlan(page, app) {
  await goTo(page, 'Review and export');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app.getByRole('button', { name: 'Save the plan as a file' }).tap(),
  ]);
  return JSON.parse(readFileSync(await download.path(), 'utf8'));
}

for (const [mode, path, root] of MODES) {
  test(`${mode}: the country and the languages are picked by name and saved as codes`, async ({ page }) => {
    await page.goto(path);
    const app = root(page);
    const country = app.getByRole('combobox', { name: 'Country of return' });
    await expect(country).toBeVisible();

    // By keyboard: type, arrow down, Enter.
    await country.fill('sen');
    await expect(app.getByRole('option', { name: 'Senegal' })).toBeVisible();
    await expect(country).toHaveAttribute('aria-expanded', 'true');
    await country.press('ArrowDown');
    await expect(country).toHaveAttribute('aria-activedescendant', /.+/);
    await country.press('Enter');
    await expect(country).toHaveValue('Senegal');
    await expect(country).toHaveAttribute('aria-expanded', 'false');

    // By touch, two languages, the preferred first.
    const languages = app.getByRole('combobox', { name: 'Languages' });
    await languages.fill('Wol');
    await app.getByRole('option', { name: 'Wolof' }).tap();
    await languages.fill('french');
    await app.getByRole('option', { name: 'French', exact: true }).tap();
    await expect(app.locator('.hw-chip > span')).toHaveText(['Wolof', 'French']);
    await app.getByRole('button', { name: 'Remove Wolof' }).tap();
    await languages.fill('wolof');
    await app.getByRole('option', { name: 'Wolof' }).tap();
    await expect(app.locator('.hw-chip > span')).toHaveText(['French', 'Wolof']);

    // A name that matches nothing stays, says so, and changes nothing.
    await country.fill('Atlantis');
    await expect(app.getByText('No name matches what is typed.')).toBeVisible();
    await languages.focus();
    await expect(app.getByText(/Nothing by that name/)).toBeVisible();
    await expect(country).toHaveAttribute('aria-invalid', 'true');
    await expect(country).toHaveValue('Atlantis');
    await country.fill('Senegal');
    await languages.focus();
    await expect(app.getByText(/Nothing by that name/)).toHaveCount(0);

    const plan = await savedPlan(page, app);
    expect(plan.case.country_of_return).toBe('SN');
    expect(plan.case.languages).toEqual(['fr', 'wo']);
  });
}

test('in French and in Arabic the names are the language\'s own, found with or without accents', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('fr');
  const country = page.getByRole('combobox', { name: 'Pays de retour' });
  await country.fill('Sen');
  await expect(page.getByRole('option', { name: 'Sénégal' })).toBeVisible();
  await country.fill('Sén');
  await page.getByRole('option', { name: 'Sénégal' }).tap();
  await expect(country).toHaveValue('Sénégal');
  // A name typed in English is found too.
  await country.fill('Guinea-Bissau');
  await expect(page.getByRole('option', { name: 'Guinée-Bissau' })).toBeVisible();
  await page.getByRole('option', { name: 'Guinée-Bissau' }).tap();

  await page.getByRole('combobox', { name: 'Langue', exact: true }).selectOption('ar');
  const arabic = page.getByRole('combobox', { name: 'بلد العودة' });
  await expect(arabic, 'the picked country shows in the new language').toHaveValue('غينيا بيساو');
  await arabic.fill('السن');
  await page.getByRole('option', { name: 'السنغال' }).tap();
  await expect(arabic).toHaveValue('السنغال');
  const languages = page.getByRole('combobox', { name: 'اللغات' });
  await languages.fill('الفرن');
  await page.getByRole('option', { name: 'الفرنسية' }).tap();
  await expect(page.locator('.hw-chip > span')).toHaveText(['الفرنسية']);
});
