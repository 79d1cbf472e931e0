import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createFeatureIdResolver } from '../../../src/shared/countries';
import { joinAtAntimeridian, prepareGeometry } from './prepare';

const require = createRequire(import.meta.url);
const worldCountries = require('world-countries') as unknown[];
const areas = JSON.parse(readFileSync(new URL('../../../data/atlas/areas.json', import.meta.url), 'utf8')) as unknown;
const resolve = createFeatureIdResolver(worldCountries, areas);
const world50 = prepareGeometry(require('world-atlas/countries-50m.json'), resolve, 3);

function rings(geometry: Polygon | MultiPolygon): Position[][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

function widestEdge(geometry: Polygon | MultiPolygon): number {
  let widest = 0;
  for (const ring of rings(geometry)) {
    for (let i = 1; i < ring.length; i++) widest = Math.max(widest, Math.abs((ring[i]?.[0] ?? 0) - (ring[i - 1]?.[0] ?? 0)));
  }
  return widest;
}

describe('prepareGeometry()', () => {
  it('gives every Natural Earth feature an id, none left unresolved', () => {
    expect(world50.unresolved).toEqual([]);
    expect(world50.shapes.features.length).toBeGreaterThan(230);
    const ids = world50.shapes.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keeps areas without an ISO code under a stable id', () => {
    const ids = new Set(world50.shapes.features.map((f) => f.properties.id));
    for (const id of ['UNK', 'x-somaliland', 'x-northern-cyprus', 'KOR', 'PRK', 'JPN']) expect(ids).toContain(id);
  });

  it.each(['RUS', 'FJI', 'ATA', 'USA', 'NZL', 'KIR'])('cuts %s at the antimeridian: no edge spans the map', (id) => {
    const shape = world50.shapes.features.find((f) => f.properties.id === id);
    expect(shape).toBeDefined();
    expect(widestEdge(shape!.geometry)).toBeLessThan(90);
  });

  it('keeps every coordinate on the flat map, a part across the antimeridian running on past 180', () => {
    for (const shape of world50.shapes.features) {
      for (const ring of rings(shape.geometry)) {
        for (const [lon = 0, lat = 0] of ring) {
          expect(lon).toBeGreaterThanOrEqual(-180);
          expect(lon).toBeLessThanOrEqual(shape.properties.id === 'RUS' ? 191 : shape.properties.id === 'FJI' ? 181 : 180);
          expect(Math.abs(lat)).toBeLessThanOrEqual(90);
        }
      }
    }
  });

  it('keeps Russia whole across the antimeridian: Chukotka and Wrangel Island have no edge along it', () => {
    const russia = world50.shapes.features.find((f) => f.properties.id === 'RUS')!;
    const alongAntimeridian = rings(russia.geometry).filter((ring) =>
      ring.some((point, i) => i > 0 && Math.abs(point[0] ?? 0) === 180 && point[0] === ring[i - 1]?.[0]),
    );
    expect(alongAntimeridian).toEqual([]);
    const east = Math.max(...rings(russia.geometry).flat().map(([lon = 0]) => lon));
    // Cape Dezhnev, the east end of Asia, is at 169.7°W: 190.3 run on from the west.
    expect(east).toBeCloseTo(190.3, 0);
    // Kaliningrad stays where it is.
    expect(Math.min(...rings(russia.geometry).flat().map(([lon = 0]) => lon))).toBeCloseTo(19.6, 0);
  });

  it('puts each label point inside its country', () => {
    const shapes = new Map(world50.shapes.features.map((f) => [f.properties.id, f]));
    const outside = world50.places.features.filter((place) => {
      const shape = shapes.get(place.properties.id)!;
      const [lon = 0, lat = 0] = place.geometry.coordinates;
      // The cut shapes are planar lon/lat; test containment with a tiny box around the point.
      return !rings(shape.geometry).some((ring) => pointInRing(lon, lat, ring));
    });
    expect(outside.map((p) => p.properties.id)).toEqual([]);
  });

  it('ranks countries by area, largest first', () => {
    const rank = new Map(world50.places.features.map((p) => [p.properties.id, p.properties.rank]));
    expect(rank.get('RUS')).toBeLessThan(rank.get('KOR')!);
    expect(rank.get('KOR')).toBeLessThan(rank.get('LUX')!);
  });

  it('never lets a shape cover the map: every 10m polygon encloses less than a hemisphere', () => {
    const world10 = prepareGeometry(require('world-atlas/countries-10m.json'), resolve, 4);
    expect(world10.unresolved).toEqual([]);
    const maldives = world10.shapes.features.find((f) => f.properties.id === 'MDV')!;
    const [west, south, east, north] = extent(maldives.geometry);
    expect(west).toBeGreaterThan(72);
    expect(east).toBeLessThan(74);
    expect(south).toBeGreaterThan(-1);
    expect(north).toBeLessThan(8);
    for (const shape of world10.shapes.features) {
      if (shape.properties.id === 'ATA') continue;
      const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
      for (const polygon of polygons) {
        const [w, s, e, n] = extent({ type: 'Polygon', coordinates: polygon });
        expect.soft(e - w < 200 && n - s < 90, shape.properties.id).toBe(true);
      }
    }
  });

  it('gives Korea a bounding box around the peninsula', () => {
    const korea = world50.places.features.find((p) => p.properties.id === 'KOR')!;
    const [west, south, east, north] = korea.properties.bbox;
    expect(west).toBeGreaterThan(124);
    expect(east).toBeLessThan(131);
    expect(south).toBeGreaterThan(33);
    expect(north).toBeLessThan(39);
  });
});

function extent(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  const points = rings(geometry).flat();
  const xs = points.map((p) => p[0] ?? 0);
  const ys = points.map((p) => p[1] ?? 0);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

function pointInRing(x: number, y: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

describe('joinAtAntimeridian()', () => {
  it('joins an island split at the antimeridian into one shape east of it, the cut edge gone', () => {
    // Counter-clockwise halves of the square 178..182 × -17..-16, split at 180 (as Natural Earth splits Taveuni).
    const east: Position[][] = [[[178, -17], [180, -17], [180, -16.5], [180, -16], [178, -16], [178, -17]]];
    const west: Position[][] = [[[-180, -17], [-178, -17], [-178, -16], [-180, -16], [-180, -16.5], [-180, -17]]];
    const other: Position[][] = [[[10, 10], [11, 10], [11, 11], [10, 10]]];
    const joined = joinAtAntimeridian([west, other, east]);
    expect(joined).toHaveLength(2);
    expect(joined[0]).toBe(other);
    const ring = joined[1]![0]!;
    expect(ring[0]).toEqual(ring.at(-1));
    expect(new Set(ring.map(([x = 0]) => x))).toEqual(new Set([178, 180, 182]));
    // No edge runs along the meridian any more: at 180 only the two corners where the halves meet.
    const along = ring.filter((point, i) => i > 0 && point[0] === 180 && ring[i - 1]?.[0] === 180);
    expect(along).toEqual([]);
    expect(new Set(ring.filter(([x]) => x === 180).map(([, y]) => y))).toEqual(new Set([-16, -17]));
  });

  it('leaves halves alone whose cut edges do not match', () => {
    const east: Position[][] = [[[178, -17], [180, -17], [180, -16], [178, -16], [178, -17]]];
    const west: Position[][] = [[[-180, -12], [-178, -12], [-178, -11], [-180, -11], [-180, -12]]];
    expect(joinAtAntimeridian([west, east])).toEqual([west, east]);
  });

  it('joins Fiji at 50m, so no border runs along the antimeridian through Vanua Levu and Taveuni', () => {
    const fiji = world50.shapes.features.find((f) => f.properties.id === 'FJI')!;
    const along = rings(fiji.geometry).filter((ring) => ring.some((point, i) => i > 0 && Math.abs(point[0] ?? 0) === 180 && point[0] === ring[i - 1]?.[0]));
    expect(along).toEqual([]);
  });
});
