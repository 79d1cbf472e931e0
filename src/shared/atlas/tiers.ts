import { z } from 'zod';
import { HOME_COUNTRY_ID } from '../countries';
import { resolveCuratedEntry } from './curated';
import type { CuratedEntry } from './curated';
import { parseDataFile } from './parse';
import { RELATIONSHIP_TIERS, TENSION_KINDS, TIER_IDS } from './tierIds';
import type { RelationshipTier, TierId } from './tierIds';
import type { Evidence, Link, LinkedPassage, Tension } from './types';

const hexColour = z.string().regex(/^#[0-9A-Fa-f]{6}$/, 'a #rrggbb colour');
const localised = z.strictObject({ en: z.string().min(1), ko: z.string().min(1) });
const regexSource = z.string().refine(compiles, 'a valid regular expression');

const tierSchema = z.strictObject({
  id: z.enum(TIER_IDS),
  rank: z.number().int().min(0),
  label: localised,
  definition: localised,
  colour: z.strictObject({ light: hexColour, dark: hexColour }),
});

const ruleSchema = z.strictObject({
  id: z.string().min(1),
  tier: z.enum(RELATIONSHIP_TIERS),
  pattern: regexSource,
  note: z.string().min(1),
});

const tensionRuleSchema = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(TENSION_KINDS),
  pattern: regexSource,
  note: z.string().min(1),
});

/** The shape of `data/atlas/tiers.json`. */
export const tiersFileSchema = z
  .strictObject({
    description: z.string(),
    tiers: z.array(tierSchema),
    decisionOrder: z.array(z.enum(RELATIONSHIP_TIERS)),
    negation: regexSource,
    rules: z.array(ruleSchema).min(1),
    tensions: z.array(tensionRuleSchema),
  })
  .superRefine((file, context) => {
    const ids = file.tiers.map((tier) => tier.id);
    for (const id of TIER_IDS) {
      if (ids.filter((other) => other === id).length !== 1) context.addIssue({ code: 'custom', message: `tier "${id}" must appear exactly once` });
    }
    if ([...file.decisionOrder].sort().join() !== [...RELATIONSHIP_TIERS].sort().join()) {
      context.addIssue({ code: 'custom', message: 'decisionOrder must list every relationship tier once' });
    }
    const ruleIds = [...file.rules, ...file.tensions].map((rule) => rule.id);
    if (new Set(ruleIds).size !== ruleIds.length) context.addIssue({ code: 'custom', message: 'rule ids must be unique' });
  });

/** One tier with its labels and map colours. */
export type Tier = z.infer<typeof tierSchema>;
/** A phrase pattern that is evidence for a tier. */
export type TierRule = z.infer<typeof ruleSchema>;
/** A phrase pattern that flags a tension. */
export type TensionRule = z.infer<typeof tensionRuleSchema>;

/** The parsed tiers file: tiers ordered by rank, and the rules that decide between them. */
export interface TierScheme {
  tiers: Tier[];
  decisionOrder: RelationshipTier[];
  negation: string;
  rules: TierRule[];
  tensions: TensionRule[];
}

/** Parses `data/atlas/tiers.json`; throws naming the file and every problem. */
export function parseTierScheme(file: unknown): TierScheme {
  const parsed = parseDataFile('tiers.json', tiersFileSchema, file);
  return {
    tiers: [...parsed.tiers].sort((a, b) => a.rank - b.rank),
    decisionOrder: parsed.decisionOrder,
    negation: parsed.negation,
    rules: parsed.rules,
    tensions: parsed.tensions,
  };
}

/** A country's tier, the evidence that decided it, and its tension flags. */
export interface Classification {
  tier: TierId;
  evidence: Evidence[];
  tensions: Tension[];
  decidedBy: 'rules' | 'curated' | 'none';
}

/**
 * Decides a country's tier from the passages that link it. A curated entry wins; otherwise the first
 * tier in the scheme's decision order with evidence; a covered country without evidence is
 * `mentioned`, and a country in no passage is `not-covered`, never a guess.
 */
export function classifyCountry(
  countryId: string,
  passages: readonly LinkedPassage[],
  scheme: TierScheme,
  curated: readonly CuratedEntry[],
): Classification {
  if (countryId === HOME_COUNTRY_ID) return { tier: 'home', evidence: [], tensions: [], decidedBy: 'none' };
  const covering = passages.filter((passage) => passage.links.some((link) => link.countryId === countryId));
  if (covering.length === 0) return { tier: 'not-covered', evidence: [], tensions: [], decidedBy: 'none' };

  const negation = new RegExp(scheme.negation, 'iu');
  const tensions = sortByPosition(
    scheme.tensions.flatMap((rule) =>
      attributedMatches(covering, rule.pattern, negation, countryId).map(
        (found): Tension => ({ kind: rule.kind, rule: rule.id, ...found }),
      ),
    ),
    passages,
  );

  const entry = curated.find((candidate) => candidate.countryId === countryId);
  if (entry) {
    const resolved = resolveCuratedEntry(entry, passages);
    return { tier: resolved.tier, evidence: resolved.evidence, tensions, decidedBy: 'curated' };
  }

  const evidence = scheme.rules.flatMap((rule) =>
    attributedMatches(covering, rule.pattern, negation, countryId).map((found) => ({ tier: rule.tier, item: { rule: rule.id, ...found } })),
  );
  for (const tier of scheme.decisionOrder) {
    const deciding = evidence.filter((candidate) => candidate.tier === tier).map((candidate) => candidate.item);
    if (deciding.length > 0) return { tier, evidence: sortByPosition(deciding, passages), tensions, decidedBy: 'rules' };
  }
  return { tier: 'mentioned', evidence: [], tensions, decidedBy: 'none' };
}

interface Found {
  passageId: string;
  start: number;
  end: number;
  phrase: string;
}

// A phrase belongs to the foreign subject nearest to it, so "mutual defense treaty … the United States
// in the Vietnam War" is evidence for the United States and not for Vietnam.
function attributedMatches(passages: readonly LinkedPassage[], pattern: string, negation: RegExp, countryId: string): Found[] {
  const found: Found[] = [];
  for (const passage of passages) {
    const subjects = passage.links.filter((link) => link.role === 'subject' && link.countryId !== HOME_COUNTRY_ID);
    if (!subjects.some((link) => link.countryId === countryId)) continue;
    for (const match of passage.text.matchAll(new RegExp(pattern, 'giu'))) {
      if (match[0].length === 0) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (negation.test(passage.text.slice(Math.max(0, start - 30), start))) continue;
      if (!nearestSubjects(subjects, start, end).has(countryId)) continue;
      found.push({ passageId: passage.id, start, end, phrase: match[0] });
    }
  }
  return found;
}

function nearestSubjects(subjects: readonly Link[], start: number, end: number): Set<string> {
  let best = Number.POSITIVE_INFINITY;
  let nearest = new Set<string>();
  for (const link of subjects) {
    const distance = Math.max(0, link.start - end, start - link.end);
    if (distance < best) {
      best = distance;
      nearest = new Set([link.countryId]);
    } else if (distance === best) {
      nearest.add(link.countryId);
    }
  }
  return nearest;
}

function sortByPosition<T extends Found>(items: readonly T[], passages: readonly LinkedPassage[]): T[] {
  const order = new Map(passages.map((passage, position) => [passage.id, position]));
  return [...items].sort((a, b) => (order.get(a.passageId) ?? 0) - (order.get(b.passageId) ?? 0) || a.start - b.start);
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'giu');
    return true;
  } catch {
    return false;
  }
}
