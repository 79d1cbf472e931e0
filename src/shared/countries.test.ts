import { readFileSync } from 'node:fs';
import worldCountries from 'world-countries';
import { describe, expect, it } from 'vitest';
import { buildCountryList, createFeatureIdResolver } from './countries';

const areas = JSON.parse(readFileSync(new URL('../../data/atlas/areas.json', import.meta.url), 'utf8')) as unknown;
const list = buildCountryList(worldCountries, areas);

describe('buildCountryList()', () => {
  it('lists every country once with English and Korean names, flag and region', () => {
    expect(new Set(list.map((c) => c.id)).size).toBe(list.length);
    const korea = list.find((c) => c.id === 'KOR');
    expect(korea).toMatchObject({ iso3: 'KOR', name: { en: 'South Korea', ko: '한국' }, officialName: { ko: '대한민국' }, flag: '🇰🇷', region: 'Asia' });
    for (const country of list) {
      expect(country.name.en.length, country.id).toBeGreaterThan(0);
      expect(country.name.ko, country.id).toMatch(/[가-힣]/);
    }
  });

  it('keeps areas without an ISO code under stable ids with no ISO code', () => {
    expect(list.find((c) => c.id === 'x-somaliland')).toMatchObject({ iso3: null, name: { ko: '소말릴란드' } });
    expect(list.find((c) => c.id === 'UNK')).toMatchObject({ iso3: null, name: { en: 'Kosovo' } });
  });

  it('rejects a malformed areas file with a clear error', () => {
    expect(() => buildCountryList(worldCountries, { areas: [{ id: 'Bad Id' }] })).toThrow();
  });
});

describe('createFeatureIdResolver()', () => {
  const resolve = createFeatureIdResolver(worldCountries, areas);
  it('joins numeric ids through world-countries and named areas through the areas file', () => {
    expect(resolve('410', 'South Korea')).toBe('KOR');
    expect(resolve('408', 'North Korea')).toBe('PRK');
    expect(resolve(undefined, 'Kosovo')).toBe('UNK');
    expect(resolve(undefined, 'N. Cyprus')).toBe('x-northern-cyprus');
    expect(resolve(undefined, 'Atlantis')).toBeNull();
  });
});
