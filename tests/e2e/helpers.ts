import type { Page } from '@playwright/test';
import { expect } from './harness';

/** Waits until the map has drawn everything it is going to draw. */
export async function mapIdle(page: Page): Promise<void> {
  await page.evaluate(() => window.__atlasProbe?.whenIdle());
}

/** Where a country's label point is on screen right now; fails if it is off screen. */
export async function countryPoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((country) => window.__atlasProbe!.screenPoint(country), id);
  expect(point, `${id} is on screen`).not.toBeNull();
  return point!;
}

/**
 * Clicks a country where it really is: its label point projected to pixels. Checks first that the
 * map has that country under the point, so a miss says which country was hit instead.
 */
export async function clickCountry(page: Page, id: string): Promise<void> {
  await mapIdle(page);
  const point = await countryPoint(page, id);
  const covered = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName !== 'CANVAS', point);
  if (covered) {
    // The open panel lies over this part of the map: close it, as a user would, to reach the country.
    await page.keyboard.press('Escape');
    await expect(page.locator('aside.panel')).toHaveCount(0);
  }
  const under = await page.evaluate(({ x, y }) => window.__atlasProbe!.countriesAt(x, y), point);
  expect(under.map((hit) => hit.id)).toContain(id);
  await page.mouse.click(point.x, point.y);
  await expect(page.locator('aside.panel')).toHaveAttribute('data-country', id);
}

/** Opens a country through the list with the keyboard alone. */
export async function chooseInList(page: Page, query: string): Promise<void> {
  const search = page.locator('#country-search');
  await search.focus();
  await search.fill(query);
  await search.press('Enter');
}
