declare module 'd3-geo-projection' {
  import type { GeoProjection } from 'd3-geo';
  /** Projects a GeoJSON object, clipping and resampling as the projection does. */
  export function geoProject<T>(object: T, projection: GeoProjection): T;
}
