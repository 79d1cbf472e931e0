import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierId } from '../../../shared/atlas';
import type { SourcePreview } from '../../../shared/contract';
import { SOURCE_ATTRIBUTION_MAX, SOURCE_TITLE_MAX } from '../../../shared/store/limits';
import { useAtlas } from '../atlas/AtlasContext';
import { Modal } from '../ui/Modal';

interface ImportSourceDialogProps {
  preview: SourcePreview;
  /** Stores the source; rejects with the reason it could not (shown in the dialog). */
  onConfirm: (title: string, attribution: string) => Promise<void>;
  onCancel: () => void;
  /** Why the last confirm failed, already translated. */
  error: string | null;
  busy: boolean;
}

/**
 * What an import would bring, before anything is stored: title and attribution to confirm or
 * change, the passages and the countries they link, the passages that link none, and the tier
 * changes. A document already imported says so and cannot be imported again.
 */
export function ImportSourceDialog({ preview, onConfirm, onCancel, error, busy }: ImportSourceDialogProps) {
  const { t } = useTranslation();
  const { atlas, names, language } = useAtlas();
  const [title, setTitle] = useState(preview.title);
  const [attribution, setAttribution] = useState(preview.attribution);
  const [touched, setTouched] = useState(false);
  const name = (id: string) => names.get(id)?.name[language] ?? id;
  const tierName = (id: TierId) => atlas.tier(id).label[language];
  const missingTitle = title.trim() === '';
  const removed = preview.removed.scripts + preview.removed.handlers;

  return (
    <Modal open title={t('sources.preview.title', { file: preview.fileName })} onClose={onCancel}>
      <form
        className="source-import"
        aria-busy={busy}
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (!missingTitle && !preview.duplicateOf) void onConfirm(title.trim(), attribution.trim());
        }}
      >
        <p className="muted">{t('sources.preview.format', { format: t(`sources.formats.${preview.format}`) })}</p>
        {preview.duplicateOf && (
          <p className="source-import-duplicate" role="alert">
            {t('sources.preview.duplicate', { title: preview.duplicateOf.title })}
          </p>
        )}
        <label className="source-field">
          <span>{t('sources.preview.titleLabel')}</span>
          <input
            value={title}
            maxLength={SOURCE_TITLE_MAX}
            required
            aria-invalid={touched && missingTitle}
            aria-describedby={touched && missingTitle ? 'source-title-error' : undefined}
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        {touched && missingTitle && (
          <p id="source-title-error" className="source-field-error">
            {t('sources.preview.titleRequired')}
          </p>
        )}
        <label className="source-field">
          <span>{t('sources.preview.attributionLabel')}</span>
          <input value={attribution} maxLength={SOURCE_ATTRIBUTION_MAX} aria-describedby="source-attribution-hint" onChange={(event) => setAttribution(event.target.value)} />
        </label>
        <p id="source-attribution-hint" className="source-hint">
          {t('sources.preview.attributionHint')}
        </p>

        <section aria-labelledby="source-import-summary">
          <h3 id="source-import-summary">{t('sources.preview.summary')}</h3>
          <ul className="source-import-counts">
            <li>{t('sources.preview.passages', { count: preview.passages })}</li>
            <li>{t('sources.preview.countries', { count: preview.countries.length })}</li>
            <li>{t('sources.preview.unlinked', { count: preview.unlinked })}</li>
          </ul>
          {preview.countries.length > 0 && (
            <ul className="chips source-import-countries" aria-label={t('sources.preview.countries', { count: preview.countries.length })}>
              {preview.countries.map((country) => (
                <li key={country.id} className="chip">
                  {t('sources.preview.countryCount', { country: name(country.id), count: country.count })}
                </li>
              ))}
            </ul>
          )}
          {preview.unlinkedSample.length > 0 && (
            <details>
              <summary>{t('sources.preview.unlinked', { count: preview.unlinked })}</summary>
              <ul className="source-import-unlinked">
                {preview.unlinkedSample.map((text, index) => (
                  <li key={index}>{text}</li>
                ))}
              </ul>
            </details>
          )}
        </section>

        <section aria-labelledby="source-import-tiers">
          <h3 id="source-import-tiers">{t('sources.preview.tierChanges')}</h3>
          {preview.tierChanges.length === 0 ? (
            <p className="muted">{t('sources.preview.noTierChanges')}</p>
          ) : (
            <ul className="source-import-changes">
              {preview.tierChanges.map((change) => (
                <li key={change.countryId}>
                  {t('sources.preview.change', { country: name(change.countryId), from: tierName(change.from), to: tierName(change.to) })}
                </li>
              ))}
            </ul>
          )}
        </section>

        {removed > 0 && <p className="source-hint">{t('sources.preview.removedActive', preview.removed)}</p>}
        {error && <p role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('sources.preview.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy || preview.duplicateOf !== null}>
            {t('sources.preview.confirm')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
