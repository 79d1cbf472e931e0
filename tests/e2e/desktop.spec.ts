import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { MAP_PALETTES } from '../../src/renderer/src/map/palette';
import { openStore } from '../../src/main/store/openStore';
import { createPrefsRepository } from '../../src/main/store/prefsRepository';
import type { SessionState } from '../../src/shared/store/schema';
import { channelDistance, colourOfPixelPng, hexToRgb } from '../support/png';
import { seriousViolations } from './axe';
import { expect, screenshotDir, test, type AtlasApp } from './harness';
import { chooseInList, clickCountry, mapIdle } from './helpers';

/** The colour the screen shows at a longitude/latitude of the map. */
async function mapColourAt(page: Page, lon: number, lat: number): Promise<[number, number, number]> {
  await mapIdle(page);
  const point = await page.evaluate(([x, y]) => window.__atlasProbe!.project(x, y), [lon, lat] as const);
  const png = await page.screenshot({ clip: { x: Math.round(point.x), y: Math.round(point.y), width: 1, height: 1 } });
  return colourOfPixelPng(png);
}

/** The South Atlantic, at the left edge of the first view: no land, label, legend or panel over it. */
const SEA: [number, number] = [-20, -30];

async function storedPrefs(app: AtlasApp): Promise<Record<string, unknown>> {
  const file = JSON.parse(await readFile(join(app.storeFolder, 'atlas-store.json'), 'utf8')) as { prefs: Record<string, unknown> };
  return file.prefs;
}

/**
 * Writes `session` into the store of a closed app, as a previous run would have left it: through a
 * store opened afresh on the same folder (the app's own store is closed with it), closed again so
 * the next launch can take the folder's lock.
 */
async function writeSession(storeFolder: string, session: SessionState): Promise<void> {
  const store = await openStore({ folder: storeFolder });
  try {
    await createPrefsRepository(store).setSession(session);
  } finally {
    await store.close();
  }
}

const tierColour = async (page: Page, id: string) =>
  page.evaluate((country) => window.__atlasProbe!.featureState(country).fill as string | undefined, id);

test.describe('themes', () => {
  test('light and dark: the whole window and the map change, the choice is stored, and dark passes axe', async ({ app }) => {
    const { page } = app;
    const html = page.locator('html');
    await expect(html).toHaveAttribute('data-theme', 'light');
    expect(channelDistance(await mapColourAt(page, ...SEA), hexToRgb(MAP_PALETTES.light.ocean))).toBeLessThanOrEqual(3);
    await clickCountry(page, 'JPN');
    const lightFill = await tierColour(page, 'JPN');
    await page.screenshot({ path: join(screenshotDir, 'theme-light.png') });

    // The picker in the toolbar, with the keyboard.
    const picker = page.getByRole('combobox', { name: 'Theme' });
    await picker.focus();
    await picker.selectOption('dark');
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await expect(html).toHaveCSS('background-color', 'rgb(18, 20, 22)');
    await expect.poll(() => mapColourAt(page, ...SEA).then((colour) => channelDistance(colour, hexToRgb(MAP_PALETTES.dark.ocean)))).toBeLessThanOrEqual(3);
    const darkFill = await tierColour(page, 'JPN');
    expect(darkFill).not.toBe(lightFill);
    // The tier swatches follow: the panel's badge shows the dark colour the map uses.
    const swatch = page.locator('aside.panel .tier-badge .swatch').first();
    const [r, g, b] = hexToRgb(darkFill!);
    await expect(swatch).toHaveCSS('background-color', `rgb(${String(r)}, ${String(g)}, ${String(b)})`);
    await expect.poll(async () => (await storedPrefs(app))['theme']).toBe('dark');
    await page.screenshot({ path: join(screenshotDir, 'theme-dark.png') });

    expect(await seriousViolations(page), 'dark theme, Japan panel open').toEqual([]);
    await page.getByRole('tab', { name: 'Notes' }).click();
    expect(await seriousViolations(page), 'dark theme, notes view').toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'theme-dark-notes.png') });
  });

  test('"Match System" follows the OS as it changes, and the View menu choice reaches the page', async ({ app }) => {
    const { page } = app;
    const html = page.locator('html');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveAttribute('data-theme', 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(html).toHaveAttribute('data-theme', 'light');

    // View › Theme › Light goes through main, which tells every window.
    await app.services.invoke('atlas:prefs/set-theme', { theme: 'light' }, true);
    await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(html).toHaveAttribute('data-theme', 'light');
    await app.services.invoke('atlas:prefs/set-theme', { theme: 'system' }, true);
    await expect(html).toHaveAttribute('data-theme', 'dark');
  });
});

test.describe('state restored', () => {
  test('the map view, the open panel, the tab, the language and the theme come back at the next start', async ({ launch }) => {
    const first = await launch();
    await chooseInList(first.page, 'Japan');
    await expect(first.page.locator('aside.panel')).toHaveAttribute('data-country', 'JPN');
    await first.page.getByRole('button', { name: 'Zoom in' }).click();
    await mapIdle(first.page);
    await first.page.getByRole('tab', { name: 'Timeline' }).click();
    await first.page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await first.page.getByRole('button', { name: 'Switch to 한국어' }).click();
    await expect(first.page.locator('html')).toHaveAttribute('lang', 'ko');
    const view = await first.page.evaluate(() => window.__atlasProbe!.view());
    await expect
      .poll(async () => (await storedPrefs(first))['session'], { timeout: 10_000 })
      .toMatchObject({ selected: 'JPN', tab: 'timeline', view: { zoom: expect.closeTo(view.zoom, 2) as unknown } });
    await first.close();

    const second = await launch({ storeFolder: first.storeFolder });
    const { page } = second;
    await expect(page.locator('aside.panel')).toHaveAttribute('data-country', 'JPN');
    await expect(page.locator('aside.panel h2')).toHaveText('일본');
    await expect(page.getByRole('tab', { selected: true })).toHaveAttribute('id', 'tab-timeline');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const restored = await page.evaluate(() => window.__atlasProbe!.view());
    expect(restored.zoom).toBeCloseTo(view.zoom, 2);
    expect(restored.center[0]).toBeCloseTo(view.center[0], 3);
    expect(restored.center[1]).toBeCloseTo(view.center[1], 3);
    // The restored panel does not take focus from the page's start.
    await expect(page.locator('aside.panel h2')).not.toBeFocused();

    // A panel closed before quitting stays closed.
    await page.keyboard.press('Escape');
    await expect(page.locator('aside.panel')).toHaveCount(0);
    await expect.poll(async () => (await storedPrefs(second))['session'], { timeout: 10_000 }).toMatchObject({ selected: null });
    await second.close();
    const third = await launch({ storeFolder: first.storeFolder });
    await expect(third.page.locator('.map-wrap')).toHaveAttribute('data-ready', 'true');
    await expect(third.page.locator('aside.panel')).toHaveCount(0);
  });

  test('a session naming a country the atlas no longer has opens on no panel, without an error', async ({ launch }) => {
    const first = await launch();
    // The page saves its own session (debounced, and as it closes): close it first, so that save
    // cannot overwrite the one this test writes.
    await first.close();
    await writeSession(first.storeFolder, { selected: 'x-atlantis', tab: 'notes' });
    const second = await launch({ storeFolder: first.storeFolder });
    await expect(second.page.getByRole('tab', { selected: true })).toHaveAttribute('id', 'tab-notes');
    await expect(second.page.locator('aside.panel')).toHaveCount(0);
  });
});

test.describe('polish', () => {
  test('reduced motion: selecting from the list jumps there; with motion, the map flies and the panel slides in', async ({ app }) => {
    const { page } = app;
    // The harness opens pages with reduced motion asked for.
    await chooseInList(page, 'Japan');
    const jumped = await page.evaluate(() => window.__atlasProbe!.view());
    await mapIdle(page);
    const settled = await page.evaluate(() => window.__atlasProbe!.view());
    expect(jumped.zoom).toBeCloseTo(settled.zoom, 5);
    await expect(page.locator('aside.panel')).toHaveCSS('animation-name', 'none');
    await expect(page.locator('.tabs button').first()).toHaveCSS('transition-duration', '0s');

    await page.keyboard.press('Escape');
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await chooseInList(page, 'Chile');
    const start = await page.evaluate(() => window.__atlasProbe!.view());
    await mapIdle(page);
    const end = await page.evaluate(() => window.__atlasProbe!.view());
    expect(Math.abs(end.center[0] - start.center[0]) + Math.abs(end.zoom - start.zoom), 'the camera was still on its way').toBeGreaterThan(0.5);
    await expect(page.locator('aside.panel')).toHaveCSS('animation-name', 'slide-in-right');
  });

  test('a country clicked where the panel opens slides out from under it, at the same zoom', async ({ launch }) => {
    // Close up on western Europe, with Poland on the right, where the panel opens: a view restored
    // from the last session.
    const first = await launch();
    await first.close();
    await writeSession(first.storeFolder, { view: { center: [4, 50], zoom: 3.4 } });
    const { page } = await launch({ storeFolder: first.storeFolder });
    await mapIdle(page);
    const zoom = (await page.evaluate(() => window.__atlasProbe!.view())).zoom;
    await clickCountry(page, 'POL');
    await mapIdle(page);
    const panel = await page.locator('aside.panel').boundingBox();
    const point = await page.evaluate(() => window.__atlasProbe!.screenPoint('POL'));
    expect(point!.x).toBeLessThan(panel!.x);
    expect((await page.evaluate(() => window.__atlasProbe!.view())).zoom).toBeCloseTo(zoom, 5);
    // A country in plain sight does not move the map.
    const before = await page.evaluate(() => window.__atlasProbe!.view());
    await clickCountry(page, 'DEU');
    await mapIdle(page);
    expect(await page.evaluate(() => window.__atlasProbe!.view())).toEqual(before);
  });

  test('hover: a country under the pointer is outlined and named; a list row changes colour', async ({ app }) => {
    const { page } = app;
    await mapIdle(page);
    const point = await page.evaluate(() => window.__atlasProbe!.screenPoint('BRA'));
    await page.mouse.move(point!.x, point!.y);
    await expect.poll(() => page.evaluate(() => window.__atlasProbe!.featureState('BRA').hover)).toBe(true);
    await expect(page.getByRole('tooltip')).toContainText('Brazil');
    await page.mouse.move(5, 300);

    // Not the first row: that one is the list's active row, which has its own colour.
    const row = page.getByRole('listbox', { name: 'Countries' }).getByRole('option').nth(2);
    const before = await row.evaluate((element) => getComputedStyle(element).backgroundColor);
    await row.hover();
    await expect.poll(() => row.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(before);
  });

  test('empty states say what to do; a toast leaves the focus where it was', async ({ app }) => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Notes' }).click();
    await expect(page.getByRole('tabpanel', { name: 'Notes' })).toContainText('No notes yet. Open a country and choose “Add a note”');

    await page.getByRole('tab', { name: 'Countries' }).click();
    await chooseInList(page, 'Chile');
    const panel = page.locator('aside.panel');
    await expect(panel).toContainText('import a document that discusses it (File › Import Source…), or set your own tier below');
    await expect(panel).toContainText('No notes on this country yet.');
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);

    // Export with nothing selected: the toast explains, and typing goes on where it was.
    const search = page.getByRole('combobox', { name: 'Search countries' });
    await search.focus();
    await app.emit('onMenuCommand', 'export-briefing');
    const toast = page.getByRole('status').getByText('Select a country first');
    await expect(toast).toBeVisible();
    await expect(search).toBeFocused();
    await page.keyboard.type('chi');
    await expect(search).toHaveValue('chi');
  });
});
