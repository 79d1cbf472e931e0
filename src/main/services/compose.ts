import type { AppInfo, Language, Prefs } from '../../shared/contract';
import { openStore, type Store } from '../store/openStore';
import { createPrefsRepository, type PrefsRepository } from '../store/prefs';
import { loadAtlas } from './atlas';
import { NO_DIALOGS, type Dialogs } from './dialogs';
import { createNotesHandlers } from './notesHandlers';
import { loadCountries } from './countries';
import { createHandlers } from './handlers';
import { createInvoker, type Invoker } from './invoke';

export interface ServiceOptions {
  storeFolder: string;
  dataFolder: string;
  appInfo: () => AppInfo;
  defaultLanguage: Language;
  onPrefsChanged: (prefs: Prefs) => void;
  /** Where file dialogs come from; without them every export or import is cancelled. */
  dialogs?: Dialogs;
  log?: (message: string, error: unknown) => void;
  now?: () => Date;
}

export interface Services {
  store: Store;
  prefs: PrefsRepository;
  invoke: Invoker;
  language(): Language;
}

/**
 * Builds everything behind the contract from plain folders: the store, the repositories, the
 * handler table and its invoker. Electron's main and the e2e harness both start here.
 */
export async function composeServices(options: ServiceOptions): Promise<Services> {
  const store = await openStore({ folder: options.storeFolder, ...(options.now ? { now: options.now } : {}) });
  const prefs = createPrefsRepository(store);
  const [countries, atlas] = await Promise.all([loadCountries(options.dataFolder), loadAtlas(options.dataFolder)]);
  const language = () => prefs.language() ?? options.defaultLanguage;
  const notesHandlers = createNotesHandlers({
    store,
    atlas,
    countries,
    dialogs: options.dialogs ?? NO_DIALOGS,
    language,
    ...(options.now ? { now: options.now } : {}),
  });
  const handlers = createHandlers({
    appInfo: options.appInfo,
    countries,
    atlas,
    prefs,
    defaultLanguage: options.defaultLanguage,
    onPrefsChanged: options.onPrefsChanged,
  });
  return {
    store,
    prefs,
    invoke: createInvoker({ ...handlers, ...notesHandlers }, options.log),
    language,
  };
}
