import { z } from 'zod';
import { CodedError } from '../../shared/codedError';
import { parseInput } from '../../shared/notes/operations';
import { countryIdSchema, OVERRIDE_REASON_MAX, tierIdSchema, type TierOverride } from '../../shared/store/schema';
import type { Store } from './openStore';

/** What the user gives to set their own tier for a country. */
export const overrideInputSchema = z.strictObject({
  countryId: countryIdSchema,
  tier: tierIdSchema,
  reason: z.string().max(OVERRIDE_REASON_MAX),
});
export type OverrideInput = z.infer<typeof overrideInputSchema>;

/** The user's own tiers, one per country at most, kept apart from the source tiers. */
export interface OverridesRepository {
  /** Sets or replaces the override (keeping its `createdAt`). Rejects `unknown-tier`, `invalid-input`. */
  set(input: OverrideInput): Promise<TierOverride>;
  /** Removes the override, so the source tier shows again; resolves with what was removed, or null. */
  clear(countryId: string): Promise<TierOverride | null>;
  get(countryId: string): TierOverride | undefined;
  /** Sorted by country id. */
  list(): TierOverride[];
}

/** The tiers on offer, and the clock (replaceable in tests). */
export interface OverridesRepositoryOptions {
  /** The tier ids a user may choose; anything else is refused. */
  tierIds: readonly string[];
  now?: () => Date;
}

/** The tier-override repository over `store`. */
export function createOverridesRepository(store: Store, options: OverridesRepositoryOptions): OverridesRepository {
  const now = options.now ?? (() => new Date());
  const tierIds = new Set(options.tierIds);

  return {
    async set(input) {
      const { countryId, tier, reason } = parseInput(overrideInputSchema, input, 'tier override');
      if (!tierIds.has(tier)) throw new CodedError('unknown-tier', `There is no tier ${tier} to choose.`);
      const stamp = now().toISOString();
      let saved: TierOverride | undefined;
      await store.update((draft) => {
        const index = draft.overrides.findIndex((override) => override.countryId === countryId);
        const createdAt = index === -1 ? stamp : draft.overrides[index]!.createdAt;
        saved = { countryId, tier, reason, createdAt, updatedAt: stamp };
        if (index === -1) draft.overrides.push(saved);
        else draft.overrides[index] = saved;
      });
      return saved!;
    },

    async clear(countryId) {
      const id = parseInput(countryIdSchema, countryId, 'country id');
      // Nothing to clear is not worth a write.
      if (!store.read().overrides.some((override) => override.countryId === id)) return null;
      let cleared: TierOverride | null = null;
      await store.update((draft) => {
        const index = draft.overrides.findIndex((override) => override.countryId === id);
        cleared = index === -1 ? null : (draft.overrides.splice(index, 1)[0] ?? null);
      });
      return cleared;
    },

    get: (countryId) => store.read().overrides.find((override) => override.countryId === countryId),

    list: () => [...store.read().overrides].sort((a, b) => (a.countryId < b.countryId ? -1 : a.countryId > b.countryId ? 1 : 0)),
  };
}
