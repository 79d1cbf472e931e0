import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFeatureIdResolver } from '../../../src/shared/countries';
import { DETAIL_LEVELS, prepareLevel } from './levels';
import { prepareGeometry } from './prepare';

const require = createRequire(import.meta.url);
const areas = JSON.parse(readFileSync(new URL('../../../data/atlas/areas.json', import.meta.url), 'utf8')) as unknown;
const resolve = createFeatureIdResolver(require('world-countries') as unknown[], areas);

describe('prepareLevel()', () => {
  it('prepares a level without a tolerance exactly as prepareGeometry() does', () => {
    const topology: unknown = require('world-atlas/countries-110m.json');
    expect(prepareLevel(topology, resolve, '110m')).toEqual(prepareGeometry(topology, resolve, DETAIL_LEVELS['110m'].decimals));
  });

  it('simplifies only the 10m shapes, within a pixel at the map\'s closest zoom (9)', () => {
    const pixelAtZoom9 = 360 / (512 * 2 ** 9);
    expect(DETAIL_LEVELS['50m'].tolerance).toBe(0);
    expect(DETAIL_LEVELS['10m'].tolerance).toBeGreaterThan(0);
    expect(DETAIL_LEVELS['10m'].tolerance).toBeLessThanOrEqual(1.5 * pixelAtZoom9);
  });

  it('keeps every 10m shape once simplified, each where it was and none covering the map', () => {
    const topology: unknown = require('world-atlas/countries-10m.json');
    const simplified = prepareLevel(topology, resolve, '10m');
    expect(simplified.unresolved).toEqual([]);
    const ids = (shapes: typeof simplified.shapes) => shapes.features.map((shape) => shape.properties.id).sort();
    const full = prepareGeometry(topology, resolve, DETAIL_LEVELS['10m'].decimals);
    expect(ids(simplified.shapes)).toEqual(ids(full.shapes));
    const points = (shapes: typeof simplified.shapes) => shapes.features.flatMap((shape) => shape.geometry.coordinates.flat(2)).length;
    expect(points(simplified.shapes)).toBeLessThan(points(full.shapes) * 0.9);
    for (const shape of simplified.shapes.features) {
      if (shape.properties.id === 'ATA') continue;
      const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
      for (const polygon of polygons) {
        const lons = polygon.flat().map(([lon = 0]) => lon);
        const lats = polygon.flat().map(([, lat = 0]) => lat);
        expect.soft(Math.max(...lons) - Math.min(...lons) < 200 && Math.max(...lats) - Math.min(...lats) < 90, shape.properties.id).toBe(true);
      }
    }
    const place = (geometry: typeof full, id: string) => geometry.places.features.find((feature) => feature.properties.id === id)?.properties.bbox ?? [];
    for (const id of ['KOR', 'JPN', 'MDV', 'FJI']) place(simplified, id).forEach((value, index) => expect(value).toBeCloseTo(place(full, id)[index] ?? Number.NaN, 1));
  }, 60_000);
});
