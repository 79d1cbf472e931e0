import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { capitalOf } from '../../src/shared/briefing/capitals';
import { greatCircle } from '../../src/renderer/src/map/relationLines';
import { expect, screenshotDir, test } from './harness';
import { chooseInList, clickCountry, countryPoint, mapIdle } from './helpers';

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const view = (page: Page) => page.evaluate(() => window.__atlasProbe!.view());

async function boxOf(page: Page, selector: string): Promise<Box> {
  const box = await page.locator(selector).boundingBox();
  expect(box, `${selector} is on the page`).not.toBeNull();
  return { left: box!.x, top: box!.y, right: box!.x + box!.width, bottom: box!.y + box!.height };
}

/** A country's bounding box (its largest part) on screen lies on the map, clear of the panel and the legend. */
async function expectFramedInFreePart(page: Page, id: string): Promise<void> {
  await mapIdle(page);
  const map = await boxOf(page, '.map-wrap');
  const panel = await boxOf(page, 'aside.panel');
  const legend = await boxOf(page, '.legend');
  const box = await page.evaluate((country) => window.__atlasProbe!.screenBox(country), id);
  expect(box).not.toBeNull();
  expect(box!.left, `${id}'s west edge on the map`).toBeGreaterThanOrEqual(map.left);
  expect(box!.top, `${id}'s north edge on the map`).toBeGreaterThanOrEqual(map.top);
  expect(box!.right, `${id}'s east edge left of the panel`).toBeLessThanOrEqual(panel.left);
  expect(box!.bottom, `${id}'s south edge above the legend`).toBeLessThanOrEqual(legend.top);
  // Framed, not a speck: it fills a fair part of the free width or height.
  expect(Math.max((box!.right - box!.left) / (panel.left - map.left), (box!.bottom - box!.top) / (legend.top - map.top))).toBeGreaterThan(0.35);
}

test.describe('the camera', () => {
  test('opens on Korea with the Pacific in the middle: partners on both sides in view, nothing shown twice', async ({ app }) => {
    const { page } = app;
    const map = await boxOf(page, '.map-wrap');
    const legend = await boxOf(page, '.legend');
    const start = await view(page);
    expect(start.center[0]).toBeCloseTo(150, 0);
    // One copy of the world exactly fills the width (512-pixel tiles): no country shows twice.
    expect(512 * 2 ** start.zoom).toBeCloseTo(map.right - map.left, -1);

    const korea = await countryPoint(page, 'KOR');
    const width = map.right - map.left;
    expect((korea.x - map.left) / width).toBeGreaterThan(0.3);
    expect((korea.x - map.left) / width).toBeLessThan(0.6);
    // The Pacific in the middle: the antimeridian on the equator is near the middle of the map, and it is sea.
    const pacific = await page.evaluate(() => window.__atlasProbe!.project(180, 0));
    expect(Math.abs(pacific.x - (map.left + width / 2)) / width).toBeLessThan(0.12);
    expect(await page.evaluate(({ x, y }) => window.__atlasProbe!.countriesAt(x, y), pacific)).toEqual([]);

    // Alliance, strategic and partner countries on both sides of Korea, clear of the legend.
    for (const id of ['USA', 'AUS', 'VNM', 'JPN', 'FRA', 'DEU', 'GBR', 'CAN', 'IND', 'KOR']) {
      const point = await countryPoint(page, id);
      expect(point.y, `${id} above the legend`).toBeLessThan(legend.top);
      expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName, point), `${id} not covered`).toBe('CANVAS');
    }
    expect((await countryPoint(page, 'USA')).x).toBeGreaterThan(korea.x);
    expect((await countryPoint(page, 'FRA')).x).toBeLessThan(korea.x);

    // Across the antimeridian: Chukotka (east of 180) is Russia's, and so is the land west of it.
    for (const lon of [-175, 175]) {
      const point = await page.evaluate((at) => window.__atlasProbe!.project(at, 66.5), lon);
      expect((await page.evaluate(({ x, y }) => window.__atlasProbe!.countriesAt(x, y), point)).map((hit) => hit.id)).toEqual(['RUS']);
    }
    await page.screenshot({ path: join(screenshotDir, 'camera-first-view.png') });

    // Elsewhere and back home with ⌂.
    await chooseInList(page, 'Brazil');
    await mapIdle(page);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Reset view' }).click();
    await expect.poll(async () => (await view(page)).center[0]).toBeCloseTo(150, 0);
    expect((await view(page)).zoom).toBeCloseTo(start.zoom, 2);
  });

  test('a country chosen in the list or search is framed in the part the panel and the legend leave', async ({ app }) => {
    const { page } = app;
    await chooseInList(page, 'Japan');
    await expect(page.locator('aside.panel')).toHaveAttribute('data-country', 'JPN');
    await expectFramedInFreePart(page, 'JPN');
    // Its line from Seoul is drawn wider while it is selected.
    expect(await page.evaluate(() => window.__atlasProbe!.featureState('JPN', 'relations'))).toMatchObject({ selected: true });
    await page.screenshot({ path: join(screenshotDir, 'camera-panel-japan.png') });

    // Across the Pacific from Japan, not round the world the other way.
    await chooseInList(page, 'United States');
    await expect(page.locator('aside.panel')).toHaveAttribute('data-country', 'USA');
    await expectFramedInFreePart(page, 'USA');
    expect(await page.evaluate(() => window.__atlasProbe!.featureState('JPN', 'relations'))).toMatchObject({ selected: false });
    const usa = await view(page);
    expect(usa.center[0]).toBeLessThan(-60);
    expect(usa.center[0]).toBeGreaterThan(-130);

    // Russia crosses the antimeridian: framed whole.
    await chooseInList(page, 'Russia');
    await expectFramedInFreePart(page, 'RUS');
    // A small country near the legend, too.
    await chooseInList(page, 'New Zealand');
    await expectFramedInFreePart(page, 'NZL');
    await page.screenshot({ path: join(screenshotDir, 'camera-panel-new-zealand.png') });
  });

  test('a country clicked where its panel opens is slid out from under it', async ({ app }) => {
    const { page } = app;
    // At the first view, the United States lie where the panel opens.
    const panelLeft = (await boxOf(page, '.map-wrap')).right - 432;
    expect((await countryPoint(page, 'USA')).x).toBeGreaterThan(panelLeft);
    const zoom = (await view(page)).zoom;
    await clickCountry(page, 'USA');
    await mapIdle(page);
    const panel = await boxOf(page, 'aside.panel');
    const point = await countryPoint(page, 'USA');
    expect(point.x).toBeLessThan(panel.left);
    expect(await page.evaluate(({ x, y }) => window.__atlasProbe!.countriesAt(x, y), point)).toEqual([{ id: 'USA', source: 'shapes-50m' }]);
    expect((await view(page)).zoom).toBeCloseTo(zoom, 5);
  });

  test('relationship lines from Seoul in the tier colours, with the tier and deciding phrase on hover; the legend folds', async ({ app }) => {
    const { page } = app;
    const lines = () => page.evaluate(() => window.__atlasProbe!.renderedLines());
    const fill = (id: string) => page.evaluate((country) => window.__atlasProbe!.featureState(country).fill as string, id);
    await expect.poll(async () => (await lines()).length).toBeGreaterThan(0);
    const drawn = new Map((await lines()).map((line) => [line.id, line.colour]));
    // Alliance, comprehensive strategic partner, partners; never the engaged, the adversarial or home.
    for (const id of ['USA', 'VNM', 'JPN', 'FRA', 'DEU']) expect(drawn.get(id), id).toBe(await fill(id));
    for (const id of ['CHN', 'RUS', 'PRK', 'KOR', 'BRA']) expect(drawn.has(id), id).toBe(false);

    // Hover the line to Washington over the North Pacific, where no other line runs.
    const route = greatCircle(capitalOf('KOR')!, capitalOf('USA')!);
    const [lon, lat] = route[20]!;
    const point = await page.evaluate(([x, y]) => window.__atlasProbe!.project(x!, y!), [lon, lat]);
    await page.mouse.move(point.x, point.y);
    const tooltip = page.getByRole('tooltip');
    await expect(tooltip).toHaveAttribute('data-line', 'USA');
    await expect(tooltip).toContainText('Seoul → United States · Alliance');
    await expect(tooltip).toContainText(/Decided by “.+”/);
    await page.screenshot({ path: join(screenshotDir, 'camera-lines-hover.png') });
    await page.mouse.move(5, 400);
    await expect(tooltip).toHaveCount(0);

    // The toggle, with the keyboard.
    const toggle = page.getByRole('checkbox', { name: 'Lines from Seoul to partners' });
    await expect(toggle).toBeChecked();
    await toggle.focus();
    await page.keyboard.press('Space');
    await expect(toggle).not.toBeChecked();
    await expect.poll(async () => (await lines()).length).toBe(0);
    await page.keyboard.press('Space');
    await expect.poll(async () => (await lines()).length).toBeGreaterThan(0);

    // The legend folds to its title and opens again.
    const legend = page.getByRole('region', { name: 'Relationship tiers' });
    const hide = legend.getByRole('button', { name: 'Hide the legend' });
    await hide.focus();
    await page.keyboard.press('Enter');
    const show = legend.getByRole('button', { name: 'Show the legend' });
    await expect(show).toHaveAttribute('aria-expanded', 'false');
    await expect(legend.getByRole('button', { name: /^Alliance/ })).toHaveCount(0);
    expect((await boxOf(page, '.legend')).right - (await boxOf(page, '.legend')).left).toBeLessThan(260);
    await page.screenshot({ path: join(screenshotDir, 'camera-legend-folded.png') });
    await show.click();
    await expect(legend.getByRole('button', { name: /^Alliance/ })).toBeVisible();
  });

  test('in Korean: the toggle, the legend button and the line tooltip', async ({ app }) => {
    const { page } = app;
    await page.getByRole('button', { name: 'Switch to 한국어' }).click();
    await expect(page.getByRole('checkbox', { name: '서울에서 동반자국까지 선 표시' })).toBeChecked();
    await expect(page.getByRole('button', { name: '범례 숨기기' })).toBeVisible();
    const route = greatCircle(capitalOf('KOR')!, capitalOf('USA')!);
    const [lon, lat] = route[20]!;
    const point = await page.evaluate(([x, y]) => window.__atlasProbe!.project(x!, y!), [lon, lat]);
    await page.mouse.move(point.x, point.y);
    await expect(page.getByRole('tooltip')).toContainText('서울 → 미국 · 동맹');
  });
});
