import { describe, expect, it } from 'vitest';
import type { CountrySummary } from '../../../shared/contract';
import { createCountryFilter } from './filterCountries';

function country(id: string, en: string, ko: string, altNames: string[] = []): CountrySummary {
  return { id, iso3: id, name: { en, ko }, officialName: { en, ko }, flag: '', region: 'Asia', subregion: '', capital: [], altNames };
}

const list = [
  country('CIV', "Côte d'Ivoire", '코트디부아르', ['Ivory Coast']),
  country('KOR', 'South Korea', '한국', ['Republic of Korea']),
  country('PRK', 'North Korea', '북한'),
  country('JPN', 'Japan', '일본'),
];
const filterCountries = createCountryFilter(list);

describe('createCountryFilter()', () => {
  it('finds by English, Korean, alternative name and code', () => {
    expect(filterCountries('japan').map((c) => c.id)).toEqual(['JPN']);
    expect(filterCountries('일본').map((c) => c.id)).toEqual(['JPN']);
    expect(filterCountries('ivory').map((c) => c.id)).toEqual(['CIV']);
    expect(filterCountries('prk').map((c) => c.id)).toEqual(['PRK']);
  });

  it('ignores accents and case', () => {
    expect(filterCountries("COTE D'IV").map((c) => c.id)).toEqual(['CIV']);
  });

  it('puts names that start with the query before names that contain it', () => {
    expect(filterCountries('korea').map((c) => c.id)).toEqual(['KOR', 'PRK']);
    expect(filterCountries('north').map((c) => c.id)).toEqual(['PRK']);
  });

  it('returns everything for an empty query', () => {
    expect(filterCountries('  ')).toHaveLength(4);
  });

  it('matches a half-typed Korean syllable', () => {
    // 일보 is 일본 with its last consonant still to come.
    expect(filterCountries('일보').map((c) => c.id)).toEqual(['JPN']);
  });
});

describe('createCountryFilter() as you type', () => {
  it('returns the same array when a keystroke leaves the result as it was', () => {
    const search = createCountryFilter(list);
    const first = search('kor');
    expect(search('kore')).toBe(first);
    expect(search('korea n')).not.toBe(first);
  });
});
