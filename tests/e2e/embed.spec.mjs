// Embedding: the snippet on a partner page with a hostile stylesheet mounts an isolated app
// under a sub-path, can draft and export, tells the host, and leaves the host's styles alone.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { test, expect } from './fixtures.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FAMILY = readFileSync(join(here, '..', 'fixtures', 'plan-family-full.json'), 'utf8');

/** Computed styles of a few app elements, to compare the embedded app with the standalone one. */
async function appLook(page) {
  return page.evaluate(() => {
    const host = document.querySelector('[data-homeward]');
    const root = host ? host.shadowRoot : document;
    const pick = (selector, props) => {
      const el = root.querySelector(selector);
      if (!el) return null;
      const style = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, style[p]]));
    };
    return {
      app: pick('.hw-app', ['fontSize', 'fontFamily', 'color', 'lineHeight', 'boxSizing']),
      navButton: pick('.hw-nav-item', ['display', 'fontSize', 'minHeight', 'boxSizing']),
      heading: pick('h1', ['fontSize', 'marginTop']),
      intro: pick('.hw-intro', ['fontSize', 'marginTop', 'marginBottom']),
      pagerButton: pick('.hw-next', ['display', 'fontSize']),
      body: pick('.hw-body', ['paddingTop', 'paddingLeft']),
      input: pick('.hw-field input[type="text"]', ['width', 'fontSize', 'paddingLeft', 'boxSizing', 'display']),
      label: pick('.hw-field label', ['fontSize', 'fontWeight', 'display']),
      checkbox: pick('.hw-check input', ['width', 'height']),
    };
  });
}

test('the embedded app looks as it does standalone, and the host keeps its own styles', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('navigation', { name: 'Sections of the plan' })).toBeVisible();
  const standalone = await appLook(page);

  await page.goto('/examples/host.html');
  const app = page.locator('[data-homeward]');
  await expect(app.getByRole('navigation', { name: 'Sections of the plan' })).toBeVisible();
  const embedded = await appLook(page);
  expect(standalone.input, 'the Case section has text fields to compare').not.toBeNull();
  expect(embedded).toEqual(standalone);

  // The host page keeps its own (hostile) styles.
  const hostStyles = await page.evaluate(() => ({
    text: getComputedStyle(document.getElementById('host-text')).fontSize,
    button: getComputedStyle(document.getElementById('host-button')).display,
    title: getComputedStyle(document.getElementById('host-title')).color,
  }));
  expect(hostStyles).toEqual({ text: '30px', button: 'none', title: 'rgb(192, 0, 0)' });

  // The accent colour of the host's choice.
  const accent = await page.evaluate(() =>
    getComputedStyle(document.querySelector('[data-homeward]').shadowRoot.querySelector('.hw-header')).backgroundColor,
  );
  expect(accent).toBe('rgb(122, 31, 92)');
});

test('the embedded app drafts and exports, and the host hears of it', async ({ page }) => {
  await page.goto('/examples/host.html');
  const app = page.locator('[data-homeward]');
  await app.getByRole('button', { name: 'Review and export' }).tap();
  await app.getByLabel('Open a plan file').setInputFiles({
    name: 'family.json',
    mimeType: 'application/json',
    buffer: Buffer.from(FAMILY),
  });
  await page.getByRole('dialog').getByRole('button', { name: 'Open the plan' }).tap();
  await expect(app.getByText('The plan from family.json is now open.')).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app.getByRole('button', { name: 'Save the plan as a file' }).tap(),
  ]);
  expect(readFileSync(await download.path(), 'utf8')).toBe(FAMILY);

  for (const type of ['homeward:exported', 'homeward:changed']) {
    await expect.poll(() => page.evaluate(() => window.homewardEvents.map((e) => e.type))).toContain(type);
  }
  const events = await page.evaluate(() => window.homewardEvents);
  const exported = events.find((e) => e.type === 'homeward:exported');
  // Without the host's opt-in the event says only what kind of file was saved: no plan.
  expect(exported).toEqual({ type: 'homeward:exported', kind: 'plan', sealed: false });
  const changed = events.find((e) => e.type === 'homeward:changed');
  expect(changed, 'a change event after the plan was saved').toBeTruthy();
  // The change event carries no personal data: only when and how complete.
  expect(Object.keys(changed).sort()).toEqual(['completeness', 'type', 'updatedAt']);
});

test('the app works from a sub-path of any site', async ({ page }) => {
  await page.goto('/sub/homeward/');
  await expect(page.getByRole('navigation', { name: 'Sections of the plan' })).toBeVisible();
});

test('a host page in French opens the embedded app in French, with its texts from the app\'s folder', async ({ page }) => {
  const host = readFileSync(join(here, '..', '..', 'examples', 'host.html'), 'utf8');
  await page.route('**/examples/host.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: host.replace('data-lang="en"', 'data-lang="fr"') }),
  );
  const fetched = [];
  page.on('request', (request) => {
    if (request.url().includes('/lang-')) fetched.push(new URL(request.url()).pathname);
  });
  await page.goto('/examples/host.html');
  const app = page.locator('[data-homeward]');
  await expect(app.getByRole('navigation', { name: 'Sections du plan' })).toBeVisible();
  await expect(app.getByRole('heading', { level: 1, name: 'Dossier et personne de retour' })).toBeVisible();
  expect(fetched).toHaveLength(1);
  expect(fetched[0]).toMatch(/^\/sub\/homeward\/lang-fr-[0-9a-f]{16}\.json$/);
});

test('with data-events="with-file" the host gets exactly the file that was saved', async ({ page }) => {
  await page.goto('/examples/host-with-file.html');
  const app = page.locator('[data-homeward]');
  await app.getByRole('button', { name: 'Review and export' }).tap();
  await app.getByLabel('Open a plan file').setInputFiles({
    name: 'family.json',
    mimeType: 'application/json',
    buffer: Buffer.from(FAMILY),
  });
  await page.getByRole('dialog').getByRole('button', { name: 'Open the plan' }).tap();
  await expect(app.getByText('The plan from family.json is now open.')).toBeVisible();

  await Promise.all([
    page.waitForEvent('download'),
    app.getByRole('button', { name: 'Save the plan as a file' }).tap(),
  ]);
  await expect.poll(() => page.evaluate(() => window.homewardEvents.filter((e) => e.type === 'homeward:exported').length)).toBe(1);
  let exported = (await page.evaluate(() => window.homewardEvents)).filter((e) => e.type === 'homeward:exported');
  expect(exported[0]).toEqual({ type: 'homeward:exported', kind: 'plan', sealed: false, file: FAMILY });

  // The partner's file: the event carries that file, never the whole plan.
  await app.getByRole('button', { name: 'Save the file for the partner' }).tap();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app.getByRole('button', { name: 'Save the partner file' }).tap(),
  ]);
  const partnerFile = readFileSync(await download.path(), 'utf8');
  await expect.poll(() => page.evaluate(() => window.homewardEvents.filter((e) => e.type === 'homeward:exported').length)).toBe(2);
  exported = (await page.evaluate(() => window.homewardEvents)).filter((e) => e.type === 'homeward:exported');
  expect(exported[1].kind).toBe('partner');
  expect(exported[1].sealed).toBe(false);
  expect(exported[1].file).toBe(partnerFile);
  expect(exported[1].file).not.toBe(FAMILY);
});

async function exportInFrame(page) {
  const frame = page.frameLocator('#homeward');
  await frame.getByRole('button', { name: 'Review and export' }).tap();
  await frame.getByLabel('Open a plan file').setInputFiles({
    name: 'family.json',
    mimeType: 'application/json',
    buffer: Buffer.from(FAMILY),
  });
  await frame.getByRole('dialog').getByRole('button', { name: 'Open the plan' }).tap();
  await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: 'Save the plan as a file' }).tap(),
  ]);
}

test('in an iframe, messages go to the configured parent origin', async ({ page }) => {
  await page.goto('/examples/iframe.html?configured=1');
  await exportInFrame(page);
  await expect
    .poll(() => page.evaluate(() => window.homewardMessages.map((m) => m.type)))
    .toEqual(expect.arrayContaining(['homeward:exported', 'homeward:changed']));
  const messages = await page.evaluate(() => window.homewardMessages);
  const origin = new URL(page.url()).origin;
  expect(messages.every((m) => m.origin === origin)).toBe(true);
  // No file without the host's opt-in.
  expect(messages.find((m) => m.type === 'homeward:exported').detail).toEqual({ kind: 'plan', sealed: false });
});

test('in an iframe with events=with-file, the saved file comes with the message', async ({ page }) => {
  await page.goto('/examples/iframe.html?configured=1&with-file=1');
  await exportInFrame(page);
  await expect
    .poll(() => page.evaluate(() => window.homewardMessages.map((m) => m.type)))
    .toContain('homeward:exported');
  const messages = await page.evaluate(() => window.homewardMessages);
  expect(messages.find((m) => m.type === 'homeward:exported').detail).toEqual({ kind: 'plan', sealed: false, file: FAMILY });
});

test('in an iframe with no parent origin configured, nothing is posted', async ({ page }) => {
  await page.goto('/examples/iframe.html');
  await exportInFrame(page);
  await page.waitForTimeout(800); // past the autosave, which would post a change
  expect(await page.evaluate(() => window.homewardMessages)).toEqual([]);
});
