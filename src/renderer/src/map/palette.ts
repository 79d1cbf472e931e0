/** Colours of the map in the light theme; partners get their fill through feature-state. */
export const MAP_COLOURS = {
  ocean: '#dde7ee',
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
} as const;
