import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotDir, test } from './harness';
import { chooseInList, clickCountry, countryPoint, mapIdle } from './helpers';

const panel = (page: Page) => page.locator('aside.panel');

test.describe('the atlas: tiers, evidence, passages', () => {
  test('colours the world by tier, with a legend whose counts filter the map', async ({ app }) => {
    const { page } = app;
    const legend = page.getByRole('region', { name: 'Relationship tiers' });
    await expect(legend.getByRole('button', { name: /^Alliance\s*1$/ })).toBeVisible();
    const state = (id: string) => page.evaluate((country) => window.__atlasProbe!.featureState(country), id);
    const tiers = JSON.parse(await readFile(new URL('../../data/atlas/tiers.json', import.meta.url), 'utf8')) as {
      tiers: { id: string; colour: { light: string } }[];
    };
    const colour = (tier: string) => tiers.tiers.find((entry) => entry.id === tier)!.colour.light;
    expect(await state('USA')).toMatchObject({ fill: colour('alliance'), dimmed: false });
    expect(await state('VNM')).toMatchObject({ fill: colour('comprehensive-strategic') });
    expect(await state('PRK')).toMatchObject({ fill: colour('adversarial') });
    expect(await state('BRA')).toMatchObject({ fill: colour('not-covered') });
    await page.screenshot({ path: join(screenshotDir, 'atlas-world-legend.png') });

    await legend.getByRole('button', { name: /^Alliance/ }).click();
    await expect(legend.getByRole('button', { name: /^Alliance/ })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => state('BRA')).toMatchObject({ dimmed: true });
    expect(await state('USA')).toMatchObject({ dimmed: false });
    await legend.getByRole('button', { name: 'Show all tiers' }).click();
    await expect.poll(() => state('BRA')).toMatchObject({ dimmed: false });
  });

  test('the tooltip gives the tier', async ({ app }) => {
    const { page } = app;
    const usa = await countryPoint(page, 'USA');
    await page.mouse.move(usa.x, usa.y);
    await expect(page.getByRole('tooltip')).toHaveText(/United States · Alliance/);
  });

  test('Japan: its Liancourt Rocks and Dai Ichi Daihoumaru passages, with tension flags', async ({ app }) => {
    const { page } = app;
    await clickCountry(page, 'JPN');
    await expect(panel(page).locator('.tier-badge')).toHaveText('Partner');
    await expect(panel(page).getByRole('region', { name: 'Why this tier' })).toContainText('partners who share universal values');
    await expect(panel(page).getByRole('region', { name: 'Why this tier' }).locator('mark')).toHaveText(/partners who share universal values/i);
    const tensions = panel(page).getByRole('region', { name: 'Tensions' });
    await expect(tensions).toContainText('Territorial dispute');
    await expect(tensions).toContainText('Incident');
    const passages = panel(page).locator('.passages');
    await expect(passages).toContainText('Liancourt Rocks controversy erupted again');
    await expect(passages).toContainText('Dai Ichi Daihoumaru Ship case');
    await expect(panel(page).locator('.panel-attribution')).toContainText('“Foreign relations of South Korea”, Wikipedia contributors, CC BY-SA 4.0');
    await page.screenshot({ path: join(screenshotDir, 'atlas-panel-japan.png') });
  });

  test('Vietnam: comprehensive strategic partnership, from its December 2022 passage with citation markers', async ({ app }) => {
    const { page } = app;
    await clickCountry(page, 'VNM');
    await expect(panel(page).locator('.tier-badge')).toHaveText('Comprehensive strategic partner');
    const why = panel(page).getByRole('region', { name: 'Why this tier' });
    await expect(why).toContainText('In December 2022, the two nations have elevated their ties');
    await expect(why.locator('mark').first()).toHaveText('comprehensive strategic partnership');
    await expect(why.locator('sup.citation')).toHaveText(['[20]', '[21]']);
    await expect(panel(page).getByRole('region', { name: 'Timeline' })).toContainText('December 2022');
    await page.screenshot({ path: join(screenshotDir, 'atlas-panel-vietnam.png') });
  });

  test('the panel says when a tier rests on an aspiration or a single mention, and not when several relations decide it', async ({ app }) => {
    const { page } = app;
    await clickCountry(page, 'PHL');
    await expect(panel(page).locator('.panel-tier .tier-badge')).toHaveText('Engaged');
    await expect(panel(page).locator('.tier-basis')).toHaveText('Rests on an aspiration only: the sources say it seeks or hopes for closer ties with South Korea, not that they exist.');
    await expect(panel(page).getByRole('region', { name: 'Why this tier' }).locator('mark')).toHaveText(['strategic ties', 'trade']);
    await page.screenshot({ path: join(screenshotDir, 'atlas-panel-philippines.png') });
    await clickCountry(page, 'GBR');
    await expect(panel(page).locator('.panel-tier .tier-badge')).toHaveText('Engaged');
    await expect(panel(page).locator('.tier-basis')).toHaveText('Rests on a single mention in the sources.');
    await expect(panel(page).getByRole('region', { name: 'Why this tier' }).locator('mark')).toHaveText('South Korean Foreign Minister Cho Tae-yul and UK Foreign Secretary David Lammy');
    await clickCountry(page, 'USA');
    await expect(panel(page).locator('.panel-tier .tier-badge')).toHaveText('Alliance');
    await expect(panel(page).locator('.tier-basis')).toHaveCount(0);
  });

  test('North Korea is adversarial, with its evidence', async ({ app }) => {
    const { page } = app;
    await clickCountry(page, 'PRK');
    await expect(panel(page).locator('.tier-badge')).toHaveText('Adversarial');
    const marks = panel(page).getByRole('region', { name: 'Why this tier' }).locator('mark');
    await expect(marks).toContainText(['armistice is no longer valid', 'enemy']);
  });

  test('a country the source never mentions is not covered, and nothing is guessed', async ({ app }) => {
    const { page } = app;
    await clickCountry(page, 'BRA');
    await expect(panel(page).locator('.tier-badge')).toHaveText('Not covered');
    await expect(panel(page)).toContainText(/not covered by the loaded sources/i);
    await expect(panel(page).getByRole('region', { name: 'Why this tier' })).toHaveCount(0);
    await expect(panel(page).locator('.passages')).toHaveCount(0);
  });

  test('searching 일본 finds Japan; a passage search opens the country at that passage', async ({ app }) => {
    const { page } = app;
    await page.keyboard.press('Control+f');
    const search = page.locator('#country-search');
    await expect(search).toBeFocused();
    await search.fill('일본');
    await expect(page.getByRole('group', { name: 'Countries' }).getByRole('option')).toHaveText([/Japan/]);
    await search.press('Enter');
    await expect(panel(page)).toHaveAttribute('data-country', 'JPN');
    await page.keyboard.press('Escape');

    await search.fill('Gorbachev');
    await expect(page.getByRole('group', { name: 'Countries' }).getByRole('option')).toHaveText([/Russia/]);
    await search.fill('Takeshima Day');
    const passages = page.getByRole('group', { name: 'Passages' }).getByRole('option');
    await expect(passages.first()).toContainText('Takeshima Day');
    await search.press('ArrowDown');
    await expect(search).toHaveAttribute('aria-activedescendant', /^passage-option-/);
    await search.press('Enter');
    await expect(panel(page)).toHaveAttribute('data-country', 'JPN');
    await expect(panel(page).locator('.passage.focused')).toContainText('Takeshima Day');
    await expect(panel(page).locator('.passage.focused')).toBeInViewport();
  });

  test('the timeline lists dated events; its year range dims countries; an event opens its passage', async ({ app }) => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const events = page.locator('.timeline-events button');
    await expect(events.first()).toBeVisible();
    const all = await events.count();
    expect(all).toBeGreaterThan(10);
    const state = (id: string) => page.evaluate((country) => window.__atlasProbe!.featureState(country), id);
    await expect.poll(() => state('BRA')).toMatchObject({ dimmed: true });
    expect(await state('VNM')).toMatchObject({ dimmed: false });

    const from = page.getByRole('slider', { name: 'From' });
    await from.focus();
    // Move the start of the range, by keyboard, to 2010.
    while (Number(await from.inputValue()) < 2010) await from.press('ArrowRight');
    expect(Number(await from.inputValue())).toBe(2010);
    await expect(page.getByRole('group', { name: /^2010–\d{4}$/ })).toBeVisible();
    await expect.poll(() => events.count()).toBeLessThan(all);
    // The Soviet Union's late-1980s events fall out of range; Vietnam's December 2022 stays.
    await expect.poll(() => state('RUS')).toMatchObject({ dimmed: true });
    expect(await state('VNM')).toMatchObject({ dimmed: false });

    await events.filter({ hasText: 'December 2022' }).first().click();
    await expect(panel(page)).toHaveAttribute('data-country', 'VNM');
    await expect(panel(page).locator('.passage.focused')).toContainText('December 2022');
    await mapIdle(page);
  });

  test('co-mentioned countries open their own panel', async ({ app }) => {
    const { page } = app;
    await chooseInList(page, 'United States');
    await expect(panel(page).locator('.tier-badge')).toHaveText('Alliance');
    const co = panel(page).getByRole('region', { name: 'Mentioned together with' });
    await co.getByRole('button', { name: /Japan/ }).click();
    await expect(panel(page)).toHaveAttribute('data-country', 'JPN');
  });
});

test('memberships: choosing a body highlights its members on the map', async ({ app }) => {
  const { page } = app;
  const state = (id: string) => page.evaluate((country) => window.__atlasProbe!.featureState(country), id);
  await page.getByRole('combobox', { name: 'Highlight members of' }).selectOption({ label: 'Group of Twenty' });
  await expect.poll(() => state('NGA')).toMatchObject({ dimmed: true });
  for (const member of ['USA', 'CHN', 'BRA', 'KOR']) expect(await state(member)).toMatchObject({ dimmed: false });

  await clickCountry(page, 'VNM');
  const button = panel(page).getByRole('button', { name: 'Highlight the members of ASEAN Plus Three on the map' });
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => state('USA')).toMatchObject({ dimmed: true });
  expect(await state('VNM')).toMatchObject({ dimmed: false });
  await expect(page.getByRole('combobox', { name: 'Highlight members of' })).toHaveValue(/asean/i);
});
