import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import { Map as MapLibreMap, setWorkerUrl, type MapGeoJSONFeature, type MapMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useTranslation } from 'react-i18next';
import type { CountrySummary, Language } from '../../../shared/contract';
import { geometryUrl, loadPlaces, type Place } from './geometry';
import { installProbe } from './probe';
import { buildStyle, FINE_ZOOM, labelText, layerIds, shapeLayers, SOURCES } from './style';

setWorkerUrl(workerUrl);

/** What the rest of the app can ask of the map. */
export interface WorldMapHandle {
  zoomIn(): void;
  zoomOut(): void;
  resetView(): void;
  /** Frames a country, keeping clear of `rightInset` pixels on the right (where the panel is). */
  flyTo(id: string, rightInset: number): void;
}

interface WorldMapProps {
  countries: readonly CountrySummary[];
  language: Language;
  selectedId: string | null;
  /** Fill colours by country id; applied through feature-state. */
  fills: ReadonlyMap<string, string>;
  /** Countries drawn faded (filtered out by the legend or the timeline). */
  dimmed: ReadonlySet<string>;
  /** Countries whose colour is the user's own tier (drawn with a dashed outline). */
  overridden: ReadonlySet<string>;
  /** Countries with notes (marked with a dot). */
  noted: ReadonlySet<string>;
  /** The tooltip text for a country. */
  describe: (id: string) => string;
  onSelect: (id: string | null) => void;
  /** Told once which countries have a shape on the map. */
  onMapped: (ids: ReadonlySet<string>) => void;
}

const WORLD: [[number, number], [number, number]] = [
  [-170, -57],
  [180, 80],
];

interface Tooltip {
  id: string;
  x: number;
  y: number;
}

/** The world map: MapLibre with the bundled shapes, coloured by feature-state. */
export const WorldMap = forwardRef<WorldMapHandle, WorldMapProps>(function WorldMap(
  { countries, language, selectedId, fills, dimmed, overridden, noted, describe, onSelect, onMapped },
  ref,
) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const placesRef = useRef(new Map<string, Place>());
  const stateRef = useRef({ hover: null as string | null, selected: null as string | null, fineLoaded: false });
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const names = useRef(new Map<string, CountrySummary>());
  names.current = new Map(countries.map((country) => [country.id, country]));

  useEffect(() => {
    if (!container.current) return;
    let disposed = false;
    let map: MapLibreMap;
    let cleanupProbe = () => {};
    let pending: MapMouseEvent | null = null;

    void loadPlaces(countries)
      .then((places) => {
        if (disposed || !container.current) return;
        placesRef.current = new Map(places.features.map((place) => [place.properties.id, place]));
        onMapped(new Set(placesRef.current.keys()));
        try {
          map = new MapLibreMap({
            container: container.current,
            style: buildStyle(geometryUrl('shapes-50m.json'), places, language),
            bounds: WORLD,
            fitBoundsOptions: { padding: 12 },
            renderWorldCopies: false,
            attributionControl: false,
            dragRotate: false,
            pitchWithRotate: false,
            touchPitch: false,
            maxZoom: 9,
            minZoom: 0.5,
            cancelPendingTileRequestsWhileZooming: false,
          });
        } catch (error) {
          setFailure(t('map.webglMissing'));
          console.error(error);
          return;
        }
        map.touchZoomRotate.disableRotation();
        map.keyboard.disableRotation();
        mapRef.current = map;
        cleanupProbe = installProbe(map, placesRef.current);
        wireInteractions(map);
        map.once('load', () => setReady(true));
        map.on('error', (event) => console.error(event.error));
      })
      .catch((error: unknown) => setFailure(t('map.loadFailed', { message: error instanceof Error ? error.message : String(error) })));

    function shapeSources(): string[] {
      return stateRef.current.fineLoaded ? [SOURCES.coarse, SOURCES.fine] : [SOURCES.coarse];
    }

    function setState(id: string | null, state: Record<string, unknown>): void {
      if (!id) return;
      for (const source of shapeSources()) map.setFeatureState({ source, id }, state);
    }

    function featureAt(point: { x: number; y: number }): MapGeoJSONFeature | undefined {
      const layers = shapeSources().map((source) => layerIds(source).fill);
      return map.queryRenderedFeatures([point.x, point.y], { layers })[0];
    }

    function wireInteractions(target: MapLibreMap): void {
      target.on('mousemove', (event) => {
        if (pending === null) requestAnimationFrame(() => hover(pending));
        pending = event;
      });
      target.on('mouseout', () => {
        pending = null;
        setHover(null);
        setTooltip(null);
      });
      target.on('click', (event) => {
        const id = featureAt(event.point)?.properties['id'] as string | undefined;
        onSelectRef.current(id ?? null);
      });
      target.on('zoom', () => {
        if (target.getZoom() >= FINE_ZOOM - 0.5) addFineShapes(target);
      });
    }

    function hover(event: MapMouseEvent | null): void {
      pending = null;
      if (!event || disposed) return;
      const id = (featureAt(event.point)?.properties['id'] as string | undefined) ?? null;
      setHover(id);
      setTooltip(id ? { id, x: event.point.x, y: event.point.y } : null);
      map.getCanvas().style.cursor = id ? 'pointer' : '';
    }

    function setHover(id: string | null): void {
      const previous = stateRef.current.hover;
      if (previous === id) return;
      setState(previous, { hover: false });
      setState(id, { hover: true });
      stateRef.current.hover = id;
    }

    function addFineShapes(target: MapLibreMap): void {
      if (target.getSource(SOURCES.fine)) return;
      target.addSource(SOURCES.fine, { type: 'geojson', data: geometryUrl('shapes-10m.json'), promoteId: 'id' });
      for (const layer of shapeLayers(SOURCES.fine, { min: FINE_ZOOM })) target.addLayer(layer, 'country-labels');
      const onData = (event: { sourceId?: string; isSourceLoaded?: boolean }) => {
        if (event.sourceId !== SOURCES.fine || !event.isSourceLoaded) return;
        target.off('sourcedata', onData);
        stateRef.current.fineLoaded = true;
        for (const layer of Object.values(layerIds(SOURCES.coarse))) target.setLayerZoomRange(layer, 0, FINE_ZOOM);
        window.dispatchEvent(new CustomEvent('atlas:fine-shapes'));
      };
      target.on('sourcedata', onData);
    }

    return () => {
      disposed = true;
      cleanupProbe();
      mapRef.current?.remove();
      mapRef.current = null;
    };
    // The map is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Fills, selection: re-applied when they change and when the fine shapes arrive.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const apply = () => {
      const sources = stateRef.current.fineLoaded ? [SOURCES.coarse, SOURCES.fine] : [SOURCES.coarse];
      for (const source of sources) {
        for (const [id, fill] of fills) map.setFeatureState({ source, id }, { fill, dimmed: dimmed.has(id), override: overridden.has(id) });
        if (stateRef.current.selected) map.setFeatureState({ source, id: stateRef.current.selected }, { selected: false });
        if (selectedId) map.setFeatureState({ source, id: selectedId }, { selected: true });
      }
      stateRef.current.selected = selectedId;
      for (const id of fills.keys()) map.setFeatureState({ source: SOURCES.places, id }, { hasNotes: noted.has(id) });
    };
    apply();
    window.addEventListener('atlas:fine-shapes', apply);
    return () => window.removeEventListener('atlas:fine-shapes', apply);
  }, [ready, fills, dimmed, overridden, noted, selectedId]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    map.setLayoutProperty('country-labels', 'text-field', labelText(language));
  }, [ready, language]);

  useImperativeHandle(
    ref,
    () => ({
      zoomIn: () => mapRef.current?.zoomIn(),
      zoomOut: () => mapRef.current?.zoomOut(),
      resetView: () => mapRef.current?.fitBounds(WORLD, { padding: 12 }),
      flyTo(id, rightInset) {
        const map = mapRef.current;
        const place = placesRef.current.get(id);
        if (!map || !place) return;
        const [west, south, east, north] = place.properties.bbox;
        const padding = { top: 40, bottom: 40, left: 40, right: 40 + rightInset };
        const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        if (west > east || east - west > 170) {
          map.flyTo({ center: place.geometry.coordinates as [number, number], zoom: 2.5, animate: !reduced, padding });
          return;
        }
        map.fitBounds(
          [
            [west, south],
            [east, north],
          ],
          { padding, maxZoom: 6, animate: !reduced },
        );
      },
    }),
    [],
  );

  const hovered = tooltip ? names.current.get(tooltip.id) : undefined;
  const tooltipText = tooltip ? describe(tooltip.id) : '';
  return (
    <div className="map-wrap">
      <div ref={container} className="map" role="img" aria-label={t('map.ariaLabel')} data-ready={ready ? 'true' : 'false'} />
      {failure && (
        <p className="map-failure" role="alert">
          {failure}
        </p>
      )}
      {tooltip && hovered && (
        <div className="map-tooltip" style={{ transform: `translate(${tooltip.x + 14}px, ${tooltip.y + 14}px)` }} role="tooltip">
          <span aria-hidden="true">{hovered.flag} </span>
          {tooltipText}
        </div>
      )}
    </div>
  );
});
