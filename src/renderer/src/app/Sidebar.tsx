import { useMemo, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../shared/atlas';
import type { EventView, SavedView, SidebarTab, ViewState } from '../../../shared/contract';
import { useAtlas } from '../atlas/AtlasContext';
import { NotesView } from '../notes/NotesView';
import { CountryList } from '../search/CountryList';
import { SourcesView } from '../sources/SourcesView';
import { TimelineView } from '../timeline/TimelineView';
import { SavedViewsView } from '../views/SavedViewsView';
import type { TimelineRange } from '../timeline/useTimelineRange';
import { RegionBoundary } from './RegionBoundary';

const TABS = ['countries', 'timeline', 'notes', 'sources', 'views'] as const satisfies readonly SidebarTab[];

interface SidebarProps {
  tab: SidebarTab;
  onTab: (tab: SidebarTab) => void;
  /** The country list's search field (Edit › Find puts the focus there). */
  searchRef: Ref<HTMLInputElement>;
  selectedId: string | null;
  /** Opens a country's panel, at a passage if given. */
  onOpen: (countryId: string, passageId?: string | null) => void;
  /** Ids that have a shape on the map. */
  mapped: ReadonlySet<string> | null;
  /** The tier a country has on the map, or null where the atlas does not cover it. */
  tierOf: (id: string) => Tier | null;
  timeline: TimelineRange;
  onExportNotes: () => void;
  onImportSource: () => void;
  /** The Views tab: what to save, and how to bring a saved view back. */
  views: { current: () => ViewState | null; open: (view: SavedView) => void };
}

/** The sidebar: its tabs (countries and search, timeline, notes, sources), each failing on its own. */
export function Sidebar({ tab, onTab, searchRef, selectedId, onOpen, mapped, tierOf, timeline, onExportNotes, onImportSource, views }: SidebarProps) {
  const { t } = useTranslation();
  const { view, countries } = useAtlas();
  const searchable = useMemo(
    () => countries.map((country) => ({ ...country, altNames: [...country.altNames, ...(view.searchNames[country.id] ?? [])] })),
    [countries, view],
  );
  const selectEvent = (event: EventView) => {
    const id = event.countries[0];
    if (id) onOpen(id, event.passageId);
  };

  return (
    <nav className="sidebar" aria-label={t('sidebar.tabs')}>
      <div className="tabs" role="tablist" aria-label={t('sidebar.tabs')}>
        {TABS.map((name) => (
          <button key={name} type="button" role="tab" id={`tab-${name}`} aria-selected={tab === name} aria-controls={`tabpanel-${name}`} onClick={() => onTab(name)}>
            {name === 'notes' ? t('notes.tab') : name === 'sources' ? t('sources.tab') : name === 'views' ? t('views.tab') : t(`sidebar.${name}`)}
          </button>
        ))}
      </div>
      {/* The tabs stay outside: another tab is a way out of one that fails. */}
      <RegionBoundary region="sidebar" resetKey={tab}>
        <div role="tabpanel" id="tabpanel-countries" aria-labelledby="tab-countries" hidden={tab !== 'countries'} className="tabpanel">
          <CountryList
            ref={searchRef}
            countries={searchable}
            selectedId={selectedId}
            onSelect={(id) => onOpen(id)}
            mapped={mapped}
            onSelectPassage={(passageId, countryId) => onOpen(countryId, passageId)}
            tierOf={tierOf}
          />
        </div>
        <div role="tabpanel" id="tabpanel-timeline" aria-labelledby="tab-timeline" hidden={tab !== 'timeline'} className="tabpanel">
          {tab === 'timeline' && (
            <TimelineView bounds={timeline.bounds} range={timeline.range} onRange={timeline.setRange} onSelectEvent={selectEvent} />
          )}
        </div>
        <div role="tabpanel" id="tabpanel-notes" aria-labelledby="tab-notes" hidden={tab !== 'notes'} className="tabpanel">
          {tab === 'notes' && <NotesView onOpen={onOpen} onExport={onExportNotes} />}
        </div>
        <div role="tabpanel" id="tabpanel-sources" aria-labelledby="tab-sources" hidden={tab !== 'sources'} className="tabpanel">
          {tab === 'sources' && <SourcesView onImport={onImportSource} />}
        </div>
        <div role="tabpanel" id="tabpanel-views" aria-labelledby="tab-views" hidden={tab !== 'views'} className="tabpanel">
          {tab === 'views' && <SavedViewsView current={views.current} onOpen={views.open} />}
        </div>
      </RegionBoundary>
    </nav>
  );
}
