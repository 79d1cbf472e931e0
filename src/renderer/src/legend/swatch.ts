import type { CSSProperties } from 'react';
import type { Tier } from '../../../shared/atlas';

/** A tier swatch's style: both theme colours, the stylesheet picks the one of the theme in use. */
export function swatchStyle(tier: Pick<Tier, 'colour'>): CSSProperties {
  return { '--swatch-light': tier.colour.light, '--swatch-dark': tier.colour.dark } as CSSProperties;
}
