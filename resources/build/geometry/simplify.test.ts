import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { feature } from 'topojson-client';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { countArcPoints, simplifyArc, simplifyTopology } from './simplify';

const require = createRequire(import.meta.url);

describe('simplifyArc()', () => {
  it('drops points closer to the line than the tolerance and keeps the ends', () => {
    const arc: [number, number][] = [
      [0, 0],
      [1, 0.0001],
      [2, -0.0001],
      [3, 0],
    ];
    expect(simplifyArc(arc, 0.001)).toEqual([
      [0, 0],
      [3, 0],
    ]);
  });

  it('keeps a point further from the line than the tolerance', () => {
    const arc: [number, number][] = [
      [0, 0],
      [1, 0.01],
      [2, 0],
    ];
    expect(simplifyArc(arc, 0.001)).toEqual(arc);
  });

  it('measures in Web Mercator: the same offset in latitude counts for more near the poles', () => {
    const near = (lat: number): [number, number][] => [
      [0, lat],
      [1, lat + 0.0008],
      [2, lat],
    ];
    expect(simplifyArc(near(0), 0.001)).toHaveLength(2);
    expect(simplifyArc(near(70), 0.001)).toHaveLength(3);
  });

  it('keeps a closed ring (an island) a ring of at least four points', () => {
    const island: [number, number][] = [
      [0, 0],
      [0.0003, 0.0001],
      [0.0005, 0.0004],
      [0.0002, 0.0006],
      [-0.0001, 0.0003],
      [0, 0],
    ];
    const simplified = simplifyArc(island, 0.01);
    expect(simplified.length).toBeGreaterThanOrEqual(4);
    expect(simplified[0]).toEqual(simplified[simplified.length - 1]);
  });
});

describe('simplifyTopology()', () => {
  const topology = require('world-atlas/countries-110m.json') as Topology;

  it('leaves the input as it was and returns arcs in degrees, without a transform', () => {
    const before = JSON.stringify(topology.arcs.slice(0, 5));
    const simplified = simplifyTopology(topology, 0.1);
    expect(JSON.stringify(topology.arcs.slice(0, 5))).toBe(before);
    expect(simplified.transform).toBeUndefined();
    expect(topology.transform).toBeDefined();
    for (const [lon, lat] of simplified.arcs.flat()) {
      expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
      expect(Math.abs(lat!)).toBeLessThanOrEqual(90);
    }
  });

  it('decodes the same shapes at tolerance 0, and fewer points above it', () => {
    const shapes = (input: Topology) => feature(input, input.objects['countries']!) as FeatureCollection<Polygon | MultiPolygon>;
    const original = shapes(topology).features[0]!.geometry;
    const decoded = shapes(simplifyTopology(topology, 0)).features[0]!.geometry;
    expect(decoded.coordinates.flat(2)[0]).toEqual(original.coordinates.flat(2)[0]);
    expect(countArcPoints(simplifyTopology(topology, 0))).toBe(countArcPoints(topology));
    expect(countArcPoints(simplifyTopology(topology, 0.5))).toBeLessThan(countArcPoints(topology) * 0.8);
  });

  it('keeps shared borders shared: both neighbours still use the same arc ends', () => {
    const simplified = simplifyTopology(topology, 0.5);
    expect(simplified.arcs).toHaveLength(topology.arcs.length);
    const ends = (arc: number[][]) => [arc[0], arc[arc.length - 1]];
    const decodedEnds = simplifyTopology(topology, 0).arcs.map(ends);
    expect(simplified.arcs.map(ends)).toEqual(decodedEnds);
  });
});
