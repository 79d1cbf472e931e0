import { RELATIONSHIP_TIERS } from '../../shared/atlas';
import type { Handlers } from '../../shared/contract';
import type { Store } from '../store/openStore';
import { createOverridesRepository } from '../store/overridesRepository';

export interface OverridesHandlerDeps {
  store: Store;
  now?: () => Date;
}

/** The tiers a user may set for a country: the relationship tiers, not home or the coverage ones. */
export const OVERRIDABLE_TIERS: readonly string[] = RELATIONSHIP_TIERS;

/** Handlers for the user's own tiers of countries. */
export function createOverridesHandlers(deps: OverridesHandlerDeps): Pick<Handlers, 'overrides'> {
  const now = deps.now ?? (() => new Date());
  const overrides = createOverridesRepository(deps.store, { tierIds: OVERRIDABLE_TIERS, now });
  return {
    overrides: {
      list: () => overrides.list(),
      set: (input) => overrides.set(input),
      clear: ({ countryId }) => overrides.clear(countryId),
    },
  };
}
