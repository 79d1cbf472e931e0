import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Place } from './geometry';

/**
 * A read-only window onto the map for automation (the e2e suite and `npm run bench`): where a
 * country's label point is on screen, and when the map has finished drawing. It grants nothing a
 * page script could not already see.
 */
export interface AtlasProbe {
  /** Resolves once the map has loaded and drawn everything it has (MapLibre's `idle`). */
  whenIdle(): Promise<void>;
  /** Viewport pixel of a country's label point, or null if it has none or is off screen. */
  screenPoint(id: string): { x: number; y: number } | null;
  view(): { center: [number, number]; zoom: number };
  /** Viewport pixel of any longitude/latitude. */
  project(lon: number, lat: number): { x: number; y: number };
  /** Country ids whose label the map is drawing right now. */
  renderedLabels(): string[];
  /** The feature-state of a country's 50m shape (fill, dimmed, override, hover, selected), or of its label point (hasNotes). */
  featureState(id: string, source?: 'shapes-50m' | 'places'): Record<string, unknown>;
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
      const point = map.project([lon, lat]);
      const rect = map.getCanvas().getBoundingClientRect();
      if (point.x < 0 || point.y < 0 || point.x > rect.width || point.y > rect.height) return null;
      return { x: rect.left + point.x, y: rect.top + point.y };
    },
    project(lon, lat) {
      const point = map.project([lon, lat]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + point.x, y: rect.top + point.y };
    },
    view() {
      const center = map.getCenter();
      return { center: [center.lng, center.lat], zoom: map.getZoom() };
    },
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
