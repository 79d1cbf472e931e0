import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { events } from '../../src/shared/contract';
import { expect, screenshotDir, test } from './harness';
import { chooseInList, clickCountry } from './helpers';

test.describe('the app around the map', () => {
  test('the country list works with the keyboard alone', async ({ app }) => {
    const { page } = app;
    await app.emit('onMenuCommand', 'focus-search');
    const search = page.getByRole('combobox', { name: 'Search countries' });
    await expect(search).toBeFocused();
    await page.keyboard.type('kor');
    const options = page.getByRole('listbox', { name: 'Countries' }).getByRole('option');
    await expect(options.first()).toBeVisible();
    const names = await options.allTextContents();
    expect(names.some((name) => name.includes('South Korea'))).toBe(true);
    expect(names.some((name) => name.includes('North Korea'))).toBe(true);
    await page.keyboard.press('ArrowDown');
    const active = await search.getAttribute('aria-activedescendant');
    expect(active).toMatch(/^country-option-/);
    const activeId = active!.replace('country-option-', '');
    await page.keyboard.press('Enter');
    await expect(page.locator('aside.panel')).toHaveAttribute('data-country', activeId);
    await expect(options.and(page.getByRole('option', { selected: true }))).toHaveCount(1);

    await search.fill('대한');
    await expect(options).toHaveCount(1);
    await expect(options.first()).toContainText('South Korea');
    await search.fill('zzzz');
    await expect(page.getByText('No country matches “zzzz”.')).toBeVisible();
  });

  test('switches to Korean and keeps the choice after a restart', async ({ launch }) => {
    const first = await launch();
    await first.page.getByRole('button', { name: 'Switch to 한국어' }).click();
    await expect(first.page.getByRole('heading', { level: 1 })).toHaveText('한국 대외관계 지도');
    await expect(first.page.locator('html')).toHaveAttribute('lang', 'ko');
    await clickCountry(first.page, 'VNM');
    await expect(first.page.locator('aside.panel h2')).toHaveText('베트남');
    await expect(first.page.locator('aside.panel')).toContainText('동남아시아');
    await first.page.screenshot({ path: join(screenshotDir, 'korean-interface.png') });
    const stored = JSON.parse(await readFile(join(first.storeFolder, 'atlas-store.json'), 'utf8')) as { prefs: { language: string } };
    expect(stored.prefs.language).toBe('ko');
    await first.close();

    const second = await launch({ storeFolder: first.storeFolder });
    await expect(second.page.getByRole('heading', { level: 1 })).toHaveText('한국 대외관계 지도');
    await expect(second.page.locator('#country-search')).toHaveAttribute('placeholder', '한국어 또는 영어 이름으로 검색');
    await second.page.getByRole('button', { name: 'English 화면으로 바꾸기' }).click();
    await expect(second.page.getByRole('heading', { level: 1 })).toHaveText('Korea Relations Atlas');
  });

  test('the View menu language choice reaches the page', async ({ app }) => {
    // The menu calls the same handler; main then broadcasts the change.
    const result = await app.services.invoke('atlas:prefs/set-language', { language: 'ko' }, true);
    expect(result.ok).toBe(true);
    await expect(app.page.getByRole('heading', { level: 1 })).toHaveText('한국 대외관계 지도');
  });

  test('Help › About shows the version, the data sources and their licences', async ({ app }) => {
    const { page } = app;
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    await app.emit('onMenuCommand', 'about');
    const dialog = page.getByRole('dialog', { name: 'About Korea Relations Atlas' });
    await expect(dialog).toBeVisible();
    await expect(dialog).toContainText(`Version ${pkg.version}`);
    await expect(dialog).toContainText('Foreign relations of South Korea');
    await expect(dialog).toContainText('Wikipedia contributors');
    await expect(dialog).toContainText('CC BY-SA 4.0');
    await expect(dialog).toContainText('Natural Earth');
    await expect(dialog).toContainText('ODbL 1.0');
    await page.screenshot({ path: join(screenshotDir, 'about.png') });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  });

  test('menu commands drive the map', async ({ app }) => {
    const { page } = app;
    const zoom = () => page.evaluate(() => window.__atlasProbe!.view().zoom);
    const start = await zoom();
    await app.emit('onMenuCommand', 'zoom-in');
    await expect.poll(zoom).toBeGreaterThan(start + 0.5);
    await app.emit('onMenuCommand', 'reset-view');
    await expect.poll(zoom).toBeCloseTo(start, 1);
    await chooseInList(page, 'Chile');
    await expect(page.locator('aside.panel h2')).toHaveText('Chile');
  });

  test('a dialog asked for again the moment it closes opens, and stays open', async ({ app }) => {
    const { page } = app;
    const dialog = page.getByRole('dialog', { name: 'Export your notes' });
    for (let round = 0; round < 5; round++) {
      await app.emit('onMenuCommand', 'export-notes');
      await expect(dialog).toBeVisible();
      // Cancel, and the menu command again in the same task: the close event of the first comes
      // after the second request and must not close the dialog that request opens.
      await page.evaluate((channel) => {
        const cancel = [...document.querySelectorAll('dialog[open] button')].find((button) => button.textContent === 'Cancel') as HTMLButtonElement;
        cancel.click();
        (window as unknown as { __atlasEmit: (channel: string, payload: unknown) => void }).__atlasEmit(channel, 'export-notes');
      }, events.onMenuCommand.channel);
      await page.waitForTimeout(200);
      await expect(dialog).toBeVisible();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
    }
  });
});
