import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RELATIONSHIP_TIERS } from '../../../shared/atlas';
import { useAtlas } from '../atlas/AtlasContext';
import { TierBadge } from '../legend/TierBadge';
import { errorText } from './errorText';
import { useNotes } from './NotesContext';

/**
 * The user's own tier for a country, with a reason; the source tier stays shown beside it. The
 * parent keys it by country and override, so the form starts afresh when either changes.
 */
export function TierOverride({ countryId }: { countryId: string }) {
  const { t } = useTranslation();
  const { atlas, language } = useAtlas();
  const { overrides, setOverride, clearOverride } = useNotes();
  const current = overrides.get(countryId);
  const [tier, setTier] = useState(current?.tier ?? '');
  const [reason, setReason] = useState(current?.reason ?? '');
  const [failure, setFailure] = useState<string | null>(null);

  const save = async () => {
    setFailure(null);
    try {
      if (tier === '') await clearOverride(countryId);
      else await setOverride(countryId, tier, reason);
    } catch (error) {
      setFailure(errorText(t, error));
    }
  };

  return (
    <section className="panel-override" aria-labelledby="panel-override-heading">
      <h3 id="panel-override-heading">{t('notes.override.heading')}</h3>
      {current && (
        <div className="override-current">
          <span className="muted">{t('notes.override.yours')}</span>
          <TierBadge tier={atlas.tier(current.tier as (typeof RELATIONSHIP_TIERS)[number])} language={language} />
          {current.reason && <p className="override-reason">{current.reason}</p>}
          <p className="muted">{t('notes.override.shown')}</p>
          <button type="button" onClick={() => void clearOverride(countryId).catch((error: unknown) => setFailure(errorText(t, error)))}>
            {t('notes.override.reset')}
          </button>
        </div>
      )}
      <details>
        <summary>{t('notes.override.choose')}</summary>
        <label>
          {t('notes.override.choose')}
          <select value={tier} onChange={(event) => setTier(event.target.value)}>
            <option value="">{t('notes.override.none')}</option>
            {RELATIONSHIP_TIERS.map((id) => (
              <option key={id} value={id}>
                {atlas.tier(id).label[language]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('notes.override.reason')}
          <textarea value={reason} rows={2} maxLength={2000} onChange={(event) => setReason(event.target.value)} />
        </label>
        <div className="note-actions">
          <button type="button" onClick={() => void save()}>
            {t('notes.override.save')}
          </button>
        </div>
        {failure && <p role="alert">{failure}</p>}
      </details>
    </section>
  );
}
