import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { linkTargets } from '../../src/main/import/pdfjs';
import { atlasCountryIds } from '../../src/shared/briefing';
import { loadAtlas } from '../../src/main/data/atlasFiles';
import type { AtlasView } from '../../src/shared/atlas/view';
import { flat, pdfInfo, pdfText, renderPage } from '../support/pdf';
import { expect, screenshotDir, test, type AtlasApp } from './harness';
import { clickCountry } from './helpers';

const panel = (page: Page) => page.locator('aside.panel');
const exportDialog = (page: Page) => page.locator('dialog.modal[open]');

// The whole atlas as main builds it (the window gets only its summary): these tests run on a fresh
// store with no imported source, so it is the bundled atlas.
async function atlasView(_app: AtlasApp): Promise<AtlasView> {
  return loadAtlas(resolve(import.meta.dirname, '../../data'));
}

async function writeCountryNote(page: Page, text: string): Promise<void> {
  const notes = panel(page).getByRole('region', { name: 'Your notes' });
  await notes.getByRole('button', { name: 'Add a note' }).click();
  await notes.getByRole('textbox', { name: 'Note (Markdown)' }).fill(text);
  await expect(notes.locator('.save-state')).toHaveText('Saved');
  await notes.getByRole('button', { name: 'Done' }).click();
}

let folder = '';
test.beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-pdf-'));
});
test.afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

test.describe('PDF briefings', () => {
  test('a country briefing prints its passages, evidence, notes as text, page numbers and attribution', async ({ app }) => {
    const { page } = app;
    const view = await atlasView(app);
    await clickCountry(page, 'JPN');
    const script = '<script>window.__pdf=1</script> and <img src=x onerror="window.__pdf=2">';
    await writeCountryNote(page, `Ask about the **Takeshima Day** protests.\n\n${script}`);

    await panel(page).getByRole('button', { name: 'Briefing PDF…' }).click();
    const dialog = exportDialog(page);
    await expect(dialog.getByRole('heading')).toHaveText('Briefing of Japan as PDF');
    await dialog.getByRole('radio', { name: 'A4' }).check();
    await expect(dialog.getByRole('checkbox', { name: 'Include my notes' })).toBeChecked();
    const target = join(folder, 'japan.pdf');
    app.dialogs.answers.push(target);
    await dialog.getByRole('button', { name: 'Export…' }).click();

    const toast = page.locator('.toast', { hasText: 'Saved “japan.pdf”' });
    await expect(toast).toBeVisible({ timeout: 30_000 });
    expect(app.dialogs.asked.at(-1)).toMatchObject({ kind: 'save', defaultName: expect.stringMatching(/^Japan — briefing — \d{4}-\d{2}-\d{2}\.pdf$/) });
    await expect(exportDialog(page)).toHaveCount(0);

    const info = await pdfInfo(target);
    expect(info).toMatchObject({ width: 595, height: 842, tagged: true });
    expect(info.pages).toBeGreaterThan(1);
    expect(info.title).toContain('Japan');
    const text = flat(await pdfText(target));
    const japan = view.model.countries['JPN']!;
    for (const id of japan.passageIds) {
      const passage = view.model.passages.find((candidate) => candidate.id === id)!;
      // The opening words of every passage; the layout may break lines anywhere after them.
      expect(text).toContain(flat(passage.text).split(' ').slice(0, 8).join(' '));
    }
    for (const evidence of japan.evidence) expect(text).toContain(flat(evidence.phrase));
    expect(text).toContain('Takeshima Day');
    expect(text).toContain(script);
    expect(text).toContain(view.model.sources[0]!.licence);
    for (let number = 1; number <= info.pages; number += 1) {
      // pdftotext keeps or drops the spaces around the slash depending on the glyph spacing.
      expect(flat(await pdfText(target, number)).replace(/\s*\/\s*/g, '/')).toContain(`${number}/${info.pages}`);
    }
    expect(app.printer.requests).toEqual([]);

    for (let number = 1; number <= Math.min(info.pages, 3); number += 1) await renderPage(target, number, join(screenshotDir, `briefing-japan-${number}`));

    await toast.getByRole('button', { name: 'Open' }).click();
    expect(app.shell.opened).toEqual([target]);
    await expect(toast).toHaveCount(0);
  });

  test('Korean labels on US Letter without notes; Show in Folder', async ({ app }) => {
    const { page } = app;
    await clickCountry(page, 'VNM');
    await writeCountryNote(page, 'Private remark that must stay out of the PDF.');
    await panel(page).getByRole('button', { name: 'Briefing PDF…' }).click();
    const dialog = exportDialog(page);
    await dialog.getByRole('radio', { name: 'US Letter' }).check();
    await dialog.getByRole('radio', { name: '한국어' }).check();
    await dialog.getByRole('checkbox', { name: 'Include my notes' }).uncheck();
    const target = join(folder, 'vietnam.pdf');
    app.dialogs.answers.push(target);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    const toast = page.locator('.toast', { hasText: 'vietnam.pdf' });
    await expect(toast).toBeVisible({ timeout: 30_000 });
    expect(app.dialogs.asked.at(-1)?.defaultName).toMatch(/베트남/);

    expect(await pdfInfo(target)).toMatchObject({ width: 612, height: 792 });
    const text = flat(await pdfText(target));
    expect(text).toContain('베트남');
    expect(text).not.toContain('Private remark');
    await renderPage(target, 1, join(screenshotDir, 'briefing-vietnam-ko-1'));

    await toast.getByRole('button', { name: 'Show in Folder' }).click();
    expect(app.shell.shown).toEqual([target]);
  });

  test('cancelling the save dialog writes nothing and says nothing went wrong', async ({ app }) => {
    const { page } = app;
    await clickCountry(page, 'FRA');
    await panel(page).getByRole('button', { name: 'Briefing PDF…' }).click();
    app.dialogs.answers.push(null);
    await exportDialog(page).getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => app.dialogs.asked.length).toBe(1);
    await expect(exportDialog(page).getByRole('button', { name: 'Export…' })).toBeEnabled();
    await expect(exportDialog(page).getByRole('alert')).toHaveCount(0);
    expect(app.printer.jobs).toBe(0);
    expect(await readdir(folder)).toEqual([]);
  });

  test('the whole atlas: cover, table of contents with the right page numbers, progress and cancel', async ({ app }) => {
    test.setTimeout(240_000);
    const { page } = app;
    const view = await atlasView(app);

    // First a cancelled run: Cancel while it prints leaves no file behind.
    await app.emit('onMenuCommand', 'export-atlas');
    const dialog = exportDialog(page);
    await expect(dialog.getByRole('heading')).toHaveText('The whole atlas as PDF');
    app.dialogs.answers.push(join(folder, 'cancelled.pdf'));
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
    await expect(dialog.getByText('Printing the pages…')).toBeVisible({ timeout: 30_000 });
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.locator('.toast', { hasText: 'The export was cancelled' })).toBeVisible();
    await expect(exportDialog(page)).toHaveCount(0);
    await page.waitForTimeout(1_000);
    expect(await readdir(folder)).toEqual([]);

    // Then the real one.
    await app.emit('onMenuCommand', 'export-atlas');
    const target = join(folder, 'atlas.pdf');
    app.dialogs.answers.push(target);
    await exportDialog(page).getByRole('button', { name: 'Export…' }).click();
    await expect(page.locator('.toast', { hasText: 'Saved “atlas.pdf”' })).toBeVisible({ timeout: 200_000 });
    expect((await stat(target)).size).toBeGreaterThan(100_000);
    const info = await pdfInfo(target);
    const covered = atlasCountryIds(view.model).map((id) => view.model.countries[id]!);
    expect(info.pages).toBeGreaterThan(covered.length);

    // The table of contents names each covered country with a page number: the page its briefing
    // starts on in the final PDF (where the contents' own links point) and where its title is.
    const { targets } = await linkTargets(new Uint8Array(await readFile(target)));
    // In layout mode each line of the contents keeps a name with its page number.
    const contents = (await Promise.all([2, 3].map((number) => pdfText(target, number, { layout: true })))).join('\n');
    for (const id of ['JPN', 'USA', 'CHN', 'VNM']) {
      expect(covered.map((country) => country.id)).toContain(id);
      const name = view.model.countries[id]!.name.en;
      const printed = new RegExp(`${name} [^\\d\\n]*?(\\d+)`).exec(contents)?.[1];
      expect(printed, `${name} in the table of contents`).toBeDefined();
      expect(Number(printed), `${name}'s page number`).toBe(targets[`c-${id}`]);
      expect(flat(await pdfText(target, Number(printed)))).toContain(name);
    }
    const sections = Object.keys(targets).filter((name) => /^c-[A-Z]{3}$|^c-x-/.test(name));
    expect(sections.sort()).toEqual(covered.map((country) => `c-${country.id}`).sort());
    await renderPage(target, 1, join(screenshotDir, 'atlas-cover'));
    await renderPage(target, 2, join(screenshotDir, 'atlas-contents'));
    expect(app.printer.requests).toEqual([]);
  });

  test('bad export requests are refused with a clear error', async ({ app }) => {
    const jobId = '6f1f8a52-3f0e-4c55-9a7e-0d6a8e3c1b11';
    const options = { paper: 'a4', includeNotes: true, language: 'en' };
    expect(await app.rawInvoke('atlas:briefing/export-country', { jobId, countryId: '../../etc', options })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await app.rawInvoke('atlas:briefing/export-country', { jobId, countryId: 'JPN', options: { ...options, paper: 'a3' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    expect(await app.rawInvoke('atlas:briefing/export-country', { jobId, countryId: 'ZZZ', options })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await app.rawInvoke('atlas:briefing/open-file', { token: jobId })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await app.rawInvoke('atlas:briefing/cancel', { jobId })).toEqual({ ok: true, value: false });
    expect(app.dialogs.asked).toEqual([]);
  });
});
