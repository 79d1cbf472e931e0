import type { Gazetteer, GazetteerName } from './gazetteer';
import type { Link, LinkedPassage, Passage } from './types';

interface Match {
  start: number;
  end: number;
  entry: GazetteerName;
  /** The entry's position in the gazetteer. */
  order: number;
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
 * a meeting was held or pictured is recorded as a venue rather than a subject. A name used as a
 * currency ("US dollars") or as a given name ("Jordan Peterson") is no country; a short form that
 * needs Korean context ("the North") links only when the passage names a Korea otherwise or
 * `documentIsKorean` says its document does (see {@link DocumentLinker}).
 */
export function linkPassage(passage: Passage, gazetteer: Gazetteer, documentIsKorean = false): Link[] {
  return linkInDocument(passage, gazetteer, documentIsKorean).links;
}

interface PassageLinks {
  links: Link[];
  /** Whether the passage names a Korea by a name that needs no context. */
  korean: boolean;
  /** Whether a short form was left out for want of Korean context, which its document may still give. */
  pending: boolean;
}

function linkInDocument(passage: Passage, gazetteer: Gazetteer, documentIsKorean: boolean): PassageLinks {
  const { text } = passage;
  const selected = selectMatches(findMatches(passage, gazetteer).filter((match) => namesACountry(text, match)));
  const korean = selected.some((match) => !match.entry.koreanContext && match.entry.countries.some((id) => KOREAS.has(id)));
  const matches = korean || documentIsKorean ? selected : selected.filter((match) => !match.entry.koreanContext);
  const pending = matches.length !== selected.length;
  const meeting = passage.kind === 'caption' || MEETING_WORDS.test(text);
  const links: Link[] = [];
  let previous: { match: Match; venue: boolean } | null = null;
  for (const match of matches) {
    const venue: boolean = meeting && match.entry.place && isVenue(text, match, previous);
    for (const countryId of match.entry.countries) {
      links.push({
        countryId,
        start: match.start,
        end: match.end,
        matched: text.slice(match.start, match.end),
        role: venue ? 'venue' : 'subject',
      });
    }
    previous = { match, venue };
  }
  return { links, korean, pending };
}

const KOREAS: ReadonlySet<string> = new Set(['KOR', 'PRK']);
// A country's name before a currency is a unit of money, not the country: "prices in US dollars".
const CURRENCY_AFTER = /^\s+(?:dollars?|cents?|yen|yuan|renminbi|euros?|pounds?|pesos?|won|rupees?|francs?|roubles?|rubles?|dinars?|riyals?|ringgit|baht|dong|rupiah|shekels?|lira)\b/i;
// A capitalised word after a given name is a surname ("Jordan Peterson"); after a country, a title is not.
const CAPITALISED_AFTER = /^\s+\p{Lu}/u;
const TITLE_AFTER = /^\s+(?:President|Prime|King|Queen|Emir|Foreign|Minister|Government|Embassy|Ambassador|Army|Defen[cs]e|Ministry)\b/;
// "The North of England", "the South China Sea": a region or a longer name, not a Korea.
const OF_AFTER = /^\s+of\b/;

function namesACountry(text: string, match: Match): boolean {
  // Every case below has a word after the name: most names are followed by punctuation or nothing of the kind.
  if (!/\s/.test(text.charAt(match.end))) return true;
  const after = text.slice(match.end, match.end + 24);
  if (CURRENCY_AFTER.test(after)) return false;
  if (match.entry.givenName && CAPITALISED_AFTER.test(after) && !TITLE_AFTER.test(after)) return false;
  if (match.entry.koreanContext && (OF_AFTER.test(after) || CAPITALISED_AFTER.test(after))) return false;
  return true;
}

/**
 * What linking a passage needs to know of the rest of its document. It is the whole document's: a
 * run of passages linked apart from the others (by a worker thread) is given it, so the run is
 * linked as it would be within the whole document.
 */
export interface DocumentContext {
  /** Whether some passage names a Korea by a name that needs no context: "the North" and "the South" then link in every passage. */
  namesAKorea: boolean;
}

/** The context of a document's passages: whether they name a Korea (see {@link documentContextSteps}). */
export function documentContext(passages: readonly Passage[], gazetteer: Gazetteer): DocumentContext {
  const steps = documentContextSteps(passages, gazetteer);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The context of a document's passages ({@link DocumentContext}), in steps of `batch` passages, each
 * yielding how much is done (0 to 1). It stops at the first passage that names a Korea, which in a
 * document about the Koreas comes early. Only passages that spell a Korea's name somewhere (in lower
 * case, a pattern test) are linked to be sure: the name may yet be a longer name's part, a currency
 * or a given name, which only linking decides.
 */
export function* documentContextSteps(passages: readonly Passage[], gazetteer: Gazetteer, batch = 2000): Generator<number, DocumentContext, void> {
  const spelling = koreaSpellings(gazetteer);
  for (let index = 0; index < passages.length; index++) {
    const passage = passages[index]!;
    if (spelling !== null && spelling.test(foldApostrophes(passage.text).toLowerCase()) && linkInDocument(passage, gazetteer, false).korean) {
      return { namesAKorea: true };
    }
    if ((index + 1) % batch === 0) yield (index + 1) / passages.length;
  }
  return { namesAKorea: false };
}

const koreaPatterns = new WeakMap<Gazetteer, RegExp | null>();

/**
 * Every lower-case spelling of a name that names a Korea without context, as one pattern; null when
 * the gazetteer has none. A passage that matches such a name has its spelling in its lower case: the
 * linker folds case a character at a time, as toLowerCase does (a final sigma, the one exception,
 * is in no name of a Korea).
 */
function koreaSpellings(gazetteer: Gazetteer): RegExp | null {
  if (koreaPatterns.has(gazetteer)) return koreaPatterns.get(gazetteer)!;
  const spellings = new Set<string>();
  for (const entry of gazetteer.names) {
    if (!entry.koreanContext && entry.countries.some((id) => KOREAS.has(id))) spellings.add(foldApostrophes(entry.name).toLowerCase());
  }
  const pattern = spellings.size === 0 ? null : new RegExp([...spellings].map((spelling) => spelling.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|'));
  koreaPatterns.set(gazetteer, pattern);
  return pattern;
}

/**
 * Links the passages of one document in order. A short form that needs Korean context ("the
 * North") links in a passage that names a Korea, and in any passage once its document has; the
 * passages before the first such mention are listed by {@link DocumentLinker.relink} to be linked
 * again with the document's context. Given the whole document's context (for a run of its passages
 * linked on their own), every passage is linked with it at once and none is left to link again.
 */
export class DocumentLinker {
  readonly #gazetteer: Gazetteer;
  #korean: boolean;
  readonly #pending: number[] = [];
  #count = 0;

  constructor(gazetteer: Gazetteer, document?: DocumentContext) {
    this.#gazetteer = gazetteer;
    this.#korean = document?.namesAKorea ?? false;
  }

  /** Links the next passage of the document. */
  link(passage: Passage): Link[] {
    const found = linkInDocument(passage, this.#gazetteer, this.#korean);
    if (found.korean) this.#korean = true;
    else if (found.pending) this.#pending.push(this.#count);
    this.#count++;
    return found.links;
  }

  /** The positions (in the order linked) of the passages to link again with `linkPassage(passage, gazetteer, true)`. */
  relink(): readonly number[] {
    return this.#korean ? this.#pending : [];
  }
}

/** Links every passage of a source, keeping source order. */
export function linkSource(passages: readonly Passage[], gazetteer: Gazetteer): LinkedPassage[] {
  const linker = new DocumentLinker(gazetteer);
  const linked = passages.map((passage) => ({ ...passage, links: linker.link(passage) }));
  for (const index of linker.relink()) linked[index]!.links = linkPassage(passages[index]!, gazetteer, true);
  return linked;
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
  /** Position in the gazetteer: equal matches are decided in gazetteer order. */
  order: number;
  folded: string;
  lower: string;
}

interface TrieNode {
  /** The character codes of the children, in the order of `children`. */
  codes: number[];
  children: TrieNode[];
  /** Names whose spelling ends here. */
  names: PreparedName[];
}

function childOf(node: TrieNode, code: number): TrieNode | undefined {
  const { codes } = node;
  for (let index = 0; index < codes.length; index++) if (codes[index] === code) return node.children[index];
  return undefined;
}

/** A trie of spellings, with its first level by character code for ASCII: every word start looks there first. */
interface Trie {
  root: TrieNode;
  firstAscii: readonly (TrieNode | undefined)[];
}

/**
 * The gazetteer's names in two tries: the case-sensitive names as spelled, the others in lower case.
 * A name can only match where a word starts (a match needs a boundary before it), so each word start
 * of a passage walks the tries as far as the text allows instead of every name being searched for
 * across the whole passage. Almost every name is case-sensitive and capitalised, so most words (in
 * lower case) stop at the first letter: linking a ten-megabyte import costs per character about
 * what the bundled excerpt does.
 */
interface PreparedGazetteer {
  /** Case-sensitive names, by their spelling with apostrophes folded. */
  exact: Trie;
  /** Case-insensitive names, by their lower-case spelling. */
  folded: Trie;
  /** Every name, for passages whose lower case changes length (where the trie's offsets would drift). */
  all: readonly PreparedName[];
  /** Names that start with something other than a letter or digit, searched for the slow way. */
  unindexed: readonly PreparedName[];
}

const prepared = new WeakMap<Gazetteer, PreparedGazetteer>();

function addToTrie(root: TrieNode, spelling: string, name: PreparedName): void {
  let node = root;
  for (let index = 0; index < spelling.length; index++) {
    const code = spelling.charCodeAt(index);
    let child = childOf(node, code);
    if (!child) {
      child = { codes: [], children: [], names: [] };
      node.codes.push(code);
      node.children.push(child);
    }
    node = child;
  }
  node.names.push(name);
}

function trieOf(root: TrieNode): Trie {
  return { root, firstAscii: Array.from({ length: 128 }, (_, code) => childOf(root, code)) };
}

// Folding every name once per gazetteer rather than once per passage keeps linking a source cheap.
function preparedNames(gazetteer: Gazetteer): PreparedGazetteer {
  const cached = prepared.get(gazetteer);
  if (cached) return cached;
  const exact: TrieNode = { codes: [], children: [], names: [] };
  const folded: TrieNode = { codes: [], children: [], names: [] };
  const all: PreparedName[] = [];
  const unindexed: PreparedName[] = [];
  gazetteer.names.forEach((entry, order) => {
    const spelling = foldApostrophes(entry.name);
    const name: PreparedName = { entry, order, folded: spelling, lower: spelling.toLowerCase() };
    all.push(name);
    if (wordLength(spelling, 0) === 0) unindexed.push(name);
    else if (entry.caseSensitive) addToTrie(exact, name.folded, name);
    else addToTrie(folded, name.lower, name);
  });
  const result = { exact: trieOf(exact), folded: trieOf(folded), all, unindexed };
  prepared.set(gazetteer, result);
  return result;
}

function findMatches(passage: Passage, gazetteer: Gazetteer): Match[] {
  // Most passages are plain ASCII: their case is folded a character at a time as the tries are walked,
  // rather than by a lower-case copy of every passage (which is all but one name never needs).
  const ascii = !NON_ASCII.test(passage.text);
  const text = ascii ? passage.text : foldApostrophes(passage.text);
  const lower = ascii ? null : text.toLowerCase();
  const canFoldCase = lower === null || lower.length === text.length;
  const { exact, folded, all, unindexed } = preparedNames(gazetteer);
  const found: Match[] = [];

  const startsWithFolded = (needle: string, from: number): boolean =>
    lower !== null ? lower.startsWith(needle, from) : text.slice(from, from + needle.length).toLowerCase() === needle;
  const tryName = (name: PreparedName, from: number): void => {
    const { entry } = name;
    if (entry.sourceIds && !entry.sourceIds.includes(passage.sourceId)) return;
    const insensitive = !entry.caseSensitive && canFoldCase;
    const needle = insensitive ? name.lower : name.folded;
    if (!(insensitive ? startsWithFolded(needle, from) : text.startsWith(needle, from))) return;
    const end = from + needle.length;
    if (isBoundary(text, from - 1) && isBoundary(text, end)) found.push({ start: from, end, entry, order: name.order });
  };
  const searchEverywhere = (name: PreparedName): void => {
    const insensitive = !name.entry.caseSensitive && canFoldCase;
    const haystack = insensitive ? (lower ?? text.toLowerCase()) : text;
    const needle = insensitive ? name.lower : name.folded;
    for (let from = haystack.indexOf(needle); from !== -1; from = haystack.indexOf(needle, from + 1)) tryName(name, from);
  };
  // Every name the trie spells along the text from `index` is a candidate there; `fold` reads it in lower case.
  const walk = (trie: Trie, index: number, fold: boolean): void => {
    const haystack = fold && lower !== null ? lower : text;
    const foldAscii = fold && lower === null;
    let code = haystack.charCodeAt(index);
    if (foldAscii && code >= 0x41 && code <= 0x5a) code += 0x20;
    let node = code < 128 ? trie.firstAscii[code] : childOf(trie.root, code);
    for (let at = index + 1; node; at++) {
      for (let position = 0; position < node.names.length; position++) tryName(node.names[position]!, index);
      if (at >= haystack.length) break;
      code = haystack.charCodeAt(at);
      if (foldAscii && code >= 0x41 && code <= 0x5a) code += 0x20;
      node = childOf(node, code);
    }
  };

  if (canFoldCase) {
    let index = 0;
    while (index < text.length) {
      const length = wordLength(text, index);
      if (length === 0) {
        index++;
        continue;
      }
      walk(exact, index, false);
      walk(folded, index, true);
      index += length;
    }
    for (const name of unindexed) searchEverywhere(name);
  } else {
    for (const name of all) searchEverywhere(name);
  }
  // The order the matches were found in decides ties later on: keep the gazetteer's.
  return found.sort((a, b) => a.order - b.order || a.start - b.start);
}

// eslint-disable-next-line no-control-regex
const NON_ASCII = /[^\x00-\x7f]/;

/** Whether each ASCII code is a letter or digit. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, code) => ((code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) ? 1 : 0));

/** How many letters and digits run from `start` (0 when `start` is not one). */
function wordLength(text: string, start: number): number {
  const length = text.length;
  let end = start;
  while (end < length && isWordCode(text.charCodeAt(end))) end++;
  return end - start;
}

function isWordCode(code: number): boolean {
  if (code < 0x80) return ASCII_WORD[code] === 1;
  return WORD_CHARACTER.test(String.fromCharCode(code));
}

function isBoundary(text: string, index: number): boolean {
  return index < 0 || index >= text.length || !isWordCode(text.charCodeAt(index));
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
