import { randomUUID } from 'node:crypto';
import type { LinkedPassage, LinkedSource } from '../../shared/atlas';
import type { AtlasView } from '../../shared/atlas/view';
import type { Handlers, ImportProgress, Language, SourceChange, SourcePreview, SourceView, sourceDocumentSchema } from '../../shared/contract';
import type { z } from 'zod';
import { translate } from '../../shared/i18n';
import { summariseSource, tierChanges, type SourceSummary } from '../../shared/atlas/diff';
import { SOURCE_EXTENSIONS, type ConvertedSource } from '../../shared/sources';
import type { ImportedSource } from '../../shared/store/schema';
import { convertHere, convertInWorker, type Conversion, type ConversionLimits } from '../import/importWorker';
import type { LiveAtlas } from '../import/liveAtlas';
import { droppedFile, readSourceFile, type SourceFile } from '../import/sourceFiles';
import type { Dialogs } from '../ports';
import type { Store } from '../store/openStore';
import { createSourcesRepository, sourceIdFor } from '../store/sourcesRepository';
import { HandlerError } from './invoke';

export interface SourcesHandlerDeps {
  store: Store;
  atlas: LiveAtlas;
  dialogs: Dialogs;
  language: () => Language;
  /** Told how an import is going, to forward to the renderer (`onImportProgress`). */
  onProgress: (progress: ImportProgress) => void;
  /**
   * The built import worker (out/main/importWorker.js): each document is then read in a worker
   * thread of its own, under IMPORT_LIMITS. Without it (unit tests) documents are read on main.
   */
  importWorker?: string | undefined;
  /** Tighter limits than IMPORT_LIMITS, for tests. */
  importLimits?: ConversionLimits | undefined;
  log?: ((message: string, error: unknown) => void) | undefined;
  now?: () => Date;
}

/** Progress is sent at most this often, whatever the slices report. */
const PROGRESS_INTERVAL_MS = 100;

/** A previewed import kept in main until the user confirms, cancels or previews another. */
interface PendingImport {
  token: string;
  jobId: string;
  fileName: string;
  converted: ConvertedSource;
  hash: string;
  linked: LinkedSource;
  /** The atlas the preview compared against, and the one it would become: reused on apply if nothing changed meanwhile. */
  before: AtlasView;
  after: AtlasView | null;
}

/**
 * Handlers for the sources of the atlas: listing them, importing a document (preview, then apply),
 * turning an imported source on or off, and removing it. Every change rebuilds the atlas from the
 * bundled sources and the enabled imported ones, publishes it (the renderer is told through
 * `onAtlasChanged`) and answers with the tier changes it caused. Notes are never touched.
 */
export function createSourcesHandlers(deps: SourcesHandlerDeps): Pick<Handlers, 'sources'> & { cancelAll(): void } {
  const repository = createSourcesRepository(deps.store, deps.now ? { now: deps.now } : {});
  const t = (key: string) => translate(deps.language(), key);
  let pending: PendingImport | null = null;
  // Imports running now, by job: Cancel stops the reading at once, or drops the preview once linked.
  const running = new Map<string, { conversion: Conversion | null; cancelled: boolean }>();
  const convert = (file: SourceFile, onProgress: (done: number) => void): Conversion => {
    if (deps.importWorker !== undefined) return convertInWorker(deps.importWorker, file, { onProgress, limits: deps.importLimits, log: deps.log });
    return { result: convertHere(file, onProgress), cancel: () => undefined };
  };
  // Changes run one after another, so two rebuilds never race to publish.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  // A preview's linked passages are kept only while it waits, unless the source is in the store.
  const forgetPending = (): void => {
    if (pending && !repository.get(pending.linked.source.id)) void deps.atlas.forget(pending.linked.source.id);
    pending = null;
  };

  const reporter = (jobId: string) => {
    let last = 0;
    return (phase: ImportProgress['phase'], done = 0): void => {
      const at = performance.now();
      if (done > 0 && done < 1 && at - last < PROGRESS_INTERVAL_MS) return;
      last = at;
      deps.onProgress({ jobId, phase, done: Math.min(1, Math.max(0, done)) });
    };
  };

  const enabledLinked = (except?: string): Promise<LinkedSource[]> =>
    Promise.all(
      repository
        .list()
        .filter((source) => source.enabled && source.id !== except)
        .map((source) => deps.atlas.link(source)),
    );

  // Summaries are kept per linked source (its passages never change), as the list asks again and again.
  const summaries = new WeakMap<readonly LinkedPassage[], SourceSummary>();
  const summaryOf = (passages: readonly LinkedPassage[]): SourceSummary => {
    let summary = summaries.get(passages);
    if (!summary) {
      summary = summariseSource(passages);
      summaries.set(passages, summary);
    }
    return summary;
  };

  const viewOfSource = async (source: ImportedSource): Promise<SourceView> => {
    const { passages } = await deps.atlas.link(source);
    return {
      id: source.id,
      title: source.title,
      origin: 'imported',
      attribution: source.attribution,
      fileName: source.fileName,
      importedAt: source.importedAt,
      enabled: source.enabled,
      passages: passages.length,
      countries: summaryOf(passages).countries.length,
      textMissing: !(await repository.hasText(source)),
    };
  };

  // Rebuilds the atlas from the store as it is now and makes it current.
  const rebuild = async (before: AtlasView): Promise<SourceChange['tierChanges']> => {
    const view = await deps.atlas.build(await enabledLinked());
    deps.atlas.publish(view);
    return tierChanges(before.model, view.model);
  };

  // Reads and links a document for a preview; null when the dialog or the import is cancelled.
  const preview = async (input: z.infer<typeof sourceDocumentSchema>, job: { conversion: Conversion | null; cancelled: boolean }): Promise<SourcePreview | null> => {
    const progress = reporter(input.jobId);
    let file: SourceFile;
    if (input.from === 'dialog') {
      const path = await deps.dialogs.openFile({ title: t('sources.chooseFile'), extensions: [...SOURCE_EXTENSIONS] });
      if (path === null) return null;
      progress('reading');
      file = await readSourceFile(path);
    } else {
      progress('reading');
      file = droppedFile(input.fileName, input.data);
    }
    if (job.cancelled) return null;
    progress('converting');
    job.conversion = convert(file, (done) => progress('converting', done));
    const read = await job.conversion.result;
    job.conversion = null;
    if (read === null || job.cancelled) return null;
    const { converted, hash } = read;
    const duplicate = repository.findByHash(hash) ?? null;
    const id = sourceIdFor(hash);
    const linked = await deps.atlas.link(
      { id, title: converted.title, attribution: converted.attribution, hash, text: converted.text },
      (done) => progress('linking', done),
      true,
    );
    // Cancelled while it was linked or compared: its passages are kept only if something else needs them.
    const dropped = (): null => {
      if (!repository.get(id) && pending?.linked.source.id !== id) void deps.atlas.forget(id);
      return null;
    };
    if (job.cancelled) return dropped();
    progress('comparing');
    const before = deps.atlas.current();
    const after = duplicate ? null : await deps.atlas.build([...(await enabledLinked()), linked], (done) => progress('comparing', done));
    if (job.cancelled) return dropped();
    const changes = after ? tierChanges(before.model, after.model) : [];
    forgetPending();
    pending = { token: randomUUID(), jobId: input.jobId, fileName: file.fileName, converted, hash, linked, before, after };
    return {
      token: pending.token,
      fileName: file.fileName,
      format: converted.format,
      title: converted.title,
      attribution: converted.attribution,
      ...summaryOf(linked.passages),
      tierChanges: changes,
      duplicateOf: duplicate ? { id: duplicate.id, title: duplicate.title } : null,
      removed: converted.removed,
    };
  };

  const cancel = (job: { conversion: Conversion | null; cancelled: boolean }): void => {
    job.cancelled = true;
    job.conversion?.cancel();
  };

  return {
    // As the app quits: every import still running stops reading, and its preview is dropped.
    cancelAll: () => running.forEach(cancel),
    sources: {
      async list() {
        const bundled = deps.atlas.base.bundled.map(
          ({ source, passages }): SourceView => ({
            id: source.id,
            title: source.title,
            origin: 'bundled',
            attribution: [source.author, source.licence].filter((part) => part !== '').join(', '),
            fileName: null,
            importedAt: null,
            enabled: true,
            passages: passages.length,
            countries: summaryOf(passages).countries.length,
            textMissing: false,
          }),
        );
        return [...bundled, ...(await Promise.all(repository.list().map(viewOfSource)))];
      },

      async previewImport(input): Promise<SourcePreview | null> {
        const job = { conversion: null as Conversion | null, cancelled: false };
        running.set(input.jobId, job);
        try {
          return await preview(input, job);
        } catch (error) {
          // Cancelled while it failed (its workers closed as the app quits, say): it was cancelled.
          if (job.cancelled) return null;
          throw error;
        } finally {
          running.delete(input.jobId);
        }
      },

      cancelImport({ jobId }) {
        const job = running.get(jobId);
        if (!job) return Promise.resolve(false);
        cancel(job);
        return Promise.resolve(true);
      },

      applyImport: ({ token, title, attribution }) =>
        serially(async () => {
          if (!pending || pending.token !== token) throw new HandlerError('not-found', 'That import preview is no longer current.');
          const { fileName, converted, hash, jobId, after } = pending;
          const unchanged = pending.before === deps.atlas.current();
          pending = null;
          reporter(jobId)('saving');
          const before = deps.atlas.current();
          const source = await repository.add({ title, attribution, fileName, hash, text: converted.text });
          if (!unchanged || !after) return { source: await viewOfSource(source), tierChanges: await rebuild(before) };
          // Nothing changed since the preview: its atlas is the one to show, with the confirmed labels.
          const sources = after.model.sources.map((entry) => (entry.id === source.id ? { ...entry, title: source.title, author: source.attribution } : entry));
          const view = { ...after, model: { ...after.model, sources } };
          deps.atlas.publish(view);
          return { source: await viewOfSource(source), tierChanges: tierChanges(before.model, view.model) };
        }),

      async discardImport({ token }) {
        if (!pending || pending.token !== token) return false;
        forgetPending();
        return true;
      },

      setEnabled: ({ id, enabled }) =>
        serially(async () => {
          const before = deps.atlas.current();
          const source = await repository.setEnabled(id, enabled);
          return { source: await viewOfSource(source), tierChanges: await rebuild(before) };
        }),

      remove: ({ id }) =>
        serially(async () => {
          const before = deps.atlas.current();
          const source = await repository.remove(id);
          const view = await viewOfSource(source);
          await deps.atlas.forget(id);
          return { source: view, tierChanges: await rebuild(before) };
        }),
    },
  };
}
