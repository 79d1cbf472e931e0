import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { HOME_COUNTRY_ID } from '../../../shared/countries';
import type { Language } from '../../../shared/contract';
import { MAP_COLOURS } from './palette';

/** Zoom at which the 10m shapes replace the 50m ones. */
export const FINE_ZOOM = 3;

export const SOURCES = { coarse: 'shapes-50m', fine: 'shapes-10m', places: 'places' } as const;

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

/** Fill, borders, home outline and hover/selection outline for one shape source. */
export function shapeLayers(source: string, zoom: { min?: number; max?: number } = {}): LayerSpecification[] {
  const ids = layerIds(source);
  const range = { ...(zoom.min === undefined ? {} : { minzoom: zoom.min }), ...(zoom.max === undefined ? {} : { maxzoom: zoom.max }) };
  return [
    {
      id: ids.fill,
      type: 'fill',
      source,
      ...range,
      paint: {
        'fill-color': ['to-color', ['coalesce', ['feature-state', 'fill'], MAP_COLOURS.neutral]],
        'fill-opacity': ['case', ['boolean', ['feature-state', 'dimmed'], false], 0.2, 1],
      },
    },
    {
      id: ids.border,
      type: 'line',
      source,
      ...range,
      paint: { 'line-color': MAP_COLOURS.border, 'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.4, 6, 1.2] },
    },
    {
      id: ids.home,
      type: 'line',
      source,
      ...range,
      filter: isHome,
      paint: { 'line-color': MAP_COLOURS.homeOutline, 'line-width': 1.5 },
    },
    {
      // A tier the user set is drawn with a dashed outline, so it never passes for the sources' tier.
      id: ids.override,
      type: 'line',
      source,
      ...range,
      paint: {
        'line-color': MAP_COLOURS.override,
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
        'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], MAP_COLOURS.selected, MAP_COLOURS.hover],
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 2.5, ['boolean', ['feature-state', 'hover'], false], 1.5, 0],
      },
    },
  ];
}

/** The label text for a language. */
export function labelText(language: Language): ExpressionSpecification {
  return ['coalesce', ['get', `name_${language}`], ['get', 'name_en'], ''];
}

/**
 * The whole inline style: no tile server, no glyph server (labels are drawn with local fonts).
 * Larger countries win label collisions; small ones appear as the user zooms in.
 */
export function buildStyle(shapesUrl: string, places: GeoJSON.FeatureCollection, language: Language): StyleSpecification {
  return {
    version: 8,
    sources: {
      [SOURCES.coarse]: { type: 'geojson', data: shapesUrl, promoteId: 'id' },
      [SOURCES.places]: { type: 'geojson', data: places, promoteId: 'id' },
    },
    layers: [
      { id: 'ocean', type: 'background', paint: { 'background-color': MAP_COLOURS.ocean } },
      ...shapeLayers(SOURCES.coarse),
      {
        id: 'note-dots',
        type: 'circle',
        source: SOURCES.places,
        paint: {
          'circle-radius': 4.5,
          'circle-color': MAP_COLOURS.note,
          'circle-stroke-color': '#ffffff',
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
          'text-color': ['case', isHome, MAP_COLOURS.homeLabel, MAP_COLOURS.label],
          'text-halo-color': MAP_COLOURS.labelHalo,
          'text-halo-width': ['case', isHome, 2, 1.2],
        },
      },
    ],
  };
}
