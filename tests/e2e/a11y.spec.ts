import { fileURLToPath } from 'node:url';
import type { AtlasSummary } from '../../src/shared/contract';
import { translate } from '../../src/shared/i18n';
import { expect, test } from './harness';
import { seriousViolations } from './axe';
import { clickCountry } from './helpers';

test.describe('accessibility (axe-core)', () => {
  for (const language of ['en', 'ko'] as const) {
    test(`the main view, a panel, the notes and sources views, the export dialogs and the import preview have no serious violations (${language})`, async ({ app }) => {
      const { page } = app;
      const t = (key: string, values?: Record<string, string>): string => translate(language, key, values);
      if (language === 'ko') {
        await page.getByRole('button', { name: 'Switch to 한국어' }).click();
        await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
      }
      expect(await seriousViolations(page), 'main view').toEqual([]);

      await clickCountry(page, 'JPN');
      expect(await seriousViolations(page), 'Japan panel').toEqual([]);

      await page.locator('aside.panel').getByRole('button', { name: t('pdfExport.button') }).click();
      await expect(page.locator('dialog.modal[open]')).toBeVisible();
      expect(await seriousViolations(page, 'dialog.modal[open]'), 'PDF export dialog').toEqual([]);
      await page.keyboard.press('Escape');
      await expect(page.locator('dialog.modal[open]')).toHaveCount(0);

      await page.getByRole('tab', { name: t('notes.tab') }).click();
      expect(await seriousViolations(page), 'notes view').toEqual([]);

      await app.emit('onMenuCommand', 'export-notes');
      await expect(page.locator('dialog.modal[open]')).toBeVisible();
      expect(await seriousViolations(page, 'dialog.modal[open]'), 'notes export dialog').toEqual([]);
      await page.keyboard.press('Escape');

      await page.getByRole('tab', { name: t('sources.tab') }).click();
      expect(await seriousViolations(page), 'sources view').toEqual([]);
      app.dialogs.answers.push(fileURLToPath(new URL('../fixtures/sources/encyclopedia-article.html', import.meta.url)));
      await page.getByRole('tabpanel', { name: t('sources.tab') }).getByRole('button', { name: t('sources.import') }).click();
      const preview = page.getByRole('dialog', { name: t('sources.preview.title', { file: 'encyclopedia-article.html' }) });
      await expect(preview.getByRole('textbox', { name: t('sources.preview.titleLabel') })).toBeVisible();
      expect(await seriousViolations(page, 'dialog[open]'), 'import preview').toEqual([]);
    });
  }

  test('the map’s information is reachable through the list: each covered country reads with its tier', async ({ app }) => {
    const { page } = app;
    const result = await app.services.invoke('atlas:atlas/get', undefined, true);
    if (!result.ok) throw new Error(result.error.message);
    const model = result.value as AtlasSummary;
    const label = (id: string) => model.tiers.find((tier) => tier.id === model.countries[id]!.tier)!.label.en;
    const search = page.getByRole('combobox', { name: 'Search countries' });
    const countries = page.getByRole('group', { name: 'Countries' });
    for (const [query, id] of [['Japan', 'JPN'], ['North Korea', 'PRK'], ['United States', 'USA'], ['Vietnam', 'VNM']] as const) {
      await search.fill(query);
      await expect(countries.getByRole('option').first()).toHaveAccessibleName(`${model.countries[id]!.name.en} ${label(id)}`);
    }
    // A country the sources do not cover reads as its name alone, as the map leaves it grey.
    expect(model.countries['ISL']!.tier).toBe('not-covered');
    await search.fill('Iceland');
    await expect(countries.getByRole('option').first()).toHaveAccessibleName('Iceland');
    // Your own tier is what the map shows, so it is what the list says.
    await search.press('Enter');
    await expect(page.locator('aside.panel')).toHaveAttribute('data-country', 'ISL');
    const yours = page.locator('aside.panel').getByRole('region', { name: 'Your tier' });
    await yours.locator('summary').click();
    await yours.getByRole('combobox', { name: 'Set your own tier' }).selectOption({ label: 'Partner' });
    await yours.getByRole('button', { name: 'Save your tier' }).click();
    await expect(yours.locator('.tier-badge')).toHaveText('Partner');
    await search.fill('Iceland');
    await expect(countries.getByRole('option').first()).toHaveAccessibleName('Iceland Partner');
  });
});
