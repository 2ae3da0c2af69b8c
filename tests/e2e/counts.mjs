// Prints "<passed> <failed>" from Playwright's JSON report, for the test command's closing line.
import { readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  passed = report.stats?.expected ?? 0;
  failed = (report.stats?.unexpected ?? 0) + (report.stats?.flaky ?? 0);
  if (passed + failed === 0) failed = 1; // no test ran: that is a failure, not a pass
} catch {
  failed = 1; // no report: the runner did not get to run
}
console.log(`${passed} ${failed}`);
