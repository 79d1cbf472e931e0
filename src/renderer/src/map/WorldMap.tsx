import './map.css';
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from 'react';
import type { GeoJSONSource, Map as MapLibreMap, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import { useTranslation } from 'react-i18next';
import type { TierId } from '../../../shared/atlas';
import { capitalOf } from '../../../shared/briefing/capitals';
import type { CountrySummary, MapView } from '../../../shared/contract';
import { HOME_COUNTRY_ID } from '../../../shared/home';
import { useAtlas } from '../atlas/AtlasContext';
import type { Theme } from '../theme/theme';
import { frameBox, freeInsets, homeCamera, minZoomFor, nearestCopy, revealOffset, unwrapBox, wrapLongitude, type Camera, type Insets, type Rect } from './camera';
import { placeStates, shapeStates, stateChanges, type PlaceState, type ShapeState } from './featureStates';
import { geometryUrl, namePlaces, SHAPE_TILING, type Place } from './geometry';
import { installProbe } from './probe';
import { relationLines } from './relationLines';
import { takeMap } from './startMap';
import { FINE_ZOOM, labelText, layerIds, onlyIds, RELATION_LAYER, shapeLayers, SOURCES, themePaint } from './style';

/** What the rest of the app can ask of the map. */
export interface WorldMapHandle {
  zoomIn(): void;
  zoomOut(): void;
  /** Back to the home view: Korea and the Pacific in the middle, the whole world across. */
  resetView(): void;
  /** Frames a country in the part of the map its panel (about to open) and the legend leave free. */
  flyTo(id: string): void;
  /** Moves the map, at the same zoom, only if the country's label point is not in that free part. */
  reveal(id: string): void;
  /** Where the camera is now (as the session remembers it); null before the map exists. */
  camera(): MapView | null;
  /** Puts the camera there at once (a saved view opened). */
  showCamera(view: MapView): void;
}

interface WorldMapProps {
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
  /** The tier each country is shown in (which countries get a relationship line). */
  tierOf: (id: string) => TierId;
  /** Whether the relationship lines from Seoul are drawn. */
  linesOn: boolean;
  /** The tooltip text for a country's relationship line. */
  describeLine: (id: string) => string;
  /**
   * The parts of the map that something lies over (panel, legend, controls), in pixels of the map;
   * `opening`: a panel is about to open, so count it even before it has rendered.
   */
  covered: (opening: boolean) => readonly Rect[];
  onSelect: (id: string | null) => void;
  /** Told once which countries have a shape on the map. */
  onMapped: (ids: ReadonlySet<string>) => void;
  /** The map's colours. */
  theme: Theme;
  /** Where the camera starts (the view the user left); the whole world when not given. */
  initialView?: MapView | null;
  /** Told where the camera is after each move the user or the app made. */
  onViewChange?: (view: MapView) => void;
}

interface Tooltip {
  id: string;
  x: number;
  y: number;
  /** A relationship line rather than a country. */
  line: boolean;
}

/** Pixels round the pointer within which a relationship line counts as hovered. */
const LINE_HIT = 4;
/** The closest a country is framed (zoom), so a small island keeps some surroundings. */
const FRAME_MAX_ZOOM = 6;

/** The feature-state last set on each source, so only what changes is set again. */
interface Applied {
  shapes: Map<string, ReadonlyMap<string, ShapeState>>;
  places: ReadonlyMap<string, PlaceState>;
}

/**
 * The world map: MapLibre with the bundled shapes, coloured by feature-state. The map itself is
 * started at boot (startMap.ts), in parallel with the app's first calls; this component puts it in
 * the page and colours and labels it once the data is here.
 */
export const WorldMap = forwardRef<WorldMapHandle, WorldMapProps>(function WorldMap(
  { selectedId, fills, dimmed, overridden, noted, describe, tierOf, linesOn, describeLine, covered, onSelect, onMapped, theme, initialView, onViewChange },
  ref,
) {
  const { t } = useTranslation();
  const { countries, language } = useAtlas();
  const host = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const placesRef = useRef(new Map<string, Place>());
  const stateRef = useRef({ hover: null as string | null, line: null as string | null, selected: null as string | null, fineAdded: false });
  const appliedRef = useRef<Applied>({ shapes: new Map(), places: new Map() });
  /** Countries with the user's own tier, for the dashed outline of shapes added later (the 10m ones). */
  const overriddenRef = useRef<ReadonlySet<string>>(new Set());
  /** Sets the current feature-state on the sources that lack it (the 10m shapes when they are added). */
  const applyStatesRef = useRef(() => {});
  /** The hover/selection outline is drawn only while there is something to outline (see shapeLayers). */
  const showOutlines = (map: MapLibreMap) => {
    const shown = stateRef.current.hover !== null || stateRef.current.selected !== null;
    for (const source of stateRef.current.fineAdded ? [SOURCES.coarse, SOURCES.fine] : [SOURCES.coarse]) {
      map.setPaintProperty(layerIds(source).outline, 'line-layer-opacity', shown ? 1 : 0);
    }
  };
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const onViewChangeRef = useRef(onViewChange);
  onViewChangeRef.current = onViewChange;
  const coveredRef = useRef(covered);
  coveredRef.current = covered;
  /** Whether the lines layer is shown, for the hover handler. */
  const linesShownRef = useRef(false);
  /** The theme the map is drawn in now (the 10m layers are added in it). */
  const themeRef = useRef<Theme>(theme);
  /** The theme the map's layers are painted in now. */
  const paintedTheme = useRef<Theme | null>(null);
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [tooltip, setTooltip] = useState<Tooltip | null>(null);
  const names = useRef(new Map<string, CountrySummary>());
  names.current = new Map(countries.map((country) => [country.id, country]));

  useEffect(() => {
    if (!host.current) return;
    const start = takeMap();
    const { container } = start;
    container.setAttribute('role', 'img');
    container.setAttribute('aria-label', t('map.ariaLabel'));
    host.current.prepend(container);
    let disposed = false;
    let cleanupProbe = () => {};
    let pending: MapMouseEvent | null = null;
    const map = start.map;
    paintedTheme.current = start.theme;
    if (map) {
      // Started outside the page at MapLibre's default size: take the real one, frame the world again.
      map.resize();
      map.setMinZoom(minZoomFor(map.getCanvas().clientWidth));
      map.jumpTo(initialView ? { center: initialView.center, zoom: initialView.zoom } : homeView(map, coveredRef.current(false)));
      // One copy of the world always fills the width: zoomed out further, the world would show twice.
      map.on('resize', () => map.setMinZoom(minZoomFor(map.getCanvas().clientWidth)));
      map.touchZoomRotate.disableRotation();
      map.keyboard.disableRotation();
      mapRef.current = map;
    }

    void start.places
      .then(async (built) => {
        if (disposed) return;
        if (!map) {
          setFailure(t('map.webglMissing'));
          console.error(start.error);
          return;
        }
        const places = namePlaces(built, countries);
        placesRef.current = new Map(places.features.map((place) => [place.properties.id, place]));
        onMapped(new Set(placesRef.current.keys()));
        await start.styled;
        if (disposed) return;
        (map.getSource(SOURCES.places) as GeoJSONSource | undefined)?.setData(places);
        cleanupProbe = installProbe(map, placesRef.current);
        wireInteractions(map);
        setReady(true);
      })
      .catch((error: unknown) => setFailure(map ? t('map.loadFailed', { message: error instanceof Error ? error.message : String(error) }) : t('map.webglMissing')));

    function shapeSources(): string[] {
      return stateRef.current.fineAdded ? [SOURCES.coarse, SOURCES.fine] : [SOURCES.coarse];
    }

    function setState(id: string | null, state: Record<string, unknown>): void {
      if (!id || !map) return;
      for (const source of shapeSources()) map.setFeatureState({ source, id }, state);
    }

    function featureAt(target: MapLibreMap, point: { x: number; y: number }): MapGeoJSONFeature | undefined {
      const layers = shapeSources().map((source) => layerIds(source).fill);
      return target.queryRenderedFeatures([point.x, point.y], { layers })[0];
    }

    function wireInteractions(target: MapLibreMap): void {
      target.on('mousemove', (event) => {
        if (pending === null) requestAnimationFrame(() => hover(target, pending));
        pending = event;
      });
      target.on('mouseout', () => {
        pending = null;
        setHover(null);
        setLineHover(null);
        setTooltip(null);
      });
      target.on('click', (event) => {
        const id = featureAt(target, event.point)?.properties['id'] as string | undefined;
        onSelectRef.current(id ?? null);
      });
      target.on('zoom', () => {
        if (target.getZoom() >= FINE_ZOOM - 0.5) addFineShapes(target);
      });
      // Once per move, at its end: where the camera is, for the session to remember.
      target.on('moveend', () => {
        const center = target.getCenter();
        onViewChangeRef.current?.({ center: [round(wrapLongitude(center.lng), 4), round(center.lat, 4)], zoom: round(target.getZoom(), 3) });
      });
      // A view restored at a close zoom needs the fine shapes at once.
      if (target.getZoom() >= FINE_ZOOM - 0.5) addFineShapes(target);
    }

    /**
     * The relationship line under the pointer, if any. Over its own ends (South Korea, where every
     * line starts, and the partner it goes to) the country answers instead, so both stay reachable.
     */
    function lineAt(target: MapLibreMap, point: { x: number; y: number }, country: string | null): string | null {
      if (!linesShownRef.current || country === HOME_COUNTRY_ID) return null;
      const box: [[number, number], [number, number]] = [
        [point.x - LINE_HIT, point.y - LINE_HIT],
        [point.x + LINE_HIT, point.y + LINE_HIT],
      ];
      const hits = target.queryRenderedFeatures(box, { layers: [RELATION_LAYER] }).map((hit) => hit.properties['id'] as string);
      return hits.find((id) => id !== country) ?? null;
    }

    function hover(target: MapLibreMap, event: MapMouseEvent | null): void {
      pending = null;
      if (!event || disposed) return;
      const country = (featureAt(target, event.point)?.properties['id'] as string | undefined) ?? null;
      // A line is drawn over the countries, so it answers first (but over its ends).
      const line = lineAt(target, event.point, country);
      setLineHover(line);
      const id = line ?? country;
      setHover(line ? null : id);
      setTooltip(id ? { id, x: event.point.x, y: event.point.y, line: line !== null } : null);
      target.getCanvas().style.cursor = id && !line ? 'pointer' : '';
    }

    function setLineHover(id: string | null): void {
      const previous = stateRef.current.line;
      if (previous === id || !map) return;
      if (previous) map.setFeatureState({ source: SOURCES.relations, id: previous }, { hover: false });
      if (id) map.setFeatureState({ source: SOURCES.relations, id }, { hover: true });
      stateRef.current.line = id;
    }

    function setHover(id: string | null): void {
      const previous = stateRef.current.hover;
      if (previous === id) return;
      setState(previous, { hover: false });
      setState(id, { hover: true });
      stateRef.current.hover = id;
      if (map) showOutlines(map);
    }

    function addFineShapes(target: MapLibreMap): void {
      if (target.getSource(SOURCES.fine)) return;
      target.addSource(SOURCES.fine, { type: 'geojson', data: geometryUrl('shapes-10m.json'), promoteId: 'id', ...SHAPE_TILING });
      for (const layer of shapeLayers(SOURCES.fine, { min: FINE_ZOOM }, overriddenRef.current, themeRef.current)) target.addLayer(layer, RELATION_LAYER);
      // Coloured from the start, so its tiles never show the neutral fill as they come in.
      stateRef.current.fineAdded = true;
      applyStatesRef.current();
      showOutlines(target);
      const onData = (event: { sourceId?: string; isSourceLoaded?: boolean }) => {
        if (event.sourceId !== SOURCES.fine || !event.isSourceLoaded) return;
        target.off('sourcedata', onData);
        // The 50m shapes stay under the 10m ones until these are in, so close up is never blank.
        for (const layer of Object.values(layerIds(SOURCES.coarse))) target.setLayerZoomRange(layer, 0, FINE_ZOOM);
      };
      target.on('sourcedata', onData);
    }

    return () => {
      disposed = true;
      cleanupProbe();
      map?.remove();
      container.remove();
      mapRef.current = null;
    };
    // The map is created once; later prop changes are applied by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Fills, selection, notes markers: what changed is set when the props change, and everything
  // on the fine shapes when they are added.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const shapes = shapeStates(fills, dimmed, overridden, selectedId);
    const places = placeStates(fills.keys(), noted);
    const apply = () => {
      const applied = appliedRef.current;
      const sources = stateRef.current.fineAdded ? [SOURCES.coarse, SOURCES.fine] : [SOURCES.coarse];
      for (const source of sources) {
        for (const [id, change] of stateChanges(applied.shapes.get(source) ?? new Map<string, ShapeState>(), shapes)) map.setFeatureState({ source, id }, change);
        applied.shapes.set(source, shapes);
      }
      for (const [id, change] of stateChanges(applied.places, places)) map.setFeatureState({ source: SOURCES.places, id }, change);
      applied.places = places;
      stateRef.current.selected = selectedId;
      showOutlines(map);
    };
    apply();
    applyStatesRef.current = apply;
  }, [ready, fills, dimmed, overridden, noted, selectedId]);

  // The layers drawn for a few countries only: a change of which ones lays their source out again
  // (MapLibre skips a filter equal to the one it has, so new sets with the same ids cost nothing).
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    overriddenRef.current = overridden;
    for (const source of [SOURCES.coarse, SOURCES.fine]) {
      if (map.getLayer(layerIds(source).override)) map.setFilter(layerIds(source).override, onlyIds(overridden));
    }
    map.setFilter('note-dots', onlyIds(noted));
  }, [ready, overridden, noted]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    map.setLayoutProperty('country-labels', 'text-field', labelText(language));
  }, [ready, language]);

  // The theme changes colours only: paint properties, nothing laid out again.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    themeRef.current = theme;
    if (paintedTheme.current === theme) return;
    paintedTheme.current = theme;
    const sources = [SOURCES.coarse, SOURCES.fine].filter((source) => map.getSource(source));
    for (const change of themePaint(theme, sources)) {
      if (map.getLayer(change.layer)) map.setPaintProperty(change.layer, change.property as never, change.value as never);
    }
  }, [ready, theme]);

  // The relationship lines: one per country in a line tier, in its fill colour; rebuilt when the
  // tiers or colours change (a few dozen lines of 65 points), hidden when turned off.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    const source = map.getSource(SOURCES.relations) as GeoJSONSource | undefined;
    if (!source) return;
    linesShownRef.current = linesOn;
    map.setLayoutProperty(RELATION_LAYER, 'visibility', linesOn ? 'visible' : 'none');
    if (!linesOn) return;
    const places = placesRef.current;
    const point = (id: string) => {
      const [lon, lat] = places.get(id)?.geometry.coordinates ?? [];
      return lon === undefined || lat === undefined ? null : { lon, lat };
    };
    source.setData(
      relationLines({
        home: capitalOf(HOME_COUNTRY_ID) ?? point(HOME_COUNTRY_ID),
        countries: places.keys(),
        tierOf,
        colourOf: (id) => fills.get(id),
        capitalOf,
        fallback: point,
      }),
    );
  }, [ready, linesOn, fills, tierOf]);

  // The selected country's line is drawn wider: what hovering it shows, the panel says in full.
  const selectedLine = useRef<string | null>(null);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    if (selectedLine.current) map.setFeatureState({ source: SOURCES.relations, id: selectedLine.current }, { selected: false });
    if (selectedId) map.setFeatureState({ source: SOURCES.relations, id: selectedId }, { selected: true });
    selectedLine.current = selectedId;
  }, [ready, selectedId]);

  useImperativeHandle(ref, () => {
    /** The insets the panel, legend and controls leave, measured now. */
    const insets = (map: MapLibreMap): Insets => freeInsets(canvasSize(map), coveredRef.current(true));
    const move = (map: MapLibreMap, camera: Camera) => {
      const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      if (reduced) map.jumpTo(camera);
      else map.flyTo({ ...camera, duration: 900, essential: false });
    };
    return {
      zoomIn: () => mapRef.current?.zoomIn(),
      zoomOut: () => mapRef.current?.zoomOut(),
      resetView() {
        const map = mapRef.current;
        if (!map) return;
        const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        map.easeTo({ ...homeView(map, coveredRef.current(false)), duration: reduced ? 0 : 500 });
      },
      flyTo(id) {
        const map = mapRef.current;
        const place = placesRef.current.get(id);
        if (!map || !place) return;
        // The copy of the country nearest the view: the United States seen from Korea lie across the Pacific.
        const box = unwrapBox(place.properties.bbox, map.getCenter().lng);
        move(map, frameBox(box, canvasSize(map), insets(map), { maxZoom: FRAME_MAX_ZOOM, minZoom: map.getMinZoom() }));
      },
      reveal(id) {
        const map = mapRef.current;
        const place = placesRef.current.get(id);
        if (!map || !place) return;
        const [lon = 0, lat = 0] = place.geometry.coordinates;
        const at = map.project([nearestCopy(lon, map.getCenter().lng), lat]);
        const size = canvasSize(map);
        const offset = revealOffset(at, size, insets(map));
        // A country in plain sight stays where the user clicked it.
        if (!offset) return;
        // Slid at the same zoom, so the country lands in the middle of the free part.
        const center = map.unproject([size.width / 2 + offset.dx, size.height / 2 + offset.dy]);
        const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
        map.easeTo({ center, duration: reduced ? 0 : 400 });
      },
      camera() {
        const map = mapRef.current;
        if (!map) return null;
        const center = map.getCenter().wrap();
        return { center: [round(center.lng, 4), round(center.lat, 4)], zoom: round(map.getZoom(), 3) };
      },
      showCamera: (view) => mapRef.current?.jumpTo({ center: view.center, zoom: view.zoom }),
    };
  }, []);

  const hovered = tooltip ? names.current.get(tooltip.id) : undefined;
  const tooltipText = tooltip ? (tooltip.line ? describeLine(tooltip.id) : describe(tooltip.id)) : '';
  return (
    // The map's own element (div.map, made in startMap.ts) goes first in here.
    <div ref={host} className="map-wrap" data-ready={ready ? 'true' : 'false'}>
      {failure && (
        <p className="map-failure" role="alert">
          {failure}
        </p>
      )}
      {tooltip && hovered && (
        <div
          className={tooltip.line ? 'map-tooltip map-tooltip-line' : 'map-tooltip'}
          style={{ transform: `translate(${tooltip.x + 14}px, ${tooltip.y + 14}px)` }}
          role="tooltip"
          data-line={tooltip.line ? tooltip.id : undefined}
        >
          <span aria-hidden="true">{hovered.flag} </span>
          {tooltipText}
        </div>
      )}
    </div>
  );
});

function canvasSize(map: MapLibreMap): { width: number; height: number } {
  const canvas = map.getCanvas();
  return { width: canvas.clientWidth, height: canvas.clientHeight };
}

/** The home camera for the map's size, below what covers the map (the legend). */
function homeView(map: MapLibreMap, covered: readonly Rect[]): Camera {
  const size = canvasSize(map);
  return homeCamera(size, freeInsets(size, covered));
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
