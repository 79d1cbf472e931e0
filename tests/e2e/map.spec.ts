import { join } from 'node:path';
import { expect, screenshotDir, test } from './harness';
import { chooseInList, clickCountry, countryPoint, mapIdle } from './helpers';

test.describe('the world map', () => {
  test('draws the whole world with labels, South Korea as the home country', async ({ app }) => {
    const { page } = app;
    const labels = await page.evaluate(() => window.__atlasProbe!.renderedLabels());
    for (const id of ['RUS', 'CAN', 'USA', 'BRA', 'CHN', 'AUS', 'IND', 'KOR']) expect(labels).toContain(id);
    for (const id of ['RUS', 'FJI', 'USA', 'NZL']) {
      // Countries that straddle the antimeridian still answer where their label is.
      expect(await page.evaluate((country) => window.__atlasProbe!.screenPoint(country), id)).not.toBeNull();
    }
    const korea = await countryPoint(page, 'KOR');
    expect(await page.evaluate(({ x, y }) => window.__atlasProbe!.countriesAt(x, y), korea)).toEqual([{ id: 'KOR', source: 'shapes-50m' }]);
    await page.screenshot({ path: join(screenshotDir, 'world-view.png') });
  });

  test('opens the panel of countries clicked on five continents', async ({ app }) => {
    const { page } = app;
    const expected = [
      { id: 'JPN', name: 'Japan', region: 'Asia' },
      { id: 'FRA', name: 'France', region: 'Europe' },
      { id: 'BRA', name: 'Brazil', region: 'Americas' },
      { id: 'NGA', name: 'Nigeria', region: 'Africa' },
      { id: 'AUS', name: 'Australia', region: 'Oceania' },
      { id: 'USA', name: 'United States', region: 'Americas' },
      { id: 'KOR', name: 'South Korea', region: 'Asia' },
    ];
    for (const country of expected) {
      await clickCountry(page, country.id);
      const panel = page.locator('aside.panel');
      await expect(panel.getByRole('heading', { level: 2 })).toHaveText(country.name);
      await expect(panel).toContainText(country.region);
    }
    const panel = page.locator('aside.panel');
    await expect(panel).toContainText('대한민국');
    await expect(panel).toContainText('home country');
    await clickCountry(page, 'JPN');
    await expect(panel).toContainText('일본');
    await expect(panel).toContainText('JPN');
    await page.screenshot({ path: join(screenshotDir, 'panel-japan.png') });
  });

  test('Esc closes the panel, clicking the sea clears the selection', async ({ app }) => {
    const { page } = app;
    await clickCountry(page, 'CAN');
    await page.keyboard.press('Escape');
    await expect(page.locator('aside.panel')).toHaveCount(0);
    await clickCountry(page, 'CAN');
    const sea = await page.evaluate(() => window.__atlasProbe!.project(-40, 30));
    expect(await page.evaluate(({ x, y }) => window.__atlasProbe!.countriesAt(x, y), sea)).toEqual([]);
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, sea)).toBe('CANVAS');
    await page.mouse.click(sea.x, sea.y);
    await expect(page.locator('aside.panel')).toHaveCount(0);
  });

  test('hovering a country outlines it and shows its name', async ({ app }) => {
    const { page } = app;
    const brazil = await countryPoint(page, 'BRA');
    await page.mouse.move(brazil.x, brazil.y);
    await expect(page.getByRole('tooltip')).toHaveText(/Brazil/);
    const korea = await countryPoint(page, 'KOR');
    await page.mouse.move(korea.x - 2, korea.y);
    await expect(page.getByRole('tooltip')).toHaveText(/South Korea \(home country\)/);
  });

  test('areas without an ISO code keep their id and are clickable', async ({ app }) => {
    const { page } = app;
    for (const [query, id, name] of [
      ['Kosovo', 'UNK', 'Kosovo'],
      ['Somaliland', 'x-somaliland', 'Somaliland'],
      ['Northern Cyprus', 'x-northern-cyprus', 'Northern Cyprus'],
    ] as const) {
      await chooseInList(page, query);
      await expect(page.locator('aside.panel')).toHaveAttribute('data-country', id);
      await page.keyboard.press('Escape');
      await expect(page.locator('aside.panel')).toHaveCount(0);
      await mapIdle(page);
      await clickCountry(page, id);
      await expect(page.locator('aside.panel h2')).toHaveText(name);
      await expect(page.locator('aside.panel')).toContainText(`No ISO code (shown as ${id})`);
    }
  });

  test('zoom and reset controls move the map; close up it draws the 10m shapes', async ({ app }) => {
    const { page } = app;
    const zoom = () => page.evaluate(() => window.__atlasProbe!.view().zoom);
    const start = await zoom();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(zoom).toBeGreaterThan(start + 0.5);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(zoom).toBeGreaterThan(start + 1.5);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(zoom).toBeLessThan(start + 1.5);
    // The first view shows the whole world once across: zooming out goes no further.
    await page.getByRole('button', { name: 'Reset view' }).click();
    await expect.poll(zoom).toBeCloseTo(start, 1);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await mapIdle(page);
    expect(await zoom()).toBeCloseTo(start, 3);

    await chooseInList(page, 'South Korea');
    await expect.poll(zoom).toBeGreaterThan(4);
    await expect
      .poll(async () => {
        await mapIdle(page);
        const point = await countryPoint(page, 'KOR');
        return page.evaluate(({ x, y }) => window.__atlasProbe!.countriesAt(x, y), point);
      })
      .toEqual([{ id: 'KOR', source: 'shapes-10m' }]);
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(zoom).toBeGreaterThan(3);
    await clickCountry(page, 'PRK');
    await expect(page.locator('aside.panel h2')).toHaveText('North Korea');
    await page.screenshot({ path: join(screenshotDir, 'korea-close-up.png') });
  });
});
