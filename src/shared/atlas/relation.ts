import { HOME_COUNTRY_ID } from '../home';
import type { Link } from './types';

/**
 * How a phrase found in a passage bears on the countries it is attributed to: it states a relation
 * with South Korea, only hopes for one ("seeks to cultivate strategic ties"), or concerns two other
 * countries ("North Korea relies on its ally China"), which is context and never a tier.
 */
export type RelationBasis = 'relation' | 'aspiration' | 'context';

/** The countries a phrase is attributed to, and on what basis; null when it is negated or names no foreign country. */
export interface PhraseRelation {
  basis: RelationBasis;
  countryIds: string[];
}

/** The clause-scoped words that cancel a phrase, and those that make it an aspiration. */
export interface RelationWords {
  negation: RegExp;
  hedge: RegExp;
}

/** A country mention, or mentions joined by "and", commas or a hyphen ("South Korea and the U.S."). */
interface Group {
  start: number;
  end: number;
  countries: string[];
}

// Words that join mentions into one group: "Japan, China and South Korea", "Korea-United States", "China (PRC)".
const JOINED = /^(?:\s*(?:,|and|&|\/|-|–|\(|\)|or|as well as)\s*(?:the\s+)?)*$/i;
// One country named twice in a row is one mention: "Moscow Russia", "Japan's Shimane Prefecture".
const SAME_PLACE = /^\s*(?:'s|’s)?\s*$/;
// The pair the passage is about: "the two nations", "both countries' interests".
const PAIR = /\b(?:the two (?:nations|countries|sides|governments|states)|both (?:nations|countries|sides|governments))\b/gi;
// Where a clause starts: "South Korea did not consider Japan an enemy, but …"; a comma alone bounds the mentions a phrase relates.
const CLAUSE_BREAK = /[;:–—]|,\s+(?:but|while|whereas|although|though|and|yet|which|who)\b|\bbut\b|,/g;
// Abbreviations whose full stop ends no sentence.
const ABBREVIATION = /(?:^|[\s(])(?:[A-Z]|Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Lt|Col|Prof|No|vs|etc|Inc|Co|Ltd|e\.g|i\.e)$/;

/**
 * Decides whom a tier or tension phrase at `start`–`end` of `text` is about, looking no further
 * than its sentence. The phrase relates the mentions next to it: the nearest before and the nearest
 * after it, or the two nearest on its one side. When South Korea is one of them (named, implied by
 * "the two nations" with the passage's one partner, or coordinated with a partner), the phrase is
 * attributed to the foreign countries among them; when neither is South Korea, it is context between
 * two others. A negation before the phrase in its clause cancels it ("did not consider Japan an
 * enemy"); a hedge ("seeks to", "hopes to") makes it an aspiration.
 */
export function relatePhrase(text: string, subjects: readonly Link[], start: number, end: number, words: RelationWords): PhraseRelation | null {
  return relationReader(text, subjects, words)(start, end);
}

/**
 * {@link relatePhrase} for the phrases of one passage: its sentences, clauses and mentions are found
 * once, on the first phrase, so each phrase costs a few binary searches in its sentence however many
 * phrases, breaks and mentions the passage has (a long passage of one sentence stays quick).
 */
export function relationReader(text: string, subjects: readonly Link[], words: RelationWords): (start: number, end: number) => PhraseRelation | null {
  let sentences: number[] | null = null;
  let breaks: number[] | null = null;
  let pairs: Group[] | null = null;
  let negations: Spans | null = null;
  let hedges: Spans | null = null;
  const sentencesRead = new Map<number, Sentence>();
  return (start, end) => {
    sentences ??= sentenceEnds(text, subjects);
    breaks ??= clauseBreaks(text);
    const index = sentenceIndexOf(sentences, start);
    pairs ??= pairsIn(text, subjects);
    let sentence = sentencesRead.get(index);
    if (!sentence) {
      const from = index === 0 ? 0 : sentences[index - 1]!;
      sentencesRead.set(index, (sentence = readSentence(text, subjects, pairs, breaks, from, sentences[index] ?? text.length)));
    }
    const { from: sentenceStart, to: sentenceEnd, groups, clauses } = sentence;
    // The phrase's clause runs from the last break before it to the first after it; negation and hedges
    // are looked for after the last clause break proper (a comma alone does not end their reach).
    const before = lowerBound(clauses.ends, start + 1) - 1;
    const clauseFrom = before >= 0 ? clauses.ends[before]! : sentenceStart;
    const scopeFrom = before >= 0 ? clauses.scopes[before]! : sentenceStart;
    const after = lowerBound(clauses.starts, end);
    const clauseTo = after < clauses.starts.length ? clauses.starts[after]! : sentenceEnd;
    negations ??= matchSpans(text, words.negation);
    if (spanWithin(negations, scopeFrom, start)) return null;
    const basis = (): RelationBasis => (spanWithin((hedges ??= matchSpans(text, words.hedge)), scopeFrom, start) ? 'aspiration' : 'relation');
    // A phrase inside a name ("war" in "the Vietnam War") is about what the name names, in a sentence that names South Korea.
    const last = groups[lowerBound(sentence.starts, start + 1) - 1];
    const naming = last && end <= last.end && !last.countries.includes(HOME_COUNTRY_ID) ? last : undefined;
    if (naming && sentence.namesHome) return { basis: basis(), countryIds: [...naming.countries] };
    // The phrase's own clause first ("While North Korea and Russia pledged to cooperate, …"), then its sentence.
    const inClause =
      clauseFrom > sentenceStart || clauseTo < sentenceEnd
        ? relateAmong(sentence, lowerBound(sentence.ends, clauseFrom + 1), lowerBound(sentence.starts, clauseTo), start, end, basis)
        : null;
    return inClause ?? relateAmong(sentence, 0, groups.length, start, end, basis);
  };
}

/** One sentence as its phrases are read: its mentions, in order, and the breaks that bound its clauses. */
interface Sentence {
  from: number;
  to: number;
  groups: Group[];
  /** Where each group starts and ends, in order (groups never overlap). */
  starts: number[];
  ends: number[];
  namesHome: boolean;
  /** The breaks that count (not the commas of a list of countries): where each starts and ends, and where a negation's reach starts after it. */
  clauses: { starts: number[]; ends: number[]; scopes: number[] };
}

function readSentence(text: string, subjects: readonly Link[], pairs: readonly Group[], breaks: readonly number[], from: number, to: number): Sentence {
  const groups = groupsIn(text, subjects, pairs, from, to);
  const starts = groups.map((group) => group.start);
  const ends = groups.map((group) => group.end);
  const clauses = { starts: [] as number[], ends: [] as number[], scopes: [] as number[] };
  let scope = from;
  let group = 0;
  // Breaks are in order, three numbers each: the first that ends inside the sentence, up to the first that starts after it.
  for (let index = 3 * lowerBoundStep(breaks, from + 1); index < breaks.length && breaks[index]! < to; index += 3) {
    const breakStart = breaks[index]!;
    const breakEnd = breaks[index + 1]!;
    if (breaks[index + 2] === 0) {
      // The commas of a list of countries ("Japan, China and South Korea") join it rather than break it.
      while (group < groups.length && ends[group]! < breakEnd) group++;
      if (group < groups.length && starts[group]! < breakStart) continue;
    } else {
      scope = breakEnd;
    }
    clauses.starts.push(breakStart);
    clauses.ends.push(breakEnd);
    clauses.scopes.push(Math.max(scope, from));
  }
  return { from, to, groups, starts, ends, namesHome: groups.some((mention) => mention.countries.includes(HOME_COUNTRY_ID)), clauses };
}

/** Where a regular expression matches a text, in order: each match's start and end. */
interface Spans {
  starts: number[];
  ends: number[];
}

// The words are found once in the whole passage rather than in each phrase's scope, which would read a long clause again for every phrase in it.
function matchSpans(text: string, words: RegExp): Spans {
  const regex = new RegExp(words.source, words.flags.includes('g') ? words.flags : `${words.flags}g`);
  const spans: Spans = { starts: [], ends: [] };
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    spans.starts.push(match.index);
    spans.ends.push(match.index + match[0].length);
    if (match[0].length === 0) regex.lastIndex++;
  }
  return spans;
}

// Whether a match lies wholly in `from`–`to` (matches never overlap, so the first to start in it ends first).
function spanWithin(spans: Spans, from: number, to: number): boolean {
  const first = lowerBound(spans.starts, from);
  return first < spans.starts.length && spans.ends[first]! <= to;
}

// The first of spans in order that starts at or after `position`.
function firstStartingAt(spans: readonly { start: number }[], position: number): number {
  return firstNotBelow(spans.length, (index) => spans[index]!.start < position);
}

// The first index of a sorted list whose value is at least `value`.
function lowerBound(sorted: readonly number[], value: number): number {
  return firstNotBelow(sorted.length, (index) => sorted[index]! < value);
}

// The first break (of the breaks' three numbers each) whose end is at least `value`.
function lowerBoundStep(breaks: readonly number[], value: number): number {
  return firstNotBelow(breaks.length / 3, (index) => breaks[3 * index + 1]! < value);
}

// The first of `count` indexes not `below` the one sought, where those below it come first.
function firstNotBelow(count: number, below: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (below(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

// The mentions next to a phrase among groups [from, to) of its sentence: the nearest before and after it, or the two nearest on its one side.
function relateAmong(sentence: Sentence, from: number, to: number, start: number, end: number, basis: () => RelationBasis): PhraseRelation | null {
  const { groups, starts } = sentence;
  const firstAt = Math.min(Math.max(lowerBound(starts, start), from), to);
  const firstAfter = Math.min(Math.max(lowerBound(starts, end), from), to);
  const before = firstAt - 1 >= from ? groups[firstAt - 1] : undefined;
  const second = firstAt - 2 >= from ? groups[firstAt - 2] : undefined;
  const after = firstAfter < to ? groups[firstAfter] : undefined;
  const afterSecond = firstAfter + 1 < to ? groups[firstAfter + 1] : undefined;
  const near = before && after ? [before, after] : before ? [before, second] : [after, afterSecond];
  let hasHome = false;
  let count = 0;
  const foreign: string[] = [];
  for (const group of near) {
    if (!group) continue;
    count++;
    for (const id of group.countries) {
      if (id === HOME_COUNTRY_ID) hasHome = true;
      else if (!foreign.includes(id)) foreign.push(id);
    }
  }
  if (foreign.length === 0) return null;
  if (!hasHome) return count === 2 || near[0]!.countries.length > 1 ? { basis: 'context', countryIds: foreign } : null;
  return { basis: basis(), countryIds: foreign };
}

// The end of each sentence but the last (the position after its mark), in order.
function sentenceEnds(text: string, subjects: readonly Link[]): number[] {
  const ends: number[] = [];
  // Spaces and links both come in order: a mark is inside a link if the next link to end after it starts at or before it.
  let link = 0;
  for (let index = text.indexOf(' '); index !== -1; index = text.indexOf(' ', index + 1)) {
    const mark = index - 1;
    if (!endsSentence(text, mark)) continue;
    while (link < subjects.length && subjects[link]!.end <= mark) link++;
    if (link < subjects.length && subjects[link]!.start <= mark) continue;
    ends.push(index);
  }
  return ends;
}

function sentenceIndexOf(ends: readonly number[], position: number): number {
  return firstNotBelow(ends.length, (index) => ends[index]! <= position);
}

// Each break in three numbers: start, end, and 1 for a clause break proper (a semicolon, a dash,
// ", but", ", while", …) or 0 for a comma alone.
function clauseBreaks(text: string): number[] {
  const breaks: number[] = [];
  CLAUSE_BREAK.lastIndex = 0;
  for (let match = CLAUSE_BREAK.exec(text); match !== null; match = CLAUSE_BREAK.exec(text)) {
    breaks.push(match.index, match.index + match[0].length, match[0] === ',' ? 0 : 1);
  }
  return breaks;
}

function groupsIn(text: string, subjects: readonly Link[], pairs: readonly Group[], from: number, to: number): Group[] {
  const mentions: Group[] = [];
  // Links and pairs come in order and never overlap: the sentence's are found by binary search, and merged in order.
  let pair = firstStartingAt(pairs, from);
  for (let index = firstStartingAt(subjects, from); index < subjects.length && subjects[index]!.start < to; index++) {
    const link = subjects[index]!;
    if (link.end > to) continue;
    for (; pair < pairs.length && pairs[pair]!.start < link.start; pair++) if (pairs[pair]!.end <= to) mentions.push(pairs[pair]!);
    const last = mentions[mentions.length - 1];
    // A name for several countries (a bloc, "the two Koreas") is several links over one span.
    if (last && last.start === link.start && last.end === link.end) {
      if (!last.countries.includes(link.countryId)) last.countries.push(link.countryId);
    } else {
      mentions.push({ start: link.start, end: link.end, countries: [link.countryId] });
    }
  }
  for (; pair < pairs.length && pairs[pair]!.start < to; pair++) if (pairs[pair]!.end <= to) mentions.push(pairs[pair]!);
  const groups: Group[] = [];
  for (const mention of mentions) {
    const last = groups[groups.length - 1];
    const gap = last ? text.slice(last.end, mention.start) : '';
    const samePlace = last !== undefined && mention.countries.every((id) => last.countries.includes(id)) && SAME_PLACE.test(gap);
    if (last && (JOINED.test(gap) || samePlace)) {
      last.end = mention.end;
      for (const id of mention.countries) if (!last.countries.includes(id)) last.countries.push(id);
    } else {
      groups.push({ ...mention, countries: [...mention.countries] });
    }
  }
  return groups;
}

// "The two nations" stands for South Korea and the partner named nearest before it in the passage (after it, if none is).
function pairsIn(text: string, subjects: readonly Link[]): Group[] {
  // Most passages have neither word: the pair is looked for only where one is.
  if (!text.includes('wo ') && !text.includes('oth ')) return [];
  const pairs: Group[] = [];
  const foreign = subjects.filter((link) => link.countryId !== HOME_COUNTRY_ID);
  PAIR.lastIndex = 0;
  // Matches and links both come in order: `ended` counts the foreign links that end before the match.
  let ended = 0;
  for (let match = PAIR.exec(text); match !== null; match = PAIR.exec(text)) {
    const at = match.index;
    while (ended < foreign.length && foreign[ended]!.end <= at) ended++;
    const partner = ended > 0 ? ended - 1 : foreign.findIndex((link) => link.start >= at);
    const countries = [HOME_COUNTRY_ID];
    if (partner !== -1) {
      // Every link over the partner's span: a bloc is several.
      let first = partner;
      while (first > 0 && foreign[first - 1]!.start === foreign[partner]!.start) first--;
      for (let index = first; index < foreign.length && foreign[index]!.start === foreign[partner]!.start; index++) {
        if (!countries.includes(foreign[index]!.countryId)) countries.push(foreign[index]!.countryId);
      }
    }
    pairs.push({ start: at, end: at + match[0].length, countries });
  }
  return pairs;
}

/** Whether a text speaks of "the two nations" (or "both countries"): a pair that includes South Korea in a text about its relations. */
export function namesThePair(text: string): boolean {
  PAIR.lastIndex = 0;
  return PAIR.test(text);
}

// A full stop, question or exclamation mark followed by a space and a capital, not an abbreviation (nor in a name such as "U.S.": see sentenceEnds).
function endsSentence(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code !== 0x2e && code !== 0x3f && code !== 0x21) return false;
  const capital = text.charAt(index + 2);
  if (!/[A-Z0-9"“[]/.test(capital)) return false;
  return !(code === 0x2e && ABBREVIATION.test(text.slice(Math.max(0, index - 5), index)));
}
