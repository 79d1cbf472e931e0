import { describe, expect, it } from 'vitest';
import { formatDay, formatEventDate, formatNumber, isoDay, yearRowOf } from './format';

describe('formatEventDate()', () => {
  it('gives a date as precisely as the source does, in either language', () => {
    expect(formatEventDate({ year: 2024, month: 7, day: 9, precision: 'day' }, 'en')).toBe('9 July 2024');
    expect(formatEventDate({ year: 2024, month: 7, day: 9, precision: 'day' }, 'ko')).toBe('2024년 7월 9일');
    expect(formatEventDate({ year: 2022, month: 12, precision: 'month' }, 'en')).toBe('December 2022');
    expect(formatEventDate({ year: 1968, precision: 'year' }, 'ko')).toBe('1968년');
    expect(formatEventDate({ year: 1980, precision: 'decade', qualifier: 'late' }, 'en')).toBe('late 1980s');
    expect(formatEventDate({ year: 1990, precision: 'decade' }, 'ko')).toBe('1990년대');
  });
});

describe('formatDay() and isoDay()', () => {
  it('write the local day for readers and for file names', () => {
    const day = new Date(2026, 10, 27, 23, 59);
    expect(formatDay(day, 'en')).toBe('27 November 2026');
    expect(formatDay(day, 'ko')).toBe('2026년 11월 27일');
    expect(isoDay(day)).toBe('2026-11-27');
    expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});

describe('formatNumber()', () => {
  it('rounds and groups digits', () => {
    expect(formatNumber(11265.4, 'en')).toBe('11,265');
    expect(formatNumber(953.6, 'ko')).toBe('954');
  });
});

describe('yearRowOf()', () => {
  it('puts a decade-only date under its decade, before the years in it, and a dated one under its year', () => {
    const late80s = yearRowOf({ year: 1980, precision: 'decade', qualifier: 'late' }, 'en');
    const in1980 = yearRowOf({ year: 1980, month: 3, precision: 'month' }, 'en');
    const in1979 = yearRowOf({ year: 1979, precision: 'year' }, 'en');
    expect(late80s).toMatchObject({ key: '1980s', label: '1980s' });
    expect(in1980).toMatchObject({ key: '1980', label: '1980' });
    expect([in1980, late80s, in1979].sort((a, b) => a.order - b.order).map((row) => row.key)).toEqual(['1979', '1980s', '1980']);
    expect(yearRowOf({ year: 1990, precision: 'decade' }, 'ko').label).toContain('1990');
  });
});
