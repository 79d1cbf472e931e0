import { geoArea, geoAzimuthalEqualArea } from 'd3-geo';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { angle, FastAzimuthal, mainPolygons, num, shapeIndex, simplifyPolygon, svgPath, type Shapes } from './geo';

function square(west: number, south: number, size: number, clockwise: boolean): Position[] {
  const ring: Position[] = [
    [west, south],
    [west, south + size],
    [west + size, south + size],
    [west + size, south],
    [west, south],
  ];
  return clockwise ? ring : ring.reverse();
}

function shapes(features: [string, Position[][][]][]): Shapes {
  return {
    type: 'FeatureCollection',
    features: features.map(([id, coordinates]) => ({ type: 'Feature', properties: { id }, geometry: { type: 'MultiPolygon', coordinates } })),
  };
}

describe('shapeIndex()', () => {
  it('winds every ring the way d3-geo reads a small polygon with a hole, whichever way it came', () => {
    const index = shapeIndex(
      shapes([
        ['AAA', [[square(10, 10, 4, true), square(11, 11, 1, true)]]],
        ['BBB', [[square(-60, -20, 3, false)]]],
      ]),
    );
    for (const polygon of index.polygons) {
      const area = geoArea({ type: 'Polygon', coordinates: polygon.rings });
      expect(area, polygon.id).toBeGreaterThan(0);
      expect(area, polygon.id).toBeLessThan(0.01);
    }
    const a = index.byId.get('AAA')?.[0];
    expect(geoArea({ type: 'Polygon', coordinates: a?.rings ?? [] })).toBeCloseTo(geoArea({ type: 'Polygon', coordinates: [square(10, 10, 4, true)] }) - geoArea({ type: 'Polygon', coordinates: [square(11, 11, 1, true)] }), 8);
  });

  it('lists a country’s polygons largest first and frames it by its main part', () => {
    const index = shapeIndex(
      shapes([
        ['FRA', [[square(-4, 43, 10, true)], [square(8, 42.5, 1, true)], [square(-53, 2, 3, true)]]],
      ]),
    );
    const polygons = index.byId.get('FRA') ?? [];
    expect(polygons.map((polygon) => polygon.box[0])).toEqual([-4, -53, 8]);
    expect(mainPolygons(index, 'FRA').map((polygon) => polygon.box[0])).toEqual([-4, 8]);
  });
});

describe('FastAzimuthal', () => {
  it('projects as d3-geo’s azimuthal equal-area projection does', () => {
    const centre: [number, number] = [131.5, 36.2];
    const d3 = geoAzimuthalEqualArea().rotate([-centre[0], -centre[1]]).scale(812).translate([300, 225]);
    const fast = new FastAzimuthal(centre, 812, [300, 225], 600, 450);
    for (const [lon, lat] of [[126.98, 37.57], [139.69, 35.69], [-77.04, 38.9], [151.2, -33.9], [0, 0]] as const) {
      const expected = d3([lon, lat]);
      const actual = fast.project(lon, lat);
      expect(actual[0]).toBeCloseTo(expected?.[0] ?? NaN, 6);
      expect(actual[1]).toBeCloseTo(expected?.[1] ?? NaN, 6);
    }
  });
});

describe('simplifyPolygon()', () => {
  it('drops vertices closer than the tolerance and a polygon that shrinks to nothing', () => {
    const dense: Position[] = Array.from({ length: 101 }, (_, i) => [i / 100, 0] as Position);
    const ring: Position[] = [...dense, [1, 1], [0, 1], [0, 0]];
    const index = shapeIndex(shapes([['CCC', [[ring]]], ['DDD', [[square(0, 0, 0.01, true)]]]]));
    const [c] = index.byId.get('CCC') ?? [];
    const [d] = index.byId.get('DDD') ?? [];
    if (!c || !d) throw new Error('missing');
    expect(simplifyPolygon(c, 0.1)?.[0]?.length).toBeLessThan(20);
    expect(simplifyPolygon(d, 1)).toBeNull();
  });
});

describe('svgPath() and num()', () => {
  it('writes short numbers', () => {
    expect(['0', '.5', '-.5', '12', '-12.3', '0'].join()).toBe([num(0.04), num(0.5), num(-0.49), num(12.01), num(-12.34), num(-0.04)].join());
  });

  it('writes relative moves, tenths only, and leaves out rings too small to see', () => {
    const projection = geoAzimuthalEqualArea().rotate([0, 0]).scale(100).translate([50, 50]);
    const big = svgPath(projection, { type: 'Polygon', coordinates: [square(-10, -10, 20, true)] }, 0.4, 1);
    expect(big).toMatch(/^M[\d.]+ [\d.]+l[-\d. ]+z$/);
    expect(big).not.toMatch(/\.\d\d/);
    expect(svgPath(projection, { type: 'Polygon', coordinates: [square(1, 1, 0.1, true)] }, 0.4, 1)).toBe('');
  });
});

describe('angle()', () => {
  it('is the great-circle angle between two places', () => {
    expect((angle([126.98, 37.57], [139.69, 35.69]) * 6371.0088)).toBeCloseTo(1153, -1);
    expect(angle([0, 0], [180, 0])).toBeCloseTo(Math.PI, 9);
  });
});
