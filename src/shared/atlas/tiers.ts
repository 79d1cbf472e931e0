import { z } from 'zod';
import { HOME_COUNTRY_ID } from '../countries';
import { resolveCuratedEntry } from './curated';
import type { CuratedEntry } from './curated';
import { parseDataFile } from './parse';
import { memoOf } from './passageMemo';
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
  return classifyCountries([countryId], passages, scheme, curated).get(countryId)!;
}

/**
 * {@link classifyCountry} for many countries at once. Each rule runs over each passage once, its
 * matches going to the countries they belong to, so the cost grows with the passages rather than
 * with passages times countries (a passage about the EU links twenty-seven).
 */
export function classifyCountries(
  countryIds: Iterable<string>,
  passages: readonly LinkedPassage[],
  scheme: TierScheme,
  curated: readonly CuratedEntry[],
): Map<string, Classification> {
  const steps = classifyCountriesSteps(countryIds, passages, scheme, curated);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** {@link classifyCountries} in bounded steps, each yielding how much is done (0 to 1). */
export function* classifyCountriesSteps(
  countryIds: Iterable<string>,
  passages: readonly LinkedPassage[],
  scheme: TierScheme,
  curated: readonly CuratedEntry[],
  /** The countries some passage links, when the caller has them at hand already. */
  linked?: ReadonlySet<string>,
): Generator<number, Map<string, Classification>, void> {
  const found = findAttributed(passages, scheme);
  yield 0.2;
  let covered = linked;
  if (!covered) {
    const ids = new Set<string>();
    for (const passage of passages) for (const link of passage.links) ids.add(link.countryId);
    covered = ids;
  }
  yield 0.4;
  const ids = [...countryIds];
  const classifications = new Map<string, Classification>();
  for (const [index, countryId] of ids.entries()) {
    classifications.set(countryId, classifyFound(countryId, covered.has(countryId), found.get(countryId), passages, scheme, curated));
    if (index % 10 === 9) yield 0.4 + (0.6 * (index + 1)) / ids.length;
  }
  return classifications;
}

interface Found {
  passageId: string;
  start: number;
  end: number;
  phrase: string;
}

/** What the rules found for one country, in passage order. */
interface CountryFindings {
  evidence: EvidenceFinding[];
  tensions: Tension[];
}

function classifyFound(
  countryId: string,
  isCovered: boolean,
  found: CountryFindings | undefined,
  passages: readonly LinkedPassage[],
  scheme: TierScheme,
  curated: readonly CuratedEntry[],
): Classification {
  if (countryId === HOME_COUNTRY_ID) return { tier: 'home', evidence: [], tensions: [], decidedBy: 'none' };
  if (!isCovered) return { tier: 'not-covered', evidence: [], tensions: [], decidedBy: 'none' };
  const tensions = sortByPosition(found?.tensions ?? []);

  const entry = curated.find((candidate) => candidate.countryId === countryId);
  if (entry) {
    const resolved = resolveCuratedEntry(entry, passages);
    return { tier: resolved.tier, evidence: resolved.evidence, tensions, decidedBy: 'curated' };
  }

  const evidence = found?.evidence ?? [];
  for (const tier of scheme.decisionOrder) {
    const deciding: Evidence[] = [];
    for (const candidate of evidence) if (candidate.tier === tier) deciding.push(candidate.evidence);
    if (deciding.length > 0) return { tier, evidence: sortByPosition(deciding), tensions, decidedBy: 'rules' };
  }
  return { tier: 'mentioned', evidence: [], tensions, decidedBy: 'none' };
}

// Gathers every passage's findings by country, in passage order.
function findAttributed(passages: readonly LinkedPassage[], scheme: TierScheme): Map<string, CountryFindings> {
  const byCountry = new Map<string, CountryFindings>();
  for (const passage of passages) {
    for (const finding of passageFindings(passage, scheme)) {
      let findings = byCountry.get(finding.countryId);
      if (!findings) {
        findings = { evidence: [], tensions: [] };
        byCountry.set(finding.countryId, findings);
      }
      if (finding.kind === 'tension') findings.tensions.push(finding.tension);
      else findings.evidence.push(finding);
    }
  }
  return byCountry;
}

/** A phrase an evidence rule found in a passage, the country it is attributed to, and the tier it speaks for. */
interface EvidenceFinding {
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

/** A scheme's rules compiled once (what they found in each passage is kept in its memo). */
interface SchemeCache {
  negation: CompiledRule;
  rules: { rule: TierRule; regex: CompiledRule }[];
  tensions: { rule: TensionRule; regex: CompiledRule }[];
}

const schemeCaches = new WeakMap<TierScheme, SchemeCache>();

function cacheFor(scheme: TierScheme): SchemeCache {
  let cache = schemeCaches.get(scheme);
  if (!cache) {
    cache = {
      negation: compileRule(scheme.negation, 'i'),
      rules: scheme.rules.map((rule) => ({ rule, regex: compileRule(rule.pattern, 'gi') })),
      tensions: scheme.tensions.map((rule) => ({ rule, regex: compileRule(rule.pattern, 'gi') })),
    };
    schemeCaches.set(scheme, cache);
  }
  return cache;
}

/**
 * What the rules find in one passage, each phrase attributed to the foreign subject nearest to it,
 * so "mutual defense treaty … the United States in the Vietnam War" is evidence for the United
 * States and not for Vietnam. Kept per passage: an atlas rebuilt with one more source (or one
 * fewer) runs the rules only over passages it has not seen, which keeps turning a large imported
 * source on and off quick.
 */
export function passageFindings(passage: LinkedPassage, scheme: TierScheme): readonly RuleFinding[] {
  const cache = cacheFor(scheme);
  const memo = memoOf(passage);
  if (memo.findings?.scheme === scheme) return memo.findings.found;
  const findings: RuleFinding[] = [];
  const subjects = subjectsForFindings(passage);
  if (subjects.length > 0) {
    const plain = isPlainText(passage.text);
    const negation = cache.negation.regexFor(plain);
    const matchesOf = (rule: CompiledRule, record: (countryIds: readonly string[], found: Found) => void): void => {
      // exec over one regular expression rather than matchAll, which copies it for every passage.
      const regex = rule.regexFor(plain);
      regex.lastIndex = 0;
      for (let match = regex.exec(passage.text); match !== null; match = regex.exec(passage.text)) {
        if (match[0].length === 0) {
          regex.lastIndex = advance(passage.text, regex.lastIndex, regex.unicode);
          continue;
        }
        const start = match.index;
        const end = start + match[0].length;
        if (negation.test(passage.text.slice(Math.max(0, start - 30), start))) continue;
        record(nearestSubjects(subjects, start, end), { passageId: passage.id, start, end, phrase: match[0] });
      }
    };
    for (const { rule, regex } of cache.tensions) matchesOf(regex, (countryIds, found) => addTension(findings, rule, countryIds, found));
    for (const { rule, regex } of cache.rules) matchesOf(regex, (countryIds, found) => addEvidence(findings, rule, countryIds, found));
  }
  memo.findings = { scheme, found: findings };
  return findings;
}

/**
 * {@link passageFindings} for many passages at once, each kept as that keeps it. Each rule runs once
 * over the passages' texts joined by a NUL (which no text holds and no rule can match or see past)
 * rather than once per passage: a large import has tens of thousands of passages, and starting a
 * regular expression is a good part of running it over one. The findings are the same, in the same
 * order; a rule that could see across passages, or a match that does, sends the passages the
 * one-at-a-time way.
 */
export function warmPassageFindings(passages: readonly LinkedPassage[], scheme: TierScheme): void {
  const cache = cacheFor(scheme);
  const todo: { passage: LinkedPassage; subjects: Link[]; offset: number; findings: RuleFinding[] }[] = [];
  const texts: string[] = [];
  let offset = 0;
  let plain = true;
  for (const passage of passages) {
    if (memoOf(passage).findings?.scheme === scheme) continue;
    const subjects = subjectsForFindings(passage);
    if (subjects.length === 0 || passage.text.includes('\u0000')) {
      passageFindings(passage, scheme);
      continue;
    }
    todo.push({ passage, subjects, offset, findings: [] });
    texts.push(passage.text);
    offset += passage.text.length + 1;
    plain &&= isPlainText(passage.text);
  }
  if (todo.length === 0) return;
  const all = [...cache.tensions.map(({ regex }) => regex), ...cache.rules.map(({ regex }) => regex)];
  if (todo.length === 1 || !all.every((rule) => rule.batchable)) {
    for (const { passage } of todo) passageFindings(passage, scheme);
    return;
  }
  const joined = texts.join('\u0000');
  const negation = cache.negation.regexFor(plain);
  const run = (rule: CompiledRule, record: (item: (typeof todo)[number], found: Found) => void): boolean => {
    const regex = rule.regexFor(plain);
    regex.lastIndex = 0;
    let at = 0;
    for (let match = regex.exec(joined); match !== null; match = regex.exec(joined)) {
      if (match[0].length === 0) {
        regex.lastIndex = advance(joined, regex.lastIndex, regex.unicode);
        continue;
      }
      while (at + 1 < todo.length && todo[at + 1]!.offset <= match.index) at++;
      const item = todo[at]!;
      const start = match.index - item.offset;
      const end = start + match[0].length;
      if (end > item.passage.text.length) return false;
      const { text } = item.passage;
      if (negation.test(text.slice(Math.max(0, start - 30), start))) continue;
      record(item, { passageId: item.passage.id, start, end, phrase: match[0] });
    }
    return true;
  };
  for (const { rule, regex } of cache.tensions) {
    const complete = run(regex, (item, found) => addTension(item.findings, rule, nearestSubjects(item.subjects, found.start, found.end), found));
    if (!complete) return fallBack(todo, scheme);
  }
  for (const { rule, regex } of cache.rules) {
    const complete = run(regex, (item, found) => addEvidence(item.findings, rule, nearestSubjects(item.subjects, found.start, found.end), found));
    if (!complete) return fallBack(todo, scheme);
  }
  for (const { passage, findings } of todo) memoOf(passage).findings = { scheme, found: findings };
}

function addTension(findings: RuleFinding[], rule: TensionRule, countryIds: readonly string[], found: Found): void {
  const tension: Tension = { kind: rule.kind, rule: rule.id, passageId: found.passageId, start: found.start, end: found.end, phrase: found.phrase };
  for (const countryId of countryIds) findings.push({ kind: 'tension', countryId, tension });
}

function addEvidence(findings: RuleFinding[], rule: TierRule, countryIds: readonly string[], found: Found): void {
  const evidence: Evidence = { rule: rule.id, passageId: found.passageId, start: found.start, end: found.end, phrase: found.phrase };
  for (const countryId of countryIds) findings.push({ kind: 'evidence', countryId, tier: rule.tier, evidence });
}

function fallBack(todo: readonly { passage: LinkedPassage }[], scheme: TierScheme): void {
  for (const { passage } of todo) passageFindings(passage, scheme);
}

function subjectsForFindings(passage: LinkedPassage): Link[] {
  return passage.links.filter((link) => link.role === 'subject' && link.countryId !== HOME_COUNTRY_ID);
}

/** A rule's regular expression, with a faster equivalent for the text where it is one. */
interface CompiledRule {
  regexFor(plainText: boolean): RegExp;
  /**
   * Whether the rule matches the same in texts joined by a NUL as in each text alone: no anchors, no
   * lookbehind, nothing that matches any character (a dot, a negated class or escape, a code escape).
   */
  batchable: boolean;
}

/**
 * Compiles a rule with the Unicode flag, as the tiers file is validated, plus a copy without it where
 * that matches the same: the Unicode flag makes case-insensitive matching ten times slower, which a
 * long import feels. Without the flag a pattern means the same when it is plain ASCII with no
 * Unicode-only escapes, and the text has no surrogate pairs and neither of the two characters that
 * Unicode case folding alone equates with ASCII letters (ſ with s, the Kelvin sign with k).
 */
function compileRule(pattern: string, flags: 'g' | 'gi' | 'i'): CompiledRule {
  const exact = new RegExp(pattern, `${flags}u`);
  // eslint-disable-next-line no-control-regex
  const fast = /^[\x00-\x7f]*$/.test(pattern) && !/\\[pPu]\{|\\[pP]/.test(pattern) ? new RegExp(pattern, flags) : null;
  return { regexFor: (plainText) => (plainText && fast ? fast : exact), batchable: isBatchable(pattern) };
}

function isBatchable(pattern: string): boolean {
  // Escapes that only match letters, digits, whitespace or a word boundary, or the literal character escaped.
  const unescaped = pattern.replace(/\\[bdswnrtfv]|\\[^A-Za-z0-9]/g, '');
  return !/[\\^$.]|\(\?<[=!]/.test(unescaped);
}

// Past an empty match, as matchAll steps: one code unit, or one code point in Unicode mode.
function advance(text: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= text.length) return index + 1;
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? index + 2 : index + 1;
}

function isPlainText(text: string): boolean {
  return !/[\ud800-\udfff\u017f\u212a]/.test(text);
}

// The subjects nearest to a phrase, each once, in the order of their links.
function nearestSubjects(subjects: readonly Link[], start: number, end: number): string[] {
  let best = Number.POSITIVE_INFINITY;
  let nearest: string[] = [];
  for (const link of subjects) {
    const distance = Math.max(0, link.start - end, start - link.end);
    if (distance < best) {
      best = distance;
      nearest = [link.countryId];
    } else if (distance === best && !nearest.includes(link.countryId)) {
      nearest.push(link.countryId);
    }
  }
  return nearest;
}

// Findings are gathered passage by passage in source order (findAttributed), so putting them in
// position order only has to sort each passage's run of findings by where they start.
function sortByPosition<T extends Found>(items: readonly T[]): T[] {
  const sorted = [...items];
  let runStart = 0;
  for (let index = 1; index <= sorted.length; index++) {
    if (index < sorted.length && sorted[index]!.passageId === sorted[runStart]!.passageId) continue;
    if (index - runStart > 1) {
      const run = sorted.slice(runStart, index).sort((a, b) => a.start - b.start);
      for (let offset = 0; offset < run.length; offset++) sorted[runStart + offset] = run[offset]!;
    }
    runStart = index;
  }
  return sorted;
}

function compiles(source: string): boolean {
  try {
    new RegExp(source, 'giu');
    return true;
  } catch {
    return false;
  }
}
