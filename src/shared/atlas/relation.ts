import { HOME_COUNTRY_ID } from '../countries';
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
 * once, on the first phrase, so each phrase costs a look-up in its sentence however many there are.
 */
export function relationReader(text: string, subjects: readonly Link[], words: RelationWords): (start: number, end: number) => PhraseRelation | null {
  let sentences: number[] | null = null;
  let breaks: number[] | null = null;
  let pairs: Group[] | null = null;
  const groupsOf = new Map<number, Group[]>();
  return (start, end) => {
    sentences ??= sentenceEnds(text, subjects);
    breaks ??= clauseBreaks(text);
    const sentence = sentenceIndexOf(sentences, start);
    const sentenceStart = sentence === 0 ? 0 : sentences[sentence - 1]!;
    const sentenceEnd = sentences[sentence] ?? text.length;
    // The phrase's clause runs from the last break before it to the first after it; negation and hedges
    // are looked for after the last clause break proper (a comma alone does not end their reach).
    pairs ??= pairsIn(text, subjects);
    let groups = groupsOf.get(sentence);
    if (!groups) groupsOf.set(sentence, (groups = groupsIn(text, subjects, pairs, sentenceStart, sentenceEnd)));
    let clauseFrom = sentenceStart;
    let clauseTo = sentenceEnd;
    let scopeFrom = sentenceStart;
    for (let index = 0; index < breaks.length; index += 3) {
      const breakStart = breaks[index]!;
      const breakEnd = breaks[index + 1]!;
      // The commas of a list of countries ("Japan, China and South Korea") join it rather than break it.
      if (breaks[index + 2] === 0 && groups.some((group) => group.start < breakStart && breakEnd <= group.end)) continue;
      if (breakEnd <= start) {
        if (breakEnd > clauseFrom) clauseFrom = breakEnd;
        if (breaks[index + 2] === 1 && breakEnd > scopeFrom) scopeFrom = breakEnd;
      } else if (breakStart >= end) {
        if (breakStart < clauseTo) clauseTo = breakStart;
        break;
      }
    }
    const scope = text.slice(scopeFrom, start);
    if (words.negation.test(scope)) return null;
    const basis = (): RelationBasis => (words.hedge.test(scope) ? 'aspiration' : 'relation');
    // A phrase inside a name ("war" in "the Vietnam War") is about what the name names, in a sentence that names South Korea.
    const naming = groups.find((group) => group.start <= start && end <= group.end && !group.countries.includes(HOME_COUNTRY_ID));
    if (naming && groups.some((group) => group.countries.includes(HOME_COUNTRY_ID))) return { basis: basis(), countryIds: [...naming.countries] };
    // The phrase's own clause first ("While North Korea and Russia pledged to cooperate, …"), then its sentence.
    const inClause = clauseFrom > sentenceStart || clauseTo < sentenceEnd ? relateAmong(groups.filter((group) => group.end > clauseFrom && group.start < clauseTo), start, end, basis) : null;
    return inClause ?? relateAmong(groups, start, end, basis);
  };
}

// The mentions next to a phrase: the nearest before and after it, or the two nearest on its one side.
function relateAmong(groups: readonly Group[], start: number, end: number, basis: () => RelationBasis): PhraseRelation | null {
  let before: Group | undefined;
  let second: Group | undefined;
  let after: Group | undefined;
  let afterSecond: Group | undefined;
  for (const group of groups) {
    if (group.start < start) {
      second = before;
      before = group;
    } else if (group.start >= end) {
      if (!after) after = group;
      else if (!afterSecond) afterSecond = group;
    }
  }
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
  for (let index = text.indexOf(' '); index !== -1; index = text.indexOf(' ', index + 1)) {
    if (endsSentence(text, index - 1, subjects)) ends.push(index);
  }
  return ends;
}

function sentenceIndexOf(ends: readonly number[], position: number): number {
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ends[middle]! <= position) low = middle + 1;
    else high = middle;
  }
  return low;
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
  for (const link of subjects) {
    if (link.start < from || link.end > to) continue;
    const last = mentions[mentions.length - 1];
    // A name for several countries (a bloc, "the two Koreas") is several links over one span.
    if (last && last.start === link.start && last.end === link.end) {
      if (!last.countries.includes(link.countryId)) last.countries.push(link.countryId);
    } else {
      mentions.push({ start: link.start, end: link.end, countries: [link.countryId] });
    }
  }
  for (const pair of pairs) {
    if (pair.start < from || pair.end > to) continue;
    const position = mentions.findIndex((other) => other.start > pair.start);
    if (position === -1) mentions.push(pair);
    else mentions.splice(position, 0, pair);
  }
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
  for (let match = PAIR.exec(text); match !== null; match = PAIR.exec(text)) {
    const at = match.index;
    const partner = foreign.filter((link) => link.end <= at).pop() ?? foreign.find((link) => link.start >= at);
    const countries = partner ? [HOME_COUNTRY_ID, ...new Set(foreign.filter((link) => link.start === partner.start).map((link) => link.countryId))] : [HOME_COUNTRY_ID];
    pairs.push({ start: at, end: at + match[0].length, countries });
  }
  return pairs;
}

/** Whether a text speaks of "the two nations" (or "both countries"): a pair that includes South Korea in a text about its relations. */
export function namesThePair(text: string): boolean {
  PAIR.lastIndex = 0;
  return PAIR.test(text);
}

// A full stop, question or exclamation mark followed by a space and a capital, not in a name ("U.S.") or an abbreviation.
function endsSentence(text: string, index: number, subjects: readonly Link[]): boolean {
  const code = text.charCodeAt(index);
  if (code !== 0x2e && code !== 0x3f && code !== 0x21) return false;
  const capital = text.charAt(index + 2);
  if (!/[A-Z0-9"“[]/.test(capital)) return false;
  if (code === 0x2e && ABBREVIATION.test(text.slice(Math.max(0, index - 5), index))) return false;
  return !subjects.some((link) => link.start <= index && index < link.end);
}
