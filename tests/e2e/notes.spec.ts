import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './harness';
import { chooseInList, clickCountry } from './helpers';

const panel = (page: Page) => page.locator('aside.panel');

async function writeCountryNote(page: Page, text: string, tags = ''): Promise<void> {
  const notes = panel(page).getByRole('region', { name: 'Your notes' });
  await notes.getByRole('button', { name: 'Add a note' }).click();
  const editor = notes.getByRole('textbox', { name: 'Note (Markdown)' });
  await editor.fill(text);
  if (tags) await notes.getByRole('textbox', { name: 'Tags' }).fill(tags);
  await expect(notes.locator('.save-state')).toHaveText('Saved');
  await notes.getByRole('button', { name: 'Done' }).click();
}

test.describe('personal notes', () => {
  test('a note written on a country survives a restart, and the map marks the country', async ({ launch }) => {
    const first = await launch();
    await clickCountry(first.page, 'JPN');
    await writeCountryNote(first.page, 'Watch the **Takeshima Day** protests each February.', 'territory, japan');
    const card = panel(first.page).locator('.note-card');
    await expect(card.locator('strong')).toHaveText('Takeshima Day');
    await expect(card).toContainText('#territory');
    await expect.poll(() => first.page.evaluate(() => window.__atlasProbe!.featureState('JPN', 'places'))).toMatchObject({ hasNotes: true });
    await first.page.screenshot({ path: join(screenshotDir, 'notes-panel-japan.png') });
    await first.close();

    const second = await launch({ storeFolder: first.storeFolder });
    await clickCountry(second.page, 'JPN');
    await expect(panel(second.page).locator('.note-card strong')).toHaveText('Takeshima Day');
  });

  test('a data file that vanished: the notes come back from the backup, and the banner says the file was missing', async ({ launch }) => {
    const first = await launch();
    await clickCountry(first.page, 'JPN');
    await writeCountryNote(first.page, 'Kept through a **vanished** file.');
    await first.close();
    await (await launch({ storeFolder: first.storeFolder })).close(); // this start makes the backup
    await rm(join(first.storeFolder, 'atlas-store.json')); // as a sync tool might

    const { page } = await launch({ storeFolder: first.storeFolder });
    await expect(page.locator('.recovery-banner')).toHaveText(/^Your data file was missing; the atlas started from the backup copy made when it last started\.\s*Dismiss$/);
    await clickCountry(page, 'JPN');
    await expect(panel(page).locator('.note-card strong')).toHaveText('vanished');
    await page.screenshot({ path: join(screenshotDir, 'store-missing-banner.png') });
  });

  test('script in a note shows as text and never runs', async ({ app }) => {
    const { page } = app;
    await clickCountry(page, 'FRA');
    const payloads = [
      '<img src=x onerror="window.__xss=1">',
      '<svg onload="window.__xss=2"></svg>',
      '[click me](javascript:window.__xss=3)',
      '<script>window.__xss=4</script>',
      '<a href="javascript:window.__xss=5">x</a> <iframe src="https://example.com"></iframe>',
    ];
    await writeCountryNote(page, payloads.join('\n\n'));
    const body = panel(page).locator('.note-body');
    await expect(body).toContainText('<img src=x onerror="window.__xss=1">');
    await expect(body).toContainText('<svg onload="window.__xss=2"></svg>');
    await expect(body).toContainText('<script>window.__xss=4</script>');
    expect(await body.locator('img, svg, script, iframe').count()).toBe(0);
    expect(await body.locator('a[href^="javascript"]').count()).toBe(0);
    await body.getByText('click me').click();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });

  test('passage notes mark their passage; the notes view filters by tag and text', async ({ app }) => {
    const { page } = app;
    await clickCountry(page, 'VNM');
    const passage = panel(page).locator('.passage', { hasText: 'In December 2022' });
    await passage.getByRole('button', { name: 'Add a note on this passage' }).click();
    await passage.getByRole('textbox', { name: 'Note (Markdown)' }).fill('Elevation matches the 2023 trade figures.');
    await passage.getByRole('textbox', { name: 'Tags' }).fill('economy');
    await expect(passage.locator('.save-state')).toHaveText('Saved');
    await passage.getByRole('button', { name: 'Done' }).click();
    await expect(passage.getByLabel('1 note on this passage')).toBeVisible();
    await page.keyboard.press('Escape');

    await clickCountry(page, 'USA');
    await writeCountryNote(page, 'Alliance since 1953.', 'security');

    await page.getByRole('tab', { name: 'Notes' }).click();
    const list = page.locator('.notes-list li');
    await expect(list).toHaveCount(2);
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('economy');
    await expect(list).toHaveCount(1);
    await expect(list.first()).toContainText('Vietnam');
    await page.getByRole('combobox', { name: 'Tag' }).selectOption('');
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('alliance');
    await expect(list).toHaveCount(1);
    await expect(list.first()).toContainText('United States');
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('');
    await expect(list).toHaveCount(2);
    await page.screenshot({ path: join(screenshotDir, 'notes-view.png') });
    await list.filter({ hasText: 'Vietnam' }).getByRole('button').click();
    await expect(panel(page)).toHaveAttribute('data-country', 'VNM');
    await expect(panel(page).locator('.passage.focused')).toContainText('In December 2022');
  });

  test('deleting a note can be undone', async ({ app }) => {
    const { page } = app;
    await clickCountry(page, 'CHN');
    await writeCountryNote(page, 'Exchange visits resumed in the late 1980s.');
    await panel(page).locator('.note-card').getByRole('button', { name: 'Delete note' }).click();
    await expect(panel(page).locator('.note-card')).toHaveCount(0);
    await page.getByRole('status').getByRole('button', { name: 'Undo' }).click();
    await expect(panel(page).locator('.note-card')).toContainText('Exchange visits resumed');
  });

  test('your own tier shows on the map with a dashed outline, beside the sources’ tier, and resets', async ({ app }) => {
    const { page } = app;
    const state = (id: string) => page.evaluate((country) => window.__atlasProbe!.featureState(country), id);
    await clickCountry(page, 'JPN');
    const section = panel(page).getByRole('region', { name: 'Your tier' });
    await section.locator('summary').click();
    await section.getByRole('combobox', { name: 'Set your own tier' }).selectOption({ label: 'Alliance' });
    await section.getByRole('textbox', { name: 'Why (shown with your tier)' }).fill('Trilateral security cooperation since 2023.');
    await section.getByRole('button', { name: 'Save your tier' }).click();
    await expect(section.locator('.tier-badge')).toHaveText('Alliance');
    await expect(panel(page).locator('.panel-tier .tier-badge')).toHaveText('Partner');
    await expect(panel(page).locator('.panel-tier')).toContainText('From the sources');
    await expect.poll(() => state('JPN')).toMatchObject({ override: true });
    await expect(page.getByRole('region', { name: 'Relationship tiers' }).getByRole('button', { name: /^Alliance\s*2$/ })).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'tier-override.png') });

    await section.getByRole('button', { name: 'Reset to the sources’ tier' }).click();
    await expect.poll(() => state('JPN')).toMatchObject({ override: false });
    await expect(page.getByRole('region', { name: 'Relationship tiers' }).getByRole('button', { name: /^Alliance\s*1$/ })).toBeVisible();
  });

  test('a store folder that cannot be written: the save fails visibly, the text stays, retry works', async ({ app }) => {
    const { page, storeFolder } = app;
    await clickCountry(page, 'DEU');
    const notes = panel(page).getByRole('region', { name: 'Your notes' });
    await notes.getByRole('button', { name: 'Add a note' }).click();
    const editor = notes.getByRole('textbox', { name: 'Note (Markdown)' });
    await editor.fill('First draft.');
    await expect(notes.locator('.save-state')).toHaveText('Saved');
    const saved = await readFile(join(storeFolder, 'atlas-store.json'), 'utf8');

    // root ignores permissions, so there the folder is swapped for a file; elsewhere it is made read-only.
    const asRoot = process.getuid?.() === 0;
    const aside = `${storeFolder}.aside`;
    if (asRoot) {
      await rename(storeFolder, aside);
      await writeFile(storeFolder, 'not a folder');
    } else {
      await chmod(storeFolder, 0o500);
    }
    await editor.fill('First draft. Second thought that must not be lost.');
    await expect(notes.locator('.save-state')).toContainText('Not saved');
    await expect(editor).toHaveValue('First draft. Second thought that must not be lost.');

    if (asRoot) {
      await rm(storeFolder);
      await rename(aside, storeFolder);
    } else {
      await chmod(storeFolder, 0o700);
    }
    expect(await readFile(join(storeFolder, 'atlas-store.json'), 'utf8')).toBe(saved);
    await notes.getByRole('button', { name: 'Retry' }).click();
    await expect(notes.locator('.save-state')).toHaveText('Saved');
    expect(await readFile(join(storeFolder, 'atlas-store.json'), 'utf8')).toContain('Second thought that must not be lost.');
  });

  test('export as JSON and Markdown, import into another store with a preview; bad files change nothing', async ({ launch }) => {
    const out = join(tmpdir(), `atlas-export-${Date.now()}`);
    await mkdir(out, { recursive: true });
    const source = await launch();
    await clickCountry(source.page, 'PRK');
    await writeCountryNote(source.page, 'Armistice, not peace.', 'security');

    source.dialogs.answers.push(join(out, 'notes.json'));
    await source.emit('onMenuCommand', 'export-notes');
    const dialog = source.page.getByRole('dialog', { name: 'Export your notes' });
    await dialog.getByRole('radio', { name: 'JSON (for importing into the atlas again)' }).check();
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(source.page.getByRole('status')).toContainText('Exported to');
    expect(source.dialogs.asked.at(-1)).toMatchObject({ kind: 'save', defaultName: expect.stringMatching(/^Korea Relations Atlas notes — \d{4}-\d{2}-\d{2}\.json$/) });
    const exported = JSON.parse(await readFile(join(out, 'notes.json'), 'utf8')) as { notes: { body: string }[] };
    expect(exported.notes.map((note) => note.body)).toEqual(['Armistice, not peace.']);

    source.dialogs.answers.push(out);
    await source.emit('onMenuCommand', 'export-notes');
    await dialog.getByRole('radio', { name: 'Markdown, one file per country' }).check();
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(async () => (await readdir(out)).sort()).toEqual(['North Korea.md', 'notes.json']);
    expect(await readFile(join(out, 'North Korea.md'), 'utf8')).toContain('Armistice, not peace.');

    const target = await launch();
    // The page saves where the user is (map view, tab) shortly after it opens: let that land first,
    // so what follows compares the store with itself before and after the bad file alone.
    await expect.poll(() => target.services.prefs.session()).toBeDefined();
    await target.services.store.idle();
    const storeBefore = await readFile(join(target.storeFolder, 'atlas-store.json'), 'utf8');
    await writeFile(join(out, 'broken.json'), '{"notes": [');
    target.dialogs.answers.push(join(out, 'broken.json'));
    await target.emit('onMenuCommand', 'import-notes');
    await expect(target.page.getByRole('status')).toContainText('the file is not JSON');
    expect(await readFile(join(target.storeFolder, 'atlas-store.json'), 'utf8')).toBe(storeBefore);

    target.dialogs.answers.push(join(out, 'notes.json'));
    await target.emit('onMenuCommand', 'import-notes');
    const preview = target.page.getByRole('dialog', { name: 'Import notes' });
    await expect(preview).toContainText('Notes: 1 new, 0 updated, 0 unchanged');
    await preview.getByRole('button', { name: 'Import' }).click();
    await expect(target.page.getByRole('status')).toContainText('Imported 1 notes');
    await chooseInList(target.page, 'North Korea');
    await expect(panel(target.page).locator('.note-card')).toContainText('Armistice, not peace.');

    target.dialogs.answers.push(join(out, 'notes.json'));
    await target.emit('onMenuCommand', 'import-notes');
    await expect(preview).toContainText('This file holds nothing that is not already here.');
    await expect(preview.getByRole('button', { name: 'Import' })).toBeDisabled();
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await rm(out, { recursive: true, force: true });
  });
});

test.describe('a store from before, and a broken one', () => {
  test('the Notes tab lists 30 notes at a time; a new search starts again from the first 30', async ({ launch }) => {
    const folder = await mkdtemp(join(tmpdir(), 'atlas-notes-'));
    const first = await launch({ storeFolder: folder });
    for (let index = 0; index < 35; index++) {
      const result = await first.services.invoke('atlas:notes/create', { target: { kind: 'country', countryId: 'CHL' }, body: `Field note ${String(index)} on lithium.` }, true);
      expect(result.ok).toBe(true);
    }
    await first.close();

    const second = await launch({ storeFolder: folder });
    const { page } = second;
    await page.getByRole('tab', { name: 'Notes' }).click();
    const listed = page.locator('.notes-list li[data-note]');
    await expect(listed).toHaveCount(30);
    await page.getByRole('button', { name: 'Show 5 more of the 5 not listed' }).click();
    await expect(listed).toHaveCount(35);
    await expect(page.locator('.notes-more')).toHaveCount(0);
    await page.getByRole('searchbox', { name: 'Search notes' }).fill('lithium');
    await expect(listed).toHaveCount(30);
    await expect(page.getByRole('button', { name: 'Show 5 more of the 5 not listed' })).toBeVisible();
    await second.close();
    await rm(folder, { recursive: true, force: true });
  });

  test('a passage note whose passage is gone is kept and shown apart, with its old text', async ({ launch }) => {
    const folder = await mkdtemp(join(tmpdir(), 'atlas-fixture-'));
    await copyFile(new URL('../fixtures/store/v2-store.json', import.meta.url), join(folder, 'atlas-store.json'));
    const app = await launch({ storeFolder: folder });
    await chooseInList(app.page, 'United States');
    const detached = panel(app.page).getByRole('region', { name: 'Notes on passages that changed' });
    await expect(detached).toContainText('is no longer in the sources');
    await expect(detached.locator('.old-passage')).toHaveText("The United States is South Korea's only treaty ally.");
    await expect(detached.locator('.note-card')).toContainText('Mutual Defense Treaty, 1953.');
    await app.close();
    await rm(folder, { recursive: true, force: true });
  });

  test('an unreadable store is moved aside, never overwritten, and the user is told where', async ({ launch }) => {
    const folder = await mkdtemp(join(tmpdir(), 'atlas-broken-'));
    await writeFile(join(folder, 'atlas-store.json'), '{"schemaVersion": 2, "notes": [ torn');
    const app = await launch({ storeFolder: folder });
    const banner = app.page.getByRole('alert').filter({ hasText: 'could not be read' });
    await expect(banner).toBeVisible();
    const kept = (await readdir(folder)).filter((name) => name.startsWith('atlas-store.unreadable-'));
    expect(kept).toHaveLength(1);
    await expect(banner).toContainText(kept[0]!);
    expect(await readFile(join(folder, kept[0]!), 'utf8')).toBe('{"schemaVersion": 2, "notes": [ torn');
    await app.close();
    await rm(folder, { recursive: true, force: true });
  });
});
