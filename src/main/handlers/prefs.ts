import type { Handlers, Language, Prefs } from '../../shared/contract';
import type { PrefsRepository } from '../store/prefsRepository';

export interface PrefsHandlerDeps {
  prefs: PrefsRepository;
  /** Language used until the user picks one (from the OS locale). */
  defaultLanguage: Language;
  /** Told after a preference changed, to update the menu and every window. */
  onPrefsChanged: (prefs: Prefs) => void;
}

/** Handlers for the user's preferences: language, theme, and where they were in the app. */
export function createPrefsHandlers(deps: PrefsHandlerDeps): Pick<Handlers, 'prefs'> {
  const currentPrefs = (): Prefs => ({ language: deps.prefs.language() ?? deps.defaultLanguage, theme: deps.prefs.theme() ?? 'system' });
  return {
    prefs: {
      get: () => ({ ...currentPrefs(), session: deps.prefs.session() ?? null }),
      async setLanguage({ language }) {
        await deps.prefs.setLanguage(language);
        const prefs = currentPrefs();
        deps.onPrefsChanged(prefs);
        return prefs;
      },
      async setTheme({ theme }) {
        await deps.prefs.setTheme(theme);
        const prefs = currentPrefs();
        deps.onPrefsChanged(prefs);
        return prefs;
      },
      async setSession(session) {
        await deps.prefs.setSession(session);
        return true;
      },
    },
  };
}
