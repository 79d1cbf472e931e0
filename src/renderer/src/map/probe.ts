import type { Map as MapLibreMap } from 'maplibre-gl';
import { nearestCopy, unwrapBox, wrapLongitude } from './camera';
import type { Place } from './geometry';
import { RELATION_LAYER } from './style';

/**
 * A read-only window onto the map for automation (the e2e suite and `npm run bench`): where a
 * country's label point is on screen, and when the map has finished drawing. It grants nothing a
 * page script could not already see.
 */
export interface AtlasProbe {
  /** Resolves once the map has loaded and drawn everything it has (MapLibre's `idle`). */
  whenIdle(): Promise<void>;
  /**
   * Viewport pixel of a country's label point, or null if it has none or is off screen. The world
   * repeats sideways: this is the copy nearest the middle of the view, the one a user sees.
   */
  screenPoint(id: string): { x: number; y: number } | null;
  /** The camera, its centre's longitude between -180 and 180. */
  view(): { center: [number, number]; zoom: number };
  /** Viewport pixel of any longitude/latitude (its copy nearest the middle of the view). */
  project(lon: number, lat: number): { x: number; y: number };
  /** The viewport box of a country's bounding box (its largest part, the copy nearest the view), or null if it has none. */
  screenBox(id: string): { left: number; top: number; right: number; bottom: number } | null;
  /** The relationship lines drawn now: each partner's id and line colour. */
  renderedLines(): { id: string; colour: string }[];
  /** Country ids whose label the map is drawing right now. */
  renderedLabels(): string[];
  /** The feature-state of a country's 50m shape (fill, dimmed, override, hover, selected), of its label point (hasNotes) or of its relationship line (hover, selected). */
  featureState(id: string, source?: 'shapes-50m' | 'places' | 'relations'): Record<string, unknown>;
  /** Countries under a viewport pixel, as the click handler sees them, with the shape source drawn. */
  countriesAt(x: number, y: number): { id: string; source: string }[];
}

declare global {
  interface Window {
    __atlasProbe?: AtlasProbe;
  }
}

export function installProbe(map: MapLibreMap, places: ReadonlyMap<string, Place>): () => void {
  const probe: AtlasProbe = {
    whenIdle: () =>
      new Promise((resolve) => {
        if (map.loaded() && !map.isMoving() && map.areTilesLoaded()) resolve();
        else map.once('idle', () => resolve());
      }),
    screenPoint(id) {
      const place = places.get(id);
      if (!place) return null;
      const [lon = 0, lat = 0] = place.geometry.coordinates;
      const point = map.project([nearestCopy(lon, map.getCenter().lng), lat]);
      const rect = map.getCanvas().getBoundingClientRect();
      if (point.x < 0 || point.y < 0 || point.x > rect.width || point.y > rect.height) return null;
      return { x: rect.left + point.x, y: rect.top + point.y };
    },
    project(lon, lat) {
      const point = map.project([nearestCopy(lon, map.getCenter().lng), lat]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + point.x, y: rect.top + point.y };
    },
    view() {
      const center = map.getCenter();
      return { center: [wrapLongitude(center.lng), center.lat], zoom: map.getZoom() };
    },
    screenBox(id) {
      const place = places.get(id);
      if (!place) return null;
      const [west, south, east, north] = unwrapBox(place.properties.bbox, map.getCenter().lng);
      const rect = map.getCanvas().getBoundingClientRect();
      const a = map.project([west, north]);
      const b = map.project([east, south]);
      return { left: rect.left + a.x, top: rect.top + a.y, right: rect.left + b.x, bottom: rect.top + b.y };
    },
    renderedLines: () =>
      map.getLayoutProperty(RELATION_LAYER, 'visibility') === 'none'
        ? []
        : map.queryRenderedFeatures({ layers: [RELATION_LAYER] }).map((feature) => ({ id: String(feature.properties['id']), colour: String(feature.properties['colour']) })),
    renderedLabels: () =>
      map.queryRenderedFeatures({ layers: ['country-labels'] }).map((feature) => String(feature.properties['id'])),
    featureState: (id, source = 'shapes-50m') => map.getFeatureState({ source, id }),
    countriesAt(x, y) {
      const rect = map.getCanvas().getBoundingClientRect();
      const layers = map.getStyle().layers.filter((layer) => layer.id.endsWith('-fill')).map((layer) => layer.id);
      return map
        .queryRenderedFeatures([x - rect.left, y - rect.top], { layers })
        .map((feature) => ({ id: String(feature.properties['id']), source: feature.source }));
    },
  };
  window.__atlasProbe = probe;
  return () => {
    if (window.__atlasProbe === probe) delete window.__atlasProbe;
  };
}
