// The two engines Playwright cannot drive from Debian's packages, each behind its own WebDriver
// server: WebKitGTK's WebKitWebDriver (MiniBrowser, under a virtual X display) and Firefox ESR
// through geckodriver, headless. Both are started here and stopped when the run ends.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';

const HOME = process.env.HOME ?? '/root';

export const ENGINES = {
  webkit: {
    label: 'WebKit (WebKitGTK)',
    command: (port) => [
      'xvfb-run',
      ['--auto-servernum', '--server-args=-screen 0 1280x1280x24', 'WebKitWebDriver', `--port=${port}`],
    ],
    // MiniBrowser, the driver's default browser, started with --automation by the driver.
    capabilities: () => ({ browserName: 'MiniBrowser' }),
  },
  firefox: {
    label: 'Firefox ESR',
    command: (port) => [
      process.env.GECKODRIVER ?? join(HOME, '.cargo', 'bin', 'geckodriver'),
      ['--host', '127.0.0.1', '--port', String(port), '--log', 'error'],
    ],
    capabilities: (home) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
        args: ['-headless'],
        prefs: {
          // Downloads go to a folder of their own, without a question, so the test can read them.
          'browser.download.folderList': 2,
          'browser.download.dir': join(home, 'downloads'),
          'browser.download.useDownloadDir': true,
          'browser.download.always_ask_before_handling_new_types': false,
          'browser.helperApps.neverAsk.saveToDisk': 'application/json',
          // No calls home from the browser itself: only the app's own requests are watched.
          'app.update.enabled': false,
          'browser.shell.checkDefaultBrowser': false,
          'datareporting.policy.dataSubmissionEnabled': false,
          'toolkit.telemetry.enabled': false,
          'network.captive-portal-service.enabled': false,
          'network.connectivity-service.enabled': false,
          'extensions.update.enabled': false,
          'browser.safebrowsing.update.enabled': false,
        },
      },
    }),
  },
};

async function ready(url, deadline) {
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${url}/status`);
      if (res.ok && (await res.json()).value?.ready !== false) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the WebDriver server at ${url} did not start`);
}

/** Starts the engine's WebDriver server; returns { url, newSession(), stop() }. */
export async function startEngine(name, port) {
  const engine = ENGINES[name];
  const [cmd, args] = engine.command(port);
  // A process group of its own, so stopping it also stops the browser and the X server.
  // A home of its own: MiniBrowser saves downloads (exported plans) in its home folder, and
  // the browsers keep profiles there. Removed when the engine stops.
  const home = mkdtempSync(join(tmpdir(), `homeward-${name}-home-`));
  const child = spawn(cmd, args, {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local') },
  });
  let errors = '';
  child.stderr.on('data', (d) => {
    errors = (errors + d).slice(-4000);
  });
  const failed = new Promise((_, reject) => {
    child.on('error', (err) => reject(new Error(`${cmd} could not start: ${err.message}`)));
    child.on('exit', (code) => reject(new Error(`${cmd} exited (${code}): ${errors}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  await Promise.race([ready(url, Date.now() + 30_000), failed]);
  return {
    url,
    label: engine.label,
    async newSession() {
      return new Builder().usingServer(url).withCapabilities(engine.capabilities(home)).build();
    },
    async stop() {
      const gone = new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) done();
        child.on('exit', done);
        setTimeout(done, 5000);
      });
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await gone;
      rmSync(home, { recursive: true, force: true });
    },
  };
}
