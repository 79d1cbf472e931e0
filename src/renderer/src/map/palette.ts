import type { Theme } from '../theme/theme';

/** The map's own colours (not the tiers': those come with the atlas, per theme). */
export interface MapColours {
  ocean: string;
  neutral: string;
  border: string;
  homeOutline: string;
  hover: string;
  selected: string;
  label: string;
  labelHalo: string;
  homeLabel: string;
  override: string;
  note: string;
  noteStroke: string;
}

/**
 * Colours of the map per theme; partners get their fill through feature-state. The dark map keeps
 * the light one's relations: land lighter than the sea, borders a step from the land, labels with a
 * halo of the sea's colour, selection in the accent of the theme.
 */
export const MAP_PALETTES: Record<Theme, MapColours> = {
  light: {
    ocean: '#c9dbe8',
    neutral: '#e6e1d6',
    border: '#9c9588',
    homeOutline: '#0b2540',
    hover: '#3b3b3b',
    selected: '#c2410c',
    label: '#2b2b2b',
    labelHalo: 'rgba(255,255,255,0.85)',
    homeLabel: '#0b2540',
    override: '#1f1d1a',
    note: '#c2410c',
    noteStroke: '#ffffff',
  },
  dark: {
    ocean: '#061424',
    neutral: '#2a2e34',
    border: '#6b7079',
    homeOutline: '#e8f1ff',
    hover: '#f2f2f2',
    selected: '#fb923c',
    label: '#ece8e1',
    labelHalo: 'rgba(6,20,36,0.9)',
    homeLabel: '#cfe3ff',
    override: '#f4f1ea',
    note: '#fb923c',
    noteStroke: '#061424',
  },
};

/** The light theme's colours (the map is created with them before the theme is known). */
export const MAP_COLOURS = MAP_PALETTES.light;
