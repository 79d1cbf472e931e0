declare module 'polylabel' {
  /** Pole of inaccessibility of a polygon given as rings of [x, y]; `distance` is added to the point. */
  export default function polylabel(polygon: number[][][], precision?: number): [number, number] & { distance: number };
}

declare module 'd3-geo-projection' {
  import type { GeoProjection } from 'd3-geo';
  /** Projects a GeoJSON object, clipping and resampling as the projection does. */
  export function geoProject<T>(object: T, projection: GeoProjection): T;
}
