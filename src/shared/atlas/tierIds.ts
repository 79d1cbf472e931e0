/** Tiers a relationship can be decided as, strongest first. */
export const RELATIONSHIP_TIERS = ['alliance', 'comprehensive-strategic', 'strategic', 'partner', 'engaged', 'adversarial'] as const;
/** A tier that rules or curation can decide. */
export type RelationshipTier = (typeof RELATIONSHIP_TIERS)[number];

/**
 * What a tier rests on, where the panel should say so: only an aspiration ("seeks to cultivate
 * strategic ties"), a single deciding phrase, or a decision of the atlas editors.
 */
export const TIER_BASES = ['aspiration', 'single-mention', 'curated'] as const;
/** What a tier rests on, when it is not several stated relations. */
export type TierBasis = (typeof TIER_BASES)[number];

/** Every style the map draws a country in: home, the relationship tiers, then the two without a relationship. */
export const TIER_IDS = ['home', ...RELATIONSHIP_TIERS, 'mentioned', 'not-covered'] as const;
/** Any tier a country can be shown in. */
export type TierId = (typeof TIER_IDS)[number];

/** Kinds of tension flagged next to (never instead of) a tier. */
export const TENSION_KINDS = [
  'territorial-dispute',
  'armed-clash',
  'war',
  'incident',
  'strained-relations',
  'nuclear-issue',
  'grievance',
  'trade-barrier',
] as const;
/** A kind of tension. */
export type TensionKind = (typeof TENSION_KINDS)[number];
