import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection, Point } from 'geojson';
import { geometryUrl, loadPlaces, type PlaceProperties } from './geometry';
import { documentTheme, type Theme } from '../theme/theme';
import { homeCamera } from './camera';
import { buildStyle } from './style';

setWorkerUrl(workerUrl);

/** A map under way: created, loading its shapes, not yet in the page. */
export interface MapStart {
  /** The map's own element; the WorldMap puts it into the page. */
  container: HTMLDivElement;
  /** The theme the map's style was built in (the document's at the time). */
  theme: Theme;
  /** The map, or null when MapLibre could not start (no WebGL): then `error` says why. */
  map: MapLibreMap | null;
  error: unknown;
  /** The label points as built, without names (the country list brings those). */
  places: Promise<FeatureCollection<Point, PlaceProperties>>;
  /**
   * Resolves when the style is loaded: its sources exist, so feature-state and label points can be
   * set (the shapes themselves may still be on their way; MapLibre applies the state as they come).
   */
  styled: Promise<void>;
}

/**
 * Creates the map and starts loading its geometry at once, before the app's data arrives: the 50m
 * shapes and the label points load in parallel with the country list and the atlas, and the map is
 * coloured and labelled when they are in. Until then every country has the neutral fill (no tier
 * is shown before it is known) and no label (the label points carry no names yet).
 *
 * The container is not in the page yet, so MapLibre starts at its default size; the WorldMap sizes
 * it and frames the home view again when it puts it in. The world is drawn repeated sideways
 * (`renderWorldCopies`), so a view centred on the Pacific shows the Americas to the right of Korea;
 * the WorldMap keeps the zoom from going out so far that a copy shows twice.
 */
function createMapStart(): MapStart {
  const container = document.createElement('div');
  container.className = 'map';
  const places = loadPlaces();
  // Handled where the map is put in the page; this only keeps a failed boot from also reporting it.
  places.catch(() => undefined);
  let map: MapLibreMap | null = null;
  let error: unknown = null;
  let styled: Promise<void> = Promise.resolve();
  const theme = documentTheme();
  try {
    map = new MapLibreMap({
      container,
      style: buildStyle(geometryUrl('shapes-50m.json'), 'en', theme),
      // Korea and the Pacific in the middle; framed for the real size once the map is in the page.
      ...homeCamera({ width: 1024, height: 768 }),
      renderWorldCopies: true,
      attributionControl: false,
      dragRotate: false,
      pitchWithRotate: false,
      touchPitch: false,
      maxZoom: 9,
      minZoom: 0,
      cancelPendingTileRequestsWhileZooming: false,
    });
    const created = map;
    styled = new Promise((resolve) => created.once('style.load', () => resolve()));
    created.on('error', (event) => console.error(event.error));
    // For `npm run bench`'s start-up breakdown: when the map began and first drew all it had.
    performance.mark('atlas:map-created');
    created.once('idle', () => performance.mark('atlas:map-first-idle'));
  } catch (caught) {
    error = caught;
  }
  return { container, theme, map, error, places, styled };
}

let early: MapStart | null = null;

/** Starts the map as early as the page can (called once at boot, before the app's data is asked for). */
export function startMap(): void {
  early ??= createMapStart();
}

/**
 * The map started at boot, handed over once; a second WorldMap (or one with no early start, as in
 * a remount) gets a fresh one.
 */
export function takeMap(): MapStart {
  const start = early ?? createMapStart();
  early = null;
  return start;
}
