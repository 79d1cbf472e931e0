import { z } from 'zod';
import { HOME_COUNTRY_ID } from '../home';
import { parseDataFile } from './parse';
import { namesThePair } from './relation';
import { RELATIONSHIP_TIERS } from './tierIds';
import type { RelationshipTier } from './tierIds';
import type { Evidence, LinkedPassage } from './types';

const evidenceReferenceSchema = z
  .strictObject({
    passageId: z.string().min(1).optional(),
    passagePrefix: z.string().min(12).optional(),
    phrase: z.string().min(3),
  })
  .refine((reference) => (reference.passageId === undefined) !== (reference.passagePrefix === undefined), {
    error: 'give exactly one of passageId and passagePrefix',
  });

const curatedEntrySchema = z.strictObject({
  countryId: z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code'),
  tier: z.enum(RELATIONSHIP_TIERS),
  reason: z.string().min(1),
  evidence: z.array(evidenceReferenceSchema).min(1),
});

/** The shape of `data/atlas/curated.json`. */
export const curatedFileSchema = z
  .strictObject({ description: z.string(), entries: z.array(curatedEntrySchema) })
  .refine((file) => new Set(file.entries.map((entry) => entry.countryId)).size === file.entries.length, {
    error: 'each country may be curated once',
  });

/** A tier fixed by hand, with the passages and phrases that justify it. */
export type CuratedEntry = z.infer<typeof curatedEntrySchema>;

/** Thrown when a curated entry's evidence cannot be found in the loaded passages. */
export class CuratedEvidenceError extends Error {
  constructor(message: string) {
    super(`curated.json: ${message}`);
    this.name = 'CuratedEvidenceError';
  }
}

/** Parses `data/atlas/curated.json`; throws naming the file and every problem. */
export function parseCurated(file: unknown): CuratedEntry[] {
  return parseDataFile('curated.json', curatedFileSchema, file).entries;
}

/**
 * Finds each piece of a curated entry's evidence in the passages: the passage (by id, or by a prefix
 * of its text that only one passage has) must link the country as a subject, state its relation with
 * South Korea (name South Korea, or "the two nations") and contain the phrase. Throws a
 * {@link CuratedEvidenceError} otherwise, so a curated tier never outlives its evidence.
 */
export function resolveCuratedEntry(
  entry: CuratedEntry,
  passages: readonly LinkedPassage[],
): { tier: RelationshipTier; evidence: Evidence[] } {
  const evidence = entry.evidence.map((reference): Evidence => {
    const label = reference.passageId ?? `"${reference.passagePrefix ?? ''}"`;
    const candidates = passages.filter((passage) =>
      reference.passageId !== undefined ? passage.id === reference.passageId : passage.text.startsWith(reference.passagePrefix ?? ''),
    );
    const passage = candidates[0];
    if (!passage) throw new CuratedEvidenceError(`${entry.countryId}: no passage ${label}`);
    if (candidates.length > 1) throw new CuratedEvidenceError(`${entry.countryId}: passage ${label} is ambiguous`);
    const isSubject = passage.links.some((link) => link.countryId === entry.countryId && link.role === 'subject');
    if (!isSubject) throw new CuratedEvidenceError(`${entry.countryId}: passage ${label} does not link ${entry.countryId} as a subject`);
    const namesHome = passage.links.some((link) => link.countryId === HOME_COUNTRY_ID && link.role === 'subject') || namesThePair(passage.text);
    if (!namesHome) throw new CuratedEvidenceError(`${entry.countryId}: passage ${label} does not state a relation with South Korea`);
    const start = passage.text.indexOf(reference.phrase);
    if (start === -1) throw new CuratedEvidenceError(`${entry.countryId}: passage ${label} does not contain "${reference.phrase}"`);
    return { passageId: passage.id, start, end: start + reference.phrase.length, phrase: reference.phrase, rule: 'curated' };
  });
  return { tier: entry.tier, evidence };
}

/** Resolves every curated entry, throwing on the first one whose evidence is not in the passages. */
export function verifyCurated(entries: readonly CuratedEntry[], passages: readonly LinkedPassage[]): void {
  for (const entry of entries) resolveCuratedEntry(entry, passages);
}

/** The curated entries whose evidence was found, pinned to its passages, and why each other one was skipped. */
export interface ResolvedCuration {
  entries: CuratedEntry[];
  skipped: string[];
}

/**
 * Resolves every curated entry against the passages. An entry whose evidence is missing (a source
 * edited, a passage gone) is skipped and reported, and its country's tier falls to the rules: a
 * stale curation must never stop the atlas from being built. Evidence is pinned to the passage that
 * holds it, so another source quoting the same text (an imported copy of the article) does not make
 * it ambiguous later.
 */
export function resolveCurated(entries: readonly CuratedEntry[], passages: readonly LinkedPassage[]): ResolvedCuration {
  const resolved: CuratedEntry[] = [];
  const skipped: string[] = [];
  for (const entry of entries) {
    try {
      const { evidence } = resolveCuratedEntry(entry, passages);
      resolved.push({ ...entry, evidence: evidence.map(({ passageId, phrase }) => ({ passageId, phrase })) });
    } catch (error) {
      if (!(error instanceof CuratedEvidenceError)) throw error;
      skipped.push(error.message);
    }
  }
  return { entries: resolved, skipped };
}
