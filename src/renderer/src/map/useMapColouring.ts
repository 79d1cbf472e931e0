import { useMemo } from 'react';
import type { TierId } from '../../../shared/atlas';
import type { AtlasIndex } from '../atlas/atlasIndex';
import type { Theme } from '../theme/theme';
import { dimmedCountries, shownTierOf, tierCounts, tierFills, type MapFilters } from './colouring';

interface MapColouringInput {
  countries: readonly { id: string }[];
  atlas: AtlasIndex;
  /** The user's own tiers, by country. */
  overrides: ReadonlyMap<string, { tier: string }>;
  /** Notes per country. */
  noteCounts: ReadonlyMap<string, number>;
  theme: Theme;
  filters: MapFilters;
}

/** How the map and the legend colour the countries, kept between renders while nothing it rests on changes. */
export interface MapColouring {
  /** The tier shown for a country: the user's own, else the sources'. */
  shownTier(id: string): TierId;
  /** Fill colours by country id. */
  fills: ReadonlyMap<string, string>;
  /** Countries per shown tier. */
  counts: ReadonlyMap<TierId, number>;
  /** Countries drawn faded by the filters. */
  dimmed: ReadonlySet<string>;
  /** Countries shown in the user's own tier (dashed outline). */
  overridden: ReadonlySet<string>;
  /** Countries with notes (marked with a dot). */
  noted: ReadonlySet<string>;
}

/** The map's colouring from the atlas, the user's tiers and notes, the theme and the filters. */
export function useMapColouring({ countries, atlas, overrides, noteCounts, theme, filters }: MapColouringInput): MapColouring {
  const shownTier = useMemo(() => shownTierOf((id) => atlas.tierOf(id), overrides), [atlas, overrides]);
  const fills = useMemo(() => tierFills(countries, shownTier, (id) => atlas.tier(id), theme), [countries, atlas, shownTier, theme]);
  const counts = useMemo(() => tierCounts(countries, shownTier), [countries, shownTier]);
  const { tier, inRange, members } = filters;
  const dimmed = useMemo(() => dimmedCountries(countries, shownTier, { tier, inRange, members }), [countries, shownTier, tier, inRange, members]);
  const overridden = useMemo(() => new Set(overrides.keys()), [overrides]);
  const noted = useMemo(() => new Set(noteCounts.keys()), [noteCounts]);
  return { shownTier, fills, counts, dimmed, overridden, noted };
}
