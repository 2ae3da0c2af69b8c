// Prints "<engine> <passed> <failed>" per engine from the WebDriver run's results, for the test
// command's closing line. An engine with no result or no flow run counts as one failure.
//   node tests/webdriver/counts.mjs <results.json> <engine>...
import { readFileSync } from 'node:fs';

const [file, ...engines] = process.argv.slice(2);
let results = [];
try {
  results = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  // no report: the runner did not get to run
}
for (const engine of engines) {
  const r = results.find((x) => x.engine === engine);
  const passed = r?.passed ?? 0;
  const failed = r ? r.failed : 1;
  console.log(`${engine} ${passed} ${passed + failed === 0 ? 1 : failed}`);
}
