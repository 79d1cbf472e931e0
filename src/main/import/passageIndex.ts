import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { countriesOf, type AtlasModel, type AtlasPassage } from '../../shared/atlas';
import type { ImportedSource } from '../../shared/store/schema';
import type { PassageSearchHit, PassageSearchPage, SnippetRange } from '../../shared/contract';
import { removeOrphanTempFiles, writeFileAtomic } from '../store/atomicJsonFile';
import { loadTextIndex, queryWords, searchTextIndex, storeTextIndex, TextIndexBuilder, WORD, termsOf, type TextIndex } from './textIndex';

/** The folder, inside the store folder, that holds one search index per source. */
export const SEARCH_INDEX_FOLDER = 'search-index';

/**
 * The index file format: the tokeniser, the folding and the layout of textIndex.ts. Change it
 * whenever any of them changes, and every index is rebuilt at the next search.
 */
export const INDEX_FORMAT = 2;

/** Passages added to an index between two turns of main's event loop (about 10–20 ms of work here). */
const BUILD_CHUNK = 200;
/** How long a search works before it lets main answer other calls (and notices a newer search). */
const SEARCH_SLICE_MS = 8;

/** A query needs this many letters before it searches passages (one letter matches nearly everything). */
export const MIN_QUERY_LENGTH = 2;

/** A source as the index sees it: its passages in order, and what tells whether a stored index still fits. */
export interface IndexedSource {
  id: string;
  title: string;
  /** The source's content hash (an imported document's), or any stable label of a bundled one. */
  hash: string;
  passages: readonly AtlasPassage[];
}

/** What was read or made since the service started, for tests and the bench. */
export interface IndexCounts {
  /** Indexes built from passages (none stored, or the stored one no longer fitted or was unreadable). */
  built: number;
  /** Indexes read from their file. */
  loaded: number;
}

export interface PassageIndex {
  /**
   * The sources to search from now on (the atlas's, in order) and the ids of every source the store
   * still knows (the disabled ones keep their file; any other index file is deleted). Their indexes
   * are read or built in the background, one at a time, once `warm` is called or a search asks.
   */
  sync(sources: readonly IndexedSource[], known: ReadonlySet<string>): void;
  /** Starts reading or building the indexes now, rather than at the first search. */
  warm(): void;
  /** Resolves when every index of the current sources is ready (and written, where it was built). */
  ready(): Promise<void>;
  search(input: { query: string; offset: number; limit: number; seq: number }): Promise<PassageSearchPage>;
  counts(): IndexCounts;
  /** Waits for the index work under way (reads, builds, writes), and starts no more. */
  close(): Promise<void>;
}

interface Entry {
  source: IndexedSource;
  fingerprint: string;
  /** 1 for each passage (by ordinal) that is about a country: the others cannot be opened, so they are not hits. */
  linked: Uint8Array;
  /** Where it is in the order of the atlas's sources (ties in score go to the earlier). */
  order: number;
  index: TextIndex | null;
  ready: Promise<void> | null;
}

interface Ranked {
  entry: Entry;
  doc: number;
  score: number;
  terms: ReadonlySet<string>;
}

/** What a stored index says about what it was built from; it is used only when all of it matches. */
interface IndexHeader {
  format: number;
  sourceId: string;
  sourceHash: string;
  /** A hash of the passage ids, in order: ids change with the passage text, so a new ingester or linker that cuts passages differently rebuilds the index. */
  passages: string;
  count: number;
}

/** The file: the header on the first line, with the hash of the index, which fills the rest. */
interface StoredHeader extends IndexHeader {
  index: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The atlas's sources, in its order, with their passages; an imported one with its content hash from the store. */
export function indexedSourcesOf(model: AtlasModel, stored: readonly Pick<ImportedSource, 'id' | 'hash'>[]): IndexedSource[] {
  const byId = new Map(model.passages.map((passage) => [passage.id, passage]));
  const hashes = new Map(stored.map((source) => [source.id, source.hash]));
  return model.sources.map((source) => ({
    id: source.id,
    title: source.title,
    hash: hashes.get(source.id) ?? 'bundled',
    passages: source.passageIds.flatMap((id) => byId.get(id) ?? []),
  }));
}

/** 1 for each passage about a country (a subject link), else 0. */
function aboutACountry(passages: readonly AtlasPassage[]): Uint8Array {
  return Uint8Array.from(passages, (passage) => (passage.links.some((link) => link.role === 'subject') ? 1 : 0));
}

/** The hash of the passages' ids in order: what decides whether a stored index fits them. */
export function passagesFingerprint(passages: readonly AtlasPassage[]): string {
  const hash = createHash('sha256');
  for (const passage of passages) hash.update(passage.id).update('\n');
  return hash.digest('hex');
}

/** The index file of a source (ids are `[a-z0-9-]`; anything else is encoded, never a path). */
export function indexPath(storeFolder: string, sourceId: string): string {
  const name = /^[a-z0-9-]+$/.test(sourceId) ? sourceId : encodeURIComponent(sourceId).replace(/[%.]/g, '_');
  return join(storeFolder, SEARCH_INDEX_FOLDER, `${name}.json`);
}

/**
 * The passage search of the atlas, in main. Each source has its own index (textIndex.ts), built once
 * and kept next to the store (`search-index/<source id>.json`, written atomically, with a header:
 * format, source hash, passage fingerprint); at the next start it is read instead of built, and
 * rebuilt when the header no longer fits or the file cannot be read (never a failure). Building
 * and reading run in slices between main's other work. The window gets hits, never the index.
 *
 * What "cancelled" means: every search carries the window's running number (`seq`, one per
 * keystroke). Main skips a search whose number is below the highest it has seen, at every point it
 * could (before it starts, after waiting for an index, between sources and every few milliseconds
 * of work), and answers it `superseded` with no hits; the window ignores any answer that is not
 * for its latest keystroke. A search already running is not interrupted inside one source's
 * query (a few milliseconds at most).
 */
export function createPassageIndex(options: { storeFolder: string; homeId: string; log?: ((message: string, error: unknown) => void) | undefined }): PassageIndex {
  const folder = join(options.storeFolder, SEARCH_INDEX_FOLDER);
  let entries: Entry[] = [];
  let known: ReadonlySet<string> = new Set();
  let latest = -1;
  let closed = false;
  const counts: IndexCounts = { built: 0, loaded: 0 };
  // Index work runs one piece at a time, in the order asked.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = (task: () => Promise<void>): Promise<void> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };
  let folderChecked = false;

  const build = async (entry: Entry): Promise<TextIndex> => {
    const builder = new TextIndexBuilder();
    const { passages } = entry.source;
    for (let from = 0; from < passages.length; from += BUILD_CHUNK) {
      if (from > 0) await turn();
      for (const passage of passages.slice(from, from + BUILD_CHUNK)) builder.add(passage.id, passage.text);
    }
    await turn();
    return builder.finish();
  };

  const headerOf = (entry: Entry): IndexHeader => ({
    format: INDEX_FORMAT,
    sourceId: entry.source.id,
    sourceHash: entry.source.hash,
    passages: entry.fingerprint,
    count: entry.source.passages.length,
  });

  const fits = (stored: unknown, expected: IndexHeader): boolean =>
    typeof stored === 'object' && stored !== null && (Object.keys(expected) as (keyof IndexHeader)[]).every((key) => (stored as Record<string, unknown>)[key] === expected[key]);

  // The stored index if it fits this source, else null (missing, unreadable, damaged or stale alike).
  const load = async (entry: Entry): Promise<TextIndex | null> => {
    const text = await readFile(indexPath(options.storeFolder, entry.source.id), 'utf8').catch(() => null);
    if (text === null) return null;
    try {
      const newline = text.indexOf('\n');
      if (newline === -1) return null;
      const header = JSON.parse(text.slice(0, newline)) as Partial<StoredHeader>;
      const body = text.slice(newline + 1);
      // Any byte changed since it was written (a torn copy, an edit) shows in the hash.
      if (!fits(header, headerOf(entry)) || header.index !== sha256(body)) return null;
      await turn();
      const index = loadTextIndex(JSON.parse(body) as Record<string, unknown>);
      return index.ids.length === entry.source.passages.length && index.ids.every((id, at) => id === entry.source.passages[at]!.id) ? index : null;
    } catch (error) {
      options.log?.(`The search index of ${entry.source.id} could not be read; it is rebuilt.`, error);
      return null;
    }
  };

  const prepare = (entry: Entry): Promise<void> =>
    (entry.ready ??= serially(async () => {
      if (closed) return;
      if (!folderChecked) {
        folderChecked = true;
        await removeOrphanTempFiles(folder).catch(() => undefined);
      }
      const stored = await load(entry);
      if (stored) {
        entry.index = stored;
        counts.loaded++;
        return;
      }
      entry.index = await build(entry);
      counts.built++;
      // Kept for the next start; a disk that refuses it costs a rebuild then, never this search.
      const body = JSON.stringify(storeTextIndex(entry.index));
      const text = `${JSON.stringify({ ...headerOf(entry), index: sha256(body) } satisfies StoredHeader)}\n${body}`;
      await mkdir(folder, { recursive: true })
        .then(() => writeFileAtomic(indexPath(options.storeFolder, entry.source.id), text))
        .catch((error: unknown) => options.log?.(`The search index of ${entry.source.id} could not be saved.`, error));
    }));

  // Index files of sources the store no longer has: removed once the work before is done.
  const sweep = (): Promise<void> =>
    serially(async () => {
      if (closed) return;
      const names = await readdir(folder).catch(() => [] as string[]);
      const keep = new Set([...known, ...entries.map((entry) => entry.source.id)].map((id) => indexPath(options.storeFolder, id)));
      await Promise.all(
        names
          .filter((name) => name.endsWith('.json') && !keep.has(join(folder, name)))
          .map((name) => rm(join(folder, name), { force: true }).catch(() => undefined)),
      );
    });

  const skipped = (seq: number, offset: number): PassageSearchPage => ({ seq, superseded: true, total: 0, offset, hits: [] });

  const hitOf = ({ entry, doc, score, terms }: Ranked): PassageSearchHit | null => {
    const passage = entry.source.passages[doc];
    if (!passage) return null;
    const id = passage.id;
    const subjects = countriesOf(passage.links);
    const countryIds = [...subjects.filter((country) => country !== options.homeId), ...subjects.filter((country) => country === options.homeId)];
    return { passageId: id, countryIds, sourceId: entry.source.id, sourceTitle: entry.source.title, score, ...snippetOf(passage.text, terms) };
  };

  return {
    sync(sources, stillKnown) {
      const before = new Map(entries.map((entry) => [entry.source.id, entry]));
      known = stillKnown;
      entries = sources.map((source, order) => {
        const fingerprint = passagesFingerprint(source.passages);
        const existing = before.get(source.id);
        if (existing && existing.fingerprint === fingerprint && existing.source.hash === source.hash) {
          existing.source = source;
          existing.linked = aboutACountry(source.passages);
          existing.order = order;
          return existing;
        }
        return { source, fingerprint, linked: aboutACountry(source.passages), order, index: null, ready: null };
      });
      void sweep();
    },

    warm() {
      for (const entry of entries) void prepare(entry);
    },

    async ready() {
      await Promise.all(entries.map(prepare));
      await queue;
    },

    async search({ query, offset, limit, seq }) {
      latest = Math.max(latest, seq);
      const superseded = () => seq < latest || closed;
      // A keystroke typed meanwhile is already waiting: it goes first, and this one is skipped.
      await turn();
      if (superseded()) return skipped(seq, offset);
      const words = queryWords(query);
      if (termsOf(query).join('').length < MIN_QUERY_LENGTH) return { seq, superseded: false, total: 0, offset, hits: [] };
      const searched = entries;
      await Promise.all(searched.map(prepare));
      if (superseded()) return skipped(seq, offset);
      // Each source gives its best `offset + limit`; the page is cut from all of them merged.
      const ranked: Ranked[] = [];
      let total = 0;
      let sliceStart = performance.now();
      for (const entry of searched) {
        if (performance.now() - sliceStart > SEARCH_SLICE_MS) {
          await turn();
          if (superseded()) return skipped(seq, offset);
          sliceStart = performance.now();
        }
        if (!entry.index) continue;
        const found = searchTextIndex(entry.index, words, offset + limit, entry.linked);
        total += found.total;
        for (const { doc, score } of found.top) ranked.push({ entry, doc, score, terms: found.terms });
      }
      ranked.sort((a, b) => b.score - a.score || a.entry.order - b.entry.order || a.doc - b.doc);
      const hits = ranked
        .slice(offset, offset + limit)
        .map(hitOf)
        .filter((hit): hit is PassageSearchHit => hit !== null);
      return { seq, superseded: false, total, offset, hits };
    },

    counts: () => ({ ...counts }),

    async close() {
      closed = true;
      await queue;
    },
  };
}

/** Characters of a snippet before the first match, and in all (about two lines of the list). */
const SNIPPET_LEAD = 50;
const SNIPPET_LENGTH = 180;

/**
 * The part of `text` a hit shows: about 180 characters from a little before the first word whose
 * folded form is one of `terms` (the index's matched terms), cut at word boundaries, with "…" where
 * it is cut, and the ranges of every matched word inside it. Plain text: the window renders ranges
 * as marks, and any markup in the passage stays text.
 */
export function snippetOf(text: string, terms: ReadonlySet<string>): { snippet: string; ranges: SnippetRange[] } {
  const matches: SnippetRange[] = [];
  for (const word of text.matchAll(WORD)) {
    const start = word.index;
    if (matches.length > 0 && start >= matches[0]!.start + SNIPPET_LENGTH) break;
    if (termsOf(word[0]).some((term) => terms.has(term))) matches.push({ start, end: start + word[0].length });
  }
  const first = matches[0]?.start ?? 0;
  let from = Math.max(0, first - SNIPPET_LEAD);
  // Start at a word: back to the space before `from`, unless that is the start of the text.
  if (from > 0) {
    const space = text.lastIndexOf(' ', from);
    from = space > 0 && first - space <= SNIPPET_LEAD + 20 ? space + 1 : from;
  }
  let to = Math.min(text.length, from + SNIPPET_LENGTH);
  if (to < text.length) {
    const space = text.lastIndexOf(' ', to);
    if (space > first) to = space;
  }
  const lead = from > 0 ? '…' : '';
  const snippet = `${lead}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
  const ranges = matches
    .filter((range) => range.start >= from && range.end <= to)
    .map((range) => ({ start: range.start - from + lead.length, end: range.end - from + lead.length }));
  return { snippet, ranges };
}
