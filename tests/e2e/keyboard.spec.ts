import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './harness';

/** Whether the focused element shows a focus ring (an outline or a box-shadow). */
async function focusVisible(page: Page): Promise<{ tag: string; visible: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return { tag: 'body', visible: false };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    return { tag: `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}`, visible: outline || style.boxShadow !== 'none' };
  });
}

test.describe('keyboard', () => {
  test('search, open a country, export its briefing and back out, all without a mouse', async ({ app }) => {
    const { page } = app;
    await page.keyboard.press('Control+f');
    await expect(page.locator('#country-search')).toBeFocused();
    await page.keyboard.type('Japan');
    await page.keyboard.press('Enter');
    await expect(page.locator('aside.panel')).toHaveAttribute('data-country', 'JPN');

    await page.keyboard.press('Control+p');
    const dialog = page.locator('dialog.modal[open]');
    await expect(dialog.getByRole('heading')).toHaveText('Briefing of Japan as PDF');
    // Focus moved into the dialog and is drawn.
    expect(await page.evaluate(() => document.querySelector('dialog.modal[open]')?.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Tab');
    expect((await focusVisible(page)).visible).toBe(true);

    // Esc backs out one level at a time: the dialog first, the panel stays; further presses clear
    // the search text and close the panel.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.locator('aside.panel')).toHaveCount(1);
    for (let press = 0; press < 3 && (await page.locator('aside.panel').count()) > 0; press += 1) {
      await page.keyboard.press('Escape');
      await page.waitForTimeout(300);
    }
    await expect(page.locator('aside.panel')).toHaveCount(0);
  });

  test('Tab always shows where the focus is', async ({ app }) => {
    const { page } = app;
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const unseen: string[] = [];
    for (let step = 0; step < 25; step += 1) {
      await page.keyboard.press('Tab');
      const focus = await focusVisible(page);
      if (focus.tag !== 'body' && !focus.visible) unseen.push(focus.tag);
    }
    expect(unseen).toEqual([]);
  });

  test('Help › Keyboard Shortcuts lists the menu shortcuts', async ({ app }) => {
    const { page } = app;
    await page.keyboard.press('Control+/');
    const dialog = page.locator('dialog.modal[open]');
    await expect(dialog.getByRole('heading')).toHaveText('Keyboard shortcuts');
    await expect(dialog.getByRole('row', { name: /Ctrl\+Shift\+P .*whole atlas/ })).toBeVisible();
    await expect(dialog.getByRole('row', { name: /Ctrl\+F .*Find/ })).toBeVisible();
    await dialog.screenshot({ path: join(screenshotDir, 'keyboard-shortcuts.png') });
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  });
});
