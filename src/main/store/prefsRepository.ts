import type { Language } from '../../shared/contract';
import type { SessionState, ThemePreference, WindowState } from '../../shared/store/schema';
import type { Store } from './openStore';

/** Preferences, as stored: the language, the theme, the main window's bounds and the last session. */
export interface PrefsRepository {
  language(): Language | undefined;
  setLanguage(language: Language): Promise<void>;
  theme(): ThemePreference | undefined;
  setTheme(theme: ThemePreference): Promise<void>;
  windowState(): WindowState | undefined;
  setWindowState(state: WindowState): Promise<void>;
  session(): SessionState | undefined;
  setSession(session: SessionState): Promise<void>;
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
    theme: () => store.read().prefs.theme,
    async setTheme(theme) {
      await store.update((draft) => {
        draft.prefs.theme = theme;
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
    session: () => store.read().prefs.session,
    async setSession(session) {
      await store.update((draft) => {
        const { view, selected, tab } = session;
        draft.prefs.session = {
          ...(view ? { view: { center: [view.center[0], view.center[1]], zoom: view.zoom } } : {}),
          ...(selected === undefined ? {} : { selected }),
          ...(tab ? { tab } : {}),
        };
      });
    },
  };
}
