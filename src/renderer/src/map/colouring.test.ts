import { describe, expect, it } from 'vitest';
import type { Tier, TierId } from '../../../shared/atlas';
import { dimmedCountries, shownTierOf, tierCounts, tierFills } from './colouring';

const countries = [{ id: 'JPN' }, { id: 'USA' }, { id: 'BRA' }, { id: 'ATA' }];
const sources: Record<string, TierId> = { JPN: 'strategic', USA: 'alliance', BRA: 'engaged' };
const sourcesTier = (id: string): TierId => sources[id] ?? 'not-covered';
const tier = (id: TierId) => ({ id, colour: { light: `light-${id}`, dark: `dark-${id}` } }) as unknown as Tier;

describe('shownTierOf()', () => {
  it("shows the user's own tier over the sources', and not covered where neither has one", () => {
    const shown = shownTierOf(sourcesTier, new Map([['JPN', { tier: 'partner' }]]));
    expect(countries.map((country) => shown(country.id))).toEqual(['partner', 'alliance', 'engaged', 'not-covered']);
  });
});

describe('tierFills()', () => {
  it("colours each country with its shown tier's colour in the theme drawn", () => {
    const shown = shownTierOf(sourcesTier, new Map([['BRA', { tier: 'alliance' }]]));
    expect([...tierFills(countries, shown, tier, 'dark')]).toEqual([
      ['JPN', 'dark-strategic'],
      ['USA', 'dark-alliance'],
      ['BRA', 'dark-alliance'],
      ['ATA', 'dark-not-covered'],
    ]);
    expect(tierFills(countries, shown, tier, 'light').get('JPN')).toBe('light-strategic');
  });
});

describe('tierCounts()', () => {
  it('counts the countries of each shown tier', () => {
    const shown = shownTierOf(sourcesTier, new Map([['BRA', { tier: 'alliance' }]]));
    expect(Object.fromEntries(tierCounts(countries, shown))).toEqual({ strategic: 1, alliance: 2, 'not-covered': 1 });
  });
});

describe('dimmedCountries()', () => {
  const shown = shownTierOf(sourcesTier, new Map());
  const dimmed = (filters: Parameters<typeof dimmedCountries>[2]) => [...dimmedCountries(countries, shown, filters)];

  it('fades nothing without a filter', () => {
    expect(dimmed({ tier: null, inRange: null, members: null })).toEqual([]);
  });

  it('fades what any filter leaves out', () => {
    expect(dimmed({ tier: 'alliance', inRange: null, members: null })).toEqual(['JPN', 'BRA', 'ATA']);
    expect(dimmed({ tier: null, inRange: new Set(['JPN', 'BRA']), members: null })).toEqual(['USA', 'ATA']);
    expect(dimmed({ tier: null, inRange: null, members: new Set(['USA']) })).toEqual(['JPN', 'BRA', 'ATA']);
    expect(dimmed({ tier: 'strategic', inRange: new Set(['JPN', 'USA']), members: new Set(['JPN', 'BRA']) })).toEqual(['USA', 'BRA', 'ATA']);
  });
});
