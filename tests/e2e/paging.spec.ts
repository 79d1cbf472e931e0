import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PASSAGE_MAX_LENGTH } from '../../src/shared/atlas/ingest';
import { formatNumber } from '../../src/shared/briefing/format';
import type { AtlasSummary } from '../../src/shared/contract';
import { flat, pdfInfo, pdfText, renderPage } from '../support/pdf';
import { expect, screenshotDir, test, type AtlasApp } from './harness';
import { clickCountry } from './helpers';

const panel = (page: Page) => page.locator('aside.panel');
const PASSAGES = 3000;

/** The atlas the window is sent, as it reads it through its bridge, and its size as JSON. */
async function windowAtlas(page: Page): Promise<{ summary: AtlasSummary; bytes: number }> {
  return page.evaluate(async () => {
    const result = await window.atlas.atlas.get();
    if (!result.ok) throw new Error(result.error.message);
    return { summary: result.value, bytes: new Blob([JSON.stringify(result.value)]).size };
  });
}

/**
 * A report of 3,000 paragraphs on Chile, each dated (five to a year, 1500 to 2099); every 300th
 * also decides its tier ("partners who share universal values").
 */
function report(): string {
  const paragraphs = Array.from({ length: PASSAGES }, (_, index) => {
    const values = index % 300 === 0 ? ', partners who share universal values,' : '';
    return `Report ${String(index)}: in ${String(1500 + Math.floor(index / 5))}, Chile and South Korea${values} reviewed the copper accord, item ${String(index)}.`;
  });
  return `Copper reports\n\n${paragraphs.join('\n\n')}`;
}

test.describe('a country’s passages, paged from main', () => {
  test('an imported document: the window’s atlas stays the same size; the panel pages in its passages; the timeline opens a far one on its page; a capped briefing says what it left out', async ({ app }) => {
    test.setTimeout(180_000);
    const { page } = app;
    const before = await windowAtlas(page);

    const path = join(app.storeFolder, 'copper-reports.txt');
    await writeFile(path, report());
    app.dialogs.answers.push(path);
    await app.emit('onMenuCommand', 'import-source');
    await page.getByRole('dialog', { name: 'Import “copper-reports.txt”' }).getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'was imported' })).toBeVisible({ timeout: 60_000 });

    // 3,000 passages more, and the atlas the window gets is the size it was (Chile's counts and
    // tier changed, nothing in it holds passage text).
    const after = await windowAtlas(page);
    const chile = after.summary.countries['CHL']!;
    // Chile's passages by source come with its detail, which the window asks for when it shows Chile.
    const detail = await page.evaluate(async () => {
      const result = await window.atlas.atlas.country({ countryId: 'CHL' });
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    });
    const imported = detail.sources.find((source) => source.imported)!;
    expect(imported.passages).toBe(PASSAGES);
    expect(detail.passagesBySource.at(-1)).toEqual({ sourceId: imported.id, count: PASSAGES });
    const total = chile.passages;
    expect(total).toBe(detail.passagesBySource.reduce((sum, group) => sum + group.count, 0));
    expect(after.bytes).toBeLessThanOrEqual(1.2 * before.bytes);
    expect(JSON.stringify(after.summary)).not.toContain('copper accord, item 1234.');

    // The panel: the first page, the total, and the next page on request.
    await clickCountry(page, 'CHL');
    await expect(panel(page).getByRole('heading', { name: `${total} passages` })).toBeVisible();
    const group = panel(page).locator('.passage-source').filter({ has: page.getByRole('heading', { name: /Copper reports/ }) });
    const listed = group.locator('li.passage');
    await expect(listed).toHaveCount(50);
    await expect(listed.first()).toContainText('item 0.');
    await expect(listed.last()).toContainText('item 49.');
    const more = group.getByRole('button', { name: `Show 50 more of the ${PASSAGES - 50} passages not listed` });
    // Reached from the keyboard, as every control of the panel is.
    await more.focus();
    await page.keyboard.press('Enter');
    await expect(listed).toHaveCount(100);
    await expect(listed.nth(50)).toContainText('item 50.');
    await expect(listed.last()).toContainText('item 99.');
    await expect(group.getByRole('button', { name: `Show 50 more of the ${PASSAGES - 100} passages not listed` })).toBeVisible();
    const why = panel(page).getByRole('region', { name: 'Why this tier' });
    await expect(why.locator('blockquote')).toHaveCount(5);
    await why.getByRole('button', { name: 'Show 5 more of the 5 deciding passages not listed' }).click();
    await expect(why.locator('blockquote')).toHaveCount(10);
    await expect(why.locator('blockquote').last()).toContainText('item 2700.');

    // The Timeline tab, its range moved to the last year: an event there opens Chile at its
    // passage, on the page that holds it, with its place.
    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByRole('slider', { name: 'To' }).press('End');
    await page.getByRole('slider', { name: 'From' }).press('End');
    await expect(page.locator('.timeline-view legend')).toHaveText(/^2099–/);
    const event = page.locator('.timeline-events li').filter({ hasText: 'item 2997.' });
    await expect(event).toHaveCount(1);
    await event.getByRole('button').click();
    await expect(group.locator('.passage-place')).toHaveText(`Passages 2951–3000 of ${PASSAGES} in this source, with the one asked for:`);
    const focused = group.locator('li.passage.focused');
    await expect(focused).toContainText('item 2997.');
    await expect(focused).toBeInViewport();
    await expect(group.locator('.passage-page li.passage')).toHaveCount(50);
    // The 100 loaded before stay, with the page after them.
    await expect(listed).toHaveCount(100 + 50);
    await page.screenshot({ path: join(screenshotDir, 'paging-far-passage.png') });

    // A briefing of the deciding and most relevant passages, at most 40: the ten deciding ones,
    // then the first others in source order, and a note of how many were left out.
    await panel(page).getByRole('button', { name: 'Briefing PDF…' }).click();
    const dialog = page.locator('dialog.modal[open]');
    await dialog.getByRole('radio', { name: 'The deciding and the most relevant ones, at most' }).check();
    await dialog.getByRole('spinbutton', { name: 'Most passages per country' }).fill('40');
    await dialog.screenshot({ path: join(screenshotDir, 'paging-pdf-dialog.png') });
    const target = join(app.storeFolder, 'chile.pdf');
    app.dialogs.answers.push(target);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(page.locator('.toast', { hasText: 'Saved “chile.pdf”' })).toBeVisible({ timeout: 60_000 });
    const text = flat(await pdfText(target));
    expect(text).toContain(`Passages left out: ${formatNumber(total - 40, 'en')} of ${formatNumber(total, 'en')}; see the app for every one.`);
    for (const item of [0, 300, 2700, 1, 2]) expect(text).toContain(`item ${String(item)}.`);
    expect(text).not.toContain('item 2999.');
    expect(text).not.toContain('item 1234.');
    const info = await pdfInfo(target);
    await renderPage(target, info.pages > 1 ? 2 : 1, join(screenshotDir, 'paging-capped-briefing'));
    await rm(target);
  });
});

/** Imports `text` as `file` through File › Import Source…, as a user does. */
async function importText(app: AtlasApp, file: string, text: string): Promise<void> {
  const path = join(app.storeFolder, file);
  await writeFile(path, text);
  app.dialogs.answers.push(path);
  await app.emit('onMenuCommand', 'import-source');
  await app.page.getByRole('dialog', { name: `Import “${file}”` }).getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.page.getByRole('status').filter({ hasText: 'was imported' }).last()).toBeVisible({ timeout: 60_000 });
  await app.page.getByRole('status').filter({ hasText: 'was imported' }).waitFor({ state: 'detached', timeout: 30_000 }).catch(() => {});
}

/** A report on Peru: a title, then `count` paragraphs with `word` in each. */
const peruReport = (title: string, word: string, count: number) =>
  [title, ...Array.from({ length: count }, (_, index) => `${title}, entry ${String(index)}: Peru and South Korea reviewed the ${word} desk.`)].join('\n\n');

test.describe('a country with many sources', () => {
  test('its panel opens the first groups its budget holds; the others open on request, or when a passage in them is asked for', async ({ app }) => {
    test.setTimeout(180_000);
    const { page } = app;
    await importText(app, 'andes-a.txt', peruReport('Andes notes A', 'pallqa', 60));
    await importText(app, 'andes-b.txt', peruReport('Andes notes B', 'wasiqa', 60));
    await importText(app, 'andes-c.txt', peruReport('Andes notes C', 'qollqa', 60));
    await importText(app, 'andes-d.txt', peruReport('Andes notes D', 'tinkuy', 4));

    await clickCountry(page, 'PER');
    const group = (title: string) => panel(page).locator('.passage-source').filter({ has: page.getByRole('heading', { name: new RegExp(title) }) });
    // The first two reports fill the budget of a hundred passages: the later two wait, closed.
    await expect(group('Andes notes A').locator('li.passage')).toHaveCount(50);
    await expect(group('Andes notes B').locator('li.passage')).toHaveCount(50);
    await expect(group('Andes notes C').getByRole('button', { name: 'Show its 60 passages' })).toBeVisible();
    await expect(group('Andes notes C').locator('li.passage')).toHaveCount(0);
    await expect(group('Andes notes D').locator('li.passage')).toHaveCount(0);
    await page.screenshot({ path: join(screenshotDir, 'paging-closed-groups.png') });
    const open = group('Andes notes C').getByRole('button', { name: 'Show its 60 passages' });
    await expect(open).toHaveAttribute('aria-expanded', 'false');
    // Opened from the keyboard, the group takes the focus its button had.
    await open.focus();
    await page.keyboard.press('Enter');
    await expect(group('Andes notes C').locator('li.passage')).toHaveCount(50);
    await expect(group('Andes notes C').getByRole('heading', { name: /Andes notes C/ })).toBeFocused();
    await expect(group('Andes notes D').getByRole('button', { name: 'Show its 4 passages' })).toBeVisible();

    // A search hit in the closed group opens Peru with that group open and the passage in view.
    await page.keyboard.press('Escape');
    await page.locator('#country-search').fill('tinkuy');
    const hits = page.getByRole('group', { name: 'Passages (4)' }).locator('.passage-option');
    await expect(hits).toHaveCount(4);
    await hits.filter({ hasText: 'entry 2:' }).click();
    await expect(panel(page)).toHaveAttribute('data-country', 'PER');
    await expect(group('Andes notes D').locator('li.passage')).toHaveCount(4);
    await expect(panel(page).locator('.passage.focused')).toContainText('Andes notes D, entry 2:');
    await expect(panel(page).locator('.passage.focused')).toBeInViewport();
    // A new opening of Peru starts again: the group opened by hand is closed.
    await expect(group('Andes notes C').getByRole('button', { name: 'Show its 60 passages' })).toBeVisible();
  });
});

test.describe('a document of one long line', () => {
  test('is cut into passages: the panel shows the one that decides the tier, not 600 kB of text', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    const filler = 'Officials from both sides reviewed trade, visits and the coming year. ';
    const half = filler.repeat(Math.ceil(300_000 / filler.length));
    await importText(app, 'one-line.txt', `${half}South Korea and Chile signed a strategic partnership in 2024. ${half}`);
    await clickCountry(page, 'CHL');
    await expect(panel(page)).toHaveAttribute('data-country', 'CHL');
    const deciding = panel(page).locator('li.passage').filter({ hasText: 'South Korea and Chile signed a strategic partnership in 2024.' }).first();
    await expect(deciding).toBeVisible();
    expect((await deciding.innerText()).length).toBeLessThan(PASSAGE_MAX_LENGTH + 500);
    await page.screenshot({ path: join(screenshotDir, 'paging-one-long-line.png') });
    await page.keyboard.press('Escape');
    await clickCountry(page, 'USA');
    await expect(panel(page)).toHaveAttribute('data-country', 'USA');
  });
});
