// Safety on return: a worry entered with the returnee blocks signing until a referral and the
// counsellor's review are recorded; the returnee's copy lists the referral and what they were
// told; a host configuration that suspends returns to the plan's region says so, with its source.
import { readFileSync } from 'node:fs';
import { test, expect, openApp, goTo } from './fixtures.mjs';

const THREAT = 'Could someone harm you or take away your freedom when you go back?';

test('a safety worry blocks signing until a referral and a review are recorded', async ({ page }) => {
  await openApp(page);
  await goTo(page, 'Safety on return');
  const question = page.getByRole('group', { name: THREAT });
  await expect(question.getByRole('radio', { name: 'Not asked yet' })).toBeChecked();
  await question.getByRole('radio', { name: 'Yes' }).tap();
  await expect(question.getByRole('radio', { name: 'Yes' })).toBeChecked();
  await question.getByRole('textbox', { name: 'Note: who, where, what was said' }).fill('The armed group in his village');
  await expect(question.locator('.hw-findings').first()).toContainText('Error: Safety worry: Threats on return.');
  const status = page.getByRole('status').filter({ hasText: 'Waiting for a referral or a review' });
  await expect(status).toContainText('Threats on return');

  // Signing is refused, and says why.
  await goTo(page, 'Consent and signatures');
  await expect(page.getByText('Signing is not possible yet')).toBeVisible();
  await expect(page.locator('.hw-signing-refused')).toContainText('Threats on return');
  const returnee = page.getByRole('group', { name: 'Signature of the returnee' });
  await returnee.getByRole('radio', { name: 'Type the name' }).tap();
  const name = returnee.getByRole('textbox', { name: 'Name of the returnee, as signature' });
  await expect(name).toBeDisabled();
  await expect(returnee).toContainText('Not signed yet');

  // A referral, agreed by the returnee: still no review, still refused.
  await page.getByRole('button', { name: 'Go to Safety on return' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Safety on return' })).toBeVisible();
  await question.getByRole('button', { name: 'Add a referral' }).tap();
  const referral = question.getByRole('group', { name: 'Referral 1' });
  await referral.getByRole('combobox', { name: 'Who can help' }).selectOption({ label: 'Protection service' });
  await referral.getByRole('textbox', { name: 'Organisation' }).fill('National referral mechanism');
  await expect(referral.locator('.hw-findings li')).toContainText('has not agreed to this referral');
  await referral.getByRole('checkbox', { name: 'The returnee agrees to this referral' }).tap();
  await expect(referral.locator('.hw-findings li')).toHaveCount(0);
  await expect(question.locator('.hw-findings').first()).toContainText('Record your review');
  await goTo(page, 'Consent and signatures');
  await expect(page.locator('.hw-signing-refused')).toBeVisible();
  // The signature pad opens in drawing mode each time the section is drawn.
  await returnee.getByRole('radio', { name: 'Type the name' }).tap();
  await expect(name).toBeDisabled();

  // The counsellor's review: who, when, decision. Signing is now possible.
  await goTo(page, 'Safety on return');
  await question.getByRole('textbox', { name: 'Reviewed by' }).fill('M. Ndiaye');
  await question.getByLabel('Day of the review').fill('2026-11-20');
  await question.getByRole('combobox', { name: 'Decision' }).selectOption({ label: 'Go ahead with the return' });
  await expect(page.getByRole('status').filter({ hasText: 'No safety worry is waiting' })).toBeVisible();
  await expect(question.locator('.hw-findings').first().locator('li')).toHaveCount(0);

  // What the returnee was told before departure.
  await page.getByRole('checkbox', { name: 'The right to change their mind' }).tap();
  await expect(page.getByLabel('Day told: The right to change their mind')).not.toHaveValue('');

  await goTo(page, 'Consent and signatures');
  await expect(page.locator('.hw-signing-refused')).toHaveCount(0);
  await returnee.getByRole('radio', { name: 'Type the name' }).tap();
  await expect(name).toBeEnabled();
  await name.fill('Moussa Traoré');
  await expect(returnee).toContainText('Signed with the typed name “Moussa Traoré”');

  // The returnee's copy lists the referral made for them and what they were told.
  await goTo(page, 'Review and export');
  const copy = page.locator('.hw-summary-safety');
  await expect(copy.getByRole('heading', { name: 'Referrals made for you' })).toBeVisible();
  await expect(copy).toContainText('Protection service: National referral mechanism');
  await expect(copy).toContainText('You agreed');
  await expect(copy).toContainText(/The right to change their mind\s*Told on \d{1,2} [A-Z][a-z]+ \d{4}/);
  await page.emulateMedia({ media: 'print' });
  await expect(copy).toBeVisible();
  await page.emulateMedia({ media: 'screen' });

  // A worry raised after signing is an error on the signature.
  await goTo(page, 'Safety on return');
  await page.getByRole('group', { name: /persecuted/ }).getByRole('radio', { name: 'Yes' }).tap();
  await goTo(page, 'Consent and signatures');
  await expect(
    returnee.locator('.hw-findings li').filter({ hasText: 'while a safety worry still has no referral or review' }),
  ).toHaveCount(1);
});

test('the screening is asked in two languages at once', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('Second language').selectOption('ar');
  await goTo(page, 'Safety on return');
  const question = page.getByRole('group', { name: /Could someone harm you/ });
  await expect(question.locator('legend .hw-second')).toHaveText('هل يمكن أن يؤذيك أحد أو يحرمك من حريتك عند عودتك؟');
  await expect(question.locator('.hw-answer').first().locator('.hw-second')).toHaveText('نعم');
});

test('a host configuration that suspends returns to the plan region shows the finding with its source', async ({ page }) => {
  const preset = JSON.parse(
    readFileSync(new URL('../../crates/plan/src/programme/presets/eurp_voluntary.json', import.meta.url), 'utf8'),
  );
  const config = {
    ...preset,
    id: 'eurp_mali',
    name: { en: 'EURP, returns to Mali' },
    return_restrictions: [
      { country: 'ML', region: 'Mopti', level: 'suspended', since: '2026-03-01', source: 'UNHCR position on returns to Mali' },
    ],
  };
  await page.route((url) => url.pathname === '/mali.json', (route) => route.fulfill({ json: config }));
  await openApp(page, '/?programme=/mali.json');
  await page.getByRole('textbox', { name: 'Country of return' }).fill('ML');
  const region = page.getByRole('textbox', { name: 'Region or province' });
  await region.fill('Mopti');
  const text = 'The programme has suspended returns to Mopti (ML) since 1 March 2026. Source: UNHCR position on returns to Mali.';
  const field = page.locator('.hw-field').filter({ has: region });
  await expect(field.locator('.hw-findings')).toContainText(text);
  await expect(region).toHaveAttribute('aria-invalid', 'true');

  await goTo(page, 'Review and export');
  const listed = page.locator('.hw-finding-list li').filter({ hasText: text });
  await expect(listed).toContainText('Error');
  await listed.getByRole('button', { name: 'Go to Case and returnee' }).tap();
  await region.fill('Kayes');
  await expect(field.locator('.hw-findings li')).toHaveCount(0);
});
