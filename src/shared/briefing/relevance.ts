import type { AtlasCountry, AtlasPassage } from '../atlas';

/** What a capped briefing prints of a country's passages. */
export interface PassageChoice {
  /** The passages printed, in source order. */
  shown: AtlasPassage[];
  /** Passages left out. */
  left: number;
}

/**
 * The deciding and most relevant of a country's passages (given in source order), at most `cap`,
 * in source order. Relevance, deterministically: passages with a phrase that decided the tier
 * first; then those the country is a subject of (not only where something happened); then those
 * with more of the rules' findings for the country (deciding, tension and context phrases); then
 * source order.
 */
export function mostRelevantPassages(
  countryId: string,
  entry: Pick<AtlasCountry, 'evidence' | 'tensions' | 'context'>,
  passages: readonly AtlasPassage[],
  cap: number,
): PassageChoice {
  if (passages.length <= cap) return { shown: [...passages], left: 0 };
  const deciding = new Set(entry.evidence.map((evidence) => evidence.passageId));
  const findings = new Map<string, number>();
  for (const item of [...entry.evidence, ...entry.tensions, ...(entry.context ?? [])]) findings.set(item.passageId, (findings.get(item.passageId) ?? 0) + 1);
  const ranked = passages.map((passage, place) => ({
    passage,
    place,
    deciding: deciding.has(passage.id) ? 0 : 1,
    subject: passage.links.some((link) => link.countryId === countryId && link.role === 'subject') ? 0 : 1,
    findings: findings.get(passage.id) ?? 0,
  }));
  ranked.sort((a, b) => a.deciding - b.deciding || a.subject - b.subject || b.findings - a.findings || a.place - b.place);
  const chosen = ranked.slice(0, cap).sort((a, b) => a.place - b.place);
  return { shown: chosen.map((item) => item.passage), left: passages.length - chosen.length };
}
