// Trunk post-build hook (see Trunk.toml), run in Trunk's staging folder before it becomes dist/.
// 0. Splits the later sections out of the app's wasm (split.mjs, run first by its import).
// 1. Moves the inline module script Trunk writes into index.html to a file of its own, so the
//    page's Content-Security-Policy can say `script-src 'self'` with no inline exception.
// 2. Writes one file per interface language, lang-{code}-{hash}.json, from src/i18n/text/ (the
//    app compiles English in, as build.rs does, and fetches another language when it is
//    chosen). The hash is build.rs's, over the same files: FNV-1a 64 of each file's name, a
//    zero byte and its bytes, in name order.
// 3. Writes the version and file list into the service worker (sw.js): a hash of every built
//    file, so a new build is a new worker with a new cache (and keeps the language files).
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import './split.mjs';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('post-build: TRUNK_STAGING_DIR is not set (run through trunk build)');
const indexPath = join(dir, 'index.html');
let html = readFileSync(indexPath, 'utf8');

const inline = /<script type="?module"?>([\s\S]*?)<\/script>/g; // minified: type=module
const scripts = [...html.matchAll(inline)];
if (scripts.length !== 1) {
  throw new Error(`post-build: expected one inline module script in index.html, found ${scripts.length}`);
}
const code = scripts[0][1].trim() + '\n';
const name = `boot-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.js`;
writeFileSync(join(dir, name), code);
html = html.replace(scripts[0][0], `<script type="module" src="./${name}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  throw new Error('post-build: index.html still holds an inline script');
}
writeFileSync(indexPath, html);

const textDir = fileURLToPath(new URL('../src/i18n/text/', import.meta.url));
const byLang = { en: {}, fr: {}, es: {}, ar: {} };
let fnv = 0xcbf29ce484222325n;
const addBytes = (bytes) => {
  for (const b of bytes) fnv = BigInt.asUintN(64, (fnv ^ BigInt(b)) * 0x100000001b3n);
};
for (const file of readdirSync(textDir).filter((f) => f.endsWith('.json')).sort()) {
  const bytes = readFileSync(join(textDir, file));
  addBytes(Buffer.from(file, 'utf8'));
  addBytes([0]);
  addBytes(bytes);
  const entries = JSON.parse(bytes.toString('utf8'));
  for (const [key, texts] of Object.entries(entries)) {
    for (const lang of Object.keys(byLang)) {
      if (typeof texts[lang] !== 'string') throw new Error(`post-build: ${file}: ${key} has no ${lang}`);
      byLang[lang][key] = texts[lang];
    }
  }
}
const textsHash = fnv.toString(16).padStart(16, '0');
for (const [lang, table] of Object.entries(byLang)) {
  if (lang === 'en') continue; // compiled into the app
  const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(join(dir, `lang-${lang}-${textsHash}.json`), JSON.stringify(sorted));
}

const files = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isFile() && e.name !== 'sw.js')
  .map((e) => e.name)
  .sort();
const hash = createHash('sha256');
for (const file of files) hash.update(file).update(readFileSync(join(dir, file)));
const version = hash.digest('hex').slice(0, 16);
const swPath = join(dir, 'sw.js');
const sw = readFileSync(swPath, 'utf8')
  .replace(/^const VERSION = .*;$/m, `const VERSION = '${version}';`)
  .replace(/^const FILES = .*;$/m, `const FILES = ${JSON.stringify(files.map((f) => `./${f}`))};`);
if (!sw.includes(version)) throw new Error('post-build: could not write the version into sw.js');
writeFileSync(swPath, sw);
