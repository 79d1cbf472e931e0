import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierId } from '../../../shared/atlas';
import type { AtlasView, CountrySummary, Language } from '../../../shared/contract';
import { AtlasProvider } from '../atlas/AtlasContext';
import { indexAtlas } from '../atlas/atlasIndex';
import { applyLanguage } from '../i18n/i18n';
import { Legend } from '../legend/Legend';
import { MapControls } from '../map/MapControls';
import { WorldMap, type WorldMapHandle } from '../map/WorldMap';
import { useMapColouring } from '../map/useMapColouring';
import { CompareView, type ComparePair } from '../compare/CompareView';
import { CountryPanel } from '../panel/CountryPanel';
import { useNotes } from '../notes/NotesContext';
import { ExportDialog, ImportDialog, SnapshotDialog } from '../notes/NotesDialogs';
import { NotesView } from '../notes/NotesView';
import { errorText } from '../notes/errorText';
import { CountryList } from '../search/CountryList';
import { usePassageSearch } from '../search/usePassageSearch';
import type { PassageHit } from '../search/passageSearch';
import { allEvents, countriesInRange, lastYear, type AtlasEvent } from '../timeline/timelineEvents';
import { TimelineView } from '../timeline/TimelineView';
import { DocumentDrop } from '../sources/DocumentDrop';
import { SourceImporter, type SourceImporterHandle } from '../sources/SourceImporter';
import { SourcesView } from '../sources/SourcesView';
import { useLiveAtlasView } from '../sources/useLiveAtlasView';
import { PdfExportDialog, defaultPaper, type PdfExportTarget } from '../briefing/PdfExportDialog';
import { AboutDialog } from './AboutDialog';
import { ShortcutsDialog } from './ShortcutsDialog';
import { COMMANDS, type RunCommand } from './commands';
import { useMenuCommands } from './useMenuCommands';
import { atlas, unwrap } from '../bridge';
import { useToast } from '../ui/Toasts';
import type { BriefingOptions, ImportPreview, MapView, SidebarTab, StartupPrefs, StoreStatus, ThemePreference } from '../../../shared/contract';
import { useResolvedTheme } from '../theme/theme';
import { createSessionSaver, restoredSelection } from './session';
import { RegionBoundary } from './RegionBoundary';

const PANEL_WIDTH = 420;

interface Selection {
  id: string;
  /** Where it was chosen: `restore` is the panel left open at the last session's end. */
  from: 'map' | 'list' | 'restore';
  passageId: string | null;
}

/** The main view: the sidebar (countries, search, timeline), the map with its legend, and the panel. */
export function App({ countries, view: bootView, prefs }: { countries: CountrySummary[]; view: AtlasView; prefs: StartupPrefs }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'ko' ? 'ko' : 'en';
  const session = prefs.session;
  const [selection, setSelection] = useState<Selection | null>(() => {
    const id = restoredSelection(session, (candidate) => countries.some((country) => country.id === candidate));
    return id ? { id, from: 'restore', passageId: null } : null;
  });
  const [themePreference, setThemePreference] = useState<ThemePreference>(prefs.theme);
  const theme = useResolvedTheme(themePreference);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [mapped, setMapped] = useState<ReadonlySet<string> | null>(null);
  const [tierFilter, setTierFilter] = useState<TierId | null>(null);
  const [tab, setTab] = useState<SidebarTab>(session?.tab ?? 'countries');
  const [dialog, setDialog] = useState<'export' | 'snapshots' | null>(null);
  const [importPreview, setImportPreview] = useState<ImportPreview | null>(null);
  const [recovery, setRecovery] = useState<StoreStatus['recovery']>(null);
  const [pdfTarget, setPdfTarget] = useState<PdfExportTarget | null>(null);
  // A comparison belongs to the panel it was opened from: choosing another country leaves it.
  const [compareState, setCompareState] = useState<{ from: string; pair: ComparePair } | null>(null);
  const [pdfOptions, setPdfOptions] = useState<BriefingOptions>(() => ({ paper: defaultPaper(navigator.language), includeNotes: true, language }));
  const notes = useNotes();
  // Imported sources change the atlas while the app runs; notes are placed against its passages.
  const view = useLiveAtlasView(bootView, notes.refresh);
  const importer = useRef<SourceImporterHandle>(null);
  const toast = useToast();
  const [body, setBody] = useState<string | null>(null);
  const mapHandle = useRef<WorldMapHandle>(null);
  const searchInput = useRef<HTMLInputElement>(null);

  const index = useMemo(() => indexAtlas(view), [view]);
  const byId = useMemo(() => new Map(countries.map((country) => [country.id, country])), [countries]);
  const atlasState = useMemo(() => ({ atlas: index, view, countries, names: byId, language }), [index, view, countries, byId, language]);
  const searchable = useMemo(
    () => countries.map((country) => ({ ...country, altNames: [...country.altNames, ...(view.searchNames[country.id] ?? [])] })),
    [countries, view],
  );
  const { search: passageSearch, indexing: indexingPassages } = usePassageSearch(view.model.passages);
  const events = useMemo(() => allEvents(view.model), [view]);
  const bounds = useMemo<[number, number]>(
    () => (events.length > 0 ? [Math.min(...events.map((e) => e.date.year)), Math.max(...events.map(lastYear))] : [1945, 2025]),
    [events],
  );
  const [range, setRange] = useState<[number, number]>(bounds);

  const inRange = useMemo(() => (tab === 'timeline' ? countriesInRange(events, range[0], range[1]) : null), [tab, events, range]);
  const members = useMemo(
    () => (body ? new Set(view.model.organisations.find((organisation) => organisation.id === body)?.members ?? []) : null),
    [body, view],
  );
  const { shownTier, fills, counts, dimmed, overridden, noted } = useMapColouring({
    countries,
    atlas: index,
    overrides: notes.overrides,
    noteCounts: notes.counts,
    theme,
    filters: { tier: tierFilter, inRange, members },
  });
  const listTier = useCallback(
    (id: string) => {
      const tier = shownTier(id);
      return tier === 'not-covered' ? null : index.tier(tier);
    },
    [shownTier, index],
  );

  const selected = selection ? byId.get(selection.id) : undefined;
  const compare = selected && compareState?.from === selected.id ? compareState.pair : null;
  const setCompare = useCallback((pair: ComparePair | null) => setCompareState((current) => (pair && current ? { from: current.from, pair } : null)), []);

  const select = useCallback((id: string | null, from: 'map' | 'list', passageId: string | null = null) => {
    setSelection(id ? { id, from, passageId } : null);
    if (id && from === 'list') mapHandle.current?.flyTo(id, PANEL_WIDTH + 24);
    // A country clicked where the panel is about to open is brought out from under it.
    if (id && from === 'map') mapHandle.current?.reveal(id, PANEL_WIDTH + 24);
  }, []);

  const describe = useCallback(
    (id: string) => {
      const name = byId.get(id)?.name[language] ?? id;
      const tier = shownTier(id);
      return tier === 'home' ? t('tooltip.home', { name }) : t('tooltip.tier', { name, tier: index.tier(tier).label[language] });
    },
    [byId, index, language, t, shownTier],
  );

  // The menu command reads the selection through a ref, so the menu listener is not re-bound on every click.
  const selectionRef = useRef<string | null>(null);
  useEffect(() => {
    selectionRef.current = selection?.id ?? null;
  }, [selection]);
  const exportBriefing = useCallback(
    (id: string | null) => {
      const country = id ? byId.get(id) : undefined;
      if (!country) toast.show(t('pdfExport.selectFirst'));
      else setPdfTarget({ kind: 'country', id: country.id, name: country.name[language] });
    },
    [byId, language, t, toast],
  );
  const atlasCountries = useMemo(
    () => Object.values(view.model.countries).filter((entry) => entry.tier !== 'not-covered' && entry.tier !== 'home').length,
    [view],
  );

  const subjectsOfHit = useCallback((hit: PassageHit) => index.subjectsOf(hit.passage), [index]);

  const runCommand = useCallback<RunCommand>(
    (command) =>
      COMMANDS[command]({
        openAbout: () => setAboutOpen(true),
        openShortcuts: () => setShortcutsOpen(true),
        showTab: setTab,
        searchField: () => searchInput.current,
        map: () => mapHandle.current,
        importer: () => importer.current,
        openNotesDialog: setDialog,
        showNotesImport: setImportPreview,
        showError: (error) => toast.show(errorText(t, error)),
        selectedId: () => selectionRef.current,
        exportBriefing,
        openPdfExport: setPdfTarget,
        atlasCountries: () => atlasCountries,
      }),
    [toast, t, exportBriefing, atlasCountries],
  );
  useMenuCommands(runCommand);

  useEffect(() => {
    void unwrap(atlas().store.status()).then((status) => setRecovery(status.recovery));
  }, []);

  useEffect(
    () =>
      atlas().onPrefsChanged((changed) => {
        void applyLanguage(changed.language);
        setThemePreference(changed.theme);
      }),
    [],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && selection && !aboutOpen && !shortcutsOpen && dialog === null && importPreview === null && pdfTarget === null && !event.defaultPrevented) {
        // Esc backs out one level: the comparison first, then the panel.
        if (compare) setCompare(null);
        else setSelection(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, aboutOpen, shortcutsOpen, dialog, importPreview, pdfTarget, compare, setCompare]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t, language]);

  // Where the user is (open panel, tab, map view) is remembered for the next start. The open panel
  // is remembered only once it has rendered (start-up cleared it before the restored one opens),
  // so a panel that fails is never reopened into the same failure.
  const [saver] = useState(() =>
    createSessionSaver(
      { ...session, selected: null },
      (state) => void unwrap(atlas().prefs.setSession(state)).catch(() => undefined),
    ),
  );
  const [shownPanel, setShownPanel] = useState<string | null>(null);
  const shownId = selection && shownPanel === selection.id ? selection.id : null;
  useEffect(() => saver.update({ selected: shownId, tab }), [saver, shownId, tab]);
  const panelFailed = useCallback(() => {
    setShownPanel(null);
    saver.update({ selected: null });
    saver.flush();
  }, [saver]);
  useEffect(() => {
    const flush = () => saver.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      saver.dispose();
    };
  }, [saver]);
  const onViewChange = useCallback((view: MapView) => saver.update({ view }), [saver]);

  const otherLanguage: Language = language === 'en' ? 'ko' : 'en';
  const selectEvent = (event: AtlasEvent) => {
    const id = event.countries[0];
    if (id) select(id, 'list', event.passageId);
  };

  return (
    <AtlasProvider value={atlasState}>
    <div className="app" data-panel={selected ? 'open' : 'closed'}>
      <a className="skip-link" href="#country-search">
        {t('app.skipToList')}
      </a>
      <header className="toolbar">
        <h1>{t('app.title')}</h1>
        <div className="toolbar-actions">
          <label className="theme-picker">
            <span>{t('theme.label')}</span>
            <select
              value={themePreference}
              onChange={(event) => {
                const next = event.target.value as ThemePreference;
                setThemePreference(next);
                void unwrap(atlas().prefs.setTheme({ theme: next })).catch((error: unknown) => toast.show(errorText(t, error)));
              }}
            >
              {(['system', 'light', 'dark'] as const).map((option) => (
                <option key={option} value={option}>
                  {t(`theme.${option}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            lang={otherLanguage}
            aria-label={t('language.switchTo', { language: t(`language.${otherLanguage}`) })}
            onClick={() => void unwrap(atlas().prefs.setLanguage({ language: otherLanguage }))}
          >
            {t(`language.${otherLanguage}`)}
          </button>
          <button type="button" onClick={() => runCommand('about')}>
            {t('menu.about')}
          </button>
        </div>
      </header>
      {recovery && (
        <div className="recovery-banner" role="alert">
          <span>
            {recovery.reason === 'unreadable'
              ? t('recovery.message', { path: recovery.movedTo, from: t(`recovery.${recovery.restoredFrom}`) })
              : t('recovery.missingMessage', { from: t(`recovery.${recovery.restoredFrom}`) })}
          </span>
          <button type="button" onClick={() => setRecovery(null)}>
            {t('recovery.dismiss')}
          </button>
        </div>
      )}
      <main className="workspace">
        <nav className="sidebar" aria-label={t('sidebar.tabs')}>
          <div className="tabs" role="tablist" aria-label={t('sidebar.tabs')}>
            {(['countries', 'timeline', 'notes', 'sources'] as const).map((name) => (
              <button
                key={name}
                type="button"
                role="tab"
                id={`tab-${name}`}
                aria-selected={tab === name}
                aria-controls={`tabpanel-${name}`}
                onClick={() => setTab(name)}
              >
                {name === 'notes' ? t('notes.tab') : name === 'sources' ? t('sources.tab') : t(`sidebar.${name}`)}
              </button>
            ))}
          </div>
          {/* The tabs stay outside: another tab is a way out of one that fails. */}
          <RegionBoundary region="sidebar" resetKey={tab}>
          <div role="tabpanel" id="tabpanel-countries" aria-labelledby="tab-countries" hidden={tab !== 'countries'} className="tabpanel">
            <CountryList
              ref={searchInput}
              countries={searchable}
              selectedId={selection?.id ?? null}
              onSelect={(id) => select(id, 'list')}
              mapped={mapped}
              passageSearch={passageSearch}
              indexingPassages={indexingPassages}
              subjectsOf={subjectsOfHit}
              onSelectPassage={(passageId, countryId) => select(countryId, 'list', passageId)}
              tierOf={listTier}
            />
          </div>
          <div role="tabpanel" id="tabpanel-timeline" aria-labelledby="tab-timeline" hidden={tab !== 'timeline'} className="tabpanel">
            {tab === 'timeline' && (
              <TimelineView events={events} bounds={bounds} range={range} onRange={setRange} onSelectEvent={selectEvent} />
            )}
          </div>
          <div role="tabpanel" id="tabpanel-notes" aria-labelledby="tab-notes" hidden={tab !== 'notes'} className="tabpanel">
            {tab === 'notes' && (
              <NotesView onOpen={(id, passageId) => select(id, 'list', passageId)} onExport={() => runCommand('export-notes')} />
            )}
          </div>
          <div role="tabpanel" id="tabpanel-sources" aria-labelledby="tab-sources" hidden={tab !== 'sources'} className="tabpanel">
            {tab === 'sources' && <SourcesView onImport={() => runCommand('import-source')} />}
          </div>
          </RegionBoundary>
        </nav>
        <section className="map-area" aria-label={t('map.ariaLabel')}>
          <RegionBoundary region="map">
          <WorldMap
            ref={mapHandle}
            selectedId={selection?.id ?? null}
            fills={fills}
            dimmed={dimmed}
            overridden={overridden}
            noted={noted}
            describe={describe}
            onSelect={(id) => select(id, 'map')}
            onMapped={setMapped}
            theme={theme}
            initialView={session?.view ?? null}
            onViewChange={onViewChange}
          />
          <MapControls
            onZoomIn={() => runCommand('zoom-in')}
            onZoomOut={() => runCommand('zoom-out')}
            onReset={() => runCommand('reset-view')}
          />
          <Legend counts={counts} filter={tierFilter} onFilter={setTierFilter} body={body} onBody={setBody} />
          </RegionBoundary>
          {selected && (
            <RegionBoundary region="panel" resetKey={selected.id} onClose={() => setSelection(null)} onError={panelFailed}>
            <Rendered id={selected.id} onRendered={setShownPanel}>
            <CountryPanel
              country={selected}
              onClose={() => setSelection(null)}
              onSelectCountry={(id) => select(id, 'list')}
              takeFocus={selection?.from === 'map'}
              focusPassageId={selection?.passageId ?? null}
              body={body}
              onBody={setBody}
              onExportPdf={() => exportBriefing(selected.id)}
              onCompare={() => setCompareState({ from: selected.id, pair: { a: selected.id, b: null } })}
            />
            </Rendered>
            </RegionBoundary>
          )}
          {selected && compare && (
            <RegionBoundary region="compare" onClose={() => setCompare(null)}>
            <CompareView
              pair={compare}
              onPair={setCompare}
              onClose={() => setCompare(null)}
              onExportPdf={(a, b) =>
                setPdfTarget({ kind: 'compare', a: { id: a, name: byId.get(a)?.name[language] ?? a }, b: { id: b, name: byId.get(b)?.name[language] ?? b } })
              }
            />
            </RegionBoundary>
          )}
        </section>
      </main>
      <RegionBoundary region="dialog" resetKey={aboutOpen} onClose={() => setAboutOpen(false)}>
        <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
      </RegionBoundary>
      <RegionBoundary region="dialog">
        <SourceImporter ref={importer} />
        <DocumentDrop onFile={(file) => importer.current?.importFile(file)} />
      </RegionBoundary>
      {shortcutsOpen && (
        <RegionBoundary region="dialog" onClose={() => setShortcutsOpen(false)}>
          <ShortcutsDialog onClose={() => setShortcutsOpen(false)} />
        </RegionBoundary>
      )}
      <RegionBoundary region="dialog" resetKey={dialog} onClose={() => setDialog(null)}>
        <ExportDialog open={dialog === 'export'} onClose={() => setDialog(null)} />
        <SnapshotDialog open={dialog === 'snapshots'} onClose={() => setDialog(null)} />
      </RegionBoundary>
      <RegionBoundary region="dialog" resetKey={importPreview} onClose={() => setImportPreview(null)}>
        <ImportDialog preview={importPreview} onClose={() => setImportPreview(null)} />
      </RegionBoundary>
      {pdfTarget && (
        <RegionBoundary region="dialog" onClose={() => setPdfTarget(null)}>
          <PdfExportDialog target={pdfTarget} options={pdfOptions} onOptions={setPdfOptions} onClose={() => setPdfTarget(null)} />
        </RegionBoundary>
      )}
    </div>
    </AtlasProvider>
  );
}

/** Tells `onRendered` once its children have rendered and committed (inside a RegionBoundary, only when they did not fail). */
function Rendered({ id, onRendered, children }: { id: string; onRendered: (id: string) => void; children: ReactNode }) {
  useEffect(() => onRendered(id), [id, onRendered]);
  return children;
}
