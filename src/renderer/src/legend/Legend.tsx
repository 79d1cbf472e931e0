import './legend.css';
import { useTranslation } from 'react-i18next';
import type { TierId } from '../../../shared/atlas';
import { useAtlas } from '../atlas/AtlasContext';
import { swatchStyle } from './swatch';

interface LegendProps {
  counts: ReadonlyMap<TierId, number>;
  filter: TierId | null;
  onFilter: (tier: TierId | null) => void;
  /** The organisation whose members are highlighted, if any. */
  body: string | null;
  onBody: (id: string | null) => void;
  /** Folded to its title, leaving the map free. */
  collapsed: boolean;
  onCollapsed: (collapsed: boolean) => void;
  /** Whether the relationship lines from Seoul are drawn. */
  linesOn: boolean;
  onLines: (on: boolean) => void;
}

/**
 * The tiers with their colours and counts; choosing one dims every country of another tier. A bar
 * along the bottom of the map, over the Southern Ocean at the home view, that folds to its title.
 */
export function Legend({ counts, filter, onFilter, body, onBody, collapsed, onCollapsed, linesOn, onLines }: LegendProps) {
  const { t } = useTranslation();
  const { atlas, language } = useAtlas();
  return (
    <section className="legend" aria-labelledby="legend-heading" data-collapsed={collapsed ? 'true' : 'false'}>
      <div className="legend-head">
        <h2 id="legend-heading">{t('legend.title')}</h2>
        <button
          type="button"
          className="legend-toggle"
          aria-expanded={!collapsed}
          aria-controls="legend-body"
          aria-label={collapsed ? t('mapView.legendShow') : t('mapView.legendHide')}
          title={collapsed ? t('mapView.legendShow') : t('mapView.legendHide')}
          onClick={() => onCollapsed(!collapsed)}
        >
          <span aria-hidden="true">{collapsed ? '▴' : '▾'}</span>
        </button>
      </div>
      {!collapsed && (
        <div id="legend-body" className="legend-body">
          <p className="visually-hidden">{t('legend.hint')}</p>
          <ul>
            {atlas.model.tiers.map((tier) => (
              <li key={tier.id}>
                <button
                  type="button"
                  aria-pressed={filter === tier.id}
                  title={tier.definition[language]}
                  onClick={() => onFilter(filter === tier.id ? null : tier.id)}
                  data-tier={tier.id}
                >
                  <span className="swatch" style={swatchStyle(tier)} aria-hidden="true" />
                  <span className="legend-label">{tier.label[language]}</span>
                  <span className="legend-count">{t('legend.count', { count: counts.get(tier.id) ?? 0 })}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="legend-options">
            {filter && (
              <button type="button" className="legend-clear" onClick={() => onFilter(null)}>
                {t('legend.showAll')}
              </button>
            )}
            <label className="legend-lines" title={t('mapView.linesHint')}>
              <input type="checkbox" checked={linesOn} onChange={(event) => onLines(event.target.checked)} />
              {t('mapView.lines')}
            </label>
            <label className="legend-organisation">
              {t('legend.body')}
              <select value={body ?? ''} onChange={(event) => onBody(event.target.value || null)}>
                <option value="">{t('legend.noBody')}</option>
                {atlas.model.organisations.map((organisation) => (
                  <option key={organisation.id} value={organisation.id}>
                    {organisation.names[language]}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>
      )}
    </section>
  );
}
