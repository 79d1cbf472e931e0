import { documentContextSteps, extractEvents, ingestSourceSteps, linkAtlasSourceSteps, type AtlasPassage, type LinkedSource, type Passage, type TimelineEvent } from '../../shared/atlas';
import { decodeLinksSteps } from '../../shared/atlas/compact';
import { viewOf, viewSteps, type AtlasBase, type AtlasView } from '../../shared/atlas/view';
import { isCodedError } from '../../shared/codedError';
import type { ImportedSource } from '../../shared/store/schema';
import type { LinkedCache } from './linkedCache';
import { LinkWorkerClosedError, type LinkWorker } from './linkWorker';
import { runInSlices } from './slices';

/**
 * An imported source as the atlas sees it: its id, labels and content hash, and its text when the
 * caller has it at hand (a preview); otherwise the text is read (`readText`) only if the source is
 * not linked yet.
 */
export type SourceInput = Pick<ImportedSource, 'id' | 'title' | 'attribution' | 'hash'> & { text?: string | undefined };

/** Reads a stored source's text; null when it is gone, which links no passage rather than failing. */
export type ReadSourceText = (source: Pick<ImportedSource, 'hash' | 'text'>) => Promise<string | null>;

/**
 * The atlas the renderer is shown, kept current as imported sources come and go. Linking a source
 * is the costly part, so each source's linked passages are kept (by id and content hash) and only
 * the assembly is redone when a source is turned on or off. With no imported source this is the
 * bundled atlas, built exactly as before, so start-up costs nothing extra.
 */
export interface LiveAtlas {
  /** What `atlas.get` answers now. */
  current(): AtlasView;
  /** The bundled atlas's parts: data files and bundled sources, linked. */
  readonly base: AtlasBase;
  /**
   * A source's passages, linked in slices (each kept for next time); `onProgress` hears 0–1. Only a
   * new import (`newImport`) fails when the link workers' limits are reached; a stored source, which
   * the user accepted before, is then linked on main, so that it can never keep the app from starting.
   */
  link(source: SourceInput, onProgress?: (done: number) => void, newImport?: boolean): Promise<LinkedSource>;
  /** The atlas with these imported sources added to the bundled ones, built in slices; does not make it current. */
  build(imported: readonly LinkedSource[], onProgress?: (done: number) => void): Promise<AtlasView>;
  /** Makes `view` what the renderer gets, and tells every listener. */
  publish(view: AtlasView): void;
  /** Drops a removed source's linked passages, and the copy kept of them on disk. */
  forget(id: string): Promise<void>;
  onChange(listener: (view: AtlasView) => void): () => void;
}

export interface LiveAtlasOptions {
  /** Worker threads to link each imported document in, a run of its passages each; without any, main links it all. */
  workers?: readonly LinkWorker[] | undefined;
  log?: ((message: string, error: unknown) => void) | undefined;
  /** Where each source's linked passages are kept between starts; without it, every start links them again. */
  cache?: LinkedCache | undefined;
}

const linkedSource = (source: SourceInput, passages: AtlasPassage[]): LinkedSource => ({
  source: { id: source.id, title: source.title, author: source.attribution, licence: '', imported: true },
  passages,
});

/** A document with fewer passages than this is linked by one worker: a second would not pay for itself. */
const SPLIT_FROM = 2000;
// Ingesting is about a fifth of the work when the linking is done by workers.
const INGEST_SHARE = 0.2;
// Of which finding the document's context takes at most this much, and usually nothing (it stops at the first Korea named).
const CONTEXT_SHARE = 0.05;

function* eventSteps(passages: readonly Passage[], batch = 2000): Generator<number, TimelineEvent[][], void> {
  const events: TimelineEvent[][] = [];
  for (const passage of passages) {
    events.push(extractEvents(passage));
    if (events.length % batch === 0) yield events.length / passages.length;
  }
  return events;
}

/**
 * The live atlas over `base`, starting with the enabled ones of `sources` (linked before it
 * resolves); `readText` gives a source's text when it has to be linked.
 */
export async function createLiveAtlas(
  base: AtlasBase,
  sources: readonly (SourceInput & { enabled: boolean })[],
  readText: ReadSourceText,
  options: LiveAtlasOptions = {},
): Promise<LiveAtlas> {
  const linked = new Map<string, { hash: string; passages: AtlasPassage[] }>();
  const listeners = new Set<(view: AtlasView) => void>();
  const { gazetteer, scheme } = base.context;

  // All of it here, in slices: ingest, link, date and run the tier rules. No title to drop: the
  // converted text never repeats it on its first line.
  const linkHere = (sourceId: string, text: string, onProgress: (done: number) => void): Promise<AtlasPassage[]> =>
    runInSlices(linkAtlasSourceSteps({ sourceId, title: '', text }, gazetteer, scheme), onProgress);

  // Ingested here; the workers link a run of the passages each (one run for a short document) while
  // main dates them, then main takes their answers in. Nothing but slices runs on main. Each run is
  // sent with the context of the whole document (whether it names a Korea, which "the North" needs),
  // so the runs link as the document does in one piece.
  const linkApart = async (workers: readonly LinkWorker[], sourceId: string, text: string, onProgress: (done: number) => void): Promise<AtlasPassage[]> => {
    const passages = await runInSlices(ingestSourceSteps({ sourceId, title: '', text }), (done) => onProgress((INGEST_SHARE - CONTEXT_SHARE) * done));
    const document = await runInSlices(documentContextSteps(passages, gazetteer), (done) => onProgress(INGEST_SHARE - CONTEXT_SHARE + CONTEXT_SHARE * done));
    const lanes = passages.length < SPLIT_FROM ? 1 : workers.length;
    const size = Math.ceil(passages.length / lanes);
    const runs = workers.slice(0, lanes).map((worker, lane) => ({ worker, from: lane * size, passages: passages.slice(lane * size, (lane + 1) * size) }));
    const done = runs.map(() => 0);
    const linking = runs.map(({ worker, passages: run }, lane) =>
      worker.link(run, document, (share) => {
        done[lane] = share;
        onProgress(INGEST_SHARE + ((1 - INGEST_SHARE) * done.reduce((sum, each) => sum + each, 0)) / lanes);
      }),
    );
    // A failed link is awaited (and thrown) below, once main has dated the passages.
    for (const answer of linking) answer.catch(() => undefined);
    const events = await runInSlices(eventSteps(passages));
    const answers = await Promise.all(linking);
    const linked: AtlasPassage[] = [];
    for (const [lane, { from, passages: run }] of runs.entries()) {
      const decoded = await runInSlices(decodeLinksSteps(run, events.slice(from, from + run.length), answers[lane]!, scheme));
      for (const passage of decoded) linked.push(passage);
    }
    return linked;
  };

  // The passages kept of a source (see LinkedCache), now its linked ones; null when none fit. Kept
  // passages stand for a text that is there: one whose file is gone shows none, as before.
  const keptOf = async (source: SourceInput, stored: string | null): Promise<LinkedSource | null> => {
    const kept = stored === null ? null : ((await options.cache?.read(source)) ?? null);
    if (!kept) return null;
    linked.set(source.id, { hash: source.hash, passages: kept });
    return linkedSource(source, kept);
  };

  // Links `stored` (the source's text, null when its file is gone) and keeps what it makes.
  const linkText = async (source: SourceInput, stored: string | null, onProgress: (done: number) => void, newImport: boolean): Promise<LinkedSource> => {
    const text = stored ?? '';
    let passages: AtlasPassage[] | null = null;
    if (options.workers && options.workers.length > 0) {
      passages = await linkApart(options.workers, source.id, text, onProgress).catch((error: unknown) => {
        // A limit reached is a new import's answer: linking on main would only freeze it there.
        if (isCodedError(error) && newImport) throw error;
        // Closed as the app quits: there is nothing left to link for.
        if (error instanceof LinkWorkerClosedError) throw error;
        // A worker that cannot start or fails costs time, never the import: main does it all. So
        // does a stored source past a limit: it was accepted once, and refusing it now would stop
        // the start with no way to turn it off.
        options.log?.(isCodedError(error) ? 'A stored source reached a link limit; linking it on main instead.' : 'The link worker failed; linking on main instead.', error);
        return null;
      });
    }
    passages ??= await linkHere(source.id, text, onProgress);
    linked.set(source.id, { hash: source.hash, passages });
    // A text that is gone links no passage, but that is not kept: the file may come back.
    if (stored !== null) options.cache?.write(source, passages);
    return linkedSource(source, passages);
  };

  const link = async (source: SourceInput, onProgress: (done: number) => void = () => {}, newImport = false): Promise<LinkedSource> => {
    const entry = linked.get(source.id);
    if (entry && entry.hash === source.hash) return linkedSource(source, entry.passages);
    const stored = source.text ?? (await readText(source));
    const kept = await keptOf(source, stored);
    if (kept) onProgress(1);
    return kept ?? (await linkText(source, stored, onProgress, newImport));
  };

  const enabled = sources.filter((source) => source.enabled);
  // The kept passages are read first, a source after another with the next one's file read and
  // inflated meanwhile (rather than all at once, which holds every file's bytes in memory together);
  // the sources with none that fit are then linked side by side, in the workers.
  const read: { stored: string | null; kept: LinkedSource | null }[] = [];
  const readKept = async (source: SourceInput) => {
    const stored = await readText(source);
    const kept = await keptOf(source, stored);
    // The text is held only for a source that is still to be linked.
    return { stored: kept ? null : stored, kept };
  };
  let next = enabled.length > 0 ? readKept(enabled[0]!) : null;
  for (let index = 0; index < enabled.length; index++) {
    read.push(await next!);
    next = index + 1 < enabled.length ? readKept(enabled[index + 1]!) : null;
  }
  const started = await Promise.all(enabled.map((source, index) => read[index]!.kept ?? linkText(source, read[index]!.stored, () => {}, false)));
  let view = enabled.length === 0 ? viewOf(base) : await runInSlices(viewSteps(base, started));

  return {
    base,
    current: () => view,
    link,
    build: (imported, onProgress) => runInSlices(viewSteps(base, imported), onProgress),
    publish(next) {
      view = next;
      for (const listener of listeners) listener(next);
    },
    forget: async (id) => {
      linked.delete(id);
      await options.cache?.remove(id);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
