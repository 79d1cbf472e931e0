import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test, type AtlasApp } from './harness';

const panel = (page: Page) => page.locator('aside.panel');

// 45 passages naming Chile with a word no other source has (the later ones say it more often),
// and one whose text is markup: a plain-text document keeps it as text, and so must the search.
const REPORT = [
  'Survey of the southern partners',
  ...Array.from({ length: 45 }, (_, index) => `Note ${String(index)}: Chile and South Korea signed the ${'quillotan '.repeat(1 + Math.floor(index / 15))}protocol on fisheries.`),
  'Clipping: <script>window.__ran = 1</script> the quillotan <img src=x onerror="window.__ran = 2"> desk in Chile.',
].join('\n\n');

/** Imports the report through File › Import Source…, as a user does. */
async function importReport(app: AtlasApp): Promise<void> {
  const path = join(app.storeFolder, 'southern-survey.txt');
  await writeFile(path, REPORT);
  app.dialogs.answers.push(path);
  await app.emit('onMenuCommand', 'import-source');
  const dialog = app.page.getByRole('dialog', { name: 'Import “southern-survey.txt”' });
  await expect(dialog).toContainText('46 passages');
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(app.page.getByRole('status').filter({ hasText: 'was imported' })).toBeVisible();
}

test.describe('searching the passages of an imported document', () => {
  test('finds a word only the document has: ranked hits with the word marked, the next page, and a hit opens its country at the passage', async ({ app }) => {
    const { page } = app;
    const search = page.locator('#country-search');
    await search.fill('quillotan');
    await expect(page.getByText('No country matches “quillotan”.')).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: 'Searching the passages' })).toHaveCount(0);
    await expect(page.getByRole('group', { name: /Passages/ })).toHaveCount(0);

    await importReport(app);
    await search.fill('');
    await search.fill('quillotan');
    const group = page.getByRole('group', { name: 'Passages (46)' });
    const hits = group.locator('.passage-option');
    await expect(hits).toHaveCount(20);
    // Best first: the notes that say it three times; every hit names Chile and the document.
    await expect(hits.first().locator('mark')).toHaveText(['quillotan', 'quillotan', 'quillotan']);
    await expect(hits.first()).toContainText('in Chile, South Korea · Survey of the southern partners');
    const more = group.getByRole('option', { name: 'More passages (20 of 46 shown)' });
    await expect(more).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'search-imported-hits.png') });

    // The next page, from the keyboard: the "more" row is an option like the others.
    await search.press('Control+End');
    await expect(search).toHaveAttribute('aria-activedescendant', 'passage-option-more');
    await search.press('Enter');
    await expect(hits).toHaveCount(40);
    await group.getByRole('option', { name: 'More passages (40 of 46 shown)' }).click();
    await expect(hits).toHaveCount(46);
    await expect(group.getByRole('option', { name: /More passages/ })).toHaveCount(0);

    // Markup in the document is shown as the text it is: nothing ran, no element was made of it.
    const clipping = hits.filter({ hasText: 'Clipping' });
    await expect(clipping).toContainText('<script>window.__ran = 1</script> the quillotan <img src=x onerror="window.__ran = 2">');
    await expect(clipping.locator('mark')).toHaveText(['quillotan']);
    await expect(page.locator('#country-options img, #country-options script')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __ran?: number }).__ran)).toBeUndefined();

    // A hit opens its country with the passage focused, as the search always did.
    const chosen = hits.nth(3);
    const words = (await chosen.locator('.snippet').textContent())!.replace(/…/g, '').trim();
    await chosen.click();
    await expect(panel(page)).toHaveAttribute('data-country', 'CHL');
    await expect(panel(page).locator('.passage.focused')).toContainText(words);
    await expect(panel(page).locator('.passage.focused')).toBeInViewport();
  });

  test('the latest keystroke wins: an answer main gives late for an earlier query is never shown', async ({ app }) => {
    const { page } = app;
    await importReport(app);
    const search = page.locator('#country-search');
    // Main holds its answers: the window sends "liancourt", then "quillotan" before either comes back.
    const release = app.holdReplies('atlas:search/passages');
    await search.fill('liancourt');
    await page.waitForTimeout(200);
    await search.fill('quillotan');
    await page.waitForTimeout(200);
    await expect(page.getByRole('status').filter({ hasText: 'Searching the passages' })).toBeVisible();
    release();
    await expect(page.getByRole('group', { name: 'Passages (46)' })).toBeVisible();
    await expect(page.locator('.passage-option').filter({ hasText: 'Liancourt' })).toHaveCount(0);
    await expect(page.getByRole('status').filter({ hasText: 'Searching the passages' })).toHaveCount(0);
  });
});
