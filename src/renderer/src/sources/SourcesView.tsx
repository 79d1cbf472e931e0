import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourceChange, SourceView } from '../../../shared/contract';
import { useAtlas } from '../atlas/AtlasContext';
import { atlas, unwrap } from '../bridge';
import { Modal } from '../ui/Modal';
import { useToast } from '../ui/Toasts';
import { sourceErrorText } from './sourceErrors';
import './sources.css';

interface SourcesViewProps {
  onImport: () => void;
}

/**
 * The Sources tab: every source of the atlas with its passages and countries; an imported one can
 * be turned off and on, or removed (its notes stay, shown as detached). Importing starts here too.
 */
export function SourcesView({ onImport }: SourcesViewProps) {
  const { t, i18n } = useTranslation();
  // The atlas now: the list is fetched again whenever it changes.
  const { view, language } = useAtlas();
  const toast = useToast();
  const [sources, setSources] = useState<SourceView[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [removing, setRemoving] = useState<SourceView | null>(null);

  useEffect(() => {
    let live = true;
    void unwrap(atlas().sources.list()).then((list) => {
      if (live) setSources(list);
    });
    return () => {
      live = false;
    };
  }, [view]);

  const change = async (id: string, run: () => Promise<SourceChange>, done: (change: SourceChange) => string) => {
    setBusy(id);
    try {
      const result = await run();
      const tiers = result.tierChanges.length > 0 ? ` ${t('sources.done.tiers', { count: result.tierChanges.length })}` : '';
      toast.show(`${done(result)}${tiers}`);
    } catch (error) {
      toast.show(sourceErrorText(t, error, i18n.language));
      setSources(await unwrap(atlas().sources.list()).catch(() => null));
    } finally {
      setBusy(null);
    }
  };

  const setEnabled = (source: SourceView, enabled: boolean) => {
    // The switch moves at once; the list is fetched again when the atlas has changed (or on failure).
    setSources((list) => list?.map((entry) => (entry.id === source.id ? { ...entry, enabled } : entry)) ?? null);
    return change(
      source.id,
      () => unwrap(atlas().sources.setEnabled({ id: source.id, enabled })),
      (result) => t(enabled ? 'sources.done.enabled' : 'sources.done.disabled', { title: result.source.title }),
    );
  };

  const remove = (source: SourceView) => {
    setRemoving(null);
    void change(
      source.id,
      () => unwrap(atlas().sources.remove({ id: source.id })),
      (result) => t('sources.done.removed', { title: result.source.title }),
    );
  };

  const imported = sources?.filter((source) => source.origin === 'imported') ?? [];
  return (
    <section className="sources-view" aria-labelledby="sources-heading">
      <h2 id="sources-heading">{t('sources.heading')}</h2>
      <p className="muted">{t('sources.intro')}</p>
      <button type="button" className="primary" onClick={onImport}>
        {t('sources.import')}
      </button>
      <p className="source-hint">{t('sources.dropHint')}</p>
      {sources && (
        <ul className="source-list" aria-label={t('sources.list')} aria-busy={busy !== null}>
          {sources.map((source) => (
            <li key={source.id} className="source-item" data-source={source.id} data-enabled={source.enabled}>
              <h3>{source.title}</h3>
              {source.attribution && <p className="source-attribution">{source.attribution}</p>}
              <p className="muted">
                {source.origin === 'bundled'
                  ? t('sources.bundled')
                  : t('sources.imported', { date: new Date(source.importedAt ?? 0).toLocaleDateString(language), file: source.fileName ?? '' })}
              </p>
              {source.textMissing ? (
                <p className="source-missing" role="note">
                  {t('sources.textMissing', { file: source.fileName ?? source.title })}
                </p>
              ) : (
                <p className="source-counts">
                  {t('sources.passages', { count: source.passages })} · {t('sources.countries', { count: source.countries })}
                </p>
              )}
              {source.origin === 'imported' && (
                <div className="source-actions">
                  <label>
                    <input
                      type="checkbox"
                      role="switch"
                      checked={source.enabled}
                      disabled={busy !== null}
                      aria-label={t('sources.useInAtlas', { title: source.title })}
                      onChange={(event) => void setEnabled(source, event.target.checked)}
                    />
                    {source.enabled ? t('sources.on') : t('sources.off')}
                  </label>
                  <button type="button" disabled={busy !== null} aria-label={t('sources.removeLabel', { title: source.title })} onClick={() => setRemoving(source)}>
                    {t('sources.remove')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {sources && imported.length === 0 && <p className="muted">{t('sources.noImported')}</p>}
      {busy !== null && (
        <p className="muted" role="status">
          {t('sources.busy')}
        </p>
      )}
      {removing && (
        <Modal open title={t('sources.removeLabel', { title: removing.title })} onClose={() => setRemoving(null)}>
          <p>{t('sources.confirmRemove', { title: removing.title })}</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => setRemoving(null)}>
              {t('sources.keep')}
            </button>
            <button type="button" className="primary" onClick={() => remove(removing)}>
              {t('sources.remove')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
