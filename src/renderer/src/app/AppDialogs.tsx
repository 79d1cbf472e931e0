import type { RefObject } from 'react';
import { PdfExportDialog } from '../briefing/PdfExportDialog';
import { ExportDialog, ImportDialog, SnapshotDialog } from '../notes/NotesDialogs';
import { DocumentDrop } from '../sources/DocumentDrop';
import { SourceImporter, type SourceImporterHandle } from '../sources/SourceImporter';
import { AboutDialog } from './AboutDialog';
import { RegionBoundary } from './RegionBoundary';
import { ShortcutsDialog } from './ShortcutsDialog';
import type { Dialogs } from './useDialogs';

/** The window's dialogs and the source importer (with the drop target for documents), each failing on its own. */
export function AppDialogs({ dialogs, importer }: { dialogs: Dialogs; importer: RefObject<SourceImporterHandle | null> }) {
  const { setAbout, setShortcuts, setNotes, setImportPreview, setPdfTarget } = dialogs;
  return (
    <>
      <RegionBoundary region="dialog" resetKey={dialogs.about} onClose={() => setAbout(false)}>
        <AboutDialog open={dialogs.about} onClose={() => setAbout(false)} />
      </RegionBoundary>
      <RegionBoundary region="dialog">
        <SourceImporter ref={importer} />
        <DocumentDrop onFile={(file) => importer.current?.importFile(file)} />
      </RegionBoundary>
      {dialogs.shortcuts && (
        <RegionBoundary region="dialog" onClose={() => setShortcuts(false)}>
          <ShortcutsDialog onClose={() => setShortcuts(false)} />
        </RegionBoundary>
      )}
      <RegionBoundary region="dialog" resetKey={dialogs.notes} onClose={() => setNotes(null)}>
        <ExportDialog open={dialogs.notes === 'export'} onClose={() => setNotes(null)} />
        <SnapshotDialog open={dialogs.notes === 'snapshots'} onClose={() => setNotes(null)} />
      </RegionBoundary>
      <RegionBoundary region="dialog" resetKey={dialogs.importPreview} onClose={() => setImportPreview(null)}>
        <ImportDialog preview={dialogs.importPreview} onClose={() => setImportPreview(null)} />
      </RegionBoundary>
      {dialogs.pdfTarget && (
        <RegionBoundary region="dialog" onClose={() => setPdfTarget(null)}>
          <PdfExportDialog target={dialogs.pdfTarget} options={dialogs.pdfOptions} onOptions={dialogs.setPdfOptions} onClose={() => setPdfTarget(null)} />
        </RegionBoundary>
      )}
    </>
  );
}
