import { useCallback, useEffect, useRef, useState, type ReactNode, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierId } from '../../../shared/atlas';
import type { MapView } from '../../../shared/contract';
import { useAtlas } from '../atlas/AtlasContext';
import { CompareView } from '../compare/CompareView';
import { Legend } from '../legend/Legend';
import type { Rect } from '../map/camera';
import { MapControls } from '../map/MapControls';
import type { MapColouring } from '../map/useMapColouring';
import { WorldMap, type WorldMapHandle } from '../map/WorldMap';
import { CountryPanel } from '../panel/CountryPanel';
import type { Theme } from '../theme/theme';
import type { RunCommand } from './commands';
import { RegionBoundary } from './RegionBoundary';
import type { SessionTracking } from './useSession';
import type { SelectionState } from './useSelection';

interface MapAreaProps {
  mapRef: Ref<WorldMapHandle>;
  selection: SelectionState;
  colouring: MapColouring;
  theme: Theme;
  /** Where the camera starts (the view the user left). */
  initialView: MapView | null;
  session: SessionTracking;
  onMapped: (ids: ReadonlySet<string>) => void;
  tierFilter: TierId | null;
  onTierFilter: (tier: TierId | null) => void;
  /** The organisation whose members the map highlights. */
  body: string | null;
  onBody: (id: string | null) => void;
  runCommand: RunCommand;
  exportBriefing: (id: string) => void;
  exportComparison: (a: string, b: string) => void;
}

/** The map with its controls and legend, and over it the open country's panel and its comparison, each failing on its own. */
export function MapArea({ mapRef, selection, colouring, theme, initialView, session, onMapped, tierFilter, onTierFilter, body, onBody, runCommand, exportBriefing, exportComparison }: MapAreaProps) {
  const { t } = useTranslation();
  const { atlas: index, names, language } = useAtlas();
  const { shownTier, fills, dimmed, overridden, noted, counts } = colouring;
  const { selected, select, close, compare, setCompare } = selection;
  const area = useRef<HTMLElement>(null);
  // Kept for the window's life: the legend folded or not, the lines on (as they start) or off.
  const [legendCollapsed, setLegendCollapsed] = useState(false);
  const [linesOn, setLinesOn] = useState(true);

  const describe = useCallback(
    (id: string) => {
      const name = names.get(id)?.name[language] ?? id;
      const tier = shownTier(id);
      return tier === 'home' ? t('tooltip.home', { name }) : t('tooltip.tier', { name, tier: index.tier(tier).label[language] });
    },
    [names, index, language, t, shownTier],
  );

  const describeLine = useCallback(
    (id: string) => {
      const name = names.get(id)?.name[language] ?? id;
      const tier = shownTier(id);
      const head = t('mapView.lineTooltip', { name, tier: index.tier(tier).label[language] });
      // The deciding phrase is the sources'; a tier the user set has none.
      if (tier !== index.tierOf(id)) return `${head}\n${t('mapView.lineOwnTier')}`;
      const phrase = index.country(id)?.phrase;
      return phrase ? `${head}\n${t('mapView.linePhrase', { phrase })}` : head;
    },
    [names, index, language, t, shownTier],
  );

  /**
   * What lies over the map: the panel, the legend, the controls (layout boxes, so a panel still
   * sliding in counts where it lands). A panel about to open (`opening`) that has not rendered yet
   * counts where panel.css puts it: 0.75rem from the top, right and bottom, 420px wide.
   */
  const covered = useCallback((opening: boolean): Rect[] => {
    const root = area.current;
    if (!root) return [];
    const boxes = [...root.querySelectorAll<HTMLElement>(':scope > aside.panel, .legend, .map-controls')].map((element) => ({
      left: element.offsetLeft,
      top: element.offsetTop,
      width: element.offsetWidth,
      height: element.offsetHeight,
    }));
    if (opening && !root.querySelector(':scope > aside.panel')) {
      const margin = 12;
      const width = Math.min(420, root.clientWidth - 2 * margin);
      boxes.push({ left: root.clientWidth - margin - width, top: margin, width, height: root.clientHeight - 2 * margin });
    }
    return boxes;
  }, []);

  return (
    <section ref={area} className="map-area" aria-label={t('map.ariaLabel')}>
      <RegionBoundary region="map">
        <WorldMap
          ref={mapRef}
          selectedId={selection.selection?.id ?? null}
          fills={fills}
          dimmed={dimmed}
          overridden={overridden}
          noted={noted}
          describe={describe}
          tierOf={shownTier}
          linesOn={linesOn}
          describeLine={describeLine}
          covered={covered}
          onSelect={(id) => select(id, 'map')}
          onMapped={onMapped}
          theme={theme}
          initialView={initialView}
          onViewChange={session.viewChanged}
        />
        <MapControls onZoomIn={() => runCommand('zoom-in')} onZoomOut={() => runCommand('zoom-out')} onReset={() => runCommand('reset-view')} />
        <Legend
          counts={counts}
          filter={tierFilter}
          onFilter={onTierFilter}
          body={body}
          onBody={onBody}
          collapsed={legendCollapsed}
          onCollapsed={setLegendCollapsed}
          linesOn={linesOn}
          onLines={setLinesOn}
        />
      </RegionBoundary>
      {selected && (
        <RegionBoundary region="panel" resetKey={selected.id} onClose={close} onError={session.panelFailed}>
          <Rendered id={selected.id} onRendered={session.panelShown}>
            <CountryPanel
              country={selected}
              onClose={close}
              onSelectCountry={(id) => select(id, 'list')}
              takeFocus={selection.selection?.from === 'map'}
              focusPassageId={selection.selection?.passageId ?? null}
              body={body}
              onBody={onBody}
              onExportPdf={() => exportBriefing(selected.id)}
              onCompare={selection.startCompare}
            />
          </Rendered>
        </RegionBoundary>
      )}
      {selected && compare && (
        <RegionBoundary region="compare" onClose={() => setCompare(null)}>
          <CompareView pair={compare} onPair={setCompare} onClose={() => setCompare(null)} onExportPdf={exportComparison} />
        </RegionBoundary>
      )}
    </section>
  );
}

/** Tells `onRendered` once its children have rendered and committed (inside a RegionBoundary, only when they did not fail). */
function Rendered({ id, onRendered, children }: { id: string; onRendered: (id: string) => void; children: ReactNode }) {
  useEffect(() => onRendered(id), [id, onRendered]);
  return children;
}
