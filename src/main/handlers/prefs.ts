import type { AppInfo, AtlasView, CountrySummary, Handlers, Language, Prefs } from '../../shared/contract';
import type { PrefsRepository } from '../store/prefsRepository';

export interface HandlerDeps {
  appInfo: () => AppInfo;
  countries: readonly CountrySummary[];
  /** The atlas as it is now (imported sources change it). */
  atlas: () => AtlasView;
  prefs: PrefsRepository;
  /** Language used until the user picks one (from the OS locale). */
  defaultLanguage: Language;
  /** Told after a preference changed, to update the menu and every window. */
  onPrefsChanged: (prefs: Prefs) => void;
}

/** The handlers of the app, the atlas and preferences (notes and briefings have their own files). */
export function createHandlers(deps: HandlerDeps): Omit<Handlers, 'notes' | 'overrides' | 'store' | 'briefing' | 'sources'> {
  const currentPrefs = (): Prefs => ({ language: deps.prefs.language() ?? deps.defaultLanguage, theme: deps.prefs.theme() ?? 'system' });
  return {
    app: {
      info: () => deps.appInfo(),
    },
    countries: {
      list: () => [...deps.countries],
    },
    atlas: {
      get: () => deps.atlas(),
    },
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
