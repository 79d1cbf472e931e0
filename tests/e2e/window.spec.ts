import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test, type AtlasApp } from './harness';
import { chooseInList, clickCountry } from './helpers';

const panel = (page: Page) => page.locator('aside.panel');

/** The store file as it is on disk once main has written everything it was sent. */
async function storeOnDisk(app: AtlasApp): Promise<string> {
  await app.services.store.idle();
  return readFile(join(app.storeFolder, 'atlas-store.json'), 'utf8');
}

async function addNote(app: AtlasApp, countryId: string, body: string): Promise<void> {
  const result = await app.services.invoke('atlas:notes/create', { target: { kind: 'country', countryId }, body }, true);
  expect(result.ok).toBe(true);
}

/** Reloads the window, as a new start on the same store (notes stored through main come with it). */
async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => window.__atlasProbe !== undefined, undefined, { timeout: 30_000 });
  await page.evaluate(() => window.__atlasProbe?.whenIdle());
}

/** Starts a new note on the open panel's country and types `text` into it (no wait for the autosave). */
async function typeNewNote(page: Page, text: string): Promise<void> {
  const notes = panel(page).getByRole('region', { name: 'Your notes' });
  await notes.getByRole('button', { name: 'Add a note' }).click();
  await notes.getByRole('textbox', { name: 'Note (Markdown)' }).fill(text);
}

/** Markdown that overflowed marked's stack (5 kB) or took it minutes, as a user could paste it. */
const HOSTILE = {
  quotes: `${'>'.repeat(5000)} x`,
  lists: `${'- '.repeat(2500)}x`,
  emphasis: `${'*a '.repeat(900)}x${' a*'.repeat(900)}`,
};

test.describe('notes nested past what Markdown takes', () => {
  test('stored in the store: the app starts with the panel, shows the notes as text, and they can be deleted', async ({ launch }) => {
    const first = await launch();
    for (const body of Object.values(HOSTILE)) await addNote(first, 'JPN', body);
    // The panel is open at the end of the session, so the next start restores it.
    await clickCountry(first.page, 'JPN');
    await expect.poll(() => first.services.prefs.session()?.selected).toBe('JPN');
    await first.close();

    const second = await launch({ storeFolder: first.storeFolder });
    const { page } = second;
    await expect(panel(page)).toHaveAttribute('data-country', 'JPN');
    const cards = panel(page).locator('.note-card');
    await expect(cards).toHaveCount(3);
    await expect(cards.filter({ hasText: '>>>>>>>>>> x' })).toHaveCount(1);
    await expect(cards.filter({ hasText: '- - - - - x' })).toHaveCount(1);
    await expect(cards.filter({ hasText: '*a *a *a' })).toHaveCount(1);
    await page.screenshot({ path: join(screenshotDir, 'notes-nested-as-text.png') });
    for (let left = 3; left > 0; left--) {
      await cards.first().getByRole('button', { name: 'Delete note' }).click();
      await expect(cards).toHaveCount(left - 1);
    }
    expect(await storeOnDisk(second)).not.toContain('>>>>>>>>>>');
  });

  test('through Import Notes: the preview, the import and the panel all work, and the note can be deleted', async ({ launch }) => {
    const folder = await mkdtemp(join(tmpdir(), 'atlas-hostile-'));
    const source = await launch();
    await addNote(source, 'CHN', HOSTILE.quotes);
    await addNote(source, 'CHN', HOSTILE.lists);
    source.dialogs.answers.push(join(folder, 'notes.json'));
    await source.emit('onMenuCommand', 'export-notes');
    const dialog = source.page.getByRole('dialog', { name: 'Export your notes' });
    await dialog.getByRole('radio', { name: 'JSON (for importing into the atlas again)' }).check();
    await dialog.getByRole('button', { name: 'Export…' }).click();
    await expect(source.page.getByRole('status')).toContainText('Exported to');

    const target = await launch();
    target.dialogs.answers.push(join(folder, 'notes.json'));
    await target.emit('onMenuCommand', 'import-notes');
    const preview = target.page.getByRole('dialog', { name: 'Import notes' });
    await expect(preview).toContainText('Notes: 2 new, 0 updated, 0 unchanged');
    await preview.getByRole('button', { name: 'Import' }).click();
    await expect(target.page.getByRole('status')).toContainText('Imported 2 notes');
    await chooseInList(target.page, 'China');
    const cards = panel(target.page).locator('.note-card');
    await expect(cards).toHaveCount(2);
    await cards.filter({ hasText: '>>>>>>>>>> x' }).getByRole('button', { name: 'Delete note' }).click();
    await expect(cards).toHaveCount(1);
    await rm(folder, { recursive: true, force: true });
  });
});

test.describe('a region that fails', () => {
  /**
   * A render error that survives reloads, as a bad stored note would: every page of the context
   * gets a Date#toLocaleString and #toLocaleDateString that throw (a note card and the Notes tab
   * call them to date a note). Nothing in the app is changed for it.
   */
  async function breakNoteCards(app: AtlasApp): Promise<void> {
    app.expectedErrors.push(/forced render failure/, /The (panel|sidebar) region failed/, /error occurred in the <(NoteCard|NotesView|NoteRow)> component/);
    const install = () => {
      const fail = () => {
        throw new Error('forced render failure');
      };
      Date.prototype.toLocaleString = fail;
      Date.prototype.toLocaleDateString = fail;
    };
    await app.context.addInitScript(install);
    await app.page.evaluate(install);
  }

  test('the panel shows what failed, the rest keeps working, and the failed panel is not reopened at the next start', async ({ app }) => {
    const { page } = app;
    await addNote(app, 'JPN', 'A note the panel cannot show.');
    await reload(page);
    await breakNoteCards(app);
    await chooseInList(page, 'Japan');
    const failure = page.getByRole('alert').filter({ hasText: 'This country’s panel could not be shown.' });
    await expect(failure).toBeVisible();
    await expect(failure).toContainText('What failed: forced render failure');
    await page.screenshot({ path: join(screenshotDir, 'panel-failed.png') });

    // The list, the map and another country's panel still work.
    await chooseInList(page, 'Vietnam');
    await expect(panel(page)).toHaveAttribute('data-country', 'VNM');
    await clickCountry(page, 'THA');
    await expect(panel(page)).toHaveAttribute('data-country', 'THA');

    // Back to the failing one, then Close leaves it.
    await chooseInList(page, 'Japan');
    await expect(failure).toBeVisible();
    await failure.getByRole('button', { name: 'Close' }).click();
    await expect(failure).toHaveCount(0);
    await expect(page.locator('.app')).toHaveAttribute('data-panel', 'closed');

    // Reopened and failing again, it is what the session ends on: the next start does not reopen it.
    await chooseInList(page, 'Japan');
    await expect(failure).toBeVisible();
    await expect.poll(() => app.services.prefs.session()?.selected ?? null).toBeNull();
    await reload(page);
    await expect(page.getByRole('tab', { name: 'Countries' })).toBeVisible();
    await expect(page.locator('.app')).toHaveAttribute('data-panel', 'closed');
    await chooseInList(page, 'Vietnam');
    await expect(panel(page)).toHaveAttribute('data-country', 'VNM');
  });

  test('a panel restored from the last session that fails at start is shown failed once, not at every start', async ({ launch }) => {
    const first = await launch();
    await addNote(first, 'JPN', 'Fine in this session.');
    await reload(first.page);
    await clickCountry(first.page, 'JPN');
    await expect(panel(first.page).locator('.note-card')).toContainText('Fine in this session.');
    await expect.poll(() => first.services.prefs.session()?.selected).toBe('JPN');
    await first.close();

    const second = await launch({ storeFolder: first.storeFolder });
    // Start-up forgot the panel and remembered it again once it rendered.
    await expect(panel(second.page)).toHaveAttribute('data-country', 'JPN');
    await expect.poll(() => second.services.prefs.session()?.selected).toBe('JPN');
    await breakNoteCards(second);
    await reload(second.page);
    await expect(second.page.getByRole('alert').filter({ hasText: 'This country’s panel could not be shown.' })).toBeVisible();
    await expect.poll(() => second.services.prefs.session()?.selected ?? null).toBeNull();
    await reload(second.page);
    await expect(second.page.locator('.app')).toHaveAttribute('data-panel', 'closed');
    await chooseInList(second.page, 'Vietnam');
    await expect(panel(second.page)).toHaveAttribute('data-country', 'VNM');
  });

  test('the sidebar shows what failed and the map and panel keep working', async ({ app }) => {
    const { page } = app;
    await addNote(app, 'JPN', 'Listed in the Notes tab.');
    await reload(page);
    await breakNoteCards(app);
    await page.getByRole('tab', { name: 'Notes' }).click();
    const failure = page.getByRole('alert').filter({ hasText: 'The sidebar could not be shown.' });
    await expect(failure).toBeVisible();
    await expect(failure).toContainText('What failed: forced render failure');
    await clickCountry(page, 'VNM');
    await expect(panel(page)).toHaveAttribute('data-country', 'VNM');
    // Another tab is a way out.
    await page.getByRole('tab', { name: 'Countries' }).click();
    await expect(failure).toHaveCount(0);
    await chooseInList(page, 'Brazil');
    await expect(panel(page)).toHaveAttribute('data-country', 'BRA');
  });
});

test.describe('the last words typed in a note', () => {
  const text = 'Typed and left at once: every word of this must reach the disk.';

  test('are saved when the panel is closed at once', async ({ app }) => {
    await clickCountry(app.page, 'JPN');
    await typeNewNote(app.page, text);
    await panel(app.page).getByRole('button', { name: 'Close' }).first().click();
    await expect(panel(app.page)).toHaveCount(0);
    await expect.poll(() => storeOnDisk(app)).toContain(text);
  });

  test('are saved when another country is chosen at once', async ({ app }) => {
    await clickCountry(app.page, 'JPN');
    await typeNewNote(app.page, text);
    await chooseInList(app.page, 'Vietnam');
    await expect(panel(app.page)).toHaveAttribute('data-country', 'VNM');
    // The draft left with Japan's panel: Vietnam's has no editor holding it.
    await expect(panel(app.page).getByRole('textbox', { name: 'Note (Markdown)' })).toHaveCount(0);
    await expect.poll(() => storeOnDisk(app)).toContain(text);
    const stored = JSON.parse(await storeOnDisk(app)) as { notes: { body: string; target: { countryId: string } }[] };
    expect(stored.notes.find((note) => note.body === text)?.target.countryId).toBe('JPN');
  });

  test('are saved when the page reloads, and when the window closes, at once', async ({ app }) => {
    await clickCountry(app.page, 'JPN');
    await typeNewNote(app.page, `${text} (reload)`);
    await reload(app.page);
    await expect.poll(() => storeOnDisk(app)).toContain(`${text} (reload)`);

    await chooseInList(app.page, 'Vietnam');
    await typeNewNote(app.page, `${text} (close)`);
    await app.page.close({ runBeforeUnload: true });
    await expect.poll(() => storeOnDisk(app)).toContain(`${text} (close)`);
  });

  test('of an existing note are saved when the page is hidden', async ({ app }) => {
    await addNote(app, 'JPN', 'First version.');
    await reload(app.page);
    await clickCountry(app.page, 'JPN');
    const card = panel(app.page).locator('.note-card');
    await card.getByRole('button', { name: 'Edit' }).click();
    // The page's clock stops before typing, so the autosave's timer never fires: only the flush
    // can write the text, however long main takes to receive it.
    await app.page.clock.install();
    await app.page.clock.pauseAt(Date.now() + 1_000);
    await card.getByRole('textbox', { name: 'Note (Markdown)' }).fill(`${text} (hidden)`);
    await app.page.evaluate(() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    });
    // The flush's call reaches main a moment after the event: wait for the file, not for a time.
    await expect.poll(() => storeOnDisk(app)).toContain(`${text} (hidden)`);
  });
});

test.describe('links in notes', () => {
  test('only https links are links; http: and mailto: show their address and why they are not links', async ({ app }) => {
    const { page } = app;
    await addNote(app, 'FRA', '[brief](https://example.org/brief) [site](http://example.org) <mailto:desk@example.org>');
    await reload(page);
    // Electron's window-open handler (main asks, then opens the OS browser) does not exist in
    // Chromium here: window.open is recorded instead of opening a page.
    await page.evaluate(() => {
      const opened: string[] = [];
      (window as unknown as { __opened: string[] }).__opened = opened;
      window.open = (url) => {
        opened.push(String(url));
        return null;
      };
    });
    await chooseInList(page, 'France');
    const body = panel(page).locator('.note-body');
    await expect(body.locator('a')).toHaveCount(1);
    await expect(body.locator('a')).toHaveAttribute('href', 'https://example.org/brief');
    await expect(body).toContainText('site (http://example.org · not a link: only https addresses open)');
    await expect(body).toContainText('(mailto:desk@example.org · not a link: only https addresses open)');
    await body.getByText('site').click();
    await body.getByRole('link', { name: 'brief' }).click();
    expect(await page.evaluate(() => (window as unknown as { __opened: string[] }).__opened)).toEqual(['https://example.org/brief']);
  });
});

