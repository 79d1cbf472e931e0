import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierId } from '../../../shared/atlas';
import type { SavedView, SidebarTab, StartupPrefs, ViewState } from '../../../shared/contract';
import { useAtlas } from '../atlas/AtlasContext';
import { useMapColouring } from '../map/useMapColouring';
import type { WorldMapHandle } from '../map/WorldMap';
import { useNotes } from '../notes/NotesContext';
import { errorText } from '../notes/errorText';
import type { SourceImporterHandle } from '../sources/SourceImporter';
import { useTimelineRange } from '../timeline/useTimelineRange';
import { useToast } from '../ui/Toasts';
import { AppDialogs } from './AppDialogs';
import { COMMANDS, type RunCommand } from './commands';
import { MapArea } from './MapArea';
import { RecoveryBanner } from './RecoveryBanner';
import { restoredSelection } from './session';
import { Sidebar } from './Sidebar';
import { Toolbar } from './Toolbar';
import { useDialogs } from './useDialogs';
import { useMenuCommands } from './useMenuCommands';
import { usePreferences } from './usePreferences';
import { useSelection } from './useSelection';
import { useSession } from './useSession';

/**
 * The window: the toolbar, the sidebar, the map with the open country's panel over it, and the
 * dialogs; it holds what they share (tab, selection, filters) and runs the window's commands.
 */
export function AppShell({ prefs }: { prefs: StartupPrefs }) {
  const { t } = useTranslation();
  const { atlas: index, view, countries, names, language } = useAtlas();
  const session = prefs.session;
  const notes = useNotes();
  const toast = useToast();
  const { themePreference, theme, chooseTheme } = usePreferences(prefs.theme);
  const dialogs = useDialogs(language);
  const [tab, setTab] = useState<SidebarTab>(session?.tab ?? 'countries');
  const [mapped, setMapped] = useState<ReadonlySet<string> | null>(null);
  const [tierFilter, setTierFilter] = useState<TierId | null>(null);
  const [body, setBody] = useState<string | null>(null);
  const mapHandle = useRef<WorldMapHandle>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const importer = useRef<SourceImporterHandle>(null);
  const selection = useSelection(
    () => restoredSelection(session, (candidate) => countries.some((country) => country.id === candidate)),
    mapHandle,
    dialogs.anyOpen,
  );
  const selectedId = selection.selection?.id ?? null;
  const tracking = useSession(session, selectedId, tab);

  const timeline = useTimelineRange(view, tab === 'timeline');
  const members = useMemo(
    () => (body ? new Set(view.organisations.find((organisation) => organisation.id === body)?.members ?? []) : null),
    [body, view],
  );
  const colouring = useMapColouring({
    countries,
    atlas: index,
    overrides: notes.overrides,
    noteCounts: notes.counts,
    theme,
    filters: { tier: tierFilter, inRange: timeline.inRange, members },
  });
  const { shownTier } = colouring;
  const listTier = useCallback(
    (id: string) => {
      const tier = shownTier(id);
      return tier === 'not-covered' ? null : index.tier(tier);
    },
    [shownTier, index],
  );

  const { setPdfTarget } = dialogs;
  const exportBriefing = useCallback(
    (id: string | null) => {
      const country = id ? names.get(id) : undefined;
      if (!country) toast.show(t('pdfExport.selectFirst'));
      else setPdfTarget({ kind: 'country', id: country.id, name: country.name[language] });
    },
    [names, language, t, toast, setPdfTarget],
  );
  const exportComparison = useCallback(
    (a: string, b: string) =>
      setPdfTarget({ kind: 'compare', a: { id: a, name: names.get(a)?.name[language] ?? a }, b: { id: b, name: names.get(b)?.name[language] ?? b } }),
    [names, language, setPdfTarget],
  );
  const atlasCountries = useMemo(
    () => Object.values(view.countries).filter((entry) => entry.tier !== 'not-covered' && entry.tier !== 'home').length,
    [view],
  );

  // The menu command reads the selection through a ref, so the menu listener is not re-bound on every click.
  const selectionRef = useRef<string | null>(null);
  useEffect(() => {
    selectionRef.current = selectedId;
  }, [selectedId]);
  // Saved views: the camera and filters as they are now, and brought back all at once.
  const { bounds: yearBounds, range: yearRange, setRange: setYearRange } = timeline;
  const savedViews = useMemo(
    () => ({
      current: (): ViewState | null => {
        const camera = mapHandle.current?.camera();
        return camera ? { camera, tier: tierFilter, organisation: body, years: yearRange } : null;
      },
      open: ({ state }: SavedView) => {
        const clamp = (year: number) => Math.min(yearBounds[1], Math.max(yearBounds[0], year));
        setTierFilter(view.tiers.some((tier) => tier.id === state.tier) ? (state.tier as TierId) : null);
        setBody(view.organisations.some((organisation) => organisation.id === state.organisation) ? state.organisation : null);
        setYearRange([clamp(state.years[0]), clamp(state.years[1])]);
        mapHandle.current?.showCamera(state.camera);
      },
    }),
    [tierFilter, body, yearRange, yearBounds, setYearRange, view],
  );

  const { setAbout, setShortcuts, setNotes, setImportPreview } = dialogs;
  const runCommand = useCallback<RunCommand>(
    (command) =>
      COMMANDS[command]({
        openAbout: () => setAbout(true),
        openShortcuts: () => setShortcuts(true),
        showTab: setTab,
        searchField: () => searchInput.current,
        map: () => mapHandle.current,
        importer: () => importer.current,
        openNotesDialog: setNotes,
        showNotesImport: setImportPreview,
        showError: (error) => toast.show(errorText(t, error)),
        selectedId: () => selectionRef.current,
        exportBriefing,
        openPdfExport: setPdfTarget,
        atlasCountries: () => atlasCountries,
        notify: (message) => toast.show(message),
        translate: (key, values) => t(key, values),
      }),
    [toast, t, exportBriefing, atlasCountries, setAbout, setShortcuts, setNotes, setImportPreview, setPdfTarget],
  );
  useMenuCommands(runCommand);

  return (
    <div className="app" data-panel={selection.selected ? 'open' : 'closed'}>
      <a className="skip-link" href="#country-search">
        {t('app.skipToList')}
      </a>
      <Toolbar themePreference={themePreference} onTheme={chooseTheme} onAbout={() => runCommand('about')} />
      <RecoveryBanner />
      <main className="workspace">
        <Sidebar
          tab={tab}
          onTab={setTab}
          searchRef={searchInput}
          selectedId={selectedId}
          onOpen={(id, passageId = null) => selection.select(id, 'list', passageId)}
          mapped={mapped}
          tierOf={listTier}
          timeline={timeline}
          onExportNotes={() => runCommand('export-notes')}
          onImportSource={() => runCommand('import-source')}
          views={savedViews}
        />
        <MapArea
          mapRef={mapHandle}
          selection={selection}
          colouring={colouring}
          theme={theme}
          initialView={session?.view ?? null}
          session={tracking}
          onMapped={setMapped}
          tierFilter={tierFilter}
          onTierFilter={setTierFilter}
          body={body}
          onBody={setBody}
          runCommand={runCommand}
          exportBriefing={exportBriefing}
          exportComparison={exportComparison}
        />
      </main>
      <AppDialogs dialogs={dialogs} importer={importer} />
    </div>
  );
}
