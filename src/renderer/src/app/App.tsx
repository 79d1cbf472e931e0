import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AtlasSummary, CountrySummary, Language, StartupPrefs } from '../../../shared/contract';
import { AtlasProvider, type AtlasState } from '../atlas/AtlasContext';
import { indexAtlas } from '../atlas/atlasIndex';
import { useNoteActions } from '../notes/NotesContext';
import { useLiveAtlasView } from '../sources/useLiveAtlasView';
import { AppShell } from './AppShell';

/**
 * The app: the atlas (kept up to date while sources are imported), the countries and the language,
 * given to every view through AtlasProvider, around the window (AppShell).
 */
export function App({ countries, view: bootView, prefs }: { countries: CountrySummary[]; view: AtlasSummary; prefs: StartupPrefs }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'ko' ? 'ko' : 'en';
  const { refresh } = useNoteActions();
  // Imported sources change the atlas while the app runs; notes are placed against its passages.
  const view = useLiveAtlasView(bootView, refresh);
  const index = useMemo(() => indexAtlas(view), [view]);
  const names = useMemo(() => new Map(countries.map((country) => [country.id, country])), [countries]);
  const atlas = useMemo<AtlasState>(() => ({ atlas: index, view, countries, names, language }), [index, view, countries, names, language]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t, language]);

  return (
    <AtlasProvider value={atlas}>
      <AppShell prefs={prefs} />
    </AtlasProvider>
  );
}
