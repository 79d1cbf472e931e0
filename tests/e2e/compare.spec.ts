import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { loadAtlas } from '../../src/main/data/atlasFiles';
import type { AtlasView } from '../../src/shared/atlas/view';
import { flat, pdfInfo, pdfText, renderPage } from '../support/pdf';
import { seriousViolations } from './axe';
import { expect, screenshotDir, test, type AtlasApp } from './harness';
import { chooseInList, clickCountry } from './helpers';

const panel = (page: Page) => page.locator('aside.panel');
const compare = (page: Page) => page.getByTestId('compare-view');
const column = (page: Page, id: string) => compare(page).locator(`.compare-column[data-country="${id}"]`);

// The whole atlas as main builds it (the window gets only its summary): these tests run on a fresh
// store with no imported source, so it is the bundled atlas.
async function atlasView(_app: AtlasApp): Promise<AtlasView> {
  return loadAtlas(resolve(import.meta.dirname, '../../data'));
}

let folder = '';
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-compare-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test.describe('compare two partners', () => {
  test('Japan and China side by side: tiers, evidence, timelines and notes; swap; export as PDF; Esc backs out one level', async ({ app }) => {
    const { page } = app;
    const view = await atlasView(app);
    const tierLabel = (id: string) => view.model.tiers.find((tier) => tier.id === view.model.countries[id]!.tier)!.label.en;

    await clickCountry(page, 'JPN');
    const notes = panel(page).getByRole('region', { name: 'Your notes' });
    await notes.getByRole('button', { name: 'Add a note' }).click();
    await notes.getByRole('textbox', { name: 'Note (Markdown)' }).fill('Ask about the Takeshima Day protests.');
    await expect(notes.locator('.save-state')).toHaveText('Saved');
    await notes.getByRole('button', { name: 'Done' }).click();

    // The second country is chosen from the keyboard: the picker has the focus, typing filters it.
    await panel(page).getByRole('button', { name: 'Compare with…' }).click();
    const picker = compare(page).getByRole('combobox', { name: 'Compare Japan with' });
    await expect(picker).toBeFocused();
    await expect(compare(page).getByRole('option', { name: 'Japan' })).toHaveCount(0);
    await page.keyboard.type('Chin');
    await expect(compare(page).getByRole('option').first()).toHaveText(/China/);
    await page.keyboard.press('Enter');
    await expect(compare(page).getByRole('heading', { level: 2 })).toHaveText('Compare Japan and China');
    await expect(compare(page).getByRole('heading', { level: 2 })).toBeFocused();

    for (const id of ['JPN', 'CHN']) {
      const entry = view.model.countries[id]!;
      expect(entry.evidence.length, `${id} has evidence in the atlas`).toBeGreaterThan(0);
      await expect(column(page, id).locator('.compare-tier .tier-badge').first()).toHaveText(tierLabel(id));
      const evidence = column(page, id).locator('.compare-evidence li');
      await expect(evidence.first()).toBeVisible();
      // Every evidence phrase of the atlas shows in its country's column, inside its sentence.
      const shown = flat((await evidence.allTextContents()).join(' '));
      for (const item of entry.evidence) expect(shown).toContain(flat(item.phrase));
      await expect(column(page, id).locator('.compare-facts')).toContainText(String(entry.passageIds.length));
    }
    await expect(column(page, 'JPN').locator('.compare-note')).toHaveText('Ask about the Takeshima Day protests.');
    await expect(column(page, 'CHN')).toContainText('No notes yet.');

    // The timeline has one row per year either country has an event in, oldest first.
    // An event dated only to a decade ("the late 1980s") has a row of its own, before the years in it.
    const rowOf = (date: { year: number; precision: string }): [number, string] => (date.precision === 'decade' ? [date.year * 2, `${date.year}s`] : [date.year * 2 + 1, String(date.year)]);
    const rows = new Map([...view.model.countries['JPN']!.events, ...view.model.countries['CHN']!.events].map((event) => rowOf(event.date)));
    const years = [...rows].sort(([x], [y]) => x - y).map(([, label]) => label);
    expect(years.length).toBeGreaterThan(0);
    const timeline = compare(page).getByRole('region', { name: 'Timeline by year' });
    await expect(timeline.getByRole('rowheader')).toHaveText(years);
    await expect(timeline.getByRole('columnheader')).toHaveText(['Japan', 'China']);
    // Each event comes with the sentence it was read from, not the date alone.
    const chinaEvent = view.model.countries['CHN']!.events[0]!;
    const chinaCell = timeline.getByRole('row').filter({ has: page.getByRole('rowheader', { name: rowOf(chinaEvent.date)[1], exact: true }) }).getByRole('cell').nth(1);
    await expect(chinaCell).toContainText(chinaEvent.text);
    expect(((await chinaCell.textContent()) ?? '').length).toBeGreaterThan(chinaEvent.text.length + 40);

    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'compare-japan-china.png') });

    await compare(page).getByRole('button', { name: 'Swap' }).click();
    await expect(compare(page).getByRole('heading', { level: 2 })).toHaveText('Compare China and Japan');
    await expect(compare(page).locator('.compare-column').first()).toHaveAttribute('data-country', 'CHN');
    await expect(timeline.getByRole('columnheader')).toHaveText(['China', 'Japan']);

    // Changing one side keeps the other.
    await column(page, 'CHN').getByRole('button', { name: 'Change: China' }).click();
    await expect(compare(page).getByRole('combobox', { name: 'Compare Japan with' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(compare(page).getByRole('heading', { level: 2 })).toHaveText('Compare China and Japan');

    // The comparison as PDF, through the same briefing machinery.
    await compare(page).getByRole('button', { name: 'Export comparison as PDF…' }).click();
    const dialog = page.locator('dialog.modal[open]');
    await expect(dialog.getByRole('heading')).toHaveText('Export the comparison of China and Japan');
    const target = join(folder, 'comparison.pdf');
    app.dialogs.answers.push(target);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(page.locator('.toast', { hasText: 'Saved “comparison.pdf”' })).toBeVisible({ timeout: 30_000 });
    expect(app.dialogs.asked.at(-1)).toMatchObject({ kind: 'save', defaultName: expect.stringMatching(/^China vs Japan — comparison — \d{4}-\d{2}-\d{2}\.pdf$/) });
    const info = await pdfInfo(target);
    expect(info.title).toContain('China');
    expect(info.title).toContain('Japan');
    const text = flat(await pdfText(target));
    for (const id of ['JPN', 'CHN']) {
      expect(text).toContain(view.model.countries[id]!.name.en);
      expect(text).toContain(tierLabel(id));
      for (const item of view.model.countries[id]!.evidence) expect(text).toContain(flat(item.phrase));
    }
    expect(text).toContain('Ask about the Takeshima Day protests.');
    expect(text).toContain(view.model.sources[0]!.licence);
    expect(app.printer.requests).toEqual([]);
    expect(await readdir(folder)).toEqual(['comparison.pdf']);
    for (let number = 1; number <= Math.min(info.pages, 2); number += 1) await renderPage(target, number, join(screenshotDir, `compare-pdf-${number}`));

    // Esc backs out one level: the comparison first, then the panel.
    await compare(page).getByRole('heading', { level: 2 }).focus();
    await page.keyboard.press('Escape');
    await expect(compare(page)).toHaveCount(0);
    await expect(panel(page)).toHaveAttribute('data-country', 'JPN');
    await page.keyboard.press('Escape');
    await expect(panel(page)).toHaveCount(0);
  });

  test('a comparison in Korean and in the dark theme reads the same and passes axe', async ({ app }) => {
    const { page } = app;
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    await clickCountry(page, 'USA');
    await panel(page).getByRole('button', { name: 'Compare with…' }).click();
    await page.keyboard.type('Viet');
    await page.keyboard.press('Enter');
    await expect(compare(page).getByRole('heading', { level: 2 })).toHaveText('Compare United States and Vietnam');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(screenshotDir, 'compare-dark.png') });

    await page.getByRole('button', { name: 'Switch to 한국어' }).click();
    await expect(compare(page).getByRole('heading', { level: 2 })).toContainText('베트남');
    await expect(compare(page).getByRole('region', { name: /연도/ })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    // Choosing another country leaves the comparison, which belonged to the panel it came from.
    await chooseInList(page, 'Japan');
    await expect(panel(page)).toHaveAttribute('data-country', 'JPN');
    await expect(compare(page)).toHaveCount(0);
  });

  test('bad comparison requests are refused with a clear error and ask nothing', async ({ app }) => {
    const jobId = '0b7d3f0e-2d0a-4f57-9d43-3e0f4c0f9a21';
    const options = { paper: 'a4', includeNotes: true, language: 'en' };
    expect(await app.rawInvoke('atlas:briefing/export-compare', { jobId, a: 'JPN', b: 'JPN', options })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await app.rawInvoke('atlas:briefing/export-compare', { jobId, a: 'JPN', b: '../x', options })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await app.rawInvoke('atlas:briefing/export-compare', { jobId, a: 'JPN', b: 'ZZZ', options })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await app.rawInvoke('atlas:briefing/export-compare', { jobId, a: 'JPN', options })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(app.dialogs.asked).toEqual([]);
  });
});
