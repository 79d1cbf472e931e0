import type { Gazetteer, GazetteerName } from './gazetteer';
import type { Link, LinkedPassage, Passage } from './types';

interface Match {
  start: number;
  end: number;
  entry: GazetteerName;
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

// A place only counts as a venue where something was held or pictured; "demonstrations in South Korea" is not a meeting.
const MEETING_WORDS = /\b(?:summits?|meetings?|meet|met|visits?|visited|talks|conference|held)\b/i;
const VENUE_BEFORE = /\b(?:in|at)\s+(?:the\s+)?$/i;
const VENUE_AFTER = /^\s+(?:summit|meeting|conference|talks)\b/i;
const APPOSITION = /^\s*,\s*$/;

/**
 * Finds the countries a passage names or implies, each with its span in `passage.text`. Longer names
 * win over the names inside them ("South Korea" over "Korea"), matches never overlap, and a place where
 * a meeting was held or pictured is recorded as a venue rather than a subject.
 */
export function linkPassage(passage: Passage, gazetteer: Gazetteer): Link[] {
  const matches = selectMatches(findMatches(passage, gazetteer));
  const meeting = passage.kind === 'caption' || MEETING_WORDS.test(passage.text);
  const links: Link[] = [];
  let previous: { match: Match; venue: boolean } | null = null;
  for (const match of matches) {
    const venue: boolean = meeting && match.entry.place && isVenue(passage.text, match, previous);
    for (const countryId of match.entry.countries) {
      links.push({
        countryId,
        start: match.start,
        end: match.end,
        matched: passage.text.slice(match.start, match.end),
        role: venue ? 'venue' : 'subject',
      });
    }
    previous = { match, venue };
  }
  return links;
}

/** Links every passage of a source, keeping source order. */
export function linkSource(passages: readonly Passage[], gazetteer: Gazetteer): LinkedPassage[] {
  return passages.map((passage) => ({ ...passage, links: linkPassage(passage, gazetteer) }));
}

/** The countries the links are about (not mere venues), each once, in order of first mention. */
export function countriesOf(links: readonly Link[]): string[] {
  return unique(links.filter((link) => link.role === 'subject').map((link) => link.countryId));
}

/** The countries the links record only as a venue, each once, in order of first mention. */
export function venuesOf(links: readonly Link[]): string[] {
  return unique(links.filter((link) => link.role === 'venue').map((link) => link.countryId));
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

function isVenue(text: string, match: Match, previous: { match: Match; venue: boolean } | null): boolean {
  if (VENUE_BEFORE.test(text.slice(Math.max(0, match.start - 12), match.start))) return true;
  if (VENUE_AFTER.test(text.slice(match.end, match.end + 16))) return true;
  // "in San Francisco, United States": the country after a venue's comma names the same place.
  if (!previous?.venue) return false;
  return APPOSITION.test(text.slice(previous.match.end, match.start));
}

interface PreparedName {
  entry: GazetteerName;
  folded: string;
  lower: string;
}

const prepared = new WeakMap<Gazetteer, readonly PreparedName[]>();

// Folding every name once per gazetteer rather than once per passage keeps linking a source cheap.
function preparedNames(gazetteer: Gazetteer): readonly PreparedName[] {
  const cached = prepared.get(gazetteer);
  if (cached) return cached;
  const names = gazetteer.names.map((entry) => {
    const folded = foldApostrophes(entry.name);
    return { entry, folded, lower: folded.toLowerCase() };
  });
  prepared.set(gazetteer, names);
  return names;
}

function findMatches(passage: Passage, gazetteer: Gazetteer): Match[] {
  const text = foldApostrophes(passage.text);
  const lower = text.toLowerCase();
  const canFoldCase = lower.length === text.length;
  const matches: Match[] = [];
  for (const { entry, folded, lower: lowerName } of preparedNames(gazetteer)) {
    if (entry.sourceIds && !entry.sourceIds.includes(passage.sourceId)) continue;
    const insensitive = !entry.caseSensitive && canFoldCase;
    const haystack = insensitive ? lower : text;
    const needle = insensitive ? lowerName : folded;
    let from = haystack.indexOf(needle);
    while (from !== -1) {
      const end = from + needle.length;
      if (isBoundary(text, from - 1) && isBoundary(text, end)) matches.push({ start: from, end, entry });
      from = haystack.indexOf(needle, from + 1);
    }
  }
  return matches;
}

function isBoundary(text: string, index: number): boolean {
  const symbol = text[index];
  return symbol === undefined || !WORD_CHARACTER.test(symbol);
}

function foldApostrophes(text: string): string {
  return text.replace(/[\u2019\u02bc]/g, "'");
}

function selectMatches(matches: readonly Match[]): Match[] {
  // Longest first; at equal length, aliases (curated for this atlas) before world-countries names.
  const ordered = [...matches].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      Number(b.entry.origin === 'aliases') - Number(a.entry.origin === 'aliases'),
  );
  const taken: Match[] = [];
  for (const match of ordered) {
    if (taken.some((other) => match.start < other.end && other.start < match.end)) continue;
    taken.push(match);
  }
  return taken.sort((a, b) => a.start - b.start);
}
