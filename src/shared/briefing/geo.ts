import { geoPath, type GeoContext, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import polylabel from 'polylabel';

/** The map shapes a briefing draws: one feature per country, keyed by its id. */
export type Shapes = FeatureCollection<Polygon | MultiPolygon, { id: string }>;

/** One polygon of a country, wound the way d3-geo reads spheres, with what culling needs. */
export interface IndexedPolygon {
  id: string;
  rings: Position[][];
  /** Centre of the outer ring's longitude–latitude box, [lon, lat]. */
  centroid: [number, number];
  /** Largest angle (radians) from the centre to the box's edge: the polygon lies within it. */
  radius: number;
  /** Longitude–latitude box of the outer ring: west, south, east, north. */
  box: [number, number, number, number];
  /** Area of the outer ring in degrees squared, scaled by the cosine of its latitude; for ordering by size. */
  size: number;
}

/** Every polygon of the shapes, and each country's polygons largest first. */
export interface ShapeIndex {
  polygons: readonly IndexedPolygon[];
  byId: ReadonlyMap<string, readonly IndexedPolygon[]>;
}

const indexes = new WeakMap<Shapes, ShapeIndex>();

/**
 * Indexes the shapes once per shapes object. They are cut at the antimeridian for the flat map, so
 * each ring is an ordinary polygon in longitude and latitude, and its winding there says which side
 * it encloses on the sphere. A few come out wound the other way round, which d3-geo would read as
 * "everything but this country": outer rings are turned clockwise and holes anticlockwise, as
 * d3-geo expects. Everything here is planar arithmetic, so indexing the world takes milliseconds.
 */
export function shapeIndex(shapes: Shapes): ShapeIndex {
  const cached = indexes.get(shapes);
  if (cached) return cached;
  const polygons: IndexedPolygon[] = [];
  const byId = new Map<string, IndexedPolygon[]>();
  for (const feature of shapes.features) {
    const id = feature.properties.id;
    const parts = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    for (const part of parts) {
      const outer = part[0];
      if (!outer || outer.length < 4) continue;
      const rings = part.map((ring, index) => (signedArea(ring) < 0 === (index === 0) ? ring : [...ring].reverse()));
      const box = boxOf(outer);
      const centroid: [number, number] = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
      let radius = 0;
      for (const lon of [box[0], centroid[0], box[2]]) {
        for (const lat of [box[1], centroid[1], box[3]]) radius = Math.max(radius, angle(centroid, [lon, lat]));
      }
      const size = Math.abs(signedArea(outer)) * Math.cos((centroid[1] * Math.PI) / 180);
      const indexed: IndexedPolygon = { id, rings, centroid, radius, box, size };
      polygons.push(indexed);
      const list = byId.get(id);
      if (list) list.push(indexed);
      else byId.set(id, [indexed]);
    }
  }
  for (const list of byId.values()) list.sort((a, b) => b.size - a.size);
  const index = { polygons, byId };
  indexes.set(shapes, index);
  return index;
}

/** Shoelace area in longitude–latitude; negative for a ring d3-geo reads as enclosing its small side. */
function signedArea(ring: Position[]): number {
  let sum = 0;
  const n = ring.length;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const a = ring[i] as Position;
    const b = ring[j] as Position;
    sum += ((b[0] ?? 0) - (a[0] ?? 0)) * ((b[1] ?? 0) + (a[1] ?? 0));
  }
  return sum / 2;
}

function boxOf(ring: Position[]): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let i = 0; i < ring.length; i++) {
    const point = ring[i] as Position;
    const lon = point[0] ?? 0;
    const lat = point[1] ?? 0;
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return [west, south, east, north];
}

/**
 * The polygons that make up a country where it mostly is: the largest, and those near it (so France
 * is framed without French Guiana and the United States without Alaska and Hawaii).
 */
export function mainPolygons(index: ShapeIndex, id: string): IndexedPolygon[] {
  const polygons = index.byId.get(id) ?? [];
  const largest = polygons[0];
  if (!largest) return [];
  const reach = largest.radius * 0.9 + 2.5 * DEGREES;
  return polygons.filter((polygon) => angle(largest.centroid, polygon.centroid) <= reach);
}

/** A point inside a country's largest polygon, far from its coasts: where a map marks its centre. */
export function centreOf(index: ShapeIndex, id: string): [number, number] | null {
  const largest = index.byId.get(id)?.[0];
  if (!largest) return null;
  const [x, y] = polylabel(largest.rings.map((ring) => ring.map(([lon = 0, lat = 0]) => [lon, lat])), 0.01);
  return [x, y];
}

const simplified = new WeakMap<IndexedPolygon, Map<number, Position[][] | null>>();

/**
 * The rings of `polygon` with vertices closer than about `tolerance` degrees to the last kept one
 * dropped; rings left with fewer than four points are dropped, and the polygon too when its outer
 * ring goes. The tolerance is rounded down to a power of √2 and the result kept, so the maps of a
 * whole atlas simplify each polygon only a few times.
 */
export function simplifyPolygon(polygon: IndexedPolygon, tolerance: number): Position[][] | null {
  if (tolerance <= 0) return polygon.rings;
  const step = Math.SQRT2 ** Math.floor(Math.log(tolerance) / Math.log(Math.SQRT2));
  return remember(simplified, polygon, step, () => {
    const rings: Position[][] = [];
    for (let index = 0; index < polygon.rings.length; index++) {
      const kept = simplifyRing(polygon.rings[index] as Position[], step);
      if (kept.length >= 4) rings.push(kept);
      else if (index === 0) return null;
    }
    return rings;
  });
}

/** `compute()` run once per owner and key; the results go when the owner does. */
export function remember<O extends object, K, V>(store: WeakMap<O, Map<K, V>>, owner: O, key: K, compute: () => V): V {
  let cache = store.get(owner);
  if (!cache) {
    cache = new Map();
    store.set(owner, cache);
  }
  if (cache.has(key)) return cache.get(key) as V;
  const value = compute();
  cache.set(key, value);
  return value;
}

function simplifyRing(ring: Position[], tolerance: number): Position[] {
  const squared = tolerance * tolerance;
  const first = ring[0];
  if (!first) return [];
  const kept: Position[] = [first];
  let lastLon = first[0] ?? 0;
  let lastLat = first[1] ?? 0;
  const last = ring.length - 1;
  for (let i = 1; i < last; i++) {
    const point = ring[i] as Position;
    const lon = point[0] ?? 0;
    const lat = point[1] ?? 0;
    const dx = (lon - lastLon) * Math.cos(lat * DEGREES);
    const dy = lat - lastLat;
    if (dx * dx + dy * dy < squared) continue;
    kept.push(point);
    lastLon = lon;
    lastLat = lat;
  }
  kept.push(ring[last] as Position);
  return kept;
}

const DEGREES = Math.PI / 180;

/** The angle in radians between two [lon, lat] points (haversine); d3's geoDistance builds a line for each call. */
export function angle(a: readonly [number, number], b: readonly [number, number]): number {
  const sinLat = Math.sin(((b[1] - a[1]) * DEGREES) / 2);
  const sinLon = Math.sin(((b[0] - a[0]) * DEGREES) / 2);
  const h = sinLat * sinLat + Math.cos(a[1] * DEGREES) * Math.cos(b[1] * DEGREES) * sinLon * sinLon;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * A d3-geo path context that writes compact SVG path data: coordinates rounded to a tenth of a
 * unit, relative moves, points nearer than `tolerance` units to the last one dropped, and closed
 * rings smaller than `minSize` units across left out.
 */
export class SvgPathWriter implements GeoContext {
  private readonly parts: string[] = [];
  private ring: number[] = [];
  private pending = false;
  private pendingX = 0;
  private pendingY = 0;
  private x = 0;
  private y = 0;

  constructor(
    private readonly tolerance: number,
    private readonly minSize: number,
  ) {}

  beginPath(): void {
    // Every ring starts with moveTo, which is where a ring is flushed.
  }

  moveTo(x: number, y: number): void {
    this.flush(false);
    this.ring = [x, y];
  }

  lineTo(x: number, y: number): void {
    const n = this.ring.length;
    const dx = x - (this.ring[n - 2] ?? x);
    const dy = y - (this.ring[n - 1] ?? y);
    if (dx * dx + dy * dy < this.tolerance * this.tolerance) {
      this.pending = true;
      this.pendingX = x;
      this.pendingY = y;
      return;
    }
    this.ring.push(x, y);
    this.pending = false;
  }

  closePath(): void {
    this.pending = false;
    this.flush(true);
  }

  arc(): void {
    // Points are drawn as circles by the caller, never through the path.
  }

  result(): string {
    this.flush(false);
    return this.parts.join('');
  }

  private flush(closed: boolean): void {
    if (this.pending) this.ring.push(this.pendingX, this.pendingY);
    this.pending = false;
    const ring = this.ring;
    this.ring = [];
    if (ring.length < (closed ? 6 : 4)) return;
    if (closed && this.minSize > 0 && extent(ring) < this.minSize) return;
    // Relative moves with the command letter written once and no separator before a minus sign.
    const x0 = tenth(ring[0] ?? 0);
    const y0 = tenth(ring[1] ?? 0);
    const startY = num(y0);
    let out = `M${num(x0)}${startY.startsWith('-') ? '' : ' '}${startY}`;
    let first = true;
    this.x = x0;
    this.y = y0;
    for (let i = 2; i < ring.length; i += 2) {
      const x = tenth(ring[i] ?? 0);
      const y = tenth(ring[i + 1] ?? 0);
      if (x === this.x && y === this.y) continue;
      const dx = num(x - this.x);
      const dy = num(y - this.y);
      out += (first ? 'l' : dx.startsWith('-') ? '' : ' ') + dx + (dy.startsWith('-') ? '' : ' ') + dy;
      first = false;
      this.x = x;
      this.y = y;
    }
    this.parts.push(closed ? `${out}z` : out);
  }
}

function extent(ring: readonly number[]): number {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < ring.length; i += 2) {
    const x = ring[i] ?? 0;
    const y = ring[i + 1] ?? 0;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return Math.max(maxX - minX, maxY - minY);
}

function tenth(value: number): number {
  return Math.round(value * 10) / 10;
}

/** A number as short as SVG allows, to a tenth: `0.5` as `.5`, `2.0` as `2`, no `-0`. Hot: written without regular expressions. */
export function num(value: number): string {
  const tenths = Math.round(value * 10);
  if (tenths === 0) return '0';
  const sign = tenths < 0 ? '-' : '';
  const magnitude = Math.abs(tenths);
  const whole = Math.floor(magnitude / 10);
  const fraction = magnitude % 10;
  if (fraction === 0) return `${sign}${whole}`;
  return whole === 0 ? `${sign}.${fraction}` : `${sign}${whole}.${fraction}`;
}

/** SVG path data for `object` through `projection`, simplified to `tolerance` units. */
export function svgPath(projection: GeoProjection, object: GeoPermissibleObjects, tolerance = 0.4, minSize = 0): string {
  const writer = new SvgPathWriter(tolerance, minSize);
  geoPath(projection, writer)(object);
  return writer.result();
}

/** A projection without d3-geo's spherical clipping, which costs trigonometry and an allocation on every vertex. */
export function withoutSphereClip(projection: GeoProjection): GeoProjection {
  return projection.preclip((stream) => stream);
}

/** Which projection draws a polygon: the cheapest one that is still right for it, or null to leave it out. */
export type Route = (polygon: IndexedPolygon) => GeoProjection | FastAzimuthal | null;

/** One path for several polygons, each simplified to `degrees` and drawn through the projection `route` picks. */
export function polygonsPath(polygons: readonly IndexedPolygon[], degrees: number, route: Route, minSize: number): string {
  const writer = new SvgPathWriter(0.4, minSize);
  for (const [projection, group] of groupBy(polygons, route)) {
    if (projection instanceof FastAzimuthal) {
      for (const polygon of group) for (const ring of polygonVectors(polygon, degrees) ?? []) projection.drawRing(ring, writer);
    } else if (projection) geoPath(projection, writer)(multiPolygon(group, degrees));
  }
  return writer.result();
}

const vectorCache = new WeakMap<IndexedPolygon, Map<number, Float64Array[] | null>>();

/** A polygon's simplified rings as unit vectors (x, y, z per vertex), kept per tolerance like `simplifyPolygon`. */
function polygonVectors(polygon: IndexedPolygon, tolerance: number): Float64Array[] | null {
  return remember(vectorCache, polygon, tolerance, () => {
    const rings = simplifyPolygon(polygon, tolerance);
    return rings?.map(unitVectors) ?? null;
  });
}

function unitVectors(ring: Position[]): Float64Array {
  const xyz = new Float64Array(ring.length * 3);
  for (let i = 0; i < ring.length; i++) {
    const point = ring[i] as Position;
    xyz.set(unitVector(point[0] ?? 0, point[1] ?? 0), i * 3);
  }
  return xyz;
}

/** The point [lon, lat] as a vector from the Earth's centre, of length one. */
export function unitVector(lon: number, lat: number): [number, number, number] {
  const λ = lon * DEGREES;
  const φ = lat * DEGREES;
  const cosφ = Math.cos(φ);
  return [cosφ * Math.cos(λ), cosφ * Math.sin(λ), Math.sin(φ)];
}

/**
 * The oblique azimuthal equal-area projection d3-geo's `geoAzimuthalEqualArea().rotate([-λ0, -φ0])`
 * makes, with its scale and translate, drawing rings clipped to a frame (Sutherland–Hodgman, a
 * little outside the frame so the cut edges stay out of sight). It works on unit vectors with no
 * trigonometry or allocation per vertex, which makes a locator map cost milliseconds rather than
 * tens of them. Only for polygons that stay clear of the point opposite the centre.
 */
export class FastAzimuthal {
  private readonly centre: [number, number, number];
  private readonly east: [number, number, number];
  private readonly north: [number, number, number];

  constructor(
    centre: readonly [number, number],
    private readonly scale: number,
    private readonly translate: readonly [number, number],
    private readonly width: number,
    private readonly height: number,
  ) {
    const λ = centre[0] * DEGREES;
    const φ = centre[1] * DEGREES;
    this.centre = unitVector(centre[0], centre[1]);
    this.east = [-Math.sin(λ), Math.cos(λ), 0];
    this.north = [-Math.sin(φ) * Math.cos(λ), -Math.sin(φ) * Math.sin(λ), Math.cos(φ)];
  }

  /** Frame coordinates of [lon, lat]. */
  project(lon: number, lat: number): [number, number] {
    const xyz = new Float64Array(unitVector(lon, lat));
    const out = new Float64Array(2);
    this.projectInto(xyz, 0, out, 0);
    return [out[0] ?? 0, out[1] ?? 0];
  }

  drawRing(xyz: Float64Array, writer: SvgPathWriter): void {
    const n = xyz.length / 3;
    const points = new Float64Array(n * 2);
    for (let i = 0; i < n; i++) this.projectInto(xyz, i * 3, points, i * 2);
    const clipped = clipToBox(points, -2, -2, this.width + 2, this.height + 2);
    if (clipped.length < 6) return;
    writer.moveTo(clipped[0] ?? 0, clipped[1] ?? 0);
    for (let i = 2; i < clipped.length; i += 2) writer.lineTo(clipped[i] ?? 0, clipped[i + 1] ?? 0);
    writer.closePath();
  }

  private projectInto(xyz: Float64Array, at: number, out: Float64Array, to: number): void {
    const x = xyz[at] ?? 0;
    const y = xyz[at + 1] ?? 0;
    const z = xyz[at + 2] ?? 0;
    const [cx, cy, cz] = this.centre;
    const [ex, ey] = this.east;
    const [nx, ny, nz] = this.north;
    const k = Math.sqrt(2 / (1 + x * cx + y * cy + z * cz));
    out[to] = this.translate[0] + this.scale * k * (x * ex + y * ey);
    out[to + 1] = this.translate[1] - this.scale * k * (x * nx + y * ny + z * nz);
  }
}

/** A closed ring of x, y pairs clipped to a box, edge by edge (Sutherland–Hodgman); unchanged when inside. */
function clipToBox(points: Float64Array, x0: number, y0: number, x1: number, y1: number): ArrayLike<number> {
  let inside = true;
  for (let i = 0; i < points.length && inside; i += 2) {
    const x = points[i] ?? 0;
    const y = points[i + 1] ?? 0;
    inside = x >= x0 && x <= x1 && y >= y0 && y <= y1;
  }
  if (inside) return points;
  let ring: ArrayLike<number> = points;
  ring = clipEdge(ring, (x) => x >= x0, (ax, ay, bx, by) => [x0, ay + ((by - ay) * (x0 - ax)) / (bx - ax)], true);
  ring = clipEdge(ring, (x) => x <= x1, (ax, ay, bx, by) => [x1, ay + ((by - ay) * (x1 - ax)) / (bx - ax)], true);
  ring = clipEdge(ring, (y) => y >= y0, (ax, ay, bx, by) => [ax + ((bx - ax) * (y0 - ay)) / (by - ay), y0], false);
  ring = clipEdge(ring, (y) => y <= y1, (ax, ay, bx, by) => [ax + ((bx - ax) * (y1 - ay)) / (by - ay), y1], false);
  return ring;
}

function clipEdge(
  ring: ArrayLike<number>,
  keep: (value: number) => boolean,
  cross: (ax: number, ay: number, bx: number, by: number) => [number, number],
  onX: boolean,
): number[] {
  const out: number[] = [];
  const n = ring.length;
  if (n === 0) return out;
  let px = ring[n - 2] ?? 0;
  let py = ring[n - 1] ?? 0;
  let pIn = keep(onX ? px : py);
  for (let i = 0; i < n; i += 2) {
    const x = ring[i] ?? 0;
    const y = ring[i + 1] ?? 0;
    const inNow = keep(onX ? x : y);
    if (inNow !== pIn) out.push(...cross(px, py, x, y));
    if (inNow) out.push(x, y);
    px = x;
    py = y;
    pIn = inNow;
  }
  return out;
}

/** Several polygons as one MultiPolygon, leaving out those simplification removes. */
export function multiPolygon(polygons: readonly IndexedPolygon[], tolerance: number): MultiPolygon {
  const coordinates: Position[][][] = [];
  for (const polygon of polygons) {
    const rings = simplifyPolygon(polygon, tolerance);
    if (rings) coordinates.push(rings);
  }
  return { type: 'MultiPolygon', coordinates };
}

/** `items` grouped by `key`, groups in order of first appearance. */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
