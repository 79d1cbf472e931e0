import type { ExpressionSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { HOME_COUNTRY_ID } from '../../../shared/home';
import { SHAPE_TILING } from './geometry';
import type { Language } from '../../../shared/contract';
import type { Theme } from '../theme/theme';
import { MAP_PALETTES, type MapColours } from './palette';

/**
 * Zoom at which the 10m shapes replace the 50m ones. Natural Earth's 1:50m suits scales down to
 * about 1:35 million, zoom 4; below that the 10m detail costs every frame without showing.
 */
export const FINE_ZOOM = 4;

export const SOURCES = { coarse: 'shapes-50m', fine: 'shapes-10m', places: 'places', relations: 'relations' } as const;

/** The layer of the relationship lines from Seoul; the 10m shapes go in under it. */
export const RELATION_LAYER = 'relation-lines';

/** Layer ids per shape source, so both resolutions are styled and queried alike. */
export function layerIds(source: string) {
  return {
    fill: `${source}-fill`,
    border: `${source}-border`,
    home: `${source}-home`,
    override: `${source}-override`,
    outline: `${source}-outline`,
  };
}

const isHome: ExpressionSpecification = ['==', ['get', 'id'], HOME_COUNTRY_ID];

/**
 * Keeps only the features of these countries. A layer for a few countries (the user's own tiers,
 * the notes markers) is filtered to them rather than drawn invisibly for all: with none, it has
 * nothing to draw, costs nothing per frame, and its shader is not even compiled at start-up.
 */
export function onlyIds(ids: Iterable<string>): FilterSpecification {
  return ['in', ['get', 'id'], ['literal', [...ids].sort()]];
}

/**
 * Fill, borders, home outline, the dashed outline of the user's own tiers (`overridden`) and the
 * hover/selection outline for one shape source. The fill is not antialiased: the border lines
 * cover its edges, so MapLibre's extra outline pass over every edge would draw nothing that shows.
 * The hover/selection outline starts with a layer opacity of 0, which MapLibre does not draw at
 * all: the map sets it to 1 while something is hovered or selected (a paint change, nothing is laid
 * out again), so the outline does not go over every border each frame for nothing.
 */
export function shapeLayers(
  source: string,
  zoom: { min?: number; max?: number } = {},
  overridden: Iterable<string> = [],
  theme: Theme = 'light',
): LayerSpecification[] {
  const ids = layerIds(source);
  const colours = MAP_PALETTES[theme];
  const range = { ...(zoom.min === undefined ? {} : { minzoom: zoom.min }), ...(zoom.max === undefined ? {} : { maxzoom: zoom.max }) };
  return [
    {
      id: ids.fill,
      type: 'fill',
      source,
      ...range,
      paint: {
        'fill-antialias': false,
        'fill-color': neutralFill(colours),
        'fill-opacity': ['case', ['boolean', ['feature-state', 'dimmed'], false], 0.2, 1],
      },
    },
    {
      id: ids.border,
      type: 'line',
      source,
      ...range,
      paint: { 'line-color': colours.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.4, 6, 1.2] },
    },
    {
      id: ids.home,
      type: 'line',
      source,
      ...range,
      filter: isHome,
      paint: { 'line-color': colours.homeOutline, 'line-width': 1.5 },
    },
    {
      // A tier the user set is drawn with a dashed outline, so it never passes for the sources' tier.
      id: ids.override,
      type: 'line',
      source,
      ...range,
      filter: onlyIds(overridden),
      paint: {
        'line-color': colours.override,
        'line-width': 1.8,
        'line-dasharray': [2, 1.5],
        'line-opacity': ['case', ['boolean', ['feature-state', 'override'], false], 1, 0],
      },
    },
    {
      id: ids.outline,
      type: 'line',
      source,
      ...range,
      paint: {
        'line-layer-opacity': 0,
        'line-layer-opacity-transition': { duration: 0, delay: 0 },
        'line-color': outlineColour(colours),
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 2.5, ['boolean', ['feature-state', 'hover'], false], 1.5, 0],
      },
    },
  ];
}

function neutralFill(colours: MapColours): ExpressionSpecification {
  return ['to-color', ['coalesce', ['feature-state', 'fill'], colours.neutral]];
}

function outlineColour(colours: MapColours): ExpressionSpecification {
  return ['case', ['boolean', ['feature-state', 'selected'], false], colours.selected, colours.hover];
}

function labelColour(colours: MapColours): ExpressionSpecification {
  return ['case', isHome, colours.homeLabel, colours.label];
}

/** One paint property to set on one layer. */
export interface PaintChange {
  layer: string;
  property: string;
  value: unknown;
}

/**
 * The paint changes that turn the map to `theme`, for the layers of the given shape sources: only
 * colours change, so nothing is laid out again (the fills come through feature-state and are set
 * by the map separately).
 */
export function themePaint(theme: Theme, shapeSources: readonly string[]): PaintChange[] {
  const colours = MAP_PALETTES[theme];
  const changes: PaintChange[] = [{ layer: 'ocean', property: 'background-color', value: colours.ocean }];
  for (const source of shapeSources) {
    const ids = layerIds(source);
    changes.push(
      { layer: ids.fill, property: 'fill-color', value: neutralFill(colours) },
      { layer: ids.border, property: 'line-color', value: colours.border },
      { layer: ids.home, property: 'line-color', value: colours.homeOutline },
      { layer: ids.override, property: 'line-color', value: colours.override },
      { layer: ids.outline, property: 'line-color', value: outlineColour(colours) },
    );
  }
  changes.push(
    { layer: 'note-dots', property: 'circle-color', value: colours.note },
    { layer: 'note-dots', property: 'circle-stroke-color', value: colours.noteStroke },
    { layer: 'country-labels', property: 'text-color', value: labelColour(colours) },
    { layer: 'country-labels', property: 'text-halo-color', value: colours.labelHalo },
  );
  return changes;
}

/**
 * The great-circle lines from Seoul to the partners' capitals, each in its country's tier colour
 * (a property of the line, set with the lines when the colours change), wider while hovered or
 * while its country is selected. Drawn
 * over the shapes and under the labels; hidden until the lines are turned on and have data.
 */
export function relationLayer(): LayerSpecification {
  // Hovered, or its country selected (from the list, with the keyboard as well): drawn wider.
  const hovered: ExpressionSpecification = ['any', ['boolean', ['feature-state', 'hover'], false], ['boolean', ['feature-state', 'selected'], false]];
  return {
    id: RELATION_LAYER,
    type: 'line',
    source: SOURCES.relations,
    layout: { 'line-cap': 'round', 'line-join': 'round', visibility: 'none' },
    paint: {
      'line-color': ['to-color', ['get', 'colour']],
      'line-width': ['interpolate', ['linear'], ['zoom'], 1, ['case', hovered, 3.5, 1.4], 6, ['case', hovered, 5, 2.4]],
      'line-opacity': ['case', hovered, 1, 0.8],
    },
  };
}

/** The label text for a language. */
export function labelText(language: Language): ExpressionSpecification {
  return ['coalesce', ['get', `name_${language}`], ['get', 'name_en'], ''];
}

/**
 * The whole inline style: no tile server, no glyph server (labels are drawn with local fonts).
 * Larger countries win label collisions; small ones appear as the user zooms in. The label points
 * start empty: the map is created before the country names are known (see startMap.ts), and they
 * are set with the names.
 */
export function buildStyle(shapesUrl: string, language: Language = 'en', theme: Theme = 'light'): StyleSpecification {
  const colours = MAP_PALETTES[theme];
  return {
    version: 8,
    sources: {
      [SOURCES.coarse]: { type: 'geojson', data: shapesUrl, promoteId: 'id', ...SHAPE_TILING },
      [SOURCES.places]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' },
      [SOURCES.relations]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' },
    },
    layers: [
      { id: 'ocean', type: 'background', paint: { 'background-color': colours.ocean } },
      ...shapeLayers(SOURCES.coarse, {}, [], theme),
      relationLayer(),
      {
        id: 'note-dots',
        type: 'circle',
        source: SOURCES.places,
        filter: onlyIds([]),
        paint: {
          'circle-radius': 4.5,
          'circle-color': colours.note,
          'circle-stroke-color': colours.noteStroke,
          'circle-stroke-width': 1.5,
          'circle-translate': [0, -12],
          'circle-opacity': ['case', ['boolean', ['feature-state', 'hasNotes'], false], 1, 0],
          'circle-stroke-opacity': ['case', ['boolean', ['feature-state', 'hasNotes'], false], 1, 0],
        },
      },
      {
        id: 'country-labels',
        type: 'symbol',
        source: SOURCES.places,
        filter: [
          'step',
          ['zoom'],
          ['any', isHome, ['<', ['get', 'rank'], 60]],
          2,
          ['any', isHome, ['<', ['get', 'rank'], 130]],
          3,
          ['any', isHome, ['<', ['get', 'rank'], 200]],
          4,
          true,
        ],
        layout: {
          'text-field': labelText(language),
          'text-font': ['sans-serif'],
          'text-size': ['interpolate', ['linear'], ['zoom'], 1, ['case', isHome, 13, ['<', ['get', 'rank'], 20], 12, 10], 5, ['case', isHome, 16, 14]],
          'text-max-width': 7,
          'text-padding': 2,
          'symbol-sort-key': ['case', isHome, -1, ['get', 'rank']],
          'text-allow-overlap': false,
          // The home country is small at world scale: its label sits beside it, not on it.
          'text-anchor': ['case', isHome, 'left', 'center'],
          'text-offset': ['case', isHome, ['literal', [0.9, 0]], ['literal', [0, 0]]],
        },
        paint: {
          'text-color': labelColour(colours),
          'text-halo-color': colours.labelHalo,
          'text-halo-width': ['case', isHome, 2, 1.2],
        },
      },
    ],
  };
}
