import { geoDistance } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import type { TierId } from '../../../shared/atlas';
import { capitalOf } from '../../../shared/briefing/capitals';
import { greatCircle, LINE_TIERS, relationLines } from './relationLines';

const seoul = capitalOf('KOR')!;

describe('greatCircle()', () => {
  it('runs from Seoul to Washington across the Pacific, its longitudes going on past 180 without a jump', () => {
    const washington = capitalOf('USA')!;
    const line = greatCircle(seoul, washington);
    expect(line[0]).toEqual([Math.round(seoul.lon * 1e4) / 1e4, Math.round(seoul.lat * 1e4) / 1e4]);
    const [lastLon = 0, lastLat = 0] = line.at(-1)!;
    expect(lastLon).toBeCloseTo(washington.lon + 360, 3);
    expect(lastLat).toBeCloseTo(washington.lat, 3);
    for (let i = 1; i < line.length; i++) expect(Math.abs(line[i]![0] - line[i - 1]![0])).toBeLessThan(20);
    // The great circle goes north, over the Bering Sea, not along the parallel.
    expect(Math.max(...line.map(([, lat]) => lat))).toBeGreaterThan(60);
    expect(Math.max(...line.map(([lon]) => lon))).toBeGreaterThan(180);
  });

  it('stays west of Korea to Europe, and every point lies on the great circle', () => {
    const paris = capitalOf('FRA')!;
    const line = greatCircle(seoul, paris);
    for (const [lon] of line) {
      expect(lon).toBeGreaterThan(0);
      expect(lon).toBeLessThanOrEqual(seoul.lon + 1e-4);
    }
    const total = geoDistance([seoul.lon, seoul.lat], [paris.lon, paris.lat]);
    for (const point of line) {
      const sum = geoDistance([seoul.lon, seoul.lat], point) + geoDistance(point, [paris.lon, paris.lat]);
      expect(sum).toBeCloseTo(total, 4);
    }
  });

  it('crosses the antimeridian westwards as well (a partner east of 180 seen from the west)', () => {
    const line = greatCircle({ lon: 170, lat: -10 }, { lon: -170, lat: -12 });
    expect(line.at(-1)![0]).toBeCloseTo(190, 6);
    const back = greatCircle({ lon: -170, lat: -12 }, { lon: 170, lat: -10 });
    expect(back.at(-1)![0]).toBeCloseTo(-190, 6);
  });
});

describe('relationLines()', () => {
  const tiers: Record<string, TierId> = {
    USA: 'alliance',
    VNM: 'comprehensive-strategic',
    JPN: 'partner',
    FRA: 'partner',
    CHN: 'engaged',
    PRK: 'adversarial',
    KOR: 'home',
    XXX: 'partner',
    YYY: 'partner',
  };
  const colours: Record<string, string> = { USA: '#2B425B', VNM: '#2F82FF', JPN: '#0BA80C', FRA: '#0BA80C', CHN: '#FFD166', PRK: '#A33', KOR: '#6E43B0', XXX: '#0BA80C' };
  const build = (home = seoul) =>
    relationLines({
      home,
      countries: Object.keys(tiers),
      tierOf: (id) => tiers[id] ?? 'not-covered',
      colourOf: (id) => colours[id],
      capitalOf,
      // A country without a capital in the table is joined at its label point.
      fallback: (id) => (id === 'XXX' ? { lon: 10, lat: 10 } : null),
    });

  it('draws a line to each country in a line tier, in its colour, strongest tiers on top', () => {
    const lines = build();
    expect(lines.features.map((feature) => feature.properties.id)).toEqual(['FRA', 'JPN', 'XXX', 'VNM', 'USA']);
    expect(lines.features.map((feature) => feature.properties.colour)).toEqual(['#0BA80C', '#0BA80C', '#0BA80C', '#2F82FF', '#2B425B']);
    for (const feature of lines.features) expect(LINE_TIERS).toContain(feature.properties.tier);
    const xxx = lines.features.find((feature) => feature.properties.id === 'XXX')!;
    expect(xxx.geometry.coordinates.at(-1)).toEqual([10, 10]);
    // Home, the engaged and the adversarial get none; nor does a country with no colour or no place.
    expect(lines.features.some((feature) => ['KOR', 'CHN', 'PRK', 'YYY'].includes(feature.properties.id))).toBe(false);
  });

  it('draws nothing without a home to start from', () => {
    expect(relationLines({ home: null, countries: ['USA'], tierOf: () => 'alliance', colourOf: () => '#000', capitalOf, fallback: () => null }).features).toEqual([]);
  });
});
