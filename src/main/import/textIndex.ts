import { foldForSearch } from '../../shared/text';

/**
 * A full-text index of one source's passages, made for the passage search's two costs: a keystroke
 * over tens of megabytes of text, and reading the index back at start. Terms are the folded words
 * (accents and case ignored; Hangul syllables are letters), sorted, so the start of a word is a
 * binary search; each term's postings are two typed arrays (passage ordinal, count), so scoring
 * touches numbers only, and the whole index is four arrays and two lists of strings, which store
 * as base64 and read back in milliseconds.
 *
 * Ranking is BM25 (k1 1.2, b 0.7) per source. A query's words must all match (AND); each matches
 * as typed, as the start of a longer word (weighted lower), and, when a word of five letters or
 * more matches nothing at all, as the words within one typo in five that begin with the same
 * letter ("nordpolitk" finds "Nordpolitik").
 */
export interface TextIndex {
  /** Passage ids by ordinal. */
  readonly ids: readonly string[];
  /** Sorted folded terms. */
  readonly terms: readonly string[];
  /** Postings of term `t`: `docs[offsets[t]] … docs[offsets[t + 1] - 1]`, with their counts in `counts`. */
  readonly offsets: Uint32Array;
  readonly docs: Uint32Array;
  readonly counts: Uint16Array;
  /** Words in each passage. */
  readonly lengths: Uint32Array;
}

/** A word of a document: letters, digits and their marks; everything else separates. */
export const WORD = /[\p{L}\p{N}\p{M}]+/gu;
/** A word once folded (the marks are gone). */
const FOLDED_WORD = /[\p{L}\p{N}]+/gu;

/** The folded words of `text`, in order. */
export function termsOf(text: string): string[] {
  return foldForSearch(text).match(FOLDED_WORD) ?? [];
}

/** Collects passages into an index; `finish` makes the arrays. */
export class TextIndexBuilder {
  private readonly ids: string[] = [];
  private readonly lengths: number[] = [];
  private readonly postings = new Map<string, number[]>();

  add(id: string, text: string): void {
    const doc = this.ids.length;
    this.ids.push(id);
    const words = termsOf(text);
    this.lengths.push(words.length);
    const seen = new Map<string, number>();
    for (const word of words) seen.set(word, (seen.get(word) ?? 0) + 1);
    for (const [word, count] of seen) {
      let list = this.postings.get(word);
      if (!list) this.postings.set(word, (list = []));
      list.push(doc, Math.min(count, 0xffff));
    }
  }

  finish(): TextIndex {
    const terms = [...this.postings.keys()].sort();
    const offsets = new Uint32Array(terms.length + 1);
    let total = 0;
    for (const [index, term] of terms.entries()) {
      offsets[index] = total;
      total += this.postings.get(term)!.length / 2;
    }
    offsets[terms.length] = total;
    const docs = new Uint32Array(total);
    const counts = new Uint16Array(total);
    for (const [index, term] of terms.entries()) {
      const list = this.postings.get(term)!;
      let at = offsets[index]!;
      for (let item = 0; item < list.length; item += 2) {
        docs[at] = list[item]!;
        counts[at++] = list[item + 1]!;
      }
    }
    return { ids: this.ids, terms, offsets, docs, counts, lengths: Uint32Array.from(this.lengths) };
  }
}

/** The index of `passages` in one go (tests; the service builds in slices with the builder). */
export function buildTextIndex(passages: readonly { id: string; text: string }[]): TextIndex {
  const builder = new TextIndexBuilder();
  for (const passage of passages) builder.add(passage.id, passage.text);
  return builder.finish();
}

/** The index as JSON-safe data (arrays as base64 of their bytes, little-endian as every platform Electron runs on). */
export interface StoredTextIndex {
  ids: string;
  terms: string;
  offsets: string;
  docs: string;
  counts: string;
  lengths: string;
}

const base64 = (array: Uint32Array | Uint16Array): string => Buffer.from(array.buffer, array.byteOffset, array.byteLength).toString('base64');

function fromBase64<T extends Uint32Array | Uint16Array>(text: unknown, Type: { new (buffer: ArrayBuffer): T; BYTES_PER_ELEMENT: number }): T {
  if (typeof text !== 'string') throw new Error('not base64');
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % Type.BYTES_PER_ELEMENT !== 0) throw new Error('torn array');
  // A copy, aligned: the buffer Node decodes into may be a slice of a shared pool.
  const copy = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(copy).set(bytes);
  return new Type(copy);
}

// Ids and terms never hold a newline: ids are hex and dashes, terms are letters and digits.
export function storeTextIndex(index: TextIndex): StoredTextIndex {
  return {
    ids: index.ids.join('\n'),
    terms: index.terms.join('\n'),
    offsets: base64(index.offsets),
    docs: base64(index.docs),
    counts: base64(index.counts),
    lengths: base64(index.lengths),
  };
}

/** The index from its stored form; throws when any part is missing or does not fit the others. */
export function loadTextIndex(stored: Partial<Record<keyof StoredTextIndex, unknown>>): TextIndex {
  if (typeof stored.ids !== 'string' || typeof stored.terms !== 'string') throw new Error('missing ids or terms');
  const ids = stored.ids === '' ? [] : stored.ids.split('\n');
  const terms = stored.terms === '' ? [] : stored.terms.split('\n');
  const offsets = fromBase64(stored.offsets, Uint32Array);
  const docs = fromBase64(stored.docs, Uint32Array);
  const counts = fromBase64(stored.counts, Uint16Array);
  const lengths = fromBase64(stored.lengths, Uint32Array);
  const fits =
    offsets.length === terms.length + 1 &&
    offsets[terms.length] === docs.length &&
    counts.length === docs.length &&
    lengths.length === ids.length &&
    docs.every((doc) => doc < ids.length) &&
    offsets.every((offset, index) => index === 0 || offset >= offsets[index - 1]!);
  if (!fits) throw new Error('the index arrays do not fit together');
  return { ids, terms, offsets, docs, counts, lengths };
}

/** One query word, as the index matches it. */
interface QueryWord {
  text: string;
  /** Whether it may be the start of a longer word. */
  prefix: boolean;
}

/** The words of a query, folded; every one may be the start of a longer word, as the search box is typed into. */
export function queryWords(query: string): QueryWord[] {
  return [...new Set(termsOf(query))].map((text) => ({ text, prefix: true }));
}

/** Up to this many best hits are picked in one pass; more are sorted. */
const SELECT_UP_TO = 200;
const K1 = 1.2;
const B = 0.7;
/** A word matched only as the start of a longer one, or within a typo, counts for less than one typed in full. */
const PREFIX_WEIGHT = 0.5;
const FUZZY_WEIGHT = 0.4;

/** The first index in sorted `terms` whose term is not below `text`. */
function lowerBound(terms: readonly string[], text: string): number {
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (terms[middle]! < text) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Whether `a` and `b` are within `max` edits (insert, delete, substitute) of each other. */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      current.push(value);
      if (value < best) best = value;
    }
    if (best > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}

/** The terms a query word matches, each with its weight. */
function expand(index: TextIndex, word: QueryWord): { term: number; weight: number }[] {
  const { terms } = index;
  const found: { term: number; weight: number }[] = [];
  const start = lowerBound(terms, word.text);
  if (terms[start] === word.text) found.push({ term: start, weight: 1 });
  if (word.prefix) {
    for (let term = terms[start] === word.text ? start + 1 : start; term < terms.length && terms[term]!.startsWith(word.text); term++) found.push({ term, weight: PREFIX_WEIGHT });
  }
  if (found.length > 0 || word.text.length < 5) return found;
  // Nothing as typed: the words within a typo in five, among those with the same first letter.
  const max = Math.round(word.text.length * 0.2);
  const first = word.text[0]!;
  const next = String.fromCharCode(first.charCodeAt(0) + 1);
  for (let term = lowerBound(terms, first), end = lowerBound(terms, next); term < end; term++) {
    if (withinEdits(word.text, terms[term]!, max)) found.push({ term, weight: FUZZY_WEIGHT });
  }
  return found;
}

/** What a search of one index found: how many passages match, the best `top` of them, and the terms matched. */
export interface TextHits {
  total: number;
  /** Best first: passage ordinal and score. */
  top: { doc: number; score: number }[];
  terms: Set<string>;
}

/**
 * The passages of `index` that match every word, scored, and the best `top` of them; with
 * `include`, only the passages it marks (non-zero) count. The work is one pass over the postings of
 * the matched terms, in typed arrays: no object per passage.
 */
export function searchTextIndex(index: TextIndex, words: readonly QueryWord[], top: number, include?: Uint8Array): TextHits {
  const terms = new Set<string>();
  const size = index.ids.length;
  if (words.length === 0 || size === 0) return { total: 0, top: [], terms };
  const expanded = words.map((word) => expand(index, word));
  if (expanded.some((list) => list.length === 0)) return { total: 0, top: [], terms };
  let sum = 0;
  for (const length of index.lengths) sum += length;
  const average = sum / size || 1;
  const scores = new Float64Array(size);
  // This word's score in each passage: the best of the terms it matches there (so "japan" in a
  // passage that also says "Japanese" counts once, as "japan").
  const word = new Float64Array(size);
  // How many of the words each passage has matched so far, in order: a passage missing one drops out.
  const matched = new Uint8Array(size);
  for (const [position, list] of expanded.entries()) {
    const touched: number[] = [];
    for (const { term, weight } of list) {
      terms.add(index.terms[term]!);
      const from = index.offsets[term]!;
      const to = index.offsets[term + 1]!;
      const idf = Math.log(1 + (size - (to - from) + 0.5) / (to - from + 0.5));
      for (let at = from; at < to; at++) {
        const doc = index.docs[at]!;
        const state = matched[doc]!;
        if (state !== position && state !== position + 1) continue;
        const count = index.counts[at]!;
        const score = (weight * idf * (count * (K1 + 1))) / (count + K1 * (1 - B + (B * index.lengths[doc]!) / average));
        if (state === position) {
          matched[doc] = position + 1;
          touched.push(doc);
          word[doc] = score;
        } else if (score > word[doc]!) word[doc] = score;
      }
    }
    for (const doc of touched) scores[doc] = scores[doc]! + word[doc]!;
  }
  const all = words.length;
  const best: { doc: number; score: number }[] = [];
  let total = 0;
  if (top > SELECT_UP_TO) {
    // A deep page: every match, sorted.
    for (let doc = 0; doc < size; doc++) if (matched[doc] === all && (!include || include[doc])) best.push({ doc, score: scores[doc]! });
    best.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return { total: best.length, top: best.slice(0, top), terms };
  }
  // The best `top` by a small sorted insertion list (a page or a few).
  for (let doc = 0; doc < size; doc++) {
    if (matched[doc] !== all || (include && !include[doc])) continue;
    total++;
    const score = scores[doc]!;
    if (best.length === top && score <= best[best.length - 1]!.score) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { doc, score });
    if (best.length > top) best.pop();
  }
  return { total, top: best, terms };
}
