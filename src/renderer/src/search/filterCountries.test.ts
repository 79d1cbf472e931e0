import { describe, expect, it } from 'vitest';
import type { CountrySummary } from '../../../shared/contract';
import { filterCountries } from './filterCountries';

function country(id: string, en: string, ko: string, altNames: string[] = []): CountrySummary {
  return { id, iso3: id, name: { en, ko }, officialName: { en, ko }, flag: '', region: 'Asia', subregion: '', capital: [], altNames };
}

const list = [
  country('CIV', "Côte d'Ivoire", '코트디부아르', ['Ivory Coast']),
  country('KOR', 'South Korea', '한국', ['Republic of Korea']),
  country('PRK', 'North Korea', '북한'),
  country('JPN', 'Japan', '일본'),
];

describe('filterCountries()', () => {
  it('finds by English, Korean, alternative name and code', () => {
    expect(filterCountries(list, 'japan').map((c) => c.id)).toEqual(['JPN']);
    expect(filterCountries(list, '일본').map((c) => c.id)).toEqual(['JPN']);
    expect(filterCountries(list, 'ivory').map((c) => c.id)).toEqual(['CIV']);
    expect(filterCountries(list, 'prk').map((c) => c.id)).toEqual(['PRK']);
  });

  it('ignores accents and case', () => {
    expect(filterCountries(list, "COTE D'IV").map((c) => c.id)).toEqual(['CIV']);
  });

  it('puts names that start with the query before names that contain it', () => {
    expect(filterCountries(list, 'korea').map((c) => c.id)).toEqual(['KOR', 'PRK']);
    expect(filterCountries(list, 'north').map((c) => c.id)).toEqual(['PRK']);
  });

  it('returns everything for an empty query', () => {
    expect(filterCountries(list, '  ')).toHaveLength(4);
  });
});
