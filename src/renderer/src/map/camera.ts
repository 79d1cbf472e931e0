/**
 * The camera's arithmetic, kept apart from MapLibre so it can be tested on its own: the home view
 * (Korea and the Pacific in the middle), which copy of the world a place is drawn in, the part of
 * the map that the panel and the legend leave free, and the view that frames a country in it.
 *
 * Web Mercator with MapLibre's 512-pixel tiles: at zoom z the world is 512 · 2^z pixels wide, and
 * x, y below are in world units (0..1 across one copy of the world; x goes on past 1 into the next
 * copy, which is how a view centred on the Pacific reaches the Americas).
 */

/** The longitude the home view is centred on, as the atlas cover is: the Pacific, with Korea left of the middle. */
export const HOME_LONGITUDE = 150;
/** Latitudes the home view keeps in sight when it can: from Svalbard to Cape Horn. */
export const HOME_LATITUDES: readonly [north: number, south: number] = [78, -56];
/** The map's tile size in pixels (MapLibre's default). */
const TILE = 512;
/** Mercator's limit, where MapLibre stops. */
const MAX_LATITUDE = 85.051129;

export interface Size {
  width: number;
  height: number;
}

/** Pixels kept clear on each side of the map (MapLibre's padding shape). */
export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A rectangle on the map, in pixels from its top-left corner. */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Camera {
  center: [number, number];
  zoom: number;
}

export const NO_INSETS: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

export function mercatorX(lon: number): number {
  return (lon + 180) / 360;
}

export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  return (1 - Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) / Math.PI) / 2;
}

export function longitudeOf(x: number): number {
  return x * 360 - 180;
}

export function latitudeOf(y: number): number {
  return (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;
}

/**
 * The copy of `lon` nearest to `reference` (within 180° of it): with the world repeated sideways,
 * this is where a place is seen from a view centred on `reference`.
 */
export function nearestCopy(lon: number, reference: number): number {
  return lon + 360 * Math.round((reference - lon) / 360);
}

/** A longitude between -180 and 180 (for what is stored: the session's camera). */
export function wrapLongitude(lon: number): number {
  const wrapped = ((((lon + 180) % 360) + 360) % 360) - 180;
  return wrapped === -180 && lon > 0 ? 180 : wrapped;
}

/**
 * A bounding box [west, south, east, north] as one run of longitudes (east past 180 when the box
 * crosses the antimeridian), moved to the copy of the world whose middle is nearest `reference`.
 */
export function unwrapBox(bbox: readonly [number, number, number, number], reference: number): [number, number, number, number] {
  const [west, south, rawEast, north] = bbox;
  const east = rawEast < west ? rawEast + 360 : rawEast;
  const middle = (west + east) / 2;
  const shift = nearestCopy(middle, reference) - middle;
  return [west + shift, south, east + shift, north];
}

/** The lowest zoom at which one copy of the world is at least as wide as the map: below it the world would show twice. */
export function minZoomFor(width: number): number {
  return Math.log2(Math.max(1, width) / TILE);
}

/**
 * What the obstacles (the panel, the legend) leave of the map, as insets: each obstacle in the way
 * is cut off by the side that keeps the largest free rectangle, the largest obstacle first.
 */
export function freeInsets(size: Size, obstacles: readonly Rect[]): Insets {
  let free = { left: 0, top: 0, right: size.width, bottom: size.height };
  const ordered = [...obstacles].filter((rect) => rect.width > 0 && rect.height > 0).sort((a, b) => b.width * b.height - a.width * a.height);
  for (const rect of ordered) {
    const right = rect.left + rect.width;
    const bottom = rect.top + rect.height;
    if (rect.left >= free.right || right <= free.left || rect.top >= free.bottom || bottom <= free.top) continue;
    const candidates = [
      { ...free, right: Math.min(free.right, rect.left) },
      { ...free, left: Math.max(free.left, right) },
      { ...free, bottom: Math.min(free.bottom, rect.top) },
      { ...free, top: Math.max(free.top, bottom) },
    ];
    const area = (r: typeof free) => Math.max(0, r.right - r.left) * Math.max(0, r.bottom - r.top);
    free = candidates.reduce((best, candidate) => (area(candidate) > area(best) ? candidate : best));
  }
  return { left: free.left, top: free.top, right: size.width - free.right, bottom: size.height - free.bottom };
}

/** The free part's size, never below a few pixels (a panel as wide as the map leaves almost nothing). */
function freeSize(size: Size, insets: Insets): Size {
  return { width: Math.max(40, size.width - insets.left - insets.right), height: Math.max(40, size.height - insets.top - insets.bottom) };
}

/**
 * The camera centre that puts the world point (x, y) at the middle of the free part of the map at
 * `zoom` (MapLibre's centre is the middle of the whole map; the insets shift where that is).
 */
function centreFor(x: number, y: number, zoom: number, size: Size, insets: Insets): [number, number] {
  const world = TILE * 2 ** zoom;
  const dx = (insets.left - insets.right) / 2 / world;
  const dy = (insets.top - insets.bottom) / 2 / world;
  return [longitudeOf(x - dx), latitudeOf(Math.max(0, Math.min(1, y - dy)))];
}

/**
 * The home view: the whole width of the world once (no copy shows twice), centred on the Pacific,
 * and the latitudes of HOME_LATITUDES in the middle of what the legend leaves free below.
 */
export function homeCamera(size: Size, insets: Insets = NO_INSETS): Camera {
  const zoom = minZoomFor(size.width);
  const [north, south] = HOME_LATITUDES;
  const y = (mercatorY(north) + mercatorY(south)) / 2;
  return { center: centreFor(mercatorX(HOME_LONGITUDE), y, zoom, size, { ...insets, left: 0, right: 0 }), zoom };
}

/**
 * The camera that frames a box (as `unwrapBox` gives it) in the free part of the map, with `margin`
 * pixels round it, no closer than `maxZoom` and no further out than `minZoom`: the box's middle at
 * the free part's middle.
 */
export function frameBox(
  box: readonly [number, number, number, number],
  size: Size,
  insets: Insets,
  options: { maxZoom: number; minZoom: number; margin?: number; context?: number },
): Camera {
  // Some surroundings: the box grows by `context` of its size on each side (a largest part, such
  // as Honshu, then shows its neighbours, such as Hokkaido and Kyushu).
  const context = 1 + 2 * (options.context ?? 0.2);
  const [west, south, east, north] = box;
  const margin = options.margin ?? 40;
  const free = freeSize(size, insets);
  const width = Math.max(1e-9, mercatorX(east) - mercatorX(west)) * context;
  const height = Math.max(1e-9, mercatorY(south) - mercatorY(north)) * context;
  const fit = Math.log2(Math.min(Math.max(20, free.width - 2 * margin) / (width * TILE), Math.max(20, free.height - 2 * margin) / (height * TILE)));
  const zoom = Math.max(options.minZoom, Math.min(options.maxZoom, fit));
  const x = (mercatorX(west) + mercatorX(east)) / 2;
  const y = (mercatorY(north) + mercatorY(south)) / 2;
  return { center: centreFor(x, y, zoom, size, insets), zoom };
}

/**
 * How far (in pixels) to move the map so that `point` (a pixel of the map) lies in the free part,
 * `margin` pixels inside its edge: null when it already does. A point out of the free part is
 * brought to its middle, as a country opened where the panel opens is slid out from under it.
 */
export function revealOffset(point: { x: number; y: number }, size: Size, insets: Insets, margin = 24): { dx: number; dy: number } | null {
  const inside =
    point.x >= insets.left + margin &&
    point.x <= size.width - insets.right - margin &&
    point.y >= insets.top + margin &&
    point.y <= size.height - insets.bottom - margin;
  if (inside) return null;
  const free = freeSize(size, insets);
  return { dx: point.x - (insets.left + free.width / 2), dy: point.y - (insets.top + free.height / 2) };
}
