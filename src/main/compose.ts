import type { AtlasView } from '../shared/atlas/view';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppInfo, EventPayload, ExportProgress, ImportProgress, Language, Prefs } from '../shared/contract';
import { loadAtlasBase } from './data/atlasFiles';
import { loadCountries } from './data/countryList';
import { createAppHandlers } from './handlers/app';
import { createAtlasHandlers } from './handlers/atlas';
import { createBriefingHandlers, type Shapes } from './handlers/briefing';
import { createCountriesHandlers } from './handlers/countries';
import { createDataHandlers } from './handlers/data';
import { createInvoker, type Invoker } from './handlers/invoke';
import { createNotesHandlers } from './handlers/notes';
import { createOverridesHandlers } from './handlers/overrides';
import { createPrefsHandlers } from './handlers/prefs';
import { createSearchHandlers } from './handlers/search';
import { createSourcesHandlers } from './handlers/sources';
import { createStoreHandlers } from './handlers/store';
import { createViewsHandlers } from './handlers/views';
import { createLinkedCache, dataFingerprint, type LinkedCache } from './import/linkedCache';
import { createLinkWorker, type LinkLimits } from './import/linkWorker';
import { createLiveAtlas } from './import/liveAtlas';
import { createPassageIndex, indexedSourcesOf, type PassageIndex } from './import/passageIndex';
import { NO_CLIPBOARD, NO_DIALOGS, NO_PRINTER, NO_SHELL, type DesktopShell, type Dialogs, type Printer, type SystemClipboard } from './ports';
import { openStore, type Store } from './store/openStore';
import { createPrefsRepository, type PrefsRepository } from './store/prefsRepository';
import { createSourcesRepository } from './store/sourcesRepository';

export interface ServiceOptions {
  storeFolder: string;
  dataFolder: string;
  appInfo: () => AppInfo;
  defaultLanguage: Language;
  onPrefsChanged: (prefs: Prefs) => void;
  /** Where file dialogs come from; without them every export or import is cancelled. */
  dialogs?: Dialogs;
  /** The built renderer; briefings draw their maps from its geometry (geo/shapes-50m.json). */
  rendererFolder: string;
  /** Prints briefings to PDF; without one every print fails with a clear reason. */
  printer?: Printer;
  /** Opens exported files; without one Open fails with a clear reason. */
  shell?: DesktopShell;
  /** Where copied citations go; without one Copy citation fails with a clear reason. */
  clipboard?: SystemClipboard;
  /** Told how a PDF export is going, to forward to the window that asked. */
  onExportProgress?: (progress: ExportProgress) => void;
  /** Told how a source import is going, to forward to the renderer. */
  onImportProgress?: (progress: ImportProgress) => void;
  /** Told when the atlas changed (a source added, turned on or off, removed), to tell every window. */
  onAtlasChanged?: (payload: EventPayload<'onAtlasChanged'>) => void;
  log?: (message: string, error: unknown) => void;
  now?: () => Date;
  /**
   * The built link worker (out/main/linkWorker.js): two worker threads then link each imported
   * document, a half each, while main ingests and dates it. Without it main links it all, in slices.
   */
  linkWorker?: string;
  /** Tighter limits for the link workers than IMPORT_LIMITS, for tests. */
  linkLimits?: LinkLimits;
  /**
   * The built import worker (out/main/importWorker.js): each document imported is then read in a
   * worker thread of its own, under the import limits. Without it main reads documents itself.
   */
  importWorker?: string;
}

/** How long after start the passage search's indexes start loading, so they do not compete with the window's first paint. */
const INDEX_WARM_DELAY_MS = 1500;

export interface Services {
  store: Store;
  prefs: PrefsRepository;
  invoke: Invoker;
  /** The passage search's indexes (one per source, kept next to the store). */
  passageIndex: PassageIndex;
  /** Each imported source's linked passages, kept next to the store so a start need not link them again. */
  linkedCache: LinkedCache;
  /** The whole atlas main holds now (every passage); the window gets only its summary. */
  atlas(): AtlasView;
  language(): Language;
  /** Cancels the imports still running, stops the link workers, waits for the saves already queued to land, and closes the store. */
  close(): Promise<void>;
}

/**
 * Builds everything behind the contract from plain folders: the store, the repositories, the
 * handler table and its invoker. Electron's main and the e2e harness both start here.
 */
export async function composeServices(options: ServiceOptions): Promise<Services> {
  const store = await openStore({ folder: options.storeFolder, ...(options.now ? { now: options.now } : {}) });
  const prefs = createPrefsRepository(store);
  const [countries, base] = await Promise.all([loadCountries(options.dataFolder), loadAtlasBase(options.dataFolder)]);
  // The atlas of the bundled sources and the enabled imported ones; replaced whenever that set changes.
  const importedSources = createSourcesRepository(store);
  // Sources from a version-3 store keep their text inline until this works; a read-only disk must
  // not stop the app from opening (the texts are still read from the store).
  await importedSources.moveInlineTexts().catch(() => undefined);
  // Two link workers: an imported document is linked in halves, both off main.
  const linkWorker = options.linkWorker;
  const workers = linkWorker === undefined ? [] : [0, 1].map(() => createLinkWorker(linkWorker, options.dataFolder, undefined, options.linkLimits));
  // What linking made of each stored source, read back rather than linked again when it still fits.
  const linkedCache = createLinkedCache({
    storeFolder: options.storeFolder,
    linker: `${options.appInfo().version}\n${await dataFingerprint(options.dataFolder)}`,
    scheme: base.context.scheme,
    log: options.log,
  });
  void linkedCache.prune(new Set(importedSources.list().map((source) => source.id)));
  const live = await createLiveAtlas(base, importedSources.list(), (source) => importedSources.textOf(source), { workers, log: options.log, cache: linkedCache });
  let atlas = live.current();
  // A curated tier whose evidence has gone from the bundled sources is skipped rather than failing
  // the start; said once here, where whoever edits the data files will look. Curated tiers are
  // checked against the bundled sources only, so no later import changes the list.
  const skipped = atlas.model.skippedCurated;
  if (skipped) options.log?.(`Skipped ${String(skipped.length)} curated tier${skipped.length === 1 ? '' : 's'} whose evidence is not in the bundled sources.`, skipped);
  // The passage search: one index per source of the atlas, read or built in the background shortly
  // after start (or at the first search), and again for a source added.
  const passageIndex = createPassageIndex({ storeFolder: options.storeFolder, homeId: atlas.model.homeId, log: options.log });
  const syncIndex = () => passageIndex.sync(indexedSourcesOf(atlas.model, importedSources.list()), new Set(importedSources.list().map((source) => source.id)));
  syncIndex();
  const warmTimer = setTimeout(() => passageIndex.warm(), INDEX_WARM_DELAY_MS);
  warmTimer.unref?.();
  let revision = 0;
  live.onChange((view) => {
    atlas = view;
    syncIndex();
    passageIndex.warm();
    options.onAtlasChanged?.({ revision: ++revision });
  });
  const language = () => prefs.language() ?? options.defaultLanguage;
  const notesHandlers = createNotesHandlers({
    store,
    atlas: () => atlas,
    countries,
    dialogs: options.dialogs ?? NO_DIALOGS,
    language,
    ...(options.now ? { now: options.now } : {}),
  });
  const overridesHandlers = createOverridesHandlers({ store, ...(options.now ? { now: options.now } : {}) });
  let shapes: Promise<Shapes> | null = null;
  const briefingHandlers = createBriefingHandlers({
    atlas: () => atlas,
    countries,
    // The same views the notes handlers give the renderer.
    notes: () => notesHandlers.notes.list(undefined),
    overrides: () => overridesHandlers.overrides.list(undefined),
    shapes: () =>
      (shapes ??= readFile(join(options.rendererFolder, 'geo/shapes-50m.json'), 'utf8').then((text) => JSON.parse(text) as Shapes)).catch(
        (error: unknown) => {
          shapes = null;
          throw error;
        },
      ),
    printer: options.printer ?? NO_PRINTER,
    dialogs: options.dialogs ?? NO_DIALOGS,
    shell: options.shell ?? NO_SHELL,
    language,
    appVersion: options.appInfo().version,
    progress: options.onExportProgress ?? (() => undefined),
    ...(options.now ? { now: options.now } : {}),
  });
  const sourcesHandlers = createSourcesHandlers({
    store,
    atlas: live,
    dialogs: options.dialogs ?? NO_DIALOGS,
    language,
    onProgress: options.onImportProgress ?? (() => undefined),
    importWorker: options.importWorker,
    log: options.log,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    store,
    prefs,
    passageIndex,
    linkedCache,
    atlas: () => atlas,
    invoke: createInvoker(
      {
        ...createAppHandlers({ appInfo: options.appInfo }),
        ...createCountriesHandlers({ countries }),
        ...createAtlasHandlers({ atlas: () => atlas }),
        ...createPrefsHandlers({ prefs, defaultLanguage: options.defaultLanguage, onPrefsChanged: options.onPrefsChanged }),
        ...notesHandlers,
        ...overridesHandlers,
        ...createStoreHandlers({ store, ...(options.now ? { now: options.now } : {}) }),
        ...briefingHandlers,
        sources: sourcesHandlers.sources,
        ...createDataHandlers({
          store,
          atlas: () => atlas,
          dialogs: options.dialogs ?? NO_DIALOGS,
          clipboard: options.clipboard ?? NO_CLIPBOARD,
          language,
          ...(options.now ? { now: options.now } : {}),
        }),
        ...createViewsHandlers({ store, ...(options.now ? { now: options.now } : {}) }),
        ...createSearchHandlers({ index: passageIndex }),
      },
      options.log,
    ),
    language,
    close: async () => {
      // Imports still running stop first (reading threads, their timers), so none outlives the store.
      sourcesHandlers.cancelAll();
      await Promise.all(workers.map((worker) => worker.close()));
      clearTimeout(warmTimer);
      await Promise.all([passageIndex.close(), linkedCache.close()]);
      // Waits for the queued saves, then frees the store folder for the next start.
      await store.close();
    },
  };
}
