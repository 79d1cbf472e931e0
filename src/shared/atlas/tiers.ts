import { z } from 'zod';
import { HOME_COUNTRY_ID } from '../home';
import { resolveCuratedEntry } from './curated';
import type { CuratedEntry } from './curated';
import { parseDataFile } from './parse';
import { memoOf } from './passageMemo';
import { RELATIONSHIP_TIERS, TENSION_KINDS, TIER_IDS } from './tierIds';
import type { RelationshipTier, TierBasis, TierId } from './tierIds';
import { relationReader } from './relation';
import type { PhraseRelation, RelationBasis } from './relation';
import type { Evidence, EvidenceFinding, Link, LinkedPassage, RuleFinding, Tension } from './types';

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

const officialsRuleSchema = z.strictObject({
  id: z.string().min(1),
  tier: z.enum(RELATIONSHIP_TIERS),
  titles: regexSource,
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
    hedge: regexSource,
    rules: z.array(ruleSchema).min(1),
    officialsPictured: officialsRuleSchema,
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
    const ruleIds = [...file.rules, file.officialsPictured, ...file.tensions].map((rule) => rule.id);
    if (new Set(ruleIds).size !== ruleIds.length) context.addIssue({ code: 'custom', message: 'rule ids must be unique' });
  });

/** One tier with its labels and map colours. */
export type Tier = z.infer<typeof tierSchema>;
/** A phrase pattern that is evidence for a tier. */
export type TierRule = z.infer<typeof ruleSchema>;
/** The rule that a caption naming officials of South Korea and another country together records a meeting. */
export type OfficialsRule = z.infer<typeof officialsRuleSchema>;
/** A phrase pattern that flags a tension. */
export type TensionRule = z.infer<typeof tensionRuleSchema>;

/** The parsed tiers file: tiers ordered by rank, and the rules that decide between them. */
export interface TierScheme {
  tiers: Tier[];
  decisionOrder: RelationshipTier[];
  /** Words that cancel a phrase when they come before it in its clause. */
  negation: string;
  /** Words that make a phrase an aspiration when they come before it in its clause. */
  hedge: string;
  rules: TierRule[];
  officialsPictured: OfficialsRule;
  tensions: TensionRule[];
}

/** Parses `data/atlas/tiers.json`; throws naming the file and every problem. */
export function parseTierScheme(file: unknown): TierScheme {
  const parsed = parseDataFile('tiers.json', tiersFileSchema, file);
  return {
    tiers: [...parsed.tiers].sort((a, b) => a.rank - b.rank),
    decisionOrder: parsed.decisionOrder,
    negation: parsed.negation,
    hedge: parsed.hedge,
    rules: parsed.rules,
    officialsPictured: parsed.officialsPictured,
    tensions: parsed.tensions,
  };
}

/** A country's tier, the evidence that decided it, and its tension flags. */
export interface Classification {
  tier: TierId;
  evidence: Evidence[];
  tensions: Tension[];
  decidedBy: 'rules' | 'curated' | 'none';
  /** Set when the tier rests on an aspiration only, on a single phrase, or on a curated decision. */
  basis?: TierBasis;
  /** Phrases that relate the country to another country than South Korea, in passage order: context, never a tier. */
  context?: Evidence[];
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
  context: Evidence[];
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
  // Kept beside the tier, never deciding it: what the sources say of the country's relations with others.
  const context = found && found.context.length > 0 ? { context: sortByPosition(found.context) } : {};

  const entry = curated.find((candidate) => candidate.countryId === countryId);
  if (entry) {
    const resolved = resolveCuratedEntry(entry, passages);
    return { tier: resolved.tier, evidence: resolved.evidence, tensions, decidedBy: 'curated', basis: 'curated', ...context };
  }

  const evidence = found?.evidence ?? [];
  for (const tier of scheme.decisionOrder) {
    const deciding: Evidence[] = [];
    for (const candidate of evidence) if (candidate.tier === tier) deciding.push(candidate.evidence);
    if (deciding.length === 0) continue;
    const basis = basisOf(deciding);
    return { tier, evidence: sortByPosition(deciding), tensions, decidedBy: 'rules', ...(basis ? { basis } : {}), ...context };
  }
  return { tier: 'mentioned', evidence: [], tensions, decidedBy: 'none', ...context };
}

// A tier that rests on hopes alone, or on one phrase, is said to; several stated relations need no word.
function basisOf(deciding: readonly Evidence[]): TierBasis | undefined {
  if (deciding.every((item) => item.basis === 'aspiration')) return 'aspiration';
  return deciding.length === 1 ? 'single-mention' : undefined;
}

// Gathers every passage's findings by country, in passage order; context between two others decides nothing.
function findAttributed(passages: readonly LinkedPassage[], scheme: TierScheme): Map<string, CountryFindings> {
  const byCountry = new Map<string, CountryFindings>();
  for (const passage of passages) {
    for (const finding of passageFindings(passage, scheme)) {
      let findings = byCountry.get(finding.countryId);
      if (!findings) {
        findings = { evidence: [], tensions: [], context: [] };
        byCountry.set(finding.countryId, findings);
      }
      if (finding.kind === 'tension') findings.tensions.push(finding.tension);
      else if (finding.evidence.basis === 'context') findings.context.push(finding.evidence);
      else findings.evidence.push(finding);
    }
  }
  return byCountry;
}

/** A scheme's rules compiled once (what they found in each passage is kept in its memo). */
interface SchemeCache {
  negation: CompiledRule;
  hedge: CompiledRule;
  officialsAfter: CompiledRule;
  officialsBefore: CompiledRule;
  rules: { rule: TierRule; regex: CompiledRule }[];
  tensions: { rule: TensionRule; regex: CompiledRule }[];
}

const schemeCaches = new WeakMap<TierScheme, SchemeCache>();

function cacheFor(scheme: TierScheme): SchemeCache {
  let cache = schemeCaches.get(scheme);
  if (!cache) {
    cache = {
      negation: compileRule(scheme.negation, 'i'),
      hedge: compileRule(scheme.hedge, 'i'),
      officialsAfter: compileRule(`^\\s+(?:${scheme.officialsPictured.titles})\\b`, ''),
      officialsBefore: compileRule(`\\b(?:${scheme.officialsPictured.titles})\\s+$`, ''),
      rules: scheme.rules.map((rule) => ({ rule, regex: compileRule(rule.pattern, 'gi') })),
      tensions: scheme.tensions.map((rule) => ({ rule, regex: compileRule(rule.pattern, 'gi') })),
    };
    schemeCaches.set(scheme, cache);
  }
  return cache;
}

/** One passage as the rules go over it: its subjects, what they found, and where friction was named. */
interface Scan {
  passage: LinkedPassage;
  /** The passage's subject links, South Korea's included. */
  subjects: Link[];
  relate: (start: number, end: number) => PhraseRelation | null;
  findings: RuleFinding[];
  /** Spans of tension phrases: a tier phrase inside one ("barriers to trade") is friction, not evidence. */
  frictions: number[];
}

function scanOf(passage: LinkedPassage, cache: SchemeCache, plain: boolean): Scan | null {
  const subjects = passage.links.filter((link) => link.role === 'subject');
  if (!subjects.some((link) => link.countryId !== HOME_COUNTRY_ID)) return null;
  const words = { negation: cache.negation.regexFor(plain), hedge: cache.hedge.regexFor(plain) };
  return { passage, subjects, relate: relationReader(passage.text, subjects, words), findings: [], frictions: [] };
}

/**
 * What the rules find in one passage. A phrase counts for the countries its sentence puts in a
 * relation with South Korea around it (see relatePhrase), so "mutual defense treaty … the United
 * States in the Vietnam War" is evidence for the United States and not for Vietnam, and "North Korea
 * relies on its ally China" is context, not an alliance. Kept per passage: an atlas rebuilt with one
 * more source (or one fewer) runs the rules only over passages it has not seen, which keeps turning a
 * large imported source on and off quick.
 */
export function passageFindings(passage: LinkedPassage, scheme: TierScheme): readonly RuleFinding[] {
  const cache = cacheFor(scheme);
  const memo = memoOf(passage);
  if (memo.findings?.scheme === scheme) return memo.findings.found;
  const plain = isPlainText(passage.text);
  const scan = scanOf(passage, cache, plain);
  if (scan) {
    const matchesOf = (rule: CompiledRule, record: (start: number, end: number) => void): void => {
      // exec over one regular expression rather than matchAll, which copies it for every passage.
      const regex = rule.regexFor(plain);
      regex.lastIndex = 0;
      for (let match = regex.exec(passage.text); match !== null; match = regex.exec(passage.text)) {
        if (match[0].length === 0) {
          regex.lastIndex = advance(passage.text, regex.lastIndex, regex.unicode);
          continue;
        }
        record(match.index, match.index + match[0].length);
      }
    };
    for (const { rule, regex } of cache.tensions) matchesOf(regex, (start, end) => recordTension(scan, rule, start, end));
    for (const { rule, regex } of cache.rules) matchesOf(regex, (start, end) => recordEvidence(scan, rule, start, end));
    recordOfficials(scan, scheme.officialsPictured, cache, plain);
  }
  memo.findings = { scheme, found: scan?.findings ?? [] };
  return memo.findings.found;
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
  const todo: { scan: Scan; offset: number }[] = [];
  const texts: string[] = [];
  let offset = 0;
  let plain = true;
  for (const passage of passages) {
    if (memoOf(passage).findings?.scheme === scheme) continue;
    const passagePlain = isPlainText(passage.text);
    const scan = scanOf(passage, cache, passagePlain);
    if (!scan || passage.text.includes('\u0000')) {
      passageFindings(passage, scheme);
      continue;
    }
    todo.push({ scan, offset });
    texts.push(passage.text);
    offset += passage.text.length + 1;
    plain &&= passagePlain;
  }
  if (todo.length === 0) return;
  const all = [...cache.tensions.map(({ regex }) => regex), ...cache.rules.map(({ regex }) => regex)];
  if (todo.length === 1 || !all.every((rule) => rule.batchable)) {
    for (const { scan } of todo) passageFindings(scan.passage, scheme);
    return;
  }
  const joined = texts.join('\u0000');
  const run = (rule: CompiledRule, record: (scan: Scan, start: number, end: number) => void): boolean => {
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
      if (end > item.scan.passage.text.length) return false;
      record(item.scan, start, end);
    }
    return true;
  };
  for (const { rule, regex } of cache.tensions) {
    if (!run(regex, (scan, start, end) => recordTension(scan, rule, start, end))) return fallBack(todo, scheme);
  }
  for (const { rule, regex } of cache.rules) {
    if (!run(regex, (scan, start, end) => recordEvidence(scan, rule, start, end))) return fallBack(todo, scheme);
  }
  for (const { scan } of todo) {
    recordOfficials(scan, scheme.officialsPictured, cache, isPlainText(scan.passage.text));
    memoOf(scan.passage).findings = { scheme, found: scan.findings };
  }
}

function recordTension(scan: Scan, rule: TensionRule, start: number, end: number): void {
  scan.frictions.push(start, end);
  const relation = scan.relate(start, end);
  // A tension between two other countries is not South Korea's.
  if (!relation || relation.basis === 'context') return;
  const tension: Tension = { kind: rule.kind, rule: rule.id, passageId: scan.passage.id, start, end, phrase: scan.passage.text.slice(start, end) };
  for (const countryId of relation.countryIds) scan.findings.push({ kind: 'tension', countryId, tension });
}

function recordEvidence(scan: Scan, rule: TierRule, start: number, end: number): void {
  const { frictions } = scan;
  for (let index = 0; index < frictions.length; index += 2) if (frictions[index]! <= start && end <= frictions[index + 1]!) return;
  const relation = scan.relate(start, end);
  if (!relation) return;
  // Hoping to avoid hostility is no relationship at all.
  if (relation.basis === 'aspiration' && rule.tier === 'adversarial') return;
  addEvidence(scan.findings, rule, relation, scan.passage, start, end);
}

function addEvidence(findings: RuleFinding[], rule: { id: string; tier: RelationshipTier }, relation: PhraseRelation, passage: LinkedPassage, start: number, end: number): void {
  const evidence: Evidence = { rule: rule.id, passageId: passage.id, start, end, phrase: passage.text.slice(start, end) };
  if (relation.basis !== 'relation') evidence.basis = relation.basis;
  const tier = findingTier(rule.tier, relation.basis);
  for (const countryId of relation.countryIds) findings.push({ kind: 'evidence', countryId, tier, evidence });
}

/** The tier a finding speaks for: an aspiration to any relationship is engagement. */
export function findingTier(ruleTier: RelationshipTier, basis: RelationBasis): RelationshipTier {
  return basis === 'aspiration' ? 'engaged' : ruleTier;
}

/**
 * A caption that names an official of South Korea and an official of another country ("South Korean
 * Foreign Minister Cho Tae-yul and UK Foreign Secretary David Lammy in Laos") pictures them together:
 * a meeting, whether or not a verb says so. An official is a mention with a title next to it.
 */
function recordOfficials(scan: Scan, rule: OfficialsRule, cache: SchemeCache, plain: boolean): void {
  const { passage, subjects } = scan;
  if (passage.kind !== 'caption') return;
  const titleAfter = cache.officialsAfter.regexFor(plain);
  const titleBefore = cache.officialsBefore.regexFor(plain);
  let home = false;
  const foreign: string[] = [];
  let start = Number.POSITIVE_INFINITY;
  let end = 0;
  for (const link of subjects) {
    const after = titleAfter.exec(passage.text.slice(link.end, link.end + 40));
    const beforeText = passage.text.slice(Math.max(0, link.start - 40), link.start);
    const before = after ? null : titleBefore.exec(beforeText);
    if (!after && !before) continue;
    start = Math.min(start, before ? link.start - (beforeText.length - before.index) : link.start);
    end = Math.max(end, after ? link.end + after[0].length : link.end);
    if (link.countryId === HOME_COUNTRY_ID) home = true;
    else if (!foreign.includes(link.countryId)) foreign.push(link.countryId);
  }
  if (!home || foreign.length === 0) return;
  addEvidence(scan.findings, rule, { basis: 'relation', countryIds: foreign }, passage, start, end);
}

function fallBack(todo: readonly { scan: Scan }[], scheme: TierScheme): void {
  for (const { scan } of todo) passageFindings(scan.passage, scheme);
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
function compileRule(pattern: string, flags: '' | 'g' | 'gi' | 'i'): CompiledRule {
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
