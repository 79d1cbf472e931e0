import './dialogs.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../shared/contract';
import { atlas, unwrap } from '../bridge';
import { Modal } from '../ui/Modal';

/** Help › About: version, runtime, and every data source with its licence. */
export function AboutDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) unwrap(atlas().app.info()).then(setInfo, (reason: unknown) => setError(String(reason)));
  }, [open]);

  return (
    <Modal open={open} title={t('about.title')} onClose={onClose}>
      <p>{t('about.description')}</p>
      {error && <p role="alert">{t('errors.generic', { message: error })}</p>}
      {info && (
        <>
          <p className="about-version">{t('about.version', { version: info.version })}</p>
          <p className="muted">
            {info.electronVersion
              ? t('about.runtime', { electron: info.electronVersion, chrome: info.chromeVersion ?? '' })
              : t('about.runtimeBrowser')}
          </p>
          <h3>{t('about.dataSources')}</h3>
          <ul className="about-sources">
            {info.dataSources.map((source) => (
              <li key={source.id}>
                <strong>{source.title}</strong>
                <span>{t(source.usageKey)}</span>
                <span>{t('about.by', { author: source.author })}</span>
                <span>{t('about.licence', { licence: source.licence })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="dialog-actions">
        <button type="button" autoFocus onClick={onClose}>
          {t('about.close')}
        </button>
      </div>
    </Modal>
  );
}
