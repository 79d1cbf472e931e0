import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadAtlas } from '../../../main/data/atlasFiles';
import { allEvents, countriesInRange, eventsInRange, lastYear } from './timelineEvents';

const { model } = await loadAtlas(fileURLToPath(new URL('../../../../data', import.meta.url)));
const events = allEvents(model);

describe('allEvents()', () => {
  it('lists every dated event oldest first, with the countries it concerns', () => {
    expect(events.length).toBeGreaterThan(10);
    for (let i = 1; i < events.length; i++) expect(events[i]!.sortKey).toBeGreaterThanOrEqual(events[i - 1]!.sortKey);
    const december2022 = events.find((event) => event.text === 'December 2022');
    expect(december2022?.countries).toEqual(['VNM']);
  });
});

describe('year ranges', () => {
  it('count a decade as its ten years', () => {
    const eighties = events.find((event) => event.date.precision === 'decade');
    expect(eighties).toBeDefined();
    expect(lastYear(eighties!)).toBe(eighties!.date.year + 9);
  });

  it('keep the countries with an event in range', () => {
    expect(countriesInRange(events, 2022, 2022).has('VNM')).toBe(true);
    expect(countriesInRange(events, 2023, 2030).has('VNM')).toBe(false);
    expect(eventsInRange(events, 3000, 3001)).toEqual([]);
  });
});
