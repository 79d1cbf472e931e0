import './briefing.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BriefingOptions, ExportOutcome, ExportProgress, Language, Paper } from '../../../shared/contract';
import { PASSAGE_CAP_DEFAULT, PASSAGE_CAP_MAX } from '../../../shared/briefing/options';
import { atlas, unwrap } from '../bridge';
import { Modal } from '../ui/Modal';
import { useToast } from '../ui/Toasts';
import { errorText } from '../notes/errorText';

/** What to export: one country's briefing, or the whole atlas. */
export type PdfExportTarget =
  | { kind: 'country'; id: string; name: string }
  | { kind: 'atlas'; countries: number }
  | { kind: 'compare'; a: { id: string; name: string }; b: { id: string; name: string } };

/** Letter where it is the usual paper (the US, Canada, Mexico, the Philippines…), A4 elsewhere. */
export function defaultPaper(locale: string): Paper {
  return /-(US|CA|MX|PH|CL|CO|VE|GT|PR)\b/i.test(locale) ? 'letter' : 'a4';
}

/**
 * File › Export Briefing / Whole Atlas as PDF: paper, notes and label language; then main asks where
 * to save, prints, and reports its progress here, where the export can be cancelled. On success a
 * toast offers Open and Show in Folder. Mounted only while open.
 */
export function PdfExportDialog({
  target,
  options,
  onOptions,
  onClose,
}: {
  target: PdfExportTarget;
  options: BriefingOptions;
  onOptions: (options: BriefingOptions) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const [running, setRunning] = useState<{ jobId: string; progress: ExportProgress | null } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  useEffect(() => {
    if (!running) return;
    return atlas().onExportProgress((progress) => {
      if (progress.jobId === running.jobId) setRunning((current) => (current?.jobId === progress.jobId ? { ...current, progress } : current));
    });
  }, [running]);

  const title =
    target.kind === 'country'
      ? t('pdfExport.countryTitle', { country: target.name })
      : target.kind === 'compare'
        ? t('compare.pdfTitle', { a: target.a.name, b: target.b.name })
        : t('pdfExport.atlasTitle');

  const finish = (outcome: ExportOutcome) => {
    if (outcome.status === 'cancelled') return;
    toast.show(t('pdfExport.saved', { name: outcome.fileName, count: outcome.pages }), [
      { label: t('pdfExport.open'), run: () => void unwrap(atlas().briefing.openFile({ token: outcome.token })).catch((failure: unknown) => toast.show(errorText(t, failure))) },
      {
        label: t('pdfExport.showInFolder'),
        run: () => void unwrap(atlas().briefing.showInFolder({ token: outcome.token })).catch((failure: unknown) => toast.show(errorText(t, failure))),
      },
    ]);
    onClose();
  };

  const start = async () => {
    setError(null);
    const jobId = crypto.randomUUID();
    setRunning({ jobId, progress: null });
    try {
      const outcome = await unwrap(
        target.kind === 'country'
          ? atlas().briefing.exportCountry({ jobId, countryId: target.id, options })
          : target.kind === 'compare'
            ? atlas().briefing.exportCompare({ jobId, a: target.a.id, b: target.b.id, options })
            : atlas().briefing.exportAtlas({ jobId, options }),
      );
      if (!mounted.current) return;
      finish(outcome);
    } catch (failure) {
      if (mounted.current) setError(t('pdfExport.failed', { message: errorText(t, failure) }));
    } finally {
      if (mounted.current) setRunning(null);
    }
  };

  // Cancel (or Esc) while printing stops the export at its next step; nothing is written.
  const cancel = () => {
    if (running) {
      void atlas().briefing.cancel({ jobId: running.jobId });
      if (running.progress) toast.show(t('pdfExport.cancelled'));
    }
    onClose();
  };

  const progress = running?.progress;
  const set = (patch: Partial<BriefingOptions>) => onOptions({ ...options, ...patch });
  // The cap as typed; the options take it only while it is a whole number in range (blur shows what they hold).
  const [cap, setTypedCap] = useState(String(options.passageCap ?? PASSAGE_CAP_DEFAULT));
  const setCap = (typed: string) => {
    setTypedCap(typed);
    const value = Number(typed);
    if (Number.isInteger(value) && value >= 1 && value <= PASSAGE_CAP_MAX) set({ passageCap: value });
  };
  return (
    <Modal open title={title} onClose={cancel}>
      <form
        className="pdf-export"
        onSubmit={(event) => {
          event.preventDefault();
          if (!running) void start();
        }}
      >
        {target.kind === 'atlas' && <p>{t('pdfExport.atlasIntro', { count: target.countries })}</p>}
        <fieldset disabled={running !== null}>
          <legend>{t('pdfExport.paper')}</legend>
          {(['a4', 'letter'] as const).map((paper) => (
            <label key={paper}>
              <input type="radio" name="pdf-paper" value={paper} checked={options.paper === paper} onChange={() => set({ paper })} />
              {t(`pdfExport.${paper}`)}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={running !== null}>
          <legend>{t('pdfExport.language')}</legend>
          {(['en', 'ko'] as const satisfies readonly Language[]).map((language) => (
            <label key={language} lang={language}>
              <input type="radio" name="pdf-language" value={language} checked={options.language === language} onChange={() => set({ language })} />
              {t(`language.${language}`)}
            </label>
          ))}
        </fieldset>
        <fieldset disabled={running !== null} className="pdf-passages">
          <legend>{t('pdfExport.passages')}</legend>
          <label>
            <input type="radio" name="pdf-passages" value="all" checked={(options.passages ?? 'all') === 'all'} onChange={() => set({ passages: 'all' })} />
            {t('pdfExport.passagesAll')}
          </label>
          <label>
            <input
              type="radio"
              name="pdf-passages"
              value="deciding-and-most-relevant"
              checked={options.passages === 'deciding-and-most-relevant'}
              onChange={() => set({ passages: 'deciding-and-most-relevant' })}
            />
            {t('pdfExport.passagesCapped')}
          </label>
          <input
            type="number"
            className="pdf-cap"
            aria-label={t('pdfExport.passagesCap')}
            min={1}
            max={PASSAGE_CAP_MAX}
            step={1}
            value={cap}
            disabled={options.passages !== 'deciding-and-most-relevant'}
            onChange={(event) => setCap(event.target.value)}
            onBlur={() => setCap(String(options.passageCap ?? PASSAGE_CAP_DEFAULT))}
          />
        </fieldset>
        <label className="pdf-notes">
          <input
            type="checkbox"
            checked={options.includeNotes}
            disabled={running !== null}
            onChange={(event) => set({ includeNotes: event.target.checked })}
          />
          {t('pdfExport.includeNotes')}
        </label>
        {running && (
          <div className="pdf-progress">
            <progress aria-label={t('pdfExport.progressLabel')} value={progress?.done ?? 0} max={progress?.total ?? 1} />
            <p aria-live="polite">{progress ? t(`pdfExport.phase.${progress.phase}`) : '\u00a0'}</p>
          </div>
        )}
        {error && <p role="alert">{error}</p>}
        <div className="dialog-actions">
          <button type="button" onClick={cancel}>
            {t('pdfExport.cancel')}
          </button>
          <button type="submit" className="primary" disabled={running !== null}>
            {t('pdfExport.export')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
