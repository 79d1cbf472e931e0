import type { Tier, TierId } from '../../../shared/atlas';
import { countriesOf } from '../../../shared/atlas';
import type { CountryOverview } from '../../../shared/atlas/summary';
import type { AtlasSummary } from '../../../shared/contract';
import type { Link } from '../../../shared/atlas';

/** Fast lookups over the atlas for the views. */
export interface AtlasIndex {
  /** The atlas in brief, as main sent it (passages are paged in through the contract). */
  model: AtlasSummary;
  searchNames: Record<string, string[]>;
  /** The country's tier; areas the model does not know are not covered. */
  tierOf(id: string): TierId;
  tier(id: TierId): Tier;
  country(id: string): CountryOverview | undefined;
  /** Countries a passage is about, partners before South Korea. */
  subjectsOf(passage: { links: readonly Link[] }): string[];
}

export function indexAtlas(model: AtlasSummary): AtlasIndex {
  const tiers = new Map(model.tiers.map((tier) => [tier.id, tier]));
  return {
    model,
    searchNames: model.searchNames,
    tierOf: (id) => model.countries[id]?.tier ?? 'not-covered',
    tier(id) {
      const tier = tiers.get(id);
      if (!tier) throw new Error(`Unknown tier ${id}`);
      return tier;
    },
    country: (id) => model.countries[id],
    subjectsOf(passage) {
      const subjects = countriesOf(passage.links);
      return [...subjects.filter((id) => id !== model.homeId), ...subjects.filter((id) => id === model.homeId)];
    },
  };
}
