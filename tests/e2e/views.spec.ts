import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './harness';
import { seriousViolations } from './axe';
import { mapIdle } from './helpers';

const legend = (page: Page) => page.getByRole('region', { name: 'Relationship tiers' });
/** A saved view's button, which reads its name then what it brings back. */
const openButton = (page: Page, name: string) => page.locator('.views-open').filter({ has: page.getByText(name, { exact: true }) });
const camera = (page: Page) => page.evaluate(() => window.__atlasProbe!.view());

async function showTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

async function setYears(page: Page, from: number, to: number): Promise<void> {
  await showTab(page, 'Timeline');
  await page.getByRole('slider', { name: 'To' }).fill(String(to));
  await page.getByRole('slider', { name: 'From' }).fill(String(from));
  await expect(page.locator('.year-range legend')).toHaveText(`${String(from)}–${String(to)}`);
}

test.describe('saved views', () => {
  test('a view keeps the camera, tier filter, organisation and years; it survives a restart and comes back whole', async ({ launch }) => {
    const first = await launch();
    let page = first.page;
    await mapIdle(page);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await mapIdle(page);
    await legend(page).getByRole('button', { name: /^Partner\s*\d+$/ }).click();
    await page.getByRole('combobox', { name: 'Highlight members of' }).selectOption('g20');
    await setYears(page, 1990, 2010);
    const saved = await camera(page);

    await showTab(page, 'Views');
    await expect(page.getByText('No saved views yet.')).toBeVisible();
    await page.getByRole('textbox', { name: 'Name of the view' }).fill('  Partners in the G20, "1990s"  ');
    await page.getByRole('button', { name: 'Save current view' }).click();
    const list = page.getByRole('list', { name: 'Saved views' });
    await expect(openButton(page, 'Partners in the G20, "1990s"')).toContainText('Partner · Group of Twenty · 1990–2010');
    await expect(list.getByRole('listitem')).toHaveCount(1);
    await page.screenshot({ path: join(screenshotDir, 'saved-views.png') });
    expect(await seriousViolations(page, '#tabpanel-views'), 'views tab').toEqual([]);
    // The same name again, in another case, is refused and says why.
    await page.getByRole('textbox', { name: 'Name of the view' }).fill('partners in the g20, "1990S"');
    await page.getByRole('button', { name: 'Save current view' }).click();
    await expect(page.getByRole('alert')).toHaveText('Another view already has this name.');
    await first.close();

    const second = await launch({ storeFolder: first.storeFolder });
    page = second.page;
    await mapIdle(page);
    // Start from elsewhere: the whole world, every tier, no organisation, every year.
    await page.getByRole('button', { name: 'Reset view' }).click();
    await mapIdle(page);
    expect((await camera(page)).zoom).toBeLessThan(saved.zoom - 1);
    await expect(legend(page).getByRole('button', { name: /^Partner\s*\d+$/ })).toHaveAttribute('aria-pressed', 'false');
    await showTab(page, 'Views');
    // From the keyboard: Tab to the view, Enter opens it.
    const open = openButton(page, 'Partners in the G20, "1990s"');
    await open.focus();
    await page.keyboard.press('Enter');
    await mapIdle(page);
    const restored = await camera(page);
    expect(restored.zoom).toBeCloseTo(saved.zoom, 2);
    expect(restored.center[0]).toBeCloseTo(saved.center[0], 3);
    expect(restored.center[1]).toBeCloseTo(saved.center[1], 3);
    await expect(legend(page).getByRole('button', { name: /^Partner\s*\d+$/ })).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByRole('combobox', { name: 'Highlight members of' })).toHaveValue('g20');
    await showTab(page, 'Timeline');
    await expect(page.locator('.year-range legend')).toHaveText('1990–2010');
    await expect(page.getByRole('slider', { name: 'From' })).toHaveValue('1990');
    await second.close();
  });

  test('a view is renamed and deleted through a confirming dialog, and a taken name is refused', async ({ app }) => {
    const { page, storeFolder } = app;
    await mapIdle(page);
    await showTab(page, 'Views');
    const name = page.getByRole('textbox', { name: 'Name of the view' });
    for (const each of ['동아시아', 'Europe']) {
      await name.fill(each);
      await page.getByRole('button', { name: 'Save current view' }).click();
      await expect(openButton(page, each)).toBeVisible();
    }
    await page.getByRole('button', { name: 'Rename the view Europe' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rename the view Europe' });
    await dialog.getByRole('textbox', { name: 'Name of the view' }).fill(' 동아시아 ');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Another view already has this name.');
    await dialog.getByRole('textbox', { name: 'Name of the view' }).fill('Western Europe');
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
    await expect(openButton(page, 'Western Europe')).toBeVisible();

    await page.getByRole('button', { name: 'Delete the view 동아시아' }).click();
    const confirm = page.getByRole('dialog', { name: 'Delete the view 동아시아' });
    await expect(confirm).toContainText('Delete the view “동아시아”?');
    expect(await seriousViolations(page, 'dialog[open]'), 'delete dialog').toEqual([]);
    await confirm.getByRole('button', { name: 'Keep it' }).click();
    await expect(openButton(page, '동아시아')).toBeVisible();
    await page.getByRole('button', { name: 'Delete the view 동아시아' }).click();
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await expect(openButton(page, '동아시아')).toHaveCount(0);
    await app.services.store.idle();
    const stored = JSON.parse(await readFile(join(storeFolder, 'atlas-store.json'), 'utf8')) as { schemaVersion: number; views: { name: string }[] };
    expect(stored.schemaVersion).toBe(5);
    expect(stored.views.map((view) => view.name)).toEqual(['Western Europe']);
  });
});
