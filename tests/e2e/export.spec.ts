import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parseAtlasDataCsv, type AtlasDataGeoJson } from '../../src/shared/exports/atlasData';
import { expect, screenshotDir, test } from './harness';
import { chooseInList } from './helpers';

const panel = (page: Page) => page.locator('aside.panel');

test.describe('taking the data away', () => {
  test('File › Export Atlas Data writes a CSV and a GeoJSON that read back to what the panel shows', async ({ app }) => {
    const { page } = app;
    const out = await mkdtemp(join(tmpdir(), 'atlas-data-export-'));
    try {
      await chooseInList(page, 'Japan');
      // Your own tier, with a reason full of what CSV must quote.
      const yours = panel(page).getByRole('region', { name: 'Your tier' });
      await yours.locator('summary').click();
      await yours.getByRole('combobox', { name: 'Set your own tier' }).selectOption({ label: 'Alliance' });
      const reason = 'Trilateral, "since 2023"\n한미일 협력';
      await yours.getByRole('textbox', { name: 'Why (shown with your tier)' }).fill(reason);
      await yours.getByRole('button', { name: 'Save your tier' }).click();
      await expect(yours.locator('.tier-badge')).toHaveText('Alliance');

      const shown = {
        name: (await panel(page).locator('#panel-heading').textContent())!.trim(),
        other: (await panel(page).locator('.panel-other-name').textContent())!.trim(),
        tier: (await panel(page).locator('.panel-tier .tier-badge').textContent())!.trim(),
        deciding: (await panel(page).locator('.panel-why blockquote.evidence').first().textContent())!.trim(),
        passages: Number(/\d+/.exec((await panel(page).locator('#panel-passages-heading').textContent())!)![0]),
        tensions: await panel(page).locator('.tension-flag').count(),
      };

      app.dialogs.answers.push(join(out, 'atlas.csv'));
      await app.emit('onMenuCommand', 'export-data-csv');
      await expect(page.locator('.toast').filter({ hasText: /Saved \d+ countries to atlas\.csv\./ })).toBeVisible();
      expect(app.dialogs.asked.at(-1)).toMatchObject({ kind: 'save', title: 'Export atlas data', defaultName: expect.stringMatching(/^Korea Relations Atlas data \d{4}-\d\d-\d\d\.csv$/) });
      const rows = parseAtlasDataCsv(await readFile(join(out, 'atlas.csv'), 'utf8'));
      const japan = rows.find((row) => row.id === 'JPN')!;
      expect(japan).toMatchObject({
        name_en: shown.name,
        name_ko: shown.other,
        tier_name: shown.tier,
        your_tier: 'alliance',
        your_tier_reason: reason,
        passages: shown.passages,
        deciding_passage: shown.deciding,
        source_title: 'Foreign relations of South Korea',
        source_author: 'Wikipedia contributors',
        source_licence: 'CC BY-SA 4.0',
      });
      expect(japan.tensions.split('; ').filter(Boolean)).toHaveLength(shown.tensions);
      // A country whose deciding passage has citation markers: the panel shows them the same.
      const cited = rows.find((row) => /\[\d+\]/.test(row.deciding_passage) && row.tier !== 'home')!;
      await chooseInList(page, cited.name_en);
      await expect(panel(page).locator('.panel-why blockquote.evidence').first()).toHaveText(cited.deciding_passage);

      app.dialogs.answers.push(join(out, 'atlas.geojson'));
      await app.emit('onMenuCommand', 'export-data-geojson');
      await expect(page.locator('.toast').filter({ hasText: 'atlas.geojson' })).toBeVisible();
      const geo = JSON.parse(await readFile(join(out, 'atlas.geojson'), 'utf8')) as AtlasDataGeoJson;
      expect(geo.type).toBe('FeatureCollection');
      expect(geo.features.map((feature) => feature.properties)).toEqual(rows);
      expect(geo.features.find((feature) => feature.id === 'JPN')!.geometry).toMatchObject({ type: 'Point' });
      expect(geo.metadata.attribution.map((item) => item.licence)).toContain('CC BY-SA 4.0');

      // Cancelled: nothing more written.
      await app.emit('onMenuCommand', 'export-data-csv');
      await expect.poll(() => app.dialogs.asked.length).toBe(3);
      expect((await readdir(out)).sort()).toEqual(['atlas.csv', 'atlas.geojson']);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });

  test('Copy citation puts the passage and its source on the clipboard, as text and as BibTeX, from the keyboard', async ({ app }) => {
    const { page } = app;
    await chooseInList(page, 'Japan');
    const passage = panel(page).locator('li.passage').first();
    const cite = passage.locator('.copy-citation');
    await cite.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(cite.getByRole('button', { name: 'Copy as text' })).toBeVisible();
    await page.screenshot({ path: join(screenshotDir, 'copy-citation.png') });
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(page.locator('.toast').filter({ hasText: 'Citation copied.' })).toBeVisible();
    expect(app.clipboard).toHaveLength(1);
    const passageText = (await passage.evaluate((item) => {
      const clone = item.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('.copy-citation, .passage-notes, .passage-kind').forEach((node) => node.remove());
      return clone.textContent ?? '';
    })).trim();
    expect(passageText.length).toBeGreaterThan(20);
    expect(app.clipboard[0]).toMatch(/\n— "Foreign relations of South Korea", Wikipedia contributors, CC BY-SA 4\.0, cited \d{4}-\d\d-\d\d in Korea Relations Atlas\.$/);
    expect(app.clipboard[0]!.startsWith(`"${passageText.slice(0, 80)}`)).toBe(true);

    await cite.locator('summary').click();
    await cite.getByRole('button', { name: 'Copy as BibTeX' }).click();
    await expect(page.locator('.toast').filter({ hasText: 'BibTeX entry copied.' })).toBeVisible();
    expect(app.clipboard[1]).toMatch(/^@misc\{atlas:wikipedia-foreign-relations-of-south-korea,\n {2}title = \{Foreign relations of South Korea\},/);
  });
});
