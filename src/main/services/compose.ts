import type { AppInfo, Language, Prefs } from '../../shared/contract';
import { openStore, type Store } from '../store/openStore';
import { createPrefsRepository, type PrefsRepository } from '../store/prefs';
import { loadAtlas } from './atlas';
import { loadCountries } from './countries';
import { createHandlers } from './handlers';
import { createInvoker, type Invoker } from './invoke';

export interface ServiceOptions {
  storeFolder: string;
  dataFolder: string;
  appInfo: () => AppInfo;
  defaultLanguage: Language;
  onPrefsChanged: (prefs: Prefs) => void;
  log?: (message: string, error: unknown) => void;
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
  const store = await openStore({ folder: options.storeFolder });
  const prefs = createPrefsRepository(store);
  const [countries, atlas] = await Promise.all([loadCountries(options.dataFolder), loadAtlas(options.dataFolder)]);
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
    invoke: createInvoker(handlers, options.log),
    language: () => prefs.language() ?? options.defaultLanguage,
  };
}
