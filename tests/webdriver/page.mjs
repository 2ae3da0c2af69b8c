// What the flows need from a browser, over WebDriver: elements found by role and accessible
// name (as the Chromium suite finds them with Playwright), clicks and typing through the
// driver, waiting until something holds, and a watch on the console and the requests.
import { By } from 'selenium-webdriver';

/** Runs in the page: the visible elements of a role whose accessible name matches. `scope` is
 *  a CSS selector of an element to search in (its shadow root if it has one). */
function findByRole(role, name, options) {
  const ROLES = {
    button: 'button, [role=button], input[type=button], input[type=submit]',
    textbox:
      'input:not([type]), input[type=text], input[type=email], input[type=tel], input[type=search], textarea, [role=textbox]',
    combobox: 'select:not([multiple]), [role=combobox]',
    checkbox: 'input[type=checkbox], [role=checkbox]',
    radio: 'input[type=radio], [role=radio]',
    heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
    navigation: 'nav, [role=navigation]',
    dialog: 'dialog, [role=dialog]',
    status: '[role=status], output',
    alert: '[role=alert]',
    region: 'section[aria-label], section[aria-labelledby], [role=region]',
    group: 'fieldset, [role=group]',
    img: 'img, [role=img]',
    label: 'input, select, textarea',
  };
  const text = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    if (node.nodeType !== Node.ELEMENT_NODE || node.getAttribute('aria-hidden') === 'true') return '';
    if (['STYLE', 'SCRIPT'].includes(node.tagName)) return '';
    return [...node.childNodes].map(text).join('');
  };
  const clean = (s) => s.replace(/\s+/g, ' ').trim();
  const nameOf = (el) => {
    const root = el.getRootNode();
    const ids = el.getAttribute('aria-labelledby');
    if (ids) {
      return clean(ids.split(/\s+/).map((id) => root.getElementById(id)).filter(Boolean).map(text).join(' '));
    }
    if (el.getAttribute('aria-label')) return clean(el.getAttribute('aria-label'));
    if (el.labels && el.labels.length) return clean([...el.labels].map(text).join(' '));
    if (el.tagName === 'FIELDSET') {
      const legend = el.querySelector(':scope > legend');
      if (legend) return clean(text(legend));
    }
    if (/^(BUTTON|H[1-6]|A|SUMMARY)$/.test(el.tagName) || ['button', 'heading'].includes(el.getAttribute('role'))) {
      return clean(text(el));
    }
    return clean(el.getAttribute('title') ?? '');
  };
  let root = document;
  if (options.scope) {
    const host = document.querySelector(options.scope);
    if (!host) return [];
    root = host.shadowRoot ?? host;
  }
  const matches = (n) => {
    if (name === null) return true;
    if (options.regex) return new RegExp(name, options.flags ?? '').test(n);
    return options.exact === false ? n.includes(name) : n === name;
  };
  const visible = (el) => (el.checkVisibility ? el.checkVisibility() : el.getClientRects().length > 0);
  return [...root.querySelectorAll(ROLES[role])].filter(
    (el) =>
      (options.hidden || visible(el)) &&
      (!options.level || el.tagName === `H${options.level}`) &&
      // A live region is found by what it says (its content is not its name), as the
      // Chromium suite filters them by text.
      matches(['status', 'alert'].includes(role) ? clean(text(el)) : nameOf(el)),
  );
}

/** Installed after each page load: records console errors and warnings, uncaught errors, and
 *  every file the app offers as a download (the bytes and the name). */
function installWatch() {
  if (window.__hw) return;
  const hw = { problems: [], downloads: [] };
  window.__hw = hw;
  for (const level of ['error', 'warn']) {
    const original = console[level];
    console[level] = (...args) => {
      hw.problems.push(`console ${level}: ${args.map(String).join(' ')}`);
      original.apply(console, args);
    };
  }
  window.addEventListener('error', (e) => hw.problems.push(`page error: ${e.message}`));
  window.addEventListener('unhandledrejection', (e) => hw.problems.push(`unhandled rejection: ${e.reason}`));
  const blobs = new Map();
  const create = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    const url = create.call(URL, blob);
    if (blob instanceof Blob) blobs.set(url, blob.text());
    return url;
  };
  document.addEventListener(
    'click',
    (e) => {
      const a = e.target;
      if (a instanceof HTMLAnchorElement && a.download && blobs.has(a.href)) {
        const entry = { name: a.download, text: null };
        hw.downloads.push(entry);
        blobs.get(a.href).then((t) => {
          entry.text = t;
        });
      }
    },
    true,
  );
}

export class Page {
  constructor(driver, base, engine) {
    this.driver = driver;
    this.base = base;
    this.engine = engine;
    this.problems = [];
  }

  async goto(path = '/') {
    await this.collect();
    await this.driver.get(new URL(path, this.base).href);
    await this.watch();
  }

  /** Reloads the page as a person does (the reload button or key), from the page itself.
   *  Not WebDriver's Refresh: geckodriver performs that as a forced reload
   *  (LOAD_FLAGS_BYPASS_CACHE), which bypasses the service worker, so Firefox would never
   *  show what a person sees after a reload (README, Tests). */
  async reload() {
    await this.collect();
    await this.driver.executeScript('window.__hwReloading = true; setTimeout(() => location.reload(), 0);');
    await this.until(
      'the page to load again',
      () => this.js("return !window.__hwReloading && document.readyState === 'complete'"),
      30_000,
    );
    await this.watch();
  }

  async watch() {
    await this.driver.executeScript(installWatch);
  }

  /** Keeps what the page recorded before it goes away. */
  async collect() {
    try {
      const found = await this.driver.executeScript('return window.__hw ? window.__hw.problems.splice(0) : []');
      this.problems.push(...(found ?? []));
    } catch {
      // no page yet
    }
  }

  js(fn, ...args) {
    return this.driver.executeScript(fn, ...args);
  }

  /** Waits until `check` returns something truthy (or stops throwing); returns it. */
  async until(what, check, timeout = 10_000) {
    const deadline = Date.now() + timeout;
    let last;
    for (;;) {
      try {
        const value = await check();
        if (value) return value;
        last = new Error(`still false: ${what}`);
      } catch (err) {
        last = err;
      }
      if (Date.now() > deadline) {
        throw new Error(`${this.engine}: timed out waiting for ${what}: ${last?.message ?? last}`);
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  /** All visible elements of a role with this name (string, exact unless exact: false; or RegExp). */
  async all(role, name = null, options = {}) {
    const opts = { ...options };
    let n = name;
    if (name instanceof RegExp) {
      opts.regex = true;
      opts.flags = name.flags;
      n = name.source;
    }
    return (await this.js(findByRole, role, n, opts)) ?? [];
  }

  /** The one element of a role with this name, waited for. */
  async get(role, name = null, options = {}) {
    return this.until(`${role} "${name}"`, async () => {
      const found = await this.all(role, name, options);
      if (found.length > 1 && !options.first) throw new Error(`${found.length} elements for ${role} "${name}"`);
      return found[0];
    });
  }

  async gone(role, name = null, options = {}) {
    await this.until(`no ${role} "${name}"`, async () => (await this.all(role, name, options)).length === 0);
  }

  /** Clicks through the driver (a real pointer click) once the element is in the middle of the
   *  screen, as a person scrolls to a control before tapping it; retried while something else
   *  covers the element for a moment. (WebKitWebDriver does not scroll to an element below the
   *  screen whose card the browser skips drawing, `content-visibility: auto`: it calls it not
   *  interactable.) */
  async click(role, name, options = {}) {
    await this.until(`a click on ${role} "${name}"`, async () => {
      const el = await this.get(role, name, options);
      await this.js((x) => x.scrollIntoView({ block: 'center' }), el);
      await el.click();
      return true;
    });
  }

  /** Types into a text field, replacing what it held. */
  async fill(role, name, value, options = {}) {
    const el = await this.get(role, name, options);
    await el.clear();
    await el.sendKeys(value);
    await this.until(`"${value}" in ${name}`, async () => (await el.getAttribute('value')) === value);
  }

  /** Sets a field that is not typed character by character in every engine (dates). */
  async setValue(el, value) {
    await this.js(
      (field, v) => {
        const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value').set;
        setter.call(field, v);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        field.dispatchEvent(new Event('change', { bubbles: true }));
      },
      el,
      value,
    );
  }

  /** Chooses an option of a drop-down by its value, by clicking the option. */
  async choose(role, name, value, options = {}) {
    const select = await this.get('combobox', name, options);
    const option = await select.findElement(By.css(`option[value="${value}"]`));
    await option.click();
    await this.until(`${value} chosen in ${name}`, async () => (await select.getAttribute('value')) === value);
  }

  /** The visible text of an element, whitespace collapsed. */
  async text(el) {
    return (await this.js((e) => e.textContent, el)).replace(/\s+/g, ' ').trim();
  }

  async hasText(el, expected) {
    await this.until(`text ${expected}`, async () => {
      const t = await this.text(el);
      return expected instanceof RegExp ? expected.test(t) : t.includes(expected);
    });
  }

  /** Waits until some visible text on the page (or in the embedded app) contains `expected`. */
  async see(expected, scope = null) {
    await this.until(`"${expected}" on screen`, () =>
      this.js(
        (want, sel) => {
          const host = sel ? document.querySelector(sel) : null;
          const root = host ? (host.shadowRoot ?? host) : document.body;
          const all = root.textContent.replace(/\s+/g, ' ');
          return all.includes(want);
        },
        expected,
        scope,
      ),
    );
  }

  /** A file chosen in the file picker: the real input, given a path on disk. */
  async pickFile(label, path, options = {}) {
    const input = await this.get('label', label, { ...options, hidden: true });
    await input.sendKeys(path);
  }

  /** The files offered as downloads since the page loaded, once their bytes are read. */
  async downloads(count) {
    return this.until(`${count} download(s)`, async () => {
      const d = await this.js('return window.__hw ? window.__hw.downloads : []');
      return d.length >= count && d.every((x) => x.text !== null) ? d : null;
    });
  }

  /** Every resource the page loaded, to check nothing left 127.0.0.1. */
  async foreignRequests() {
    return this.js(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((u) => !/^(data|blob):/.test(u) && new URL(u).hostname !== '127.0.0.1'),
    );
  }
}
