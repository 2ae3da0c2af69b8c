// Languages: switching at run time keeps everything on screen; Arabic mirrors the whole layout;
// two-language mode shows both languages; amounts are written the way each language writes them.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, expect, goTo, openApp, openPlanFile } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FAMILY = readFileSync(join(here, '..', 'fixtures', 'plan-family-full.json'), 'utf8');

const openFamilyPlan = (page) => openPlanFile(page, 'family.json', FAMILY);

const box = (locator) => locator.boundingBox();

test('Arabic lays the app out right to left, and English restores it', async ({ page }) => {
  await page.setViewportSize({ width: 1180, height: 820 });
  await openFamilyPlan(page);
  const app = page.locator('.hw-app');
  const nav = page.locator('nav.hw-nav');
  const main = page.locator('main');

  let [n, m] = [await box(nav), await box(main)];
  expect(n.x).toBeLessThan(m.x); // navigation on the left
  const back = page.locator('.hw-previous');
  let [b, h] = [await box(back), await box(page.locator('h1'))];
  expect(b.x).toBeLessThanOrEqual(h.x + 1); // back button starts where reading starts

  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('ar');
  await expect(app).toHaveAttribute('dir', 'rtl');
  await expect(app).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1, name: 'المراجعة والتصدير' })).toBeVisible();
  [n, m] = [await box(nav), await box(main)];
  expect(n.x).toBeGreaterThan(m.x); // navigation on the right
  [b, h] = [await box(back), await box(page.locator('h1'))];
  expect(b.x + b.width).toBeGreaterThanOrEqual(h.x + h.width - 1); // back button on the right
  // The arrow of "back" points the way of reading.
  const arrow = await back.locator('.hw-arrow').evaluate((el) => getComputedStyle(el).transform);
  expect(arrow).not.toBe('none');
  // Nothing on screen was lost.
  await expect(page.getByText('SN-2026-0147', { exact: true })).toBeVisible();

  await page.getByRole('combobox', { name: 'اللغة', exact: true }).selectOption('en');
  await expect(app).toHaveAttribute('dir', 'ltr');
  [n, m] = [await box(nav), await box(main)];
  expect(n.x).toBeLessThan(m.x);
  await expect(page.getByText('SN-2026-0147', { exact: true })).toBeVisible();
});

test('two-language mode shows both languages on the Review step', async ({ page }) => {
  await openFamilyPlan(page);
  await page.getByRole('combobox', { name: 'Second language' }).selectOption('fr');
  const summary = page.getByRole('region', { name: /The plan/ });
  await expect(summary.getByRole('heading', { name: /In the returnee's own words/ })).toContainText(
    'Dans les mots de la personne',
  );
  await expect(summary.locator('[lang="fr"]').first()).toBeVisible();
  // The plan's own words are never translated.
  await expect(summary).toContainText('Open my own tailoring workshop in Mbour');
  await page.getByRole('combobox', { name: 'Second language' }).selectOption('');
  await expect(summary).not.toContainText('Dans les mots de la personne');
});

test('amounts and dates are written the way each language writes them', async ({ page }) => {
  await openFamilyPlan(page);
  const summary = page.getByRole('region', { name: 'The plan' });
  await expect(summary).toContainText('1,845.00\u00a0EUR');
  await expect(summary).toContainText('2 October 2026');
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('fr');
  const resume = page.getByRole('region', { name: 'Le plan' });
  await expect(resume).toContainText('1\u202f845,00\u00a0EUR');
  await expect(resume).toContainText('2 octobre 2026');
  await page.getByRole('combobox', { name: 'Langue', exact: true }).selectOption('es');
  await expect(page.getByRole('region', { name: 'El plan' })).toContainText('1.845,00\u00a0EUR');
});

test('two-language mode doubles every heading and label of a section the same way', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('combobox', { name: 'Second language' }).selectOption('ar');
  await goTo(page, 'Economic');
  const heading = page.getByRole('heading', { level: 1, name: /Economic/ });
  await expect(heading.locator('[lang="ar"]')).toHaveText('الاقتصادي');
  await expect(page.locator('.hw-intro [lang="ar"]')).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Add a goal' }).tap();
  const goal = page.locator('.hw-goal').first();
  await expect(goal.getByRole('heading', { level: 3 }).locator('[lang="ar"]')).toContainText('1');
  await expect(goal.locator('.hw-measures-heading [lang="ar"]')).not.toHaveCount(0);
  await expect(goal.locator('.hw-private label [lang="ar"]')).not.toHaveCount(0);
  await goTo(page, 'Budget');
  await expect(page.locator('.hw-sources summary [lang="ar"]')).not.toHaveCount(0);
});

// Only English is in the app; another language's texts are fetched from the app's folder when
// it is first chosen (or asked for by the page), and kept.
function languageFiles(page) {
  const fetched = [];
  page.on('request', (request) => {
    const name = new URL(request.url()).pathname.split('/').pop();
    if (name.startsWith('lang-')) fetched.push(name);
  });
  return fetched;
}

test('a language is fetched once, when first chosen, and a page asked in French opens in French', async ({ page }) => {
  const fetched = languageFiles(page);
  await openApp(page, '/?lang=en');
  await expect(page.getByRole('heading', { level: 1, name: 'Case and returnee' })).toBeVisible();
  expect(fetched).toEqual([]);

  const picker = page.getByRole('combobox', { name: 'Language', exact: true });
  await picker.selectOption('fr');
  await expect(page.locator('.hw-app')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { level: 1, name: 'Dossier et personne de retour' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Langue', exact: true }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Case and returnee' })).toBeVisible();
  await picker.selectOption('fr');
  await expect(page.locator('.hw-app')).toHaveAttribute('lang', 'fr');
  expect(fetched).toHaveLength(1);
  expect(fetched[0]).toMatch(/^lang-fr-[0-9a-f]{16}\.json$/);

  // Asked for in the address, the first screen is already in that language: no English flash.
  const fresh = await page.context().newPage();
  await fresh.addInitScript(() => {
    window.headings = [];
    new MutationObserver(() => {
      const text = document.querySelector('h1')?.textContent;
      if (text && !window.headings.includes(text)) window.headings.push(text);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  await fresh.goto('/?lang=ar');
  await expect(fresh.getByRole('navigation', { name: 'أقسام الخطة' })).toBeVisible();
  await expect(fresh.locator('.hw-app')).toHaveAttribute('dir', 'rtl');
  expect(await fresh.evaluate(() => window.headings)).toEqual(['الملف والشخص العائد']);
  await fresh.close();
});

test('a language that cannot be fetched leaves the interface as it was and says why', async ({ page, context, watch }) => {
  // The context's route also stops the service worker from keeping the file.
  await context.route(/\/lang-es-[0-9a-f]{16}\.json$/, (route) => route.abort('internetdisconnected'));
  await openApp(page, '/?lang=en');
  const picker = page.getByRole('combobox', { name: 'Language', exact: true });
  await picker.selectOption('es');
  await expect(page.getByRole('alert')).toContainText('The texts in Español could not be loaded');
  await expect(page.getByRole('heading', { level: 1, name: 'Case and returnee' })).toBeVisible();
  await expect(picker).toHaveValue('en');
  await expect(page.locator('.hw-app')).toHaveAttribute('lang', 'en');

  // A page asked in that language opens in English, and says why.
  await page.goto('/?lang=es');
  await expect(page.getByRole('navigation', { name: 'Sections of the plan' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('The texts in Español could not be loaded');

  // Once the file can be fetched, choosing the language again works.
  await context.unroute(/\/lang-es-[0-9a-f]{16}\.json$/);
  await picker.selectOption('es');
  await expect(page.locator('.hw-app')).toHaveAttribute('lang', 'es');
  // The failed requests are reported by the browser itself; nothing else went wrong.
  const others = watch.problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED'));
  watch.problems.splice(0, watch.problems.length, ...others);
});

test('a language chosen and then changed before its texts arrived is not switched to', async ({ page, context }) => {
  let frenchAsked;
  const frenchDone = new Promise((resolve) => { frenchAsked = resolve; });
  await context.route(/\/lang-fr-[0-9a-f]{16}\.json$/, async (route) => {
    await new Promise((wait) => setTimeout(wait, 1500));
    await route.continue();
    frenchAsked();
  });
  await openApp(page, '/?lang=en');
  const picker = page.getByRole('combobox', { name: 'Language', exact: true });
  await picker.selectOption('fr');
  await picker.selectOption('es');
  await expect(page.locator('.hw-app')).toHaveAttribute('lang', 'es');
  await frenchDone;
  // The French texts arrived after the choice of Spanish: the interface stays in Spanish.
  await page.waitForTimeout(300);
  await expect(page.locator('.hw-app')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('combobox', { name: 'Idioma', exact: true })).toHaveValue('es');
});
