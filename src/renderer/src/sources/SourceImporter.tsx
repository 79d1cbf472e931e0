import { useCallback, useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportProgress, SourcePreview } from '../../../shared/contract';
import { SOURCE_MAX_BYTES } from '../../../shared/sources/document';
import { atlas, unwrap } from '../bridge';
import { useToast } from '../ui/Toasts';
import { ImportSourceDialog } from './ImportSourceDialog';
import { sourceErrorText, tooLargeText } from './sourceErrors';
import './sources.css';

/** Progress shows only for work that takes longer than this, so quick imports do not flash. */
export const PROGRESS_DELAY_MS = 500;

/** What the app can ask of the importer: File › Import Source…, the Sources view's button, a drop. */
export interface SourceImporterHandle {
  importFromDialog(): void;
  importFile(file: File): void;
}

interface Job {
  id: string;
  /** Null while main's open dialog is up: the user choosing a file is not work to show progress for. */
  phase: ImportProgress['phase'] | null;
  done: number;
}

interface SourceImporterProps {
  ref?: Ref<SourceImporterHandle>;
}

/**
 * Runs an import from start to end: asks main to read and link the document (from its own open
 * dialog, or the bytes of a dropped file), shows progress once the work has taken half a second,
 * then the preview to confirm or cancel. Failures are told in a toast, saying nothing was imported.
 */
export function SourceImporter({ ref }: SourceImporterProps) {
  const { t, i18n } = useTranslation();
  const toast = useToast();
  const [job, setJob] = useState<Job | null>(null);
  const [preview, setPreview] = useState<SourcePreview | null>(null);
  const [applyError, setApplyError] = useState<string | null>(null);
  const busy = useRef(false);
  // The job the user cancelled: main stops reading it, and its preview answers null.
  const cancelled = useRef<string | null>(null);

  useEffect(
    () =>
      atlas().onImportProgress((report) =>
        setJob((current) => (current && current.id === report.jobId ? { ...current, phase: report.phase, done: report.done } : current)),
      ),
    [],
  );

  // The job whose progress has run long enough to be shown, counted from when main started reading.
  const [shownFor, setShownFor] = useState<string | null>(null);
  const workingJob = job !== null && job.phase !== null ? job.id : null;
  useEffect(() => {
    if (workingJob === null) return;
    const timer = setTimeout(() => setShownFor(workingJob), PROGRESS_DELAY_MS);
    return () => clearTimeout(timer);
  }, [workingJob]);
  const showProgress = workingJob !== null && shownFor === workingJob;

  const run = useCallback(
    async (request: (jobId: string) => Promise<SourcePreview | null>, phase: Job['phase']) => {
      if (busy.current) return;
      busy.current = true;
      const id = crypto.randomUUID();
      setJob({ id, phase, done: 0 });
      try {
        const found = await request(id);
        if (cancelled.current === id) {
          // A Cancel that reached main after its last look still gets a preview: it is dropped here.
          if (found) void atlas().sources.discardImport({ token: found.token });
          toast.show(t('sources.cancelled'));
        } else if (found) {
          setApplyError(null);
          setPreview(found);
        }
      } catch (error) {
        toast.show(sourceErrorText(t, error, i18n.language));
      } finally {
        setJob(null);
        busy.current = false;
      }
    },
    [t, i18n, toast],
  );

  const cancelJob = (id: string) => {
    cancelled.current = id;
    void atlas().sources.cancelImport({ jobId: id });
  };

  useImperativeHandle(
    ref,
    () => ({
      // Main reports 'reading' once the user has chosen a file; a drop is being read already.
      importFromDialog: () => void run((jobId) => unwrap(atlas().sources.previewImport({ from: 'dialog', jobId })), null),
      importFile(file) {
        if (file.size > SOURCE_MAX_BYTES) {
          toast.show(tooLargeText(t));
          return;
        }
        void run(async (jobId) => {
          const data = new Uint8Array(await file.arrayBuffer());
          return unwrap(atlas().sources.previewImport({ from: 'bytes', jobId, fileName: file.name, data }));
        }, 'reading');
      },
    }),
    [run, t, toast],
  );

  const confirm = async (title: string, attribution: string) => {
    if (!preview || busy.current) return;
    busy.current = true;
    setJob({ id: crypto.randomUUID(), phase: 'saving', done: 0 });
    try {
      const change = await unwrap(atlas().sources.applyImport({ token: preview.token, title, attribution }));
      setPreview(null);
      const tiers = change.tierChanges.length > 0 ? ` ${t('sources.done.tiers', { count: change.tierChanges.length })}` : '';
      toast.show(`${t('sources.done.imported', { title: change.source.title })}${tiers}`);
    } catch (error) {
      setApplyError(sourceErrorText(t, error, i18n.language));
    } finally {
      setJob(null);
      busy.current = false;
    }
  };

  const cancel = () => {
    if (preview) void atlas().sources.discardImport({ token: preview.token });
    setPreview(null);
  };

  return (
    <>
      {job?.phase && showProgress && (
        <div className="import-progress" role="status" aria-live="polite">
          <span>{t(`sources.progress.${job.phase}`)}</span>
          <progress aria-label={t('sources.progress.label')} max={1} value={job.phase === 'linking' ? job.done : undefined} />
          {job.phase !== 'saving' && (
            <button type="button" onClick={() => cancelJob(job.id)}>
              {t('sources.progress.cancel')}
            </button>
          )}
        </div>
      )}
      {preview && (
        <ImportSourceDialog
          key={preview.token}
          preview={preview}
          onConfirm={confirm}
          onCancel={cancel}
          error={applyError}
          busy={job !== null}
        />
      )}
    </>
  );
}
