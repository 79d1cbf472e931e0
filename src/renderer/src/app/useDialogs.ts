import { useState } from 'react';
import type { BriefingOptions, ImportPreview, Language } from '../../../shared/contract';
import { defaultPaper, type PdfExportTarget } from '../briefing/PdfExportDialog';

/** The notes dialogs of the File menu. */
export type NotesDialog = 'export' | 'snapshots';

/** Which of the window's dialogs are open, and what they show. */
export interface Dialogs {
  about: boolean;
  setAbout(open: boolean): void;
  shortcuts: boolean;
  setShortcuts(open: boolean): void;
  notes: NotesDialog | null;
  setNotes(dialog: NotesDialog | null): void;
  /** What importing a notes file would change, while the user decides. */
  importPreview: ImportPreview | null;
  setImportPreview(preview: ImportPreview | null): void;
  /** The PDF export being set up. */
  pdfTarget: PdfExportTarget | null;
  setPdfTarget(target: PdfExportTarget | null): void;
  /** The PDF options, kept from one export to the next. */
  pdfOptions: BriefingOptions;
  setPdfOptions(options: BriefingOptions): void;
  /** A dialog is open: Esc is the dialog's, not the panel's. */
  anyOpen: boolean;
}

/** The state of the window's dialogs (About, Keyboard Shortcuts, notes export and import, PDF export). */
export function useDialogs(language: Language): Dialogs {
  const [about, setAbout] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [notes, setNotes] = useState<NotesDialog | null>(null);
  const [importPreview, setImportPreview] = useState<ImportPreview | null>(null);
  const [pdfTarget, setPdfTarget] = useState<PdfExportTarget | null>(null);
  const [pdfOptions, setPdfOptions] = useState<BriefingOptions>(() => ({ paper: defaultPaper(navigator.language), includeNotes: true, language }));
  const anyOpen = about || shortcuts || notes !== null || importPreview !== null || pdfTarget !== null;
  return { about, setAbout, shortcuts, setShortcuts, notes, setNotes, importPreview, setImportPreview, pdfTarget, setPdfTarget, pdfOptions, setPdfOptions, anyOpen };
}
