import { copyFile, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, importWorker, screenshotDir, test, type AtlasApp } from './harness';
import { clickCountry } from './helpers';
import { pdfBomb } from '../support/hostileDocuments';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/sources/${name}`, import.meta.url));
const panel = (page: Page) => page.locator('aside.panel');
const fill = (page: Page, id: string) => page.evaluate((country) => window.__atlasProbe!.featureState(country).fill, id);

async function tierColours(): Promise<(tier: string) => string> {
  const tiers = JSON.parse(await readFile(new URL('../../data/atlas/tiers.json', import.meta.url), 'utf8')) as { tiers: { id: string; colour: { light: string } }[] };
  return (tier) => tiers.tiers.find((entry) => entry.id === tier)!.colour.light;
}

async function openSources(page: Page) {
  await page.getByRole('tab', { name: 'Sources' }).click();
  return page.getByRole('tabpanel', { name: 'Sources' });
}

/** Imports, through File › Import Source…, a PDF of 4 MB that inflates to 4 GB. */
async function importBomb(app: AtlasApp): Promise<void> {
  const path = join(app.storeFolder, 'bomb.pdf');
  await writeFile(path, pdfBomb(4096));
  app.dialogs.answers.push(path);
  await app.emit('onMenuCommand', 'import-source');
}

test.describe('bring your own sources', () => {
  test('an encyclopedia page imported through the Sources view colours Chile, fills its panel under the page’s title, and turning it off reverts', async ({ app }) => {
    const { page } = app;
    const colour = await tierColours();
    expect(await fill(page, 'CHL')).toBe(colour('not-covered'));

    const sources = await openSources(page);
    await expect(sources.getByRole('list', { name: 'Sources of the atlas' }).getByRole('listitem')).toHaveCount(1);
    app.dialogs.answers.push(fixture('encyclopedia-article.html'));
    await sources.getByRole('button', { name: 'Import Source…' }).click();

    const dialog = page.getByRole('dialog', { name: 'Import “encyclopedia-article.html”' });
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('Chile–South Korea relations');
    await expect(dialog.getByRole('textbox', { name: 'Attribution and licence' })).toHaveValue('Wikipedia contributors, CC BY-SA 4.0');
    await expect(dialog).toContainText('8 passages');
    await expect(dialog).toContainText('2 passages link no country');
    await expect(dialog.getByRole('list', { name: '2 countries linked' }).getByRole('listitem')).toHaveText(['Chile (6)', 'South Korea (6)']);
    await expect(dialog.getByRole('region', { name: 'Tier changes' })).toContainText('Chile: Not covered → Strategic partner');
    await expect(dialog).toContainText('3 scripts and 3 event handlers. They were removed');
    expect(app.dialogs.asked).toEqual([{ kind: 'open', title: 'Import a document as a source' }]);
    // Nothing is stored, and nothing changes on the map, until the user confirms.
    expect(await fill(page, 'CHL')).toBe(colour('not-covered'));
    await page.screenshot({ path: join(screenshotDir, 'sources-import-preview.png') });

    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: 'was imported' })).toContainText('“Chile–South Korea relations” was imported. 1 country changed tier.');
    await expect.poll(() => fill(page, 'CHL')).toBe(colour('strategic'));
    const item = sources.getByRole('listitem').filter({ hasText: 'Chile–South Korea relations' });
    await expect(item).toContainText('8 passages · 2 countries');
    // The page's scripts were never run, here or anywhere.
    expect(await page.evaluate(() => Object.keys(window).filter((key) => key.startsWith('__ran')))).toEqual([]);

    await clickCountry(page, 'CHL');
    const group = panel(page).getByRole('region', { name: 'From “Chile–South Korea relations”' });
    await expect(group.locator('.passage')).toHaveCount(6);
    await expect(group).toContainText('In 2021 Chile and South Korea agreed to raise their ties to a strategic partnership');
    await expect(panel(page).getByRole('region', { name: 'Why this tier' })).toContainText('Decided by “Chile–South Korea relations”');
    await expect(panel(page).locator('.evidence mark')).toHaveText(['strategic partnership']);
    await page.screenshot({ path: join(screenshotDir, 'sources-panel-chile.png') });

    await item.getByRole('switch', { name: 'Use “Chile–South Korea relations” in the atlas' }).uncheck();
    await expect.poll(() => fill(page, 'CHL')).toBe(colour('not-covered'));
    await expect(page.getByRole('status').filter({ hasText: 'is off' })).toContainText('“Chile–South Korea relations” is off. 1 country changed tier.');
    await expect(panel(page)).toContainText('Not covered by the loaded sources');
    await expect(panel(page).getByRole('region', { name: 'From “Chile–South Korea relations”' })).toHaveCount(0);
    // The bundled source's countries never moved.
    expect(await fill(page, 'USA')).toBe(colour('alliance'));
  });

  test('a Markdown file dropped on the window is imported from its content, and a binary file is refused with a message', async ({ app }) => {
    const { page } = app;
    const colour = await tierColours();
    const markdown = await readFile(fixture('field-notes.md'), 'utf8');
    const drop = async (name: string, content: string | number[]) => {
      const dataTransfer = await page.evaluateHandle(
        ([fileName, body]) => {
          const transfer = new DataTransfer();
          const part = typeof body === 'string' ? body : new Uint8Array(body);
          transfer.items.add(new File([part], fileName));
          return transfer;
        },
        [name, content] as const,
      );
      await page.dispatchEvent('main', 'dragenter', { dataTransfer });
      await expect(page.getByText('Drop the document to import it as a source')).toBeVisible();
      await page.dispatchEvent('main', 'drop', { dataTransfer });
    };

    await drop('field-notes.md', markdown);
    const dialog = page.getByRole('dialog', { name: 'Import “field-notes.md”' });
    await expect(dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('Field notes: Korea and Central Asia');
    await expect(dialog.getByRole('region', { name: 'Tier changes' })).toContainText('Uzbekistan: Not covered → Comprehensive strategic partner');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect.poll(() => fill(page, 'UZB')).toBe(colour('comprehensive-strategic'));
    expect(app.dialogs.asked).toEqual([]);

    await drop('photo.txt', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expect(page.getByRole('status').filter({ hasText: 'not a text document' })).toContainText('Nothing was imported.');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    const sources = await openSources(page);
    await expect(sources.getByRole('list', { name: 'Sources of the atlas' }).getByRole('listitem')).toHaveCount(2);
  });

  test('an imported source whose text file is gone says so in the Sources tab, instead of showing 0 passages', async ({ launch }) => {
    // A store folder that names an imported source but lacks its sources/<hash>.txt (restored from a
    // backup without it, or the file deleted by hand).
    // In the test's output folder, which Playwright clears, as the app may still save while it closes.
    const storeFolder = test.info().outputPath('store');
    await mkdir(storeFolder, { recursive: true });
    await copyFile(new URL('../fixtures/store/v4-store.json', import.meta.url), join(storeFolder, 'atlas-store.json'));
    const { page } = await launch({ storeFolder });
    const sources = await openSources(page);
    const item = sources.getByRole('listitem').filter({ hasText: 'Field notes: Korea and Chile' });
    await expect(item.getByRole('note')).toHaveText(
      'The text of this source is missing from the data folder or cannot be read, so it adds no passages. Import “korea-chile.md” again to restore it.',
    );
    await expect(item).not.toContainText('0 passages');
    // The bundled source is listed with its counts as before.
    await expect(sources.getByRole('listitem').filter({ hasText: 'Foreign relations of South Korea' })).toContainText(/\d+ passages · \d+ countries/);
    await page.screenshot({ path: join(screenshotDir, 'sources-text-missing.png') });
  });

  test('File › Import Source… shows progress once main has worked half a second, and cancelling stores nothing', async ({ app }) => {
    const { page } = app;
    const bundled = await readFile(new URL('../../data/sources/foreign-relations-of-south-korea.txt', import.meta.url), 'utf8');
    const paragraphs = bundled.split('\n\n').slice(1, -1);
    const long = Array.from({ length: 12_000 }, (_, index) => `${paragraphs[index % paragraphs.length] ?? ''} (${String(index)})`).join('\n\n');
    const path = join(app.storeFolder, 'long-report.txt');
    await writeFile(path, `Long report\n\n${long}`);
    app.dialogs.answers.push(path);
    // How long main takes depends on the machine; holding its answer makes this one a slow one.
    const release = app.holdReplies('atlas:sources/preview-import');

    await app.emit('onMenuCommand', 'import-source');
    const progress = page.getByRole('status').filter({ has: page.getByRole('progressbar', { name: 'Import progress' }) });
    await expect(progress).toBeVisible();
    const dialog = page.getByRole('dialog', { name: 'Import “long-report.txt”' });
    await expect(dialog).toHaveCount(0);
    release();
    await expect(dialog).toContainText('12000 passages', { timeout: 60_000 });
    await expect(progress).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    const sources = await openSources(page);
    await expect(sources).toContainText('No documents imported yet.');
  });

  test('Cancel on the progress line stops a document being read at once, and says nothing was imported', async ({ launch }) => {
    // The import worker behind a module that keeps the document it is sent and never reads it: the
    // import cannot end before the Cancel, and only a thread stopped by it lets the test see the message.
    const holding = test.info().outputPath('holdingImportWorker.mjs');
    await mkdir(dirname(holding), { recursive: true });
    await writeFile(
      holding,
      [
        "import { parentPort } from 'node:worker_threads';",
        // The document is received (which keeps the thread alive) and never passed to the reader.
        "parentPort.on('message', () => {});",
        "parentPort.once = (event, listener) => (event === 'message' ? parentPort : parentPort.on(event, listener));",
        `await import(${JSON.stringify(pathToFileURL(importWorker).href)});`,
      ].join('\n'),
    );
    const app = await launch({ importWorker: holding });
    const { page } = app;
    await importBomb(app);
    const progress = page.getByRole('status').filter({ has: page.getByRole('progressbar', { name: 'Import progress' }) });
    await expect(progress).toContainText('Extracting the text…');
    await page.screenshot({ path: join(screenshotDir, 'import-cancel.png') });
    await progress.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'The import was cancelled.' })).toContainText('Nothing was imported.');
    await expect(progress).toHaveCount(0);
    const sources = await openSources(page);
    await expect(sources).toContainText('No documents imported yet.');
  });

  test('Cancel that reaches main after the preview is made still cancels: no preview is shown, and nothing is imported', async ({ app }) => {
    const { page } = app;
    app.dialogs.answers.push(fixture('encyclopedia-article.html'));
    // Main makes the preview; its answer waits, so the Cancel below reaches main after main's last look.
    const release = app.holdReplies('atlas:sources/preview-import');
    await app.emit('onMenuCommand', 'import-source');
    const progress = page.getByRole('status').filter({ has: page.getByRole('progressbar', { name: 'Import progress' }) });
    await expect(progress).toContainText('Working out tier changes…');
    // Comparing this short document takes main a fraction of this.
    await page.waitForTimeout(1000);
    await progress.getByRole('button', { name: 'Cancel' }).click();
    release();
    await expect(page.getByRole('status').filter({ hasText: 'The import was cancelled.' })).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Import “encyclopedia-article.html”' })).toHaveCount(0);
    const sources = await openSources(page);
    await expect(sources).toContainText('No documents imported yet.');
  });

  test('a PDF decompression bomb is refused as too large once decompressed, and the app keeps working', async ({ app }) => {
    const { page } = app;
    await importBomb(app);
    await expect(page.getByRole('status').filter({ hasText: 'too large once decompressed' })).toContainText('Nothing was imported.', { timeout: 60_000 });
    const sources = await openSources(page);
    await expect(sources).toContainText('No documents imported yet.');
    await clickCountry(page, 'JPN');
    await expect(panel(page)).toContainText('Japan');
  });

  test('the time spent choosing a file in the open dialog does not count towards showing progress', async ({ app }) => {
    const { page } = app;
    const path = join(app.storeFolder, 'short-note.txt');
    await writeFile(path, 'Short note\n\nSouth Korea and Chile signed a memorandum on lithium.');
    // Records whether the progress line ever appears, however briefly.
    await page.evaluate(() => {
      const seen = { progress: false };
      (window as unknown as { __progressSeen: typeof seen }).__progressSeen = seen;
      new MutationObserver(() => {
        if (document.querySelector('.import-progress')) seen.progress = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    // The user takes a second and a half to pick the file.
    app.dialogs.answers.push(new Promise((resolve) => setTimeout(() => resolve(path), 1500)));

    await app.emit('onMenuCommand', 'import-source');
    const dialog = page.getByRole('dialog', { name: 'Import “short-note.txt”' });
    await expect(dialog).toContainText('1 passage');
    expect(await page.evaluate(() => (window as unknown as { __progressSeen: { progress: boolean } }).__progressSeen.progress)).toBe(false);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  test('a country with many passages lists them in steps, and a passage asked for further down is shown with its page', async ({ app }) => {
    const { page } = app;
    // The first eight also decide Chile's tier (the bundled source only mentions Chile).
    const values = (index: number) => (index < 8 ? ', partners who share universal values,' : '');
    const notes = Array.from(
      { length: 130 },
      (_, index) => `Field note ${String(index)}: In ${String(1700 + index)}, Chile and South Korea${values(index)} reviewed the lithium accord, item ${String(index)}.`,
    );
    const path = join(app.storeFolder, 'field-notes.txt');
    await writeFile(path, `Field notes\n\n${notes.join('\n\n')}`);
    app.dialogs.answers.push(path);
    await app.emit('onMenuCommand', 'import-source');
    const dialog = page.getByRole('dialog', { name: 'Import “field-notes.txt”' });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'was imported' })).toBeVisible();

    await clickCountry(page, 'CHL');
    const why = panel(page).getByRole('region', { name: 'Why this tier' });
    await expect(why.locator('blockquote')).toHaveCount(5);
    await why.getByRole('button', { name: 'Show 3 more of the 3 deciding passages not listed' }).click();
    await expect(why.locator('blockquote')).toHaveCount(8);
    await expect(why.getByRole('button')).toHaveCount(0);
    const group = panel(page).locator('.passage-source').filter({ has: page.getByRole('heading', { name: /Field notes/ }) });
    const listed = group.locator('li.passage');
    await expect(listed).toHaveCount(50);
    await group.getByRole('button', { name: 'Show 50 more of the 80 passages not listed' }).click();
    await expect(listed).toHaveCount(100);
    await group.getByRole('button', { name: 'Show 30 more of the 30 passages not listed' }).click();
    await expect(listed).toHaveCount(130);
    await expect(group.getByRole('button', { name: /^Show/ })).toHaveCount(0);

    // The timeline lists its first 100 dates (1700 to 1799 here); its link to a passage the list
    // has not reached shows the page holding it (fetched from main), with its place, in view.
    await page.keyboard.press('Escape');
    await clickCountry(page, 'CHL');
    const timeline = panel(page).getByRole('region', { name: 'Timeline' });
    await expect(timeline.getByRole('listitem')).toHaveCount(100);
    await expect(timeline.getByRole('button', { name: /^Show 30 more of the 3\d dates not listed$/ })).toBeVisible();
    await expect(listed).toHaveCount(50);
    await timeline.getByRole('button', { name: '1799: Show the passage' }).click();
    await expect(group.locator('.passage-place')).toHaveText('Passages 51–100 of 130 in this source, with the one asked for:');
    const shown = group.locator('li.passage').filter({ hasText: 'item 99.' });
    await expect(shown).toHaveClass(/focused/);
    await expect(shown).toBeInViewport();
    await expect(listed).toHaveCount(100);
    await expect(group.locator('.passage-page li.passage').first()).toContainText('item 50.');

    // So does a passage search, made with the panel still open.
    await page.locator('#country-search').fill('item 120');
    await page.locator('#country-options .passage-option').filter({ hasText: 'item 120.' }).first().click();
    await expect(group.locator('.passage-place')).toHaveText('Passages 101–130 of 130 in this source, with the one asked for:');
    await expect(group.locator('li.passage.focused')).toContainText('item 120.');
    await page.screenshot({ path: join(screenshotDir, 'sources-passage-beyond-the-list.png') });

  });

  test('the Timeline tab lists its first 200 events in range, and the rest on request', async ({ app }) => {
    const { page } = app;
    const notes = Array.from({ length: 260 }, (_, index) => `Diary ${String(index)}: in ${String(1600 + index)} a Korean envoy reached Peru.`);
    const path = join(app.storeFolder, 'diary.txt');
    await writeFile(path, `Diary\n\n${notes.join('\n\n')}`);
    app.dialogs.answers.push(path);
    await app.emit('onMenuCommand', 'import-source');
    await page.getByRole('dialog', { name: 'Import “diary.txt”' }).getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'was imported' })).toBeVisible();

    await page.getByRole('tab', { name: 'Timeline' }).click();
    await page.getByRole('slider', { name: 'From' }).press('Home');
    await expect(page.locator('.timeline-view legend')).toHaveText(/^1600–/);
    // The count is there once main has sent the first page of events in the new range.
    await expect(page.locator('.timeline-view .country-count')).toHaveAttribute('aria-busy', 'false');
    const inRange = Number((await page.locator('.timeline-view .country-count').textContent())?.match(/\d+/)?.[0]);
    expect(inRange).toBeGreaterThanOrEqual(260);
    expect(inRange).toBeLessThanOrEqual(400);
    const events = page.locator('.timeline-events li:not(.timeline-more)');
    await expect(events).toHaveCount(200);
    await expect(events.first()).toContainText('1600');
    const left = String(inRange - 200);
    await page.getByRole('button', { name: `Show ${left} more of the ${left} events not listed` }).click();
    await expect(events).toHaveCount(inRange);
    await expect(page.locator('.timeline-more')).toHaveCount(0);
  });

  test('a large imported document is searched by main: its passages are found, and Enter opens what was typed', async ({ app }) => {
    test.setTimeout(120_000);
    const { page } = app;
    // 10,500 passages: main builds their index after the import, in slices, and searches it.
    const notes = Array.from({ length: 10_500 }, (_, index) => `Field note ${String(index)}: Chile and South Korea reviewed the lithium accord, item ${String(index)}.`);
    const path = join(app.storeFolder, 'field-notes.txt');
    await writeFile(path, `Field notes\n\n${notes.join('\n\n')}`);
    app.dialogs.answers.push(path);
    await app.emit('onMenuCommand', 'import-source');
    const dialog = page.getByRole('dialog', { name: 'Import “field-notes.txt”' });
    await expect(dialog).toContainText('10500 passages', { timeout: 60_000 });
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: 'was imported' })).toBeVisible({ timeout: 60_000 });

    const search = page.locator('#country-search');
    await search.fill('lithium accord');
    const found = page.locator('#country-options .passage-option');
    await expect(found.first()).toContainText('lithium accord', { timeout: 60_000 });
    await expect(found).toHaveCount(20);

    // Typed and entered at once, before main has answered: Enter opens the passage the typed words
    // find, not one the list still showed for the earlier query.
    await search.fill('');
    await search.focus();
    await page.keyboard.type('item 10400');
    await page.keyboard.press('Enter');
    await expect(page.locator('aside.panel[data-country="CHL"]')).toBeVisible();
    await expect(panel(page).locator('li.passage.focused')).toContainText('item 10400.');
  });
});
