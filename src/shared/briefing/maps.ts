import {
  geoAzimuthalEqualArea,
  geoCircle,
  geoEqualEarth,
  geoGraticule,
  geoInterpolate,
  type GeoProjection,
} from 'd3-geo';
import type { Geometry } from 'geojson';
import { escapeHtml } from '../html';
import {
  angle,
  FastAzimuthal,
  groupBy,
  mainPolygons,
  multiPolygon,
  num,
  polygonsPath,
  remember,
  shapeIndex,
  simplifyPolygon,
  svgPath,
  unitVector,
  withoutSphereClip,
  type IndexedPolygon,
  type Route,
  type ShapeIndex,
  type Shapes,
} from './geo';

/** Mean Earth radius, for distances between capitals. */
export const EARTH_RADIUS_KM = 6371.0088;
/** Capitals further apart than this get a locator of the country alone plus a world inset. */
const FAR_APART_DEGREES = 45;
/** The locator shows at least this much round a country, in degrees, so it has surroundings (more for a speck such as an island state). */
const MIN_RADIUS_DEGREES = 6;
const SPECK_RADIUS_DEGREES = 12;
const MAX_RADIUS_DEGREES = 40;
/** World maps are centred on the Pacific, as Korean world maps are, so Korea and its partners sit clear of the edge. */
const WORLD_CENTRE_LONGITUDE = 150;

const LOCATOR_WIDTH = 600;
const LOCATOR_HEIGHT = 450;
const COVER_WIDTH = 1000;

const INK = '#20242a';
const LAND = '#e8e4dc';
const OCEAN = '#eef3f6';
const GRATICULE = '#d3dde4';

/** A point a map marks: a capital, or a country's centre where its capital is not known. */
export interface MapPlace {
  lon: number;
  lat: number;
  label: string;
  kind: 'capital' | 'centre';
}

/** One of the two countries a locator map is about. */
export interface LocatorCountry {
  id: string;
  colour: string;
  place: MapPlace | null;
}

/** What the locator map shows and how it names things. */
export interface LocatorSpec {
  shapes: Shapes;
  subject: LocatorCountry;
  home: LocatorCountry;
  /** Accessible description of the whole map. */
  description: string;
}

/** A drawn locator map and what its caption should say. */
export interface LocatorMap {
  svg: string;
  /** Whether the two are far apart: the locator shows the country alone and a world inset shows both. */
  far: boolean;
  /** Great-circle distance between the two places, in km; null for the home country or without places. */
  distanceKm: number | null;
}

/**
 * A locator map of a country and South Korea: an azimuthal equal-area view centred between them with
 * the great-circle line joining their capitals, or, when they are far apart, the country and its
 * surroundings (the line leaving towards Korea) with a world inset showing both.
 */
export function locatorMap(spec: LocatorSpec): LocatorMap {
  const index = shapeIndex(spec.shapes);
  const { subject, home } = spec;
  const isHome = subject.id === home.id;
  const a = subject.place;
  const b = home.place;
  const distance = !isHome && a && b ? angle([a.lon, a.lat], [b.lon, b.lat]) : null;
  const far = distance !== null && (distance * 180) / Math.PI > FAR_APART_DEGREES;
  const line: Geometry | null = !isHome && a && b ? greatCircle([a.lon, a.lat], [b.lon, b.lat]) : null;

  const subjectMain = mainPolygons(index, subject.id);
  const homeMain = isHome || far ? [] : mainPolygons(index, home.id);
  const focus = focusPoint(subjectMain, a, !far && !isHome ? b : null);
  const frame: Geometry[] = [
    multiPolygon(subjectMain, 0.05),
    multiPolygon(homeMain, 0.05),
    geoCircle().center(focus).radius(far || isHome ? surroundings(subjectMain[0]) : MIN_RADIUS_DEGREES)(),
    ...(a ? [{ type: 'Point', coordinates: [a.lon, a.lat] } as Geometry] : []),
    ...(line && !far ? [line] : []),
  ];

  const pad = 26;
  // No adaptive resampling: the shapes are dense enough, and lines and graticule are densified here.
  const fitted = geoAzimuthalEqualArea()
    .rotate([-focus[0], -focus[1]])
    .precision(0)
    .fitExtent(
      [
        [pad, pad],
        [LOCATOR_WIDTH - pad, LOCATOR_HEIGHT - pad],
      ],
      { type: 'GeometryCollection', geometries: frame },
    );
  const frameExtent: [[number, number], [number, number]] = [
    [0, 0],
    [LOCATOR_WIDTH, LOCATOR_HEIGHT],
  ];
  const projection = fitted.clipExtent(frameExtent);
  // The graticule stays within the view's circle, so it needs the frame's clipping only.
  const edgeOnly = withoutSphereClip(
    geoAzimuthalEqualArea().rotate(fitted.rotate()).precision(0).scale(fitted.scale()).translate(fitted.translate()).clipExtent(frameExtent),
  );
  const view = viewCircle(projection, focus);
  const fast = new FastAzimuthal(focus, fitted.scale(), fitted.translate(), LOCATOR_WIDTH, LOCATOR_HEIGHT);
  const route: Route = (polygon) => {
    if (angle(view.centre, polygon.centroid) - polygon.radius > view.radius) return null;
    if (!onMap(projection, polygon)) return null;
    // Only a polygon reaching round the globe to near the point opposite the centre needs d3-geo's clipping.
    return angle(focus, polygon.centroid) + polygon.radius > 0.95 * Math.PI ? projection : fast;
  };
  const layers: string[] = [
    `<rect width="${LOCATOR_WIDTH}" height="${LOCATOR_HEIGHT}" fill="${OCEAN}"/>`,
    `<path d="${svgPath(view.radius < (2 * Math.PI) / 3 ? edgeOnly : projection, graticuleWithin(view), 0.5)}" fill="none" stroke="${GRATICULE}" stroke-width=".6"/>`,
    countryPaths(projection.scale(), index.polygons, route, subject, home),
  ];
  if (line) layers.push(`<path class="great-circle" d="${svgPath(projection, line, 0.3)}" fill="none" stroke="${INK}" stroke-width="1.6" stroke-dasharray="6 4" stroke-linecap="round"/>`);
  layers.push(smallCountryRing(projection, subjectMain, subject));
  const placed = [a, isHome ? null : b].filter((place): place is MapPlace => place !== null);
  const projected = placed.map((place) => projection([place.lon, place.lat]));
  layers.push(...placed.map((place, i) => placeMarker(place, projected[i] ?? null, projected[1 - i] ?? null, LOCATOR_WIDTH)));
  if (far) layers.push(worldInset(spec.shapes, subject, home, line, fast, subjectMain));
  layers.push(`<rect x=".5" y=".5" width="${LOCATOR_WIDTH - 1}" height="${LOCATOR_HEIGHT - 1}" fill="none" stroke="#8d939b" stroke-width="1"/>`);

  const svg =
    `<svg class="locator" viewBox="0 0 ${LOCATOR_WIDTH} ${LOCATOR_HEIGHT}" role="img" aria-label="${escapeHtml(spec.description)}">` +
    layers.join('') +
    '</svg>';
  return { svg, far, distanceKm: distance === null ? null : distance * EARTH_RADIUS_KM };
}

/** How far round the country's centre the locator reaches: its own size and some, within bounds. */
function surroundings(largest: IndexedPolygon | undefined): number {
  const radius = ((largest?.radius ?? 0) * 180) / Math.PI;
  if (radius < 1) return SPECK_RADIUS_DEGREES;
  return Math.min(MAX_RADIUS_DEGREES, Math.max(MIN_RADIUS_DEGREES, radius * 1.35));
}

/** Meridians and parallels every 10° as points every two degrees, with their unit vectors for quick angle tests. */
const GRATICULE_LINES: readonly { points: [number, number][]; vectors: Float64Array }[] = (() => {
  const line = (points: [number, number][]) => {
    const vectors = new Float64Array(points.length * 3);
    points.forEach(([lon, lat], i) => vectors.set(unitVector(lon, lat), i * 3));
    return { points, vectors };
  };
  const lines = [];
  for (let lon = -180; lon < 180; lon += 10) lines.push(line(Array.from({ length: 81 }, (_, i): [number, number] => [lon, -80 + i * 2])));
  for (let lat = -80; lat <= 80; lat += 10) lines.push(line(Array.from({ length: 181 }, (_, i): [number, number] => [-180 + i * 2, lat])));
  return lines;
})();

/** The graticule where the view can show it: runs of each line within the view's circle. */
function graticuleWithin(view: { centre: [number, number]; radius: number }): Geometry {
  const [cx, cy, cz] = unitVector(view.centre[0], view.centre[1]);
  const threshold = Math.cos(Math.min(Math.PI, view.radius + 0.05));
  const runs: [number, number][][] = [];
  for (const { points, vectors } of GRATICULE_LINES) {
    let start = -1;
    for (let i = 0; i <= points.length; i++) {
      const inside = i < points.length && (vectors[i * 3] ?? 0) * cx + (vectors[i * 3 + 1] ?? 0) * cy + (vectors[i * 3 + 2] ?? 0) * cz >= threshold;
      if (inside && start < 0) start = i;
      if (!inside && start >= 0) {
        if (i - start > 1) runs.push(points.slice(start, i));
        start = -1;
      }
    }
  }
  return { type: 'MultiLineString', coordinates: runs };
}

/** The great circle from `a` to `b` as a line with a point every degree, so it stays curved without resampling. */
function greatCircle(a: [number, number], b: [number, number]): Geometry {
  const steps = Math.max(2, Math.ceil((angle(a, b) * 180) / Math.PI));
  const at = geoInterpolate(a, b);
  return { type: 'LineString', coordinates: Array.from({ length: steps + 1 }, (_, i) => at(i / steps)) };
}

function focusPoint(subjectMain: readonly IndexedPolygon[], subjectPlace: MapPlace | null, homePlace: MapPlace | null): [number, number] {
  const own: [number, number] = subjectMain[0]?.centroid ?? (subjectPlace ? [subjectPlace.lon, subjectPlace.lat] : [0, 0]);
  if (!homePlace) return own;
  return geoInterpolate(own, [homePlace.lon, homePlace.lat])(0.5);
}

/**
 * Whether a polygon can show on the locator: big enough to see (a speck would be dropped anyway) and
 * not wholly off the frame. Near the centre of an azimuthal equal-area view no direction is stretched
 * by more than √2, which bounds where the polygon can fall around its projected centre.
 */
function onMap(projection: GeoProjection, polygon: IndexedPolygon): boolean {
  const reach = polygon.radius * projection.scale();
  if (reach < 0.5) return false;
  if (polygon.radius > Math.PI / 4) return true;
  const at = projection(polygon.centroid);
  if (!at) return true;
  const margin = reach * Math.SQRT2;
  return !(at[0] + margin < 0 || at[0] - margin > LOCATOR_WIDTH || at[1] + margin < 0 || at[1] - margin > LOCATOR_HEIGHT);
}

/** The circle on the globe the map can show: culling anything outside it keeps the SVG small. */
function viewCircle(projection: GeoProjection, centre: [number, number]): { centre: [number, number]; radius: number } {
  let radius = 0;
  for (const corner of [
    [0, 0],
    [LOCATOR_WIDTH, 0],
    [0, LOCATOR_HEIGHT],
    [LOCATOR_WIDTH, LOCATOR_HEIGHT],
  ] as const) {
    const point = projection.invert?.([corner[0], corner[1]]);
    if (!point || !Number.isFinite(point[0]) || !Number.isFinite(point[1])) return { centre, radius: Math.PI };
    radius = Math.max(radius, angle(centre, point));
  }
  return { centre, radius: radius + 0.01 };
}

function countryPaths(scale: number, polygons: readonly IndexedPolygon[], route: Route, subject: LocatorCountry, home: LocatorCountry): string {
  // A unit and a half of the map (about a quarter of a millimetre on paper), in degrees: finer detail does not show in print.
  const degrees = (1.5 / scale) * (180 / Math.PI);
  const byId = groupBy(polygons, (polygon) => polygon.id);
  const others = polygonsPath(
    polygons.filter((polygon) => polygon.id !== subject.id && polygon.id !== home.id),
    degrees,
    route,
    1,
  );
  const highlight = (country: LocatorCountry, role: string, width: string) => {
    const d = polygonsPath(byId.get(country.id) ?? [], degrees, route, 0.8);
    return d === '' ? '' : `<path class="${role}" data-id="${escapeHtml(country.id)}" d="${d}" fill="${country.colour}" stroke="${INK}" stroke-width="${width}" stroke-linejoin="round"/>`;
  };
  const homePath = home.id === subject.id ? '' : highlight(home, 'home', '.9');
  return `<path class="land" d="${others}" fill="${LAND}" stroke="#fff" stroke-width=".8" stroke-linejoin="round"/>${homePath}${highlight(subject, 'subject', '1.5')}`;
}

/** A ring round a country too small to see at the map's scale, such as an island state, or one the map data lacks. */
function smallCountryRing(projection: GeoProjection, polygons: readonly IndexedPolygon[], subject: LocatorCountry): string {
  const largest = polygons[0];
  if (largest && largest.radius * projection.scale() * 2 >= 14) return '';
  const where: [number, number] | null = largest ? largest.centroid : subject.place ? [subject.place.lon, subject.place.lat] : null;
  const centre = where ? projection(where) : null;
  if (!centre) return '';
  const [x, y] = [num(centre[0]), num(centre[1])];
  return `<circle class="ring" cx="${x}" cy="${y}" r="16" fill="none" stroke="${INK}" stroke-width="1.4"/><circle cx="${x}" cy="${y}" r="16" fill="none" stroke="${subject.colour}" stroke-width=".8" stroke-dasharray="3 2"/>`;
}

function placeMarker(place: MapPlace, at: [number, number] | null, other: [number, number] | null, width: number): string {
  if (!at) return '';
  const [x, y] = at;
  // Label on the side away from the other place, unless that runs off the map.
  let left = other !== null && other[0] > x;
  if (x > width * 0.78) left = true;
  if (x < width * 0.22) left = false;
  const dx = left ? -8 : 8;
  const marker =
    place.kind === 'capital'
      ? `<circle cx="${num(x)}" cy="${num(y)}" r="4" fill="#fff" stroke="${INK}" stroke-width="1.6"/><circle cx="${num(x)}" cy="${num(y)}" r="1.4" fill="${INK}"/>`
      : `<path d="M${num(x - 4.5)} ${num(y)}h9M${num(x)} ${num(y - 4.5)}v9" stroke="${INK}" stroke-width="1.6"/>`;
  return `${marker}<text class="map-label" x="${num(x + dx)}" y="${num(y + 5)}" text-anchor="${left ? 'end' : 'start'}">${escapeHtml(place.label)}</text>`;
}

interface WorldPaths {
  width: number;
  height: number;
  projection: GeoProjection;
  sphere: string;
  graticule: string;
  /** Country id → path data. */
  countries: Map<string, string>;
}

const worldCache = new WeakMap<ShapeIndex, Map<string, WorldPaths>>();

/** The whole world in Equal Earth, centred on the Pacific, `width` units wide with `detail` units of detail; computed once per shapes, width and detail. */
export function worldPaths(shapes: Shapes, width: number, detail: number): WorldPaths {
  return remember(worldCache, shapeIndex(shapes), `${width}/${detail}`, () => drawWorld(shapeIndex(shapes), width, detail));
}

function drawWorld(index: ShapeIndex, width: number, detail: number): WorldPaths {
  const projection = geoEqualEarth().rotate([-WORLD_CENTRE_LONGITUDE, 0]).precision(0).fitWidth(width - 2, { type: 'Sphere' });
  projection.translate([projection.translate()[0] + 1, projection.translate()[1] + 1]);
  const bare = withoutSphereClip(geoEqualEarth().rotate(projection.rotate()).precision(0).scale(projection.scale()).translate(projection.translate()));
  const bounds = svgBounds(projection);
  const degrees = (detail / projection.scale()) * (180 / Math.PI);
  // The map's edge is the meridian opposite its centre: only shapes crossing it need clipping.
  const edge = WORLD_CENTRE_LONGITUDE - 180;
  const route: Route = (polygon) => {
    if (polygon.radius * projection.scale() < 0.25) return null;
    return polygon.box[0] <= edge && polygon.box[2] >= edge ? projection : bare;
  };
  const countries = new Map<string, string>();
  for (const [id, polygons] of groupBy(index.polygons, (polygon) => polygon.id)) {
    const d = polygonsPath(polygons, degrees, route, detail);
    if (d !== '') countries.set(id, d);
  }
  return {
    width,
    height: Math.ceil(bounds + 2),
    projection,
    sphere: svgPath(projection.precision(0.5), { type: 'Sphere' }, 0.5),
    graticule: svgPath(projection, geoGraticule().step([30, 30]).precision(1)(), 0.5),
    countries,
  };
}

function svgBounds(projection: GeoProjection): number {
  const south = projection([WORLD_CENTRE_LONGITUDE, -90]);
  return south ? south[1] : projection.scale() * 2;
}

const INSET_WIDTH = 236;

function worldInset(
  shapes: Shapes,
  subject: LocatorCountry,
  home: LocatorCountry,
  line: Geometry | null,
  locator: FastAzimuthal,
  subjectMain: readonly IndexedPolygon[],
): string {
  const world = worldPaths(shapes, INSET_WIDTH, 1.6);
  const [x, y] = insetCorner(locator, subjectMain, line, world.width, world.height);
  const parts: string[] = [
    `<path d="${world.sphere}" fill="${OCEAN}" stroke="#8d939b" stroke-width=".8"/>`,
    `<path d="${[...world.countries].filter(([id]) => id !== subject.id && id !== home.id).map(([, d]) => d).join('')}" fill="#d9d4ca"/>`,
  ];
  for (const country of [home, subject]) {
    const d = world.countries.get(country.id);
    if (d) parts.push(`<path class="inset-${country === subject ? 'subject' : 'home'}" d="${d}" fill="${country.colour}" stroke="${INK}" stroke-width=".4"/>`);
  }
  if (line) parts.push(`<path class="great-circle" d="${svgPath(world.projection, line, 0.3)}" fill="none" stroke="${INK}" stroke-width="1.1" stroke-dasharray="3 2"/>`);
  for (const country of [home, subject]) {
    const at = country.place ? world.projection([country.place.lon, country.place.lat]) : null;
    if (at) parts.push(`<circle cx="${num(at[0])}" cy="${num(at[1])}" r="2.4" fill="#fff" stroke="${INK}" stroke-width="1.1"/>`);
  }
  return (
    `<g class="inset" transform="translate(${num(x)} ${num(y)})">` +
    `<rect x="-4" y="-4" width="${world.width + 8}" height="${world.height + 8}" fill="#fff" stroke="#8d939b" stroke-width=".8"/>` +
    parts.join('') +
    '</g>'
  );
}

/**
 * The corner of the locator where the inset hides least: fewest points of the country's outline
 * under it, then fewest of the great-circle line, bottom corners first.
 */
function insetCorner(
  locator: FastAzimuthal,
  subjectMain: readonly IndexedPolygon[],
  line: Geometry | null,
  width: number,
  height: number,
): [number, number] {
  const margin = 10;
  const corners: [number, number][] = [
    [margin, LOCATOR_HEIGHT - height - margin],
    [LOCATOR_WIDTH - width - margin, LOCATOR_HEIGHT - height - margin],
    [margin, margin],
    [LOCATOR_WIDTH - width - margin, margin],
  ];
  const outline = subjectMain.flatMap((polygon) => simplifyPolygon(polygon, 0.25)?.[0] ?? []).map(([lon = 0, lat = 0]) => locator.project(lon, lat));
  const route = line?.type === 'LineString' ? line.coordinates.map(([lon = 0, lat = 0]) => locator.project(lon, lat)) : [];
  const under = (points: readonly [number, number][], [x, y]: [number, number]) =>
    points.filter(([px, py]) => px >= x - 6 && px <= x + width + 6 && py >= y - 6 && py <= y + height + 6).length;
  let best = corners[0] as [number, number];
  let bestScore = Infinity;
  for (const corner of corners) {
    const score = under(outline, corner) * 10 + under(route, corner);
    if (score < bestScore) {
      best = corner;
      bestScore = score;
    }
  }
  return best;
}

/** A world map with each country filled in the colour `colourOf` gives it, and a ring round `home` (the atlas cover). */
export function worldMap(shapes: Shapes, colourOf: (id: string) => string, description: string, home: MapPlace | null): string {
  const world = worldPaths(shapes, COVER_WIDTH, 1.2);
  const byColour = groupBy([...world.countries], ([id]) => colourOf(id));
  const fills = [...byColour].map(([colour, entries]) => `<path d="${entries.map(([, d]) => d).join('')}" fill="${colour}" stroke="#fff" stroke-width=".5" stroke-linejoin="round"/>`);
  const at = home ? world.projection([home.lon, home.lat]) : null;
  const ring = at ? `<circle class="home-ring" cx="${num(at[0])}" cy="${num(at[1])}" r="11" fill="none" stroke="${INK}" stroke-width="1.6"/>` : '';
  return (
    `<svg class="world" viewBox="0 0 ${COVER_WIDTH} ${world.height}" role="img" aria-label="${escapeHtml(description)}">` +
    `<path d="${world.sphere}" fill="${OCEAN}"/>` +
    `<path d="${world.graticule}" fill="none" stroke="${GRATICULE}" stroke-width=".6"/>` +
    fills.join('') +
    ring +
    `<path d="${world.sphere}" fill="none" stroke="#8d939b" stroke-width="1"/>` +
    '</svg>'
  );
}
