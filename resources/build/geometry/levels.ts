import { prepareGeometry, type FeatureIdResolver, type PreparedGeometry } from './prepare';
import { simplifyTopology } from './simplify';

/** The Natural Earth resolutions (world-atlas files) the map and the bench use. */
export type DetailLevel = '110m' | '50m' | '10m';

/** How a resolution is prepared for the map. */
export interface LevelOptions {
  /** Decimals kept in the coordinates (degrees). */
  decimals: number;
  /** Douglas–Peucker tolerance in degrees of longitude (Web Mercator), or 0 to keep every point. */
  tolerance: number;
}

/**
 * 50m draws the world up to zoom 4 (FINE_ZOOM), 10m from there to the map's zoom 9. The 10m data
 * is quantised on a grid of 0.0036° by 0.0017°, so at zoom 9 (0.0014° a pixel) it is already
 * coarser than the screen: its shapes are simplified within half a step of that grid (0.0018°,
 * about a pixel at zoom 9 and a sixth of one at zoom 6, where a country's close-up flies to) and
 * rounded to 0.001°, which drops a sixth of its points and a quarter of its bytes. That is what
 * MapLibre's worker parses and indexes when the map first zooms in.
 */
export const DETAIL_LEVELS: Record<DetailLevel, LevelOptions> = {
  '110m': { decimals: 3, tolerance: 0 },
  '50m': { decimals: 3, tolerance: 0 },
  '10m': { decimals: 3, tolerance: 0.0018 },
};

/** A world-atlas topology at `level`, prepared (and simplified) as the app ships it. */
export function prepareLevel(topology: unknown, resolveId: FeatureIdResolver, level: DetailLevel): PreparedGeometry {
  const { decimals, tolerance } = DETAIL_LEVELS[level];
  const source = tolerance > 0 ? simplifyTopology(topology as Parameters<typeof simplifyTopology>[0], tolerance) : topology;
  return prepareGeometry(source, resolveId, decimals);
}
