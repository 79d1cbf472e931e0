import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { atlasPages } from '../../../shared/atlas/pages';
import { loadAtlas } from '../../../main/data/atlasFiles';
import { countriesInRange } from './timelineEvents';

const view = await loadAtlas(fileURLToPath(new URL('../../../../data', import.meta.url)));
const pages = atlasPages(view.model, view.searchNames);
const summary = pages.summary();

describe('countriesInRange()', () => {
  it('keeps the countries with an event in range', () => {
    expect(countriesInRange(summary, 2022, 2022).has('VNM')).toBe(true);
    expect(countriesInRange(summary, 2023, 2030).has('VNM')).toBe(false);
    expect(countriesInRange(summary, 3000, 3001).size).toBe(0);
  });

  it('gives the countries of the events main lists for the range, no more and no fewer', () => {
    for (const [from, to] of [[1950, 1953], [1990, 1999], [2010, 2020]] as const) {
      const { events } = pages.events({ from, to, offset: 0, limit: 500 });
      expect(events.length).toBeLessThan(500);
      expect(countriesInRange(summary, from, to)).toEqual(new Set(events.flatMap((event) => event.countries)));
    }
  });

  it('counts a decade as its ten years', () => {
    const { events } = pages.events({ offset: 0, limit: 500 });
    const decade = events.find((event) => event.date.precision === 'decade')!;
    const country = decade.countries[0]!;
    expect(countriesInRange(summary, decade.date.year + 9, decade.date.year + 9).has(country)).toBe(true);
  });
});
