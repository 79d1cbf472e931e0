import { geoDistance, geoInterpolate } from 'd3-geo';
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { TierId } from '../../../shared/atlas';
import { nearestCopy } from './camera';

/** The tiers drawn with a line from Seoul when the lines are on: alliance through partner. */
export const LINE_TIERS: readonly TierId[] = ['alliance', 'comprehensive-strategic', 'strategic', 'partner'];

/** Properties of one relationship line. */
export interface RelationLineProperties {
  /** The partner country's id. */
  id: string;
  tier: TierId;
  colour: string;
}

export type RelationLines = FeatureCollection<LineString, RelationLineProperties>;

/** A line's end: a capital, or the country's label point where it has none. */
export interface LineEnd {
  lon: number;
  lat: number;
}

/** Points per line: enough for a smooth curve at the zooms a line is seen whole. */
const STEPS = 64;

/**
 * The great circle from `from` to `to` as one run of longitudes: it starts at `from`'s own
 * longitude and never jumps by 360°, so where it crosses the antimeridian its longitudes go on past
 * ±180. MapLibre (with the world repeated sideways, as this map is) draws such a line unbroken into
 * the next copy of the world, which is where the country it ends at is seen from Korea.
 */
export function greatCircle(from: LineEnd, to: LineEnd, steps = STEPS): [number, number][] {
  const interpolate = geoInterpolate([from.lon, from.lat], [to.lon, to.lat]);
  const points: [number, number][] = [];
  let previous = from.lon;
  for (let i = 0; i <= steps; i++) {
    const [lon, lat] = interpolate(i / steps);
    const unwrapped = i === 0 ? from.lon : nearestCopy(lon, previous);
    points.push([round(unwrapped), round(lat)]);
    previous = unwrapped;
  }
  return points;
}

/**
 * One line from home's capital to each country shown in a tier of `tiers`, coloured as the map
 * colours the country (`colourOf`). A country without a known capital is joined at `fallback` (its
 * label point); one with neither, or one too near home to draw a line to, gets none.
 */
export function relationLines(options: {
  home: LineEnd | null;
  countries: Iterable<string>;
  tierOf: (id: string) => TierId;
  colourOf: (id: string) => string | undefined;
  capitalOf: (id: string) => LineEnd | null;
  fallback: (id: string) => LineEnd | null;
  tiers?: readonly TierId[];
}): RelationLines {
  const { home, tierOf, colourOf, capitalOf, fallback } = options;
  const tiers = new Set(options.tiers ?? LINE_TIERS);
  const features: Feature<LineString, RelationLineProperties>[] = [];
  if (home) {
    for (const id of options.countries) {
      const tier = tierOf(id);
      const colour = colourOf(id);
      if (!tiers.has(tier) || colour === undefined) continue;
      const end = capitalOf(id) ?? fallback(id);
      // Under a tenth of a degree the line would be a dot on Seoul.
      if (!end || geoDistance([home.lon, home.lat], [end.lon, end.lat]) < 0.0017) continue;
      features.push({ type: 'Feature', id, properties: { id, tier, colour }, geometry: { type: 'LineString', coordinates: greatCircle(home, end) } });
    }
  }
  // Stronger tiers drawn last, on top.
  const rank = (tier: TierId) => (options.tiers ?? LINE_TIERS).indexOf(tier);
  features.sort((a, b) => rank(b.properties.tier) - rank(a.properties.tier) || (a.properties.id < b.properties.id ? -1 : 1));
  return { type: 'FeatureCollection', features };
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}
