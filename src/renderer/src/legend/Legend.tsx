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
}

/** The tiers with their colours and counts; choosing one dims every country of another tier. */
export function Legend({ counts, filter, onFilter, body, onBody }: LegendProps) {
  const { t } = useTranslation();
  const { atlas, language } = useAtlas();
  return (
    <section className="legend" aria-labelledby="legend-heading">
      <h2 id="legend-heading">{t('legend.title')}</h2>
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
      {filter && (
        <button type="button" className="legend-clear" onClick={() => onFilter(null)}>
          {t('legend.showAll')}
        </button>
      )}
      <label className="legend-body">
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
    </section>
  );
}
