// The app shell: it mounts, every section is reachable by touch and keyboard, and the layout
// holds from a 360 px phone to a 1366 px landscape tablet.
import { test, expect, openApp, STEPS } from './fixtures.mjs';

test('the app mounts with its name, language picker and the first section', async ({ page }) => {
  await openApp(page);
  await expect(page.getByText('Homeward', { exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Language', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Case and returnee' })).toBeVisible();
});

test('every section is reachable from the navigation by touch', async ({ page }) => {
  await openApp(page);
  const nav = page.getByRole('navigation', { name: 'Sections of the plan' });
  await expect(nav.getByRole('button')).toHaveCount(STEPS.length);
  for (const name of STEPS) {
    const item = nav.getByRole('button', { name, exact: true });
    await item.tap();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    await expect(item).toHaveAttribute('aria-current', 'step');
    await expect(nav.locator('[aria-current="step"]')).toHaveCount(1);
  }
});

test('the current step can be changed with the keyboard alone', async ({ page }) => {
  await openApp(page);
  const nav = page.getByRole('navigation', { name: 'Sections of the plan' });
  await nav.getByRole('button', { name: 'Case and returnee' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(nav.getByRole('button', { name: 'Economic' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Economic' })).toBeFocused();
  await expect(nav.getByRole('button', { name: 'Economic' })).toHaveAttribute('aria-current', 'step');
});

test('next and back walk the sections in order', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Next: Safety on return' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Safety on return' })).toBeVisible();
  await page.getByRole('button', { name: 'Next: Needs and aspirations' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Needs and aspirations' })).toBeVisible();
  await page.getByRole('button', { name: 'Back: Safety on return' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Safety on return' })).toBeVisible();
  await page.getByRole('button', { name: 'Back: Case and returnee' }).tap();
  await expect(page.getByRole('heading', { level: 1, name: 'Case and returnee' })).toBeVisible();
});

for (const size of [
  { width: 360, height: 740 },
  { width: 820, height: 1180 },
  { width: 1180, height: 820 },
  { width: 1366, height: 1024 },
]) {
  test(`layout fits ${size.width}×${size.height} without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const current = page.getByRole('button', { name: 'Case and returnee' });
    await expect(current).toBeInViewport();
    const box = await current.boundingBox();
    expect(box.height).toBeGreaterThanOrEqual(44);
    const fontSize = await page.getByText(/Who the plan is for/).evaluate(
      (el) => parseFloat(getComputedStyle(el).fontSize),
    );
    expect(fontSize).toBeGreaterThanOrEqual(16);
  });
}
