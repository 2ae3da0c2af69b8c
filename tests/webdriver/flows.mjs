// The core flows, run in every engine of this layer (WebKit and Firefox; Chromium runs the same
// journeys, in more detail, in tests/e2e). Each flow gets a fresh browser session: nothing on
// the device at the start.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startServer } from '../e2e/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(here, '..', 'fixtures');
const FAMILY_PATH = join(FIXTURES, 'plan-family-full.json');
const FAMILY = readFileSync(FAMILY_PATH, 'utf8');
const schema = JSON.parse(readFileSync(join(here, '..', '..', 'schema', 'plan.v3.schema.json'), 'utf8'));

const NAV = 'Sections of the plan';
const EMBED = '[data-homeward]';

/** A file on disk for the file picker. */
function fileNamed(name, text) {
  const dir = mkdtempSync(join(tmpdir(), 'homeward-wd-'));
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function openApp(page, path = '/') {
  await page.goto(path);
  await page.get('navigation', NAV);
}

async function goTo(page, step, scope) {
  await page.click('button', step, { scope });
  await page.get('heading', step, { level: 1, scope });
}

async function importFamily(page, scope) {
  await goTo(page, 'Review and export', scope);
  await page.pickFile('Open a plan file', FAMILY_PATH, { scope });
  const dialog = await page.get('dialog', 'Open this plan?', { scope });
  await page.hasText(dialog, 'SN-2026-0147');
  await page.click('button', 'Open the plan', { scope });
  await page.see('The plan from plan-family-full.json is now open.', scope);
}

async function exportPlan(page, scope, count = 1) {
  await goTo(page, 'Review and export', scope);
  await page.click('button', 'Save the plan as a file', { scope });
  const downloads = await page.downloads(count);
  return downloads[count - 1];
}

const summary = (page, scope) => page.get('region', 'The plan', { scope });
const saved = (page) => page.get('status', /Saved on this device at \d\d:\d\d/);

function validate(plan) {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  for (const [name, max] of [['uint8', 255], ['uint32', 4294967295]]) {
    ajv.addFormat(name, { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 && n <= max });
  }
  const valid = ajv.validate(schema, plan);
  assert.deepEqual(ajv.errors ?? [], [], 'the export validates against the schema');
  assert.ok(valid);
}

/** A stroke with the engine's pointer (mouse) on the signature pad; points are fractions. */
async function drawWithPointer(page, el, points) {
  await page.js((e) => e.scrollIntoView({ block: 'center' }), el);
  const rect = await el.getRect();
  const at = ([fx, fy]) => ({
    x: Math.round(rect.width * (fx - 0.5)),
    y: Math.round(rect.height * (fy - 0.5)),
  });
  let actions = page.driver.actions({ async: true }).move({ origin: el, ...at(points[0]) }).press();
  for (const p of points.slice(1)) actions = actions.move({ origin: el, ...at(p), duration: 50 });
  await actions.release().perform();
}

export const FLOWS = [
  {
    name: 'a plan drafted by clicking and typing survives a reload and exports a valid file',
    async run(page) {
      await openApp(page);
      await page.get('status', /Nothing saved yet/);
      await page.fill('textbox', 'Case reference', 'GN-2026-0310');
      await page.setValue(await page.get('label', 'Date of return'), '2026-12-01');
      await page.fill('textbox', 'Town or village', 'Kindia');
      await page.click('button', 'Add a household member');
      const member = await page.get('group', 'Household member 1');
      await member.findElement({ css: 'option[value="child"]' }).click();

      await goTo(page, 'Needs and aspirations');
      await page.fill('textbox', /What do you want to achieve\?/, 'A tailoring shop of my own.');

      await goTo(page, 'Economic');
      await page.click('button', 'Add a goal');
      // The new goal takes focus on the next animation frame; typing before it would lose keys.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.fill('textbox', 'The goal', 'Economic: a better life');
      await page.click('button', 'Add a measure to goal 1');
      await page.choose('combobox', 'Type of support', 'micro_business');
      await page.fill('textbox', 'What it is, in a few words', 'Sewing machine and fabric');
      await page.choose('combobox', 'When', 'longer_term');
      await page.fill('textbox', 'Estimated cost', '1200');
      await page.click('checkbox', /agrees/);

      await goTo(page, 'Consent and signatures');
      for (const name of [
        'No one put pressure on me',
        'I received the information',
        'I had time to think',
        'I know I can change my mind',
      ]) {
        await page.click('checkbox', name);
      }
      const pad = await page.get('img', "Drawing area for the returnee's signature");
      await drawWithPointer(page, pad, [[0.1, 0.6], [0.25, 0.3], [0.4, 0.7], [0.6, 0.4]]);
      await page.hasText(await page.get('group', 'Signature of the returnee'), /Signed by drawing on/);
      await saved(page);

      await page.reload();
      await page.get('heading', 'Consent and signatures', { level: 1 });
      await page.hasText(await page.get('group', 'Signature of the returnee'), /Signed by drawing on/);
      await goTo(page, 'Case and returnee');
      const reference = await page.get('textbox', 'Case reference');
      assert.equal(await reference.getAttribute('value'), 'GN-2026-0310');

      const file = await exportPlan(page);
      assert.match(file.name, /^homeward-plan-GN-2026-0310-\d{4}-\d\d-\d\d\.json$/);
      const plan = JSON.parse(file.text);
      assert.equal(plan.case.case_reference, 'GN-2026-0310');
      assert.equal(plan.household.length, 1);
      assert.equal(plan.goals[0].measures[0].returnee_agreed, true);
      assert.ok(plan.signatures.returnee.method.drawn.strokes.length > 0, 'the drawn signature is in the file');
      validate(plan);
    },
  },
  {
    name: 'an opened plan is saved on the device, comes back after a reload, and exports the same bytes',
    async run(page) {
      await openApp(page);
      await importFamily(page);
      await saved(page);
      await page.reload();
      await page.get('heading', 'Review and export', { level: 1 });
      await page.hasText(await summary(page), 'Mbour');
      const file = await exportPlan(page);
      assert.equal(file.text, FAMILY);
      await page.see('Saved as homeward-plan-SN-2026-0147-');
    },
  },
  {
    name: 'a malformed file is refused with a message and the open plan stays as it was',
    async run(page) {
      await openApp(page);
      await importFamily(page);
      const broken = fileNamed('broken.json', '{ "format": "homeward.plan", "version": 1, ');
      let alert;
      try {
        await page.pickFile('Open a plan file', broken);
        alert = await page.get('alert', /broken\.json was not opened\./);
      } finally {
        // Only once it was read: the browser reads a picked file from the disk when the app
        // asks, so WebKit said "could not be read" when it was removed right after picking.
        rmSync(dirname(broken), { recursive: true, force: true });
      }
      await page.hasText(alert, /fault at line 1, column \d+/);
      await page.hasText(alert, 'The plan on screen has not changed.');
      assert.equal((await page.all('dialog')).length, 0);
      await page.hasText(await summary(page), 'SN-2026-0147');
    },
  },
  {
    name: 'Arabic lays the app out right to left, and English restores it',
    async run(page) {
      await page.driver.manage().window().setRect({ width: 1180, height: 820 });
      await openApp(page);
      const sides = () =>
        page.js(() => {
          const nav = document.querySelector('nav.hw-nav').getBoundingClientRect();
          const main = document.querySelector('main').getBoundingClientRect();
          const app = document.querySelector('.hw-app');
          return { navLeft: nav.x < main.x, dir: app.getAttribute('dir'), lang: app.getAttribute('lang') };
        });
      assert.deepEqual(await sides(), { navLeft: true, dir: 'ltr', lang: 'en' });
      await page.choose('combobox', 'Language', 'ar');
      await page.get('heading', 'الملف والشخص العائد', { level: 1 });
      assert.deepEqual(await sides(), { navLeft: false, dir: 'rtl', lang: 'ar' });
      await page.choose('combobox', 'اللغة', 'en');
      await page.get('heading', 'Case and returnee', { level: 1 });
      assert.deepEqual(await sides(), { navLeft: true, dir: 'ltr', lang: 'en' });
    },
  },
  {
    name: 'two-language mode shows both languages on the Review step',
    async run(page) {
      await openApp(page);
      await importFamily(page);
      await page.choose('combobox', 'Second language', 'fr');
      const region = await page.get('region', /The plan/);
      const heading = await page.get('heading', /In the returnee's own words/);
      await page.hasText(heading, 'Dans les mots de la personne');
      await page.hasText(region, 'Open my own tailoring workshop in Mbour');
      await page.choose('combobox', 'Second language', '');
      await page.until('one language again', async () => !(await page.text(region)).includes('Dans les mots'));
    },
  },
  {
    name: 'the embedded app is isolated from a hostile host page, drafts, exports and tells the host',
    async run(page) {
      const look = () =>
        page.js(() => {
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
            input: pick('.hw-field input[type="text"]', ['fontSize', 'paddingLeft', 'boxSizing', 'display']),
            label: pick('.hw-field label', ['fontSize', 'fontWeight', 'display']),
          };
        });
      await openApp(page);
      const standalone = await look();
      assert.notEqual(standalone.input, null);

      await page.goto('/examples/host.html');
      await page.get('navigation', NAV, { scope: EMBED });
      assert.deepEqual(await look(), standalone, 'the embedded app looks as it does standalone');
      const hostStyles = await page.js(() => ({
        text: getComputedStyle(document.getElementById('host-text')).fontSize,
        button: getComputedStyle(document.getElementById('host-button')).display,
        title: getComputedStyle(document.getElementById('host-title')).color,
      }));
      assert.deepEqual(hostStyles, { text: '30px', button: 'none', title: 'rgb(192, 0, 0)' });

      await importFamily(page, EMBED);
      const file = await exportPlan(page, EMBED);
      assert.equal(file.text, FAMILY);
      const types = await page.until('the host heard of the export and the change', async () => {
        const events = await page.js('return window.homewardEvents');
        const seen = events.map((e) => e.type);
        return seen.includes('homeward:exported') && seen.includes('homeward:changed') ? events : null;
      });
      // Without the host's opt-in (data-events="with-file") the event names the kind, not the file.
      const exported = types.find((e) => e.type === 'homeward:exported');
      assert.equal(exported.kind, 'plan');
      assert.equal(exported.file, undefined);
      const changed = types.find((e) => e.type === 'homeward:changed');
      assert.deepEqual(Object.keys(changed).sort(), ['completeness', 'type', 'updatedAt']);
    },
  },
  {
    name: 'after one visit the app reloads with the server gone, with the draft',
    async run(page, env) {
      // A server of its own, stopped once the service worker holds the app's files.
      const server = await startServer(env.dist, 0);
      const base = `http://127.0.0.1:${server.address().port}/`;
      try {
        await openApp(page, base);
        await page.until('the service worker controls the page', () =>
          page.js('return !!(navigator.serviceWorker && navigator.serviceWorker.controller)'),
        20_000);
        await importFamily(page);
        await saved(page);
      } finally {
        server.closeAllConnections();
        await new Promise((done) => server.close(done));
      }
      await page.reload();
      await page.get('navigation', NAV);
      await page.hasText(await summary(page), 'SN-2026-0147');
    },
  },
  {
    // WebCrypto in the engine: PBKDF2-SHA-256 (600,000 rounds) and AES-256-GCM, both ways.
    name: 'a plan sealed with a passphrase opens again with it, and a wrong one is refused',
    async run(page) {
      const passphrase = 'mango tree by the river';
      await openApp(page);
      await importFamily(page);
      await page.click('button', 'Save the plan with a passphrase');
      await page.get('dialog', 'Protect the file with a passphrase');
      await page.fill('label', 'Passphrase', passphrase);
      await page.fill('label', 'Passphrase again', passphrase);
      await page.click('button', 'Save protected');
      await page.gone('dialog', 'Protect the file with a passphrase');
      const [sealed] = await page.downloads(1);
      assert.match(sealed.name, /^homeward-plan-SN-2026-0147-\d{4}-\d\d-\d\d\.sealed\.json$/);
      const envelope = JSON.parse(sealed.text);
      assert.equal(envelope.format, 'homeward.sealed');
      assert.deepEqual([envelope.kdf.name, envelope.kdf.hash, envelope.cipher.name], ['PBKDF2', 'SHA-256', 'AES-GCM']);
      for (const plain of ['SN-2026-0147', 'Mbour', 'homeward.plan']) assert.ok(!sealed.text.includes(plain), plain);
      await page.see(`Saved as ${sealed.name}`);

      // The plan leaves the device; only the sealed file can bring it back.
      await page.click('button', 'End session');
      await page.click('button', 'Remove everything');
      await page.get('status', /Session ended/);
      await goTo(page, 'Review and export');
      const path = fileNamed(sealed.name, sealed.text);
      try {
        await page.pickFile('Open a plan file', path);
        const ask = await page.get('dialog', 'This file is protected');
        await page.hasText(ask, sealed.name);
        await page.fill('label', 'Passphrase', 'mango tree by the sea');
        await page.click('button', 'Open the file');
        await page.hasText(await page.get('alert', /This passphrase does not open the file/), 'The open plan has not changed.');
        assert.equal(await (await page.get('label', 'Passphrase')).getAttribute('value'), '');
        assert.ok(!(await page.text(await summary(page))).includes('SN-2026-0147'));

        await page.fill('label', 'Passphrase', passphrase);
        await page.click('button', 'Open the file');
        await page.get('dialog', 'Open this plan?');
        await page.click('button', 'Open the plan');
        await page.see(`The plan from ${sealed.name} is now open.`);
      } finally {
        rmSync(dirname(path), { recursive: true, force: true });
      }
      await page.hasText(await summary(page), 'SN-2026-0147');
      // What was opened is byte for byte what was sealed; the passphrase was not kept.
      const file = await exportPlan(page, undefined, 2);
      assert.equal(file.text, FAMILY);
      const stored = await page.js('return JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage })');
      assert.ok(!stored.includes(passphrase), 'the passphrase is not stored');
    },
  },
  {
    name: 'end session removes the plan from the device after a confirmation',
    async run(page) {
      await openApp(page);
      await importFamily(page);
      await saved(page);
      assert.ok((await page.js('return Object.keys(localStorage).length')) > 0);
      await page.click('button', 'End session');
      await page.get('dialog', 'End the session on this device?');
      await page.click('button', 'Remove everything');
      await page.get('status', /Session ended/);
      await page.get('heading', 'Case and returnee', { level: 1 });
      await new Promise((r) => setTimeout(r, 600)); // past the autosave delay
      assert.deepEqual(await page.js('return Object.keys(localStorage)'), []);
      assert.deepEqual(await page.js('return Object.keys(sessionStorage)'), []);
      await page.reload();
      await page.get('status', /Nothing saved yet/);
    },
  },
  {
    name: 'what the browser promises about keeping the plan is said on screen',
    async run(page, env) {
      await openApp(page);
      const canAsk = await page.js("return !!navigator.storage && 'persist' in navigator.storage");
      // What each engine of this layer offers, checked so that a change is noticed.
      assert.equal(canAsk, env.engine !== 'webkit', `navigator.storage.persist in ${env.engine}`);
      if (!canAsk) {
        await page.see('This browser cannot be asked to keep the plan saved here');
        await page.see('Export the plan at the end of each session to keep a copy.');
      } else {
        // Firefox asks the person (a question of the browser, outside the page) and answers
        // only then: meanwhile the app says what the question means.
        await page.see('This browser asks you whether this site may keep its data.', null);
        await page.see('export the plan to keep a copy.');
      }
    },
  },
];
