import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExportFormat, ImportPreview, SnapshotView } from '../../../shared/contract';
import { atlas, unwrap } from '../bridge';
import { Modal } from '../ui/Modal';
import { useToast } from '../ui/Toasts';
import { errorText } from './errorText';
import { useNotes } from './NotesContext';


/** File › Export Notes: choose a format; main asks where. */
export function ExportDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [format, setFormat] = useState<ExportFormat>('markdown-folder');
  const [error, setError] = useState<string | null>(null);
  const formats: ExportFormat[] = ['markdown-folder', 'markdown-file', 'json'];
  const labels: Record<ExportFormat, string> = {
    'markdown-folder': t('notes.export.markdownFolder'),
    'markdown-file': t('notes.export.markdownFile'),
    json: t('notes.export.json'),
  };
  const run = async () => {
    setError(null);
    try {
      const result = await unwrap(atlas().notes.exportAll({ format }));
      if (result === null) return;
      toast.show(t('notes.export.done', { count: result.written.length, first: result.written[0] ?? '' }));
      onClose();
    } catch (failure) {
      setError(errorText(t, failure));
    }
  };
  return (
    <Modal open={open} title={t('notes.export.dialogTitle')} onClose={onClose}>
      <fieldset className="export-formats">
        <legend>{t('notes.export.formatLabel')}</legend>
        {formats.map((name) => (
          <label key={name}>
            <input type="radio" name="export-format" value={name} checked={format === name} onChange={() => setFormat(name)} />
            {labels[name]}
          </label>
        ))}
      </fieldset>
      {error && <p role="alert">{error}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('notes.import.cancel')}
        </button>
        <button type="button" className="primary" onClick={() => void run()}>
          {t('notes.export.run')}
        </button>
      </div>
    </Modal>
  );
}

/** File › Import Notes: main asks for the file; this shows what would change before anything does. */
export function ImportDialog({ preview, onClose }: { preview: ImportPreview | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const { refresh } = useNotes();
  const [error, setError] = useState<string | null>(null);
  if (!preview) return null;
  const changes = preview.notes.added + preview.notes.updated + preview.overrides.added + preview.overrides.updated;
  const apply = async () => {
    try {
      const outcome = await unwrap(atlas().notes.applyImport({ token: preview.token }));
      await refresh();
      toast.show(t('notes.import.done', { notes: outcome.notesAdded + outcome.notesUpdated, overrides: outcome.overridesAdded + outcome.overridesUpdated }));
      onClose();
    } catch (failure) {
      setError(errorText(t, failure));
    }
  };
  return (
    <Modal open title={t('notes.import.dialogTitle')} onClose={onClose}>
      <p>{t('notes.import.summary', { file: preview.fileName, date: new Date(preview.exportedAt).toLocaleString(i18n.language) })}</p>
      <ul className="import-summary">
        <li>{t('notes.import.notes', preview.notes)}</li>
        <li>{t('notes.import.overrides', preview.overrides)}</li>
      </ul>
      {preview.sample.length > 0 && (
        <ul className="import-sample">
          {preview.sample.map((item, index) => (
            <li key={index}>
              <strong>{item.countryId}</strong> ({item.change === 'added' ? t('notes.import.added') : t('notes.import.updatedChange')}): {item.excerpt}
            </li>
          ))}
        </ul>
      )}
      {changes === 0 && <p>{t('notes.import.nothing')}</p>}
      {error && <p role="alert">{error}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('notes.import.cancel')}
        </button>
        <button type="button" className="primary" disabled={changes === 0} onClick={() => void apply()}>
          {t('notes.import.apply')}
        </button>
      </div>
    </Modal>
  );
}

/** File › Restore from Snapshot: the daily copies, newest first. */
export function SnapshotDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const { refresh } = useNotes();
  const [snapshots, setSnapshots] = useState<SnapshotView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (open) void unwrap(atlas().store.snapshots()).then(setSnapshots, (failure: unknown) => setError(errorText(t, failure)));
  }, [open, t]);
  const restore = async (name: string) => {
    try {
      const result = await unwrap(atlas().store.restoreSnapshot({ name }));
      await refresh();
      toast.show(t('notes.snapshots.done', result));
      onClose();
    } catch (failure) {
      setError(errorText(t, failure));
    }
  };
  return (
    <Modal open={open} title={t('notes.snapshots.dialogTitle')} onClose={onClose}>
      <p>{t('notes.snapshots.intro')}</p>
      {snapshots?.length === 0 && <p>{t('notes.snapshots.none')}</p>}
      <ul className="snapshot-list">
        {snapshots?.map((snapshot) => (
          <li key={snapshot.name}>
            <span>
              {new Date(snapshot.takenAt).toLocaleString(i18n.language)} ·{' '}
              {snapshot.kind === 'daily' ? t('notes.snapshots.daily') : t('notes.snapshots.beforeRestore')}
            </span>
            <button type="button" onClick={() => void restore(snapshot.name)}>
              {t('notes.snapshots.restore')}
            </button>
          </li>
        ))}
      </ul>
      {error && <p role="alert">{error}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          {t('notes.snapshots.close')}
        </button>
      </div>
    </Modal>
  );
}
