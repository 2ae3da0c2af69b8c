// Safety on return: a worry entered with the returnee blocks signing until a referral and the
// counsellor's review are recorded; the returnee's copy lists the referral and what they were
// told; a host configuration that suspends returns to the plan's region says so, with its source;
// the answers, notes, referrals and reviews reach a partner only with the returnee's consent to
// share such details.
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
  // Typed as a code and left: the picker takes the country with that code.
  await page.getByRole('combobox', { name: 'Country of return' }).fill('ML');
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

test('the partner file carries the safety answers, notes, referrals and reviews only with consent to share such details', async ({ page }) => {
  const family = readFileSync(new URL('../fixtures/plan-family-full.json', import.meta.url), 'utf8');
  const plan = JSON.parse(family);
  // Texts typed now, each found nowhere else in the plan, and those the plan already holds.
  const typed = {
    note: 'Two men from the Kaolack cattle market vowed revenge',
    organisation: 'Maison Rose shelter of Guédiawaye',
    referral: 'A safe room for her first nights back',
    reviewer: 'Awa Diop-Mbengue, protection officer',
    review: 'Decided after a call with the Guédiawaye shelter',
  };
  // The answers the plan holds, but the one typed over below.
  const answers = Object.entries(plan.protection)
    .filter(([key, v]) => key !== 'threat_on_return' && v && typeof v === 'object' && 'review' in v)
    .map(([, v]) => v);
  const held = [
    ...answers.flatMap((a) => [a.note, a.review.reviewed_by, a.review.note]),
    ...plan.protection.referrals.flatMap((r) => [r.organisation, r.note]),
  ].filter((t) => t.length > 8);
  const protectionTexts = [...Object.values(typed), ...held];
  // Each is found nowhere else in the plan, so its absence from the file means something.
  const elsewhere = JSON.stringify({ ...plan, protection: null });
  for (const text of protectionTexts) expect(elsewhere).not.toContain(text);

  await openApp(page);
  await goTo(page, 'Review and export');
  await page.getByLabel('Open a plan file').setInputFiles({
    name: 'family.json',
    mimeType: 'application/json',
    buffer: Buffer.from(family),
  });
  await page.getByRole('dialog').getByRole('button', { name: 'Open the plan' }).tap();
  await expect(page.getByText('The plan from family.json is now open.')).toBeVisible();

  // A worry with its note, a referral and the review, entered through the interface.
  await goTo(page, 'Safety on return');
  const question = page.getByRole('group', { name: THREAT });
  await question.getByRole('radio', { name: 'Yes' }).tap();
  await question.getByRole('textbox', { name: 'Note: who, where, what was said' }).fill(typed.note);
  await question.getByRole('button', { name: 'Add a referral' }).tap();
  const referral = question.getByRole('group', { name: 'Referral 1' });
  await referral.getByRole('combobox', { name: 'Who can help' }).selectOption({ label: 'Shelter' });
  await referral.getByRole('textbox', { name: 'Organisation' }).fill(typed.organisation);
  await referral.getByRole('checkbox', { name: 'The returnee agrees to this referral' }).tap();
  await referral.getByRole('textbox', { name: 'What for' }).fill(typed.referral);
  await question.getByRole('textbox', { name: 'Reviewed by' }).fill(typed.reviewer);
  await question.getByLabel('Day of the review').fill('2026-11-20');
  await question.getByRole('combobox', { name: 'Decision' }).selectOption({ label: 'Go ahead with the return' });
  await question.getByRole('textbox', { name: 'Why' }).fill(typed.review);
  await expect(page.getByRole('status').filter({ hasText: 'No safety worry is waiting' })).toBeVisible();

  // Without consent to share such details: none of it, in the preview or in the file.
  const details = page.getByRole('checkbox', { name: 'Health and psychosocial details may be shared too' });
  await goTo(page, 'Consent and signatures');
  await details.uncheck();
  await expect(details).not.toBeChecked();
  await goTo(page, 'Review and export');
  await page.getByRole('button', { name: 'Save the file for the partner' }).tap();
  let preview = page.getByRole('region', { name: 'The file for the partner' });
  await preview.getByRole('combobox', { name: 'Receiving organisation' }).selectOption('Caritas Sénégal');
  let reads = preview.getByRole('region', { name: 'What the partner will read' });
  const withheld = preview.getByRole('region', { name: 'What is withheld' });
  await expect(withheld).toContainText('Answer about safety on return');
  await expect(withheld).toContainText('Referral for protection');
  await expect(reads).toContainText('Earn a living from my own tailoring workshop');
  const readable = await reads.innerText();
  for (const text of protectionTexts) {
    expect(readable, `the preview must not show "${text}"`).not.toContain(text);
  }
  let [download] = await Promise.all([
    page.waitForEvent('download'),
    preview.getByRole('button', { name: 'Save the partner file' }).tap(),
  ]);
  let text = readFileSync(await download.path(), 'utf8');
  for (const secret of protectionTexts) {
    expect(text, `the partner file must not hold "${secret}"`).not.toContain(secret);
  }
  let file = JSON.parse(text);
  expect(file.partner_file).toMatchObject({ recipient: 'Caritas Sénégal', special_category_shared: false });
  expect(file.protection.referrals).toEqual([]);
  for (const answer of ['threat_on_return', 'creditor_threats']) {
    expect(file.protection[answer]).toEqual({
      answer: 'not_asked',
      note: '',
      review: { reviewed_by: '', reviewed_on: null, outcome: null, note: '' },
    });
    expect(file.partner_file.withheld.map((w) => w.path)).toContain(`/protection/${answer}`);
  }
  expect(file.protection.threatening_debt_id).toBeNull();

  // With that consent: all of it, for the organisation named.
  await goTo(page, 'Consent and signatures');
  await details.check();
  await expect(details).toBeChecked();
  await goTo(page, 'Review and export');
  await page.getByRole('button', { name: 'Save the file for the partner' }).tap();
  preview = page.getByRole('region', { name: 'The file for the partner' });
  await preview.getByRole('combobox', { name: 'Receiving organisation' }).selectOption('Centre de santé mentale');
  reads = preview.getByRole('region', { name: 'What the partner will read' });
  await expect(preview.getByRole('region', { name: 'What is withheld' })).toContainText('Nothing is withheld');
  await expect(reads).toContainText(`Shelter: ${typed.organisation}`);
  [download] = await Promise.all([
    page.waitForEvent('download'),
    preview.getByRole('button', { name: 'Save the partner file' }).tap(),
  ]);
  text = readFileSync(await download.path(), 'utf8');
  for (const shared of protectionTexts) expect(text, `the partner file holds "${shared}"`).toContain(shared);
  file = JSON.parse(text);
  expect(file.partner_file).toMatchObject({ recipient: 'Centre de santé mentale', special_category_shared: true, withheld: [] });
  expect(file.protection.threat_on_return).toMatchObject({ answer: 'yes', note: typed.note });
  expect(file.protection.referrals.map((r) => r.organisation)).toContain(typed.organisation);
});
