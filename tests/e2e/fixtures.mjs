// The shared test fixture: every page is watched, and a test fails when the browser console
// shows an error or warning, the page throws, or any request goes anywhere but 127.0.0.1.
import { test as base, expect } from '@playwright/test';

export const test = base.extend({
  watch: [
    async ({ page }, use) => {
      const problems = [];
      const requests = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error' || msg.type() === 'warning') {
          problems.push(`console ${msg.type()}: ${msg.text()}`);
        }
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('request', (req) => requests.push(req.url()));
      await use({ problems, requests });
      expect(problems, 'console errors and warnings').toEqual([]);
      const foreign = requests.filter((u) => {
        const url = new URL(u);
        if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
        return url.hostname !== '127.0.0.1';
      });
      expect(foreign, 'requests to anything but 127.0.0.1').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Opens the app and waits until it has rendered. */
export async function openApp(page, path = '/') {
  await page.goto(path);
  await expect(page.getByRole('navigation', { name: 'Sections of the plan' })).toBeVisible();
}

export const STEPS = [
  'Case and returnee',
  'Needs and aspirations',
  'Economic',
  'Social',
  'Psychosocial',
  'Budget',
  'Follow-up',
  'Consent and signatures',
  'Review and export',
];
