import type { Tier, TierId } from '../../../shared/atlas';
import type { Theme } from '../theme/theme';

/** A country as colouring needs it. */
interface Coloured {
  id: string;
}

/** The filters that fade countries on the map (the legend's tier and body, the timeline's years). */
export interface MapFilters {
  /** Only this tier stays bright (the legend's tier filter). */
  tier: TierId | null;
  /** Only these stay bright (the timeline's years, while the timeline tab is open). */
  inRange: ReadonlySet<string> | null;
  /** Only these stay bright (the members of the body chosen in the legend or the panel). */
  members: ReadonlySet<string> | null;
}

/**
 * The tier the map shows for a country: the user's own where there is one (drawn with a dashed
 * outline), else the sources'.
 */
export function shownTierOf(sourcesTier: (id: string) => TierId, overrides: ReadonlyMap<string, { tier: string }>): (id: string) => TierId {
  return (id) => (overrides.get(id)?.tier as TierId | undefined) ?? sourcesTier(id);
}

/** Each country's fill: the colour of its shown tier in the theme drawn. */
export function tierFills(
  countries: readonly Coloured[],
  shownTier: (id: string) => TierId,
  tier: (id: TierId) => Tier,
  theme: Theme,
): Map<string, string> {
  return new Map(countries.map((country) => [country.id, tier(shownTier(country.id)).colour[theme]]));
}

/** How many countries the map shows in each tier (the legend's counts). */
export function tierCounts(countries: readonly Coloured[], shownTier: (id: string) => TierId): Map<TierId, number> {
  const result = new Map<TierId, number>();
  for (const country of countries) result.set(shownTier(country.id), (result.get(shownTier(country.id)) ?? 0) + 1);
  return result;
}

/** The countries drawn faded: those any of the filters leaves out. */
export function dimmedCountries(countries: readonly Coloured[], shownTier: (id: string) => TierId, filters: MapFilters): Set<string> {
  const { tier, inRange, members } = filters;
  const hidden = (id: string) => (tier !== null && shownTier(id) !== tier) || (inRange !== null && !inRange.has(id)) || (members !== null && !members.has(id));
  return new Set(countries.filter((country) => hidden(country.id)).map((country) => country.id));
}
