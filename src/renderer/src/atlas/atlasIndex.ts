import type { AtlasCountry, AtlasModel, AtlasPassage, Tier, TierId } from '../../../shared/atlas';
import { countriesOf } from '../../../shared/atlas';
import type { AtlasView } from '../../../shared/contract';

/** Fast lookups over the atlas for the views. */
export interface AtlasIndex {
  model: AtlasModel;
  searchNames: Record<string, string[]>;
  /** The country's tier; areas the model does not know are not covered. */
  tierOf(id: string): TierId;
  tier(id: TierId): Tier;
  country(id: string): AtlasCountry | undefined;
  passage(id: string): AtlasPassage | undefined;
  /** Countries a passage is about, partners before South Korea. */
  subjectsOf(passage: AtlasPassage): string[];
}

export function indexAtlas(view: AtlasView): AtlasIndex {
  const { model } = view;
  const passages = new Map(model.passages.map((passage) => [passage.id, passage]));
  const tiers = new Map(model.tiers.map((tier) => [tier.id, tier]));
  return {
    model,
    searchNames: view.searchNames,
    tierOf: (id) => model.countries[id]?.tier ?? 'not-covered',
    tier(id) {
      const tier = tiers.get(id);
      if (!tier) throw new Error(`Unknown tier ${id}`);
      return tier;
    },
    country: (id) => model.countries[id],
    passage: (id) => passages.get(id),
    subjectsOf(passage) {
      const subjects = countriesOf(passage.links);
      return [...subjects.filter((id) => id !== model.homeId), ...subjects.filter((id) => id === model.homeId)];
    },
  };
}
