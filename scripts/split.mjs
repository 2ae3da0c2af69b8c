// Run by the Trunk post-build hook (post-build.mjs imports it first), in Trunk's staging folder.
// Splits the sections a person has not opened yet out of the first load (Leptos's `#[lazy]`,
// `ui::sections::later_section`), which Trunk 0.21 cannot do itself. The steps cargo-leptos
// takes, on the wasm cargo linked with relocations kept (`build.rs`, feature `split`):
// 1. `wasm-split-cli` (crate `wasm_split_cli_support`, installed by `scripts/dev setup`) cuts it
//    into the main module, one module per split point (`split_*`), one per piece of code that
//    several split points share (`chunk_*`, which the loader fetches with each of them) and a
//    loader, `__wasm_split.js`;
// 2. `wasm-bindgen --keep-lld-exports` makes the main module and its JS, under the names Trunk
//    already wrote into index.html, replacing Trunk's own;
// 3. in a release build, `wasm-opt -Oz` shrinks each module (Trunk's is off: index.html);
// 4. index.html preloads the loader beside the app's JS.
// The split files carry the build's hash in their names, so a browser never pairs an app with
// another build's sections; post-build.mjs then lists them for the service worker.
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const BIN = 'homeward-app';
// wasm-opt 132 needs the features rustc 1.95 emits for wasm32 named explicitly.
const WASM_OPT = [
  '-Oz', '--strip-debug', '--strip-producers',
  '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-reference-types',
  '--enable-multivalue', '--enable-sign-ext', '--enable-mutable-globals',
];

const staging = process.env.TRUNK_STAGING_DIR;
const profile = process.env.TRUNK_PROFILE;
if (!staging || !profile) throw new Error('split: run through trunk build (TRUNK_STAGING_DIR, TRUNK_PROFILE)');
const missing = (cmd, e) =>
  e.code === 'ENOENT' ? new Error(`split: ${cmd} not found on PATH: run scripts/dev setup`) : e;
const run = (cmd, args) => {
  try {
    execFileSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (e) {
    throw missing(cmd, e);
  }
};
// Each module into staging: shrunk in a release build (side by side, one per core), else as is.
const shrinking = [];
const ship = (from, to) => {
  if (profile === 'release') {
    shrinking.push(promisify(execFile)('wasm-opt', [...WASM_OPT, from, '-o', to]).catch((e) => Promise.reject(missing('wasm-opt', e))));
  }
  else copyFileSync(from, to);
};

// The names Trunk gave the app's JS and wasm (index.html loads them): homeward-app-{hash}.js.
const js = readdirSync(staging).find((f) => f.startsWith(`${BIN}-`) && f.endsWith('.js'));
if (!js) throw new Error(`split: no ${BIN}-{hash}.js in ${staging}`);
const stem = js.slice(0, -'.js'.length);
const hash = stem.slice(BIN.length + 1);

const metadata = JSON.parse(execFileSync('cargo', ['metadata', '--format-version', '1', '--no-deps'], { encoding: 'utf8' }));
const linked = join(metadata.target_directory, 'wasm32-unknown-unknown', profile, `${BIN}.wasm`);
if (!existsSync(linked)) throw new Error(`split: ${linked} not found`);

const work = mkdtempSync(join(tmpdir(), 'homeward-split-'));
try {
  run('wasm-split-cli', [linked, work, '--out-name', stem, '--target', 'web']);
  const chunks = readdirSync(work).filter((f) => /^(split|chunk)_.*\.wasm$/.test(f));
  if (!chunks.some((f) => f.startsWith('split_'))) throw new Error('split: no split module (is the `split` feature on in index.html?)');

  // The loader and the modules it fetches, renamed with the build's hash.
  const loaderName = `__wasm_split-${hash}.js`;
  let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
  for (const chunk of chunks) {
    const named = `${chunk.slice(0, -'.wasm'.length)}-${hash}.wasm`;
    if (!loader.includes(`"./${chunk}"`)) throw new Error(`split: the loader does not fetch ${chunk}`);
    loader = loader.replaceAll(`"./${chunk}"`, `"./${named}"`);
    renameSync(join(work, chunk), join(work, named));
    ship(join(work, named), join(staging, named));
  }
  writeFileSync(join(staging, loaderName), loader);
  // The app's JS imports the loader: preloaded beside it, it is not one more round trip before
  // the app can start.
  const indexPath = join(staging, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  const preload = html.match(/<link\b[^>]*>/g)?.find((tag) => tag.includes(`./${js}`) && tag.includes('modulepreload'));
  if (!preload) throw new Error(`split: index.html does not preload ${js}`);
  writeFileSync(indexPath, html.replace(preload, preload + preload.replace(`./${js}`, `./${loaderName}`)));

  run('wasm-bindgen', [
    '--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript',
    '--out-name', stem, '--out-dir', work, join(work, `${stem}.wasm`),
  ]);
  // Only the import statements' path changes (one per split point): the wasm still names its
  // import module "./__wasm_split.js", and so does the imports object the glue hands it.
  const glue = readFileSync(join(work, `${stem}.js`), 'utf8');
  const importLine = /^(import \* as \w+ from )(["'])\.\/__wasm_split\.js\2/gm;
  if (!importLine.test(glue)) throw new Error('split: the app does not import the split loader');
  const rewritten = glue.replace(importLine, `$1$2./${loaderName}$2`);
  if (/from ["']\.\/__wasm_split\.js["']/.test(rewritten)) throw new Error('split: an import of the loader kept its name');
  writeFileSync(join(staging, js), rewritten);
  ship(join(work, `${stem}_bg.wasm`), join(staging, `${stem}_bg.wasm`));
  await Promise.all(shrinking);
} finally {
  rmSync(work, { recursive: true, force: true });
}
