import type { RelationshipTier, TensionKind } from './tierIds';

/** Whether a passage is running text or an image caption. */
export type PassageKind = 'prose' | 'caption';

/** A citation marker such as `[20]`, removed from the text but remembered where it stood. */
export interface Citation {
  /** What stood between the brackets: `"20"` for `[20]`. */
  label: string;
  /** Index into the passage's normalised `text` where the marker stood. */
  offset: number;
}

/** One paragraph or caption of a source, in source order. */
export interface Passage {
  /** Stable across releases while the passage's normalised text is unchanged. */
  id: string;
  sourceId: string;
  /** Position in the source, from 0. */
  index: number;
  kind: PassageKind;
  /**
   * Citation markers removed, whitespace collapsed. The raw text is not kept: nothing reads it, and
   * for a large imported document it doubled what the renderer is sent.
   */
  text: string;
  citations: Citation[];
}

/** Why a country is linked to a passage: it is what the passage is about, or only where something happened. */
export type LinkRole = 'subject' | 'venue';

/** A span of a passage's text that names or implies a country. */
export interface Link {
  /** ISO 3166-1 alpha-3. */
  countryId: string;
  /** Start of the matched span in `passage.text`. */
  start: number;
  /** End (exclusive) of the matched span in `passage.text`. */
  end: number;
  matched: string;
  role: LinkRole;
}

/** A passage together with the countries it links. */
export interface LinkedPassage extends Passage {
  links: Link[];
}

/** A bilingual string. */
export interface Localised {
  en: string;
  ko: string;
}

/** A phrase in a passage that supports a country's tier. */
export interface Evidence {
  passageId: string;
  start: number;
  end: number;
  phrase: string;
  /** The rule id, or `curated` for an entry of `data/atlas/curated.json`. */
  rule: string;
  /**
   * Set when the phrase does not state a relation with South Korea: it only hopes for one ("seeks to
   * cultivate strategic ties", which counts as engagement), or it concerns two other countries
   * (context, which decides no tier).
   */
  basis?: 'aspiration' | 'context';
}

/** A phrase in a passage that flags a tension with the country. */
export interface Tension {
  kind: TensionKind;
  passageId: string;
  start: number;
  end: number;
  phrase: string;
  rule: string;
}

/** A phrase an evidence rule found in a passage, the country it is attributed to, and the tier it speaks for. */
export interface EvidenceFinding {
  kind: 'evidence';
  countryId: string;
  tier: RelationshipTier;
  evidence: Evidence;
}

/**
 * One phrase a rule found in a passage, and the country it is attributed to. A phrase attributed to
 * several countries (equally near to each) has one Evidence or Tension shared by their findings:
 * fewer objects to make, and IPC (structured clone) sends a shared object once.
 */
export type RuleFinding = { kind: 'tension'; countryId: string; tension: Tension } | EvidenceFinding;
