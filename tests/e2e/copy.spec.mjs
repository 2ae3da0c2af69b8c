// The returnee's copy, printed in Arabic: their goals and measures, the dates ahead, the
// payments and who to contact, in plain words, without the counsellor's notes, the needs
// summary or the assessment. Checked on the page as printed and in the PDF.
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect, goTo, pdfPages } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FAMILY = readFileSync(join(here, '..', 'fixtures', 'plan-family-full.json'), 'utf8');

test('the returnee\'s copy in Arabic holds their plan and none of the counsellor\'s notes', async ({ page }) => {
  await page.clock.install({ time: new Date('2026-12-03T10:00:00') });
  // The print dialog is the browser's: here it only counts, and the test prints to PDF.
  await page.addInitScript(() => { window.print = () => { window.printed = (window.printed ?? 0) + 1; }; });
  await page.goto('/');
  await goTo(page, 'Review and export');
  await page.getByLabel('Open a plan file').setInputFiles({
    name: 'family.json', mimeType: 'application/json', buffer: Buffer.from(FAMILY),
  });
  await page.getByRole('dialog').getByRole('button', { name: 'Open the plan' }).tap();
  await expect(page.getByText('The plan from family.json is now open.')).toBeVisible();

  const language = page.getByRole('combobox', { name: 'Language of the copy' });
  await expect(language, 'the returnee speaks French first').toHaveValue('fr');
  await language.selectOption('ar');
  await page.getByRole('button', { name: 'Print the returnee\'s copy' }).tap();
  await expect.poll(() => page.evaluate(() => window.printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  const copy = page.locator('.hw-returnee-copy');
  await expect(copy).toBeVisible();
  await expect(copy).toHaveAttribute('lang', 'ar');
  await expect(copy).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.hw-summary'), 'the plan itself is not on this paper').toBeHidden();
  const words = await copy.innerText();
  for (const expected of ['خطتي لإعادة الإدماج', 'Awa Diop', 'أهدافي والدعم المخطط له', 'المواعيد القادمة',
    'ما سأحصل عليه', 'بمن أتصل', 'Caritas Sénégal', 'District health centre', 'Open my own tailoring workshop']) {
    expect(words, expected).toContain(expected);
  }
  // Ahead of 3 December 2026: the payment of 1 December and the done contact are past.
  await expect(copy.locator('li').filter({ hasText: 'مكالمة هاتفية' }).or(copy.locator('li').filter({ hasText: 'زيارة' }))).not.toHaveCount(0);
  const plan = JSON.parse(FAMILY);
  for (const secret of [plan.case.health_note, plan.case.vulnerability_note, plan.needs.summary.psychosocial,
    plan.needs.summary.economic, plan.case.skills, 'Reintegration plan', 'The plan']) {
    expect(words, 'left out of the copy').not.toContain(secret);
  }

  const printed = pdfPages(await page.pdf({ format: 'A4' }));
  const text = printed.join('\n');
  expect(printed.length).toBeLessThanOrEqual(3);
  expect(text).toContain('Awa Diop');
  expect(text).toContain('Caritas Sénégal');
  for (const secret of [plan.case.health_note, 'Homeward', 'Review and export', 'Reintegration plan']) {
    expect(text, 'not on paper').not.toContain(secret);
  }

  // After printing the page is as it was.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await expect(copy).toHaveCount(0);
});
