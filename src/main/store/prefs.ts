import type { Language } from '../../shared/contract';
import type { WindowState } from '../../shared/store/schema';
import type { Store } from './openStore';

/** Preferences, as stored: the language and the main window's bounds. */
export interface PrefsRepository {
  language(): Language | undefined;
  setLanguage(language: Language): Promise<void>;
  windowState(): WindowState | undefined;
  setWindowState(state: WindowState): Promise<void>;
}

/** The preferences repository over `store`. */
export function createPrefsRepository(store: Store): PrefsRepository {
  return {
    language: () => store.read().prefs.language,
    async setLanguage(language) {
      await store.update((draft) => {
        draft.prefs.language = language;
      });
    },
    windowState: () => store.read().prefs.window,
    async setWindowState(state) {
      await store.update((draft) => {
        // A copy of just the known fields: the store freezes what it saves (the caller's object is
        // not ours to freeze) and refuses unknown keys.
        const { x, y, width, height, maximized } = state;
        draft.prefs.window = { x, y, width, height, maximized };
      });
    },
  };
}
