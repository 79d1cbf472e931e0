import { fileURLToPath } from 'node:url';
import { expect, test } from './harness';
import { seriousViolations } from './axe';
import { clickCountry } from './helpers';

test.describe('accessibility (axe-core)', () => {
  test('the main view, a panel, the notes and sources views, the export dialogs and the import preview have no serious violations', async ({ app }) => {
    const { page } = app;
    expect(await seriousViolations(page), 'main view').toEqual([]);

    await clickCountry(page, 'JPN');
    expect(await seriousViolations(page), 'Japan panel').toEqual([]);

    await page.locator('aside.panel').getByRole('button', { name: 'Briefing PDF…' }).click();
    await expect(page.locator('dialog.modal[open]')).toBeVisible();
    expect(await seriousViolations(page, 'dialog.modal[open]'), 'PDF export dialog').toEqual([]);
    await page.keyboard.press('Escape');
    await expect(page.locator('dialog.modal[open]')).toHaveCount(0);

    await page.getByRole('tab', { name: 'Notes' }).click();
    expect(await seriousViolations(page), 'notes view').toEqual([]);

    await app.emit('onMenuCommand', 'export-notes');
    await expect(page.locator('dialog.modal[open]')).toBeVisible();
    expect(await seriousViolations(page, 'dialog.modal[open]'), 'notes export dialog').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: 'Sources' }).click();
    expect(await seriousViolations(page), 'sources view').toEqual([]);
    app.dialogs.answers.push(fileURLToPath(new URL('../fixtures/sources/encyclopedia-article.html', import.meta.url)));
    await page.getByRole('tabpanel', { name: 'Sources' }).getByRole('button', { name: 'Import Source…' }).click();
    const preview = page.getByRole('dialog', { name: 'Import “encyclopedia-article.html”' });
    await expect(preview.getByRole('textbox', { name: 'Title' })).toBeVisible();
    expect(await seriousViolations(page, 'dialog[open]'), 'import preview').toEqual([]);
  });
});
