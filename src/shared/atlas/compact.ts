import type { Gazetteer } from './gazetteer';
import { DocumentLinker, linkPassage, type DocumentContext } from './link';
import type { AtlasPassage } from './model';
import { memoOf, MemoisedPassage } from './passageMemo';
import type { RelationBasis } from './relation';
import type { OfficialsRule, TensionRule, TierRule, TierScheme } from './tiers';
import { findingTier, passageFindings, warmPassageFindings } from './tiers';
import type { TimelineEvent } from './timeline';
import type { Evidence, Link, Passage, PassageKind, RuleFinding, Tension } from './types';

/**
 * What linking and the tier rules found in a run of passages, as numbers: a worker thread sends it
 * back as two buffers, which costs next to nothing, where the same links and findings as objects
 * would take longer to copy across than to work out. Strings (matched names, phrases, passage ids)
 * are left out: they are spans of the passages' texts, which the receiving side has.
 */
export interface CompactLinks {
  /** The country ids the numbers below name. */
  countries: string[];
  /** The rule ids (tension and tier rules) the numbers below name. */
  rules: string[];
  /** Five numbers per link, passage by passage in link order: passage (in the run), start, end, country, role (0 subject, 1 venue). */
  links: Int32Array;
  /**
   * Five numbers per rule finding, passage by passage in finding order: passage (in the run), rule
   * and basis (rule × 3 + 0 for a stated relation, 1 for an aspiration, 2 for context), start, end, country.
   */
  findings: Int32Array;
}

/** What linking a passage needs of it: a worker is sent this much. */
export interface PassageToLink {
  sourceId: string;
  kind: PassageKind;
  text: string;
}

const LINK_SIZE = 5;
/** The bases of a finding, by the number {@link CompactLinks.findings} folds into its rule's. */
const BASES: readonly RelationBasis[] = ['relation', 'aspiration', 'context'];
const FINDING_SIZE = 5;
/** Passages whose tier rules run together (see warmPassageFindings), as when a source is linked in one go. */
const RULE_BATCH = 400;

/**
 * Links passages and runs the tier rules over them, answering in numbers ({@link CompactLinks}).
 * `document` is the context of the whole document they are from (see documentContextSteps), so a
 * run of its passages links as it does within the whole.
 */
export function linkCompact(
  passages: readonly PassageToLink[],
  document: DocumentContext,
  gazetteer: Gazetteer,
  scheme: TierScheme,
  onProgress?: (done: number) => void,
): CompactLinks {
  const linked: MemoisedPassage[] = [];
  const linker = new DocumentLinker(gazetteer, document);
  for (let from = 0; from < passages.length; from += RULE_BATCH) {
    const batch = passages.slice(from, from + RULE_BATCH).map((sent, offset): MemoisedPassage => {
      // Ids and citations are main's business: findings are sent without them.
      const passage: Passage = { ...sent, id: String(from + offset), index: from + offset, citations: [] };
      return new MemoisedPassage(passage, linker.link(passage), []);
    });
    warmPassageFindings(batch, scheme);
    for (const passage of batch) linked.push(passage);
    onProgress?.((from + batch.length) / passages.length);
  }
  const again = linker.relink().map((index) => {
    const before = linked[index]!;
    return (linked[index] = new MemoisedPassage(before, linkPassage(before, gazetteer, true), []));
  });
  if (again.length > 0) warmPassageFindings(again, scheme);
  return encodeLinks(linked, scheme);
}

function encodeLinks(passages: readonly MemoisedPassage[], scheme: TierScheme): CompactLinks {
  const countries = new Numbering();
  const rules = new Numbering();
  const links: number[] = [];
  const findings: number[] = [];
  passages.forEach((passage, index) => {
    for (const link of passage.links) links.push(index, link.start, link.end, countries.of(link.countryId), link.role === 'venue' ? 1 : 0);
    for (const finding of passageFindings(passage, scheme)) {
      const item = finding.kind === 'tension' ? finding.tension : finding.evidence;
      const basis = finding.kind === 'evidence' ? BASES.indexOf(finding.evidence.basis ?? 'relation') : 0;
      findings.push(index, rules.of(item.rule) * BASES.length + basis, item.start, item.end, countries.of(finding.countryId));
    }
  });
  return { countries: countries.values, rules: rules.values, links: Int32Array.from(links), findings: Int32Array.from(findings) };
}

/**
 * The atlas's passages from `passages` (ingested), their `events` and what {@link linkCompact} found
 * in them, exactly as linking them here would have made them: the same links and, kept with each
 * passage, the same rule findings (one Evidence or Tension shared by the countries of one phrase).
 */
export function decodeLinks(passages: readonly Passage[], events: readonly TimelineEvent[][], compact: CompactLinks, scheme: TierScheme): AtlasPassage[] {
  const steps = decodeLinksSteps(passages, events, compact, scheme);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** {@link decodeLinks} in steps of `batch` passages, each yielding how much is done (0 to 1). */
export function* decodeLinksSteps(
  passages: readonly Passage[],
  events: readonly TimelineEvent[][],
  compact: CompactLinks,
  scheme: TierScheme,
  batch = 2000,
): Generator<number, AtlasPassage[], void> {
  const rules = new Map<string, { kind: 'tension'; rule: TensionRule } | { kind: 'evidence'; rule: TierRule | OfficialsRule }>();
  for (const rule of scheme.tensions) rules.set(rule.id, { kind: 'tension', rule });
  for (const rule of [...scheme.rules, scheme.officialsPictured]) rules.set(rule.id, { kind: 'evidence', rule });
  const ruleOf = compact.rules.map((id) => {
    const rule = rules.get(id);
    if (!rule) throw new Error(`Linking answered with a rule the tiers file does not have: ${id}`);
    return rule;
  });

  const result: AtlasPassage[] = [];
  let link = 0;
  let finding = 0;
  const { links: numbers, findings: found, countries } = compact;
  for (let index = 0; index < passages.length; index++) {
    const passage = passages[index]!;
    const links: Link[] = [];
    for (; link < numbers.length && numbers[link] === index; link += LINK_SIZE) {
      const start = numbers[link + 1]!;
      const end = numbers[link + 2]!;
      links.push({ countryId: countries[numbers[link + 3]!]!, start, end, matched: passage.text.slice(start, end), role: numbers[link + 4] === 1 ? 'venue' : 'subject' });
    }
    const record = new MemoisedPassage(passage, links, events[index] ?? []);
    const findings: RuleFinding[] = [];
    let previous: { rule: number; start: number; end: number; item: Evidence | Tension } | null = null;
    for (; finding < found.length && found[finding] === index; finding += FINDING_SIZE) {
      const ruleNumber = found[finding + 1]!;
      const basis = BASES[ruleNumber % BASES.length]!;
      const start = found[finding + 2]!;
      const end = found[finding + 3]!;
      const countryId = countries[found[finding + 4]!]!;
      const entry = ruleOf[Math.floor(ruleNumber / BASES.length)]!;
      // The countries one phrase is attributed to come one after another, and share its item.
      const same: boolean = previous !== null && previous.rule === ruleNumber && previous.start === start && previous.end === end;
      if (entry.kind === 'tension') {
        const tension: Tension = same ? (previous!.item as Tension) : { kind: entry.rule.kind, rule: entry.rule.id, passageId: passage.id, start, end, phrase: passage.text.slice(start, end) };
        findings.push({ kind: 'tension', countryId, tension });
        previous = { rule: ruleNumber, start, end, item: tension };
      } else {
        let evidence: Evidence;
        if (same) evidence = previous!.item as Evidence;
        else {
          evidence = { rule: entry.rule.id, passageId: passage.id, start, end, phrase: passage.text.slice(start, end) };
          if (basis !== 'relation') evidence.basis = basis;
        }
        findings.push({ kind: 'evidence', countryId, tier: findingTier(entry.rule.tier, basis), evidence });
        previous = { rule: ruleNumber, start, end, item: evidence };
      }
    }
    memoOf(record).findings = { scheme, found: findings };
    result.push(record);
    if ((index + 1) % batch === 0) yield (index + 1) / passages.length;
  }
  if (link !== numbers.length || finding !== found.length) throw new Error('Linking answered for passages that were not sent.');
  return result;
}

/** Numbers strings in the order they are first seen. */
class Numbering {
  readonly values: string[] = [];
  readonly #numbers = new Map<string, number>();

  of(value: string): number {
    let number = this.#numbers.get(value);
    if (number === undefined) {
      number = this.values.length;
      this.values.push(value);
      this.#numbers.set(value, number);
    }
    return number;
  }
}
