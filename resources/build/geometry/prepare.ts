import { geoArea, geoBounds, geoEquirectangular, type GeoProjection } from 'd3-geo';
import { geoProject } from 'd3-geo-projection';
import polylabel from 'polylabel';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** Properties of a country shape on the map. */
export interface ShapeProperties {
  id: string;
}

/** Properties of a country's label point. */
export interface PlaceProperties {
  id: string;
  /** 0 for the largest country; smaller shapes get higher ranks and lose label collisions. */
  rank: number;
  /** Bounding box [west, south, east, north] of the country's largest part, for fly-to. */
  bbox: [number, number, number, number];
}

export interface PreparedGeometry {
  shapes: FeatureCollection<Polygon | MultiPolygon, ShapeProperties>;
  places: FeatureCollection<Point, PlaceProperties>;
  /** Names of features no id could be found for; they are left out. */
  unresolved: string[];
}

export type FeatureIdResolver = (numericId: string | undefined, name: string) => string | null;

/**
 * Turns a world-atlas topology into map-ready GeoJSON: every shape keyed by country id, flattened
 * so that no edge streaks across the map (world-atlas stitches shapes across the antimeridian for
 * spherical rendering), coordinates rounded to `decimals`; plus one label point per country at the
 * pole of inaccessibility of its largest part.
 *
 * The map repeats the world sideways, with the Pacific in the middle, so a shape cut at the
 * antimeridian would show its cut as a border line through Chukotka, Wrangel Island and Fiji. A
 * part that crosses the antimeridian is therefore kept whole instead, its longitudes running on
 * past 180 (Chukotka ends at about 190), which MapLibre draws unbroken into the next copy of the
 * world. Only a ring round a pole (Antarctica) cannot be unrolled: it stays cut at ±180.
 */
export function prepareGeometry(topology: unknown, resolveId: FeatureIdResolver, decimals: number): PreparedGeometry {
  const topo = topology as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topo, topo.objects.countries) as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  const byId = new Map<string, Feature<Polygon | MultiPolygon, { name: string }>[]>();
  const unresolved: string[] = [];
  for (const source of collection.features) {
    const id = resolveId(source.id === undefined ? undefined : String(source.id), source.properties.name);
    if (!id) {
      unresolved.push(source.properties.name);
      continue;
    }
    byId.set(id, [...(byId.get(id) ?? []), source]);
  }

  const cut = geoEquirectangular().scale(180 / Math.PI).translate([0, 0]).precision(0).reflectY(true);
  // The same, cut at the prime meridian instead: for a part that crosses the antimeridian.
  const across = geoEquirectangular().rotate([180, 0]).scale(180 / Math.PI).translate([0, 0]).precision(0).reflectY(true);
  const shapes: Feature<Polygon | MultiPolygon, ShapeProperties>[] = [];
  const places: Feature<Point, PlaceProperties>[] = [];
  const areas: { id: string; area: number }[] = [];

  for (const [id, parts] of byId) {
    const sphericalPolygons = parts.flatMap((part) => polygonsOf(part.geometry)).flatMap(repairWinding);
    if (sphericalPolygons.length === 0) {
      unresolved.push(parts[0]?.properties.name ?? id);
      continue;
    }
    const largest = sphericalPolygons.reduce((best, polygon) =>
      geoArea({ type: 'Polygon', coordinates: polygon }) > geoArea({ type: 'Polygon', coordinates: best }) ? polygon : best,
    );
    areas.push({ id, area: sphericalPolygons.reduce((sum, polygon) => sum + geoArea({ type: 'Polygon', coordinates: polygon }), 0) });

    const flatPolygons = joinAtAntimeridian(sphericalPolygons.flatMap((polygon) => flattenPolygon(polygon, cut, across)));
    if (flatPolygons.length === 0) continue;
    const flat: MultiPolygon | Polygon = flatPolygons.length === 1 ? { type: 'Polygon', coordinates: flatPolygons[0]! } : { type: 'MultiPolygon', coordinates: flatPolygons };
    shapes.push({ type: 'Feature', id, properties: { id }, geometry: roundGeometry(flat, decimals) });

    const flatLargest = geoProject({ type: 'Polygon', coordinates: largest } as Polygon, cut) as Polygon | MultiPolygon | null;
    const labelPolygon = flatLargest ? largestPlanar(polygonsOf(flatLargest)) : largest;
    const bounds = geoBounds({ type: 'Polygon', coordinates: largest });
    places.push({
      type: 'Feature',
      id,
      properties: { id, rank: 0, bbox: [bounds[0][0], bounds[0][1], bounds[1][0], bounds[1][1]].map((v) => round(v, 3)) as PlaceProperties['bbox'] },
      geometry: { type: 'Point', coordinates: labelPoint(labelPolygon) },
    });
  }

  const rankOf = new Map([...areas].sort((a, b) => b.area - a.area).map((entry, index) => [entry.id, index]));
  for (const place of places) place.properties.rank = rankOf.get(place.properties.id) ?? 0;

  return {
    shapes: { type: 'FeatureCollection', features: shapes },
    places: { type: 'FeatureCollection', features: places },
    unresolved,
  };
}

/**
 * One spherical polygon on the flat map: cut at the antimeridian if it lies on one side of it, else
 * (it crosses it, and goes round no pole) cut at the prime meridian, which it does not reach, and
 * shifted back so its longitudes run from its west end on past 180.
 */
function flattenPolygon(polygon: Position[][], cut: GeoProjection, across: GeoProjection): Position[][][] {
  const flat = geoProject({ type: 'Polygon', coordinates: polygon } as Polygon, cut) as Polygon | MultiPolygon | null;
  const parts = flat ? polygonsOf(flat) : [];
  if (parts.length < 2 || aroundPole(polygon)) return parts;
  const whole = geoProject({ type: 'Polygon', coordinates: polygon } as Polygon, across) as Polygon | MultiPolygon | null;
  const unrolled = whole ? polygonsOf(whole) : [];
  // Crossing the prime meridian as well (no country does): keep the antimeridian cut.
  if (unrolled.length !== 1) return parts;
  // Rotated by 180°, x + 180 is the longitude, from 0 to 360; a part wholly east of 180 goes back west.
  const shifted = (unrolled[0] ?? []).map((ring) => ring.map(([x = 0, y = 0]) => [x + 180, y]));
  const west = Math.min(...shifted.flat().map(([x = 0]) => x));
  return [west >= 180 ? shifted.map((ring) => ring.map(([x = 0, y = 0]) => [x - 360, y])) : shifted];
}

/** Longitudes closer than this count as the same point of a seam (the data is rounded to 0.001°). */
const SEAM_TOLERANCE = 0.005;

/** The runs of consecutive vertices of a ring on the meridian `x`: first and last index of each, in ring order. */
function seamRuns(ring: Position[], x: number): { first: number; last: number }[] {
  const n = ring.length - 1; // closed ring: the last point repeats the first
  if (n < 3) return [];
  const on = (i: number) => ring[((i % n) + n) % n]?.[0] === x;
  const runs: { first: number; last: number }[] = [];
  for (let first = 0; first < n; first++) {
    if (!on(first) || on(first - 1)) continue;
    let last = first;
    while (on(last + 1) && last + 1 - first < n) last++;
    if (last !== first) runs.push({ first, last: last % n });
  }
  return runs;
}

/** The ring's vertices from index `from` forward to index `to` (cyclic), both included. */
function walk(ring: Position[], from: number, to: number): Position[] {
  const n = ring.length - 1;
  const out: Position[] = [];
  for (let i = from; ; i = (i + 1) % n) {
    out.push(ring[i]!);
    if (i === to) break;
  }
  return out;
}

/** The outer ring of `east` (against +180) joined with `west`'s (against -180, already moved east) along a stretch of the seam they share, or null. */
function joinRings(east: Position[], west: Position[]): Position[] | null {
  for (const eastRun of seamRuns(east, 180)) {
    for (const westRun of seamRuns(west, 180)) {
      const eastEnds = [east[eastRun.first]![1]!, east[eastRun.last]![1]!];
      const westEnds = [west[westRun.first]![1]!, west[westRun.last]![1]!];
      // Same winding on both sides: the seam is walked one way in one ring and back in the other.
      if (Math.abs(eastEnds[0]! - westEnds[1]!) > SEAM_TOLERANCE || Math.abs(eastEnds[1]! - westEnds[0]!) > SEAM_TOLERANCE) continue;
      // The west half's path starts and ends where the east half's ends and starts: those points once.
      const joined = [...walk(east, eastRun.last, eastRun.first), ...walk(west, westRun.last, westRun.first).slice(1, -1)];
      joined.push(joined[0]!);
      return joined;
    }
  }
  return null;
}

/**
 * Natural Earth already splits a few islands at the antimeridian (Fiji's Vanua Levu and Taveuni;
 * Chukotka in the 10m data), each half with an edge along ±180 that the map would draw as a border.
 * A part against -180 that has a partner against +180 along the same stretch of the meridian is
 * moved east by 360° and joined to it, the shared edge dropped; anything less tidy is left as it is.
 */
export function joinAtAntimeridian(polygons: Position[][][]): Position[][][] {
  const result = [...polygons];
  for (let w = 0; w < result.length; w++) {
    const west = result[w]!;
    if (seamRuns(west[0] ?? [], -180).length === 0) continue;
    const shifted = west.map((ring) => ring.map(([x = 0, y = 0]) => [x + 360, y]));
    for (let e = 0; e < result.length; e++) {
      const east = result[e]!;
      const joined = e === w ? null : joinRings(east[0] ?? [], shifted[0]!);
      if (!joined) continue;
      result[e] = [joined, ...east.slice(1), ...shifted.slice(1)];
      result.splice(w, 1);
      w = -1; // a joined ring may meet another half: look again from the start
      break;
    }
  }
  return result;
}

/** Whether a polygon goes round a pole (its box reaches ±90° or spans every longitude). */
function aroundPole(polygon: Position[][]): boolean {
  const [[west, south], [east, north]] = geoBounds({ type: 'Polygon', coordinates: polygon });
  return south <= -89.9 || north >= 89.9 || (west === -180 && east === 180);
}

/**
 * Quantisation collapses a few tiny islands (two of the Maldives at 10m) into rings wound the wrong
 * way, which on a sphere means "everything but this speck": they would cover the whole map. Such a
 * ring is turned round; one that still encloses nothing is dropped.
 */
function repairWinding(polygon: Position[][]): Position[][][] {
  if (geoArea({ type: 'Polygon', coordinates: polygon }) <= 2 * Math.PI) return [polygon];
  const turned = polygon.map((ring) => [...ring].reverse());
  return geoArea({ type: 'Polygon', coordinates: turned }) > 1e-12 ? [turned] : [];
}

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

function largestPlanar(polygons: Position[][][]): Position[][] {
  const size = (polygon: Position[][]) => Math.abs(ringArea(mercatorRing(polygon[0] ?? [])));
  return polygons.reduce((best, polygon) => (size(polygon) > size(best) ? polygon : best));
}

/** Pole of inaccessibility computed in Web Mercator, where it will be seen, then turned back into degrees. */
function labelPoint(polygon: Position[][]): [number, number] {
  const projected = polygon.map(mercatorRing);
  const outer = projected[0] ?? [];
  const xs = outer.map((p) => p[0] ?? 0);
  const ys = outer.map((p) => p[1] ?? 0);
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const [x, y] = polylabel(projected, Math.max(extent / 200, 1e-6));
  const lat = (Math.atan(Math.sinh((y * Math.PI) / 180)) * 180) / Math.PI;
  return [round(x, 4), round(lat, 4)];
}

function mercatorRing(ring: Position[]): number[][] {
  return ring.map(([lon = 0, lat = 0]) => {
    const clamped = Math.max(-85, Math.min(85, lat));
    return [lon, (Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) * 180) / Math.PI];
  });
}

function ringArea(ring: number[][]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    sum += (xj - xi) * (yj + yi);
  }
  return sum / 2;
}

function roundGeometry(geometry: Polygon | MultiPolygon, decimals: number): Polygon | MultiPolygon {
  const ring = (points: Position[]) => dedupe(points.map(([x = 0, y = 0]) => [round(x, decimals), round(y, decimals)]));
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: geometry.coordinates.map(ring) };
  return { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

function dedupe(points: Position[]): Position[] {
  return points.filter((point, index) => index === 0 || point[0] !== points[index - 1]?.[0] || point[1] !== points[index - 1]?.[1]);
}

function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
