import { join, resolve } from 'node:path';
import { capitalOf } from '../../src/shared/briefing/capitals';
import { greatCircle } from '../../src/renderer/src/map/relationLines';
import { expect, test } from './harness';
import { chooseInList, mapIdle } from './helpers';

/**
 * Remakes the README's three screenshots (resources/docs/screenshot-*.png) from the built app:
 * `npm run build`, then `UPDATE_README_SCREENSHOTS=1 npx playwright test --config
 * tests/e2e/playwright.config.ts readmeScreenshots.spec.ts`. Skipped otherwise, so the suite never
 * rewrites them; each still checks that what it shows is there before taking the picture.
 */
const docs = resolve(import.meta.dirname, '../../resources/docs');

test.describe('README screenshots', () => {
  test.skip(!process.env['UPDATE_README_SCREENSHOTS'], 'remakes resources/docs/screenshot-*.png only when UPDATE_README_SCREENSHOTS=1');

  test('the first view with the lines from Seoul, one hovered', async ({ app }) => {
    const { page } = app;
    await mapIdle(page);
    expect((await page.evaluate(() => window.__atlasProbe!.view())).center[0]).toBeCloseTo(150, 0);
    const [lon, lat] = greatCircle(capitalOf('KOR')!, capitalOf('USA')!)[20]!;
    const point = await page.evaluate(([x, y]) => window.__atlasProbe!.project(x!, y!), [lon, lat]);
    await page.mouse.move(point.x, point.y);
    await expect(page.getByRole('tooltip')).toContainText('Seoul → United States · Alliance');
    await page.screenshot({ path: join(docs, 'screenshot-world.png') });
  });

  test('dark, with Japan framed beside its panel', async ({ app }) => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await chooseInList(page, 'Japan');
    await expect(page.locator('aside.panel')).toHaveAttribute('data-country', 'JPN');
    await page.locator('#country-search').fill('');
    await mapIdle(page);
    const box = await page.evaluate(() => window.__atlasProbe!.screenBox('JPN'));
    const panel = await page.locator('aside.panel').boundingBox();
    expect(box!.right).toBeLessThan(panel!.x);
    await page.mouse.move(5, 400);
    await page.screenshot({ path: join(docs, 'screenshot-dark.png') });
  });

  test('Japan and China compared', async ({ app }) => {
    const { page } = app;
    await chooseInList(page, 'Japan');
    await page.locator('aside.panel').getByRole('button', { name: 'Compare with…' }).click();
    await page.keyboard.type('Chin');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('compare-view').getByRole('heading', { level: 2 })).toHaveText('Compare Japan and China');
    await page.screenshot({ path: join(docs, 'screenshot-compare.png') });
  });
});
