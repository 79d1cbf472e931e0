import type { ImportPreview, MenuCommand, SidebarTab } from '../../../shared/contract';
import type { PdfExportTarget } from '../briefing/PdfExportDialog';
import { atlas, unwrap } from '../bridge';
import type { WorldMapHandle } from '../map/WorldMap';
import type { SourceImporterHandle } from '../sources/SourceImporter';

/** What the commands act on: the window's dialogs, tabs, map and importer, as they are when a command runs. */
export interface CommandWindow {
  openAbout(): void;
  openShortcuts(): void;
  showTab(tab: SidebarTab): void;
  searchField(): HTMLInputElement | null;
  map(): Pick<WorldMapHandle, 'zoomIn' | 'zoomOut' | 'resetView'> | null;
  importer(): SourceImporterHandle | null;
  openNotesDialog(dialog: 'export' | 'snapshots'): void;
  /** Shows what importing a notes file would change, to confirm (null: no file was chosen). */
  showNotesImport(preview: ImportPreview | null): void;
  showError(error: unknown): void;
  /** The country whose panel is open. */
  selectedId(): string | null;
  /** Opens the briefing export of a country, or says to choose one first. */
  exportBriefing(id: string | null): void;
  openPdfExport(target: PdfExportTarget): void;
  /** How many countries the atlas briefing covers. */
  atlasCountries(): number;
  /** Says something short (a file saved). */
  notify(message: string): void;
  translate(key: string, values: Record<string, string | number>): string;
}

/** File › Export Atlas Data: main asks where, writes the file and answers what it wrote. */
function exportData(app: CommandWindow, format: 'csv' | 'geojson'): void {
  unwrap(atlas().data.export({ format })).then(
    (written) => {
      if (written) app.notify(app.translate('atlasData.saved', { count: written.countries, fileName: written.fileName }));
    },
    (error: unknown) => app.showError(error),
  );
}

/**
 * Every command of the window by id, in one place: the application menu sends these ids, the
 * keyboard shortcuts stand for them (where there is no menu), and the toolbar, the map's buttons
 * and the views' buttons run the same entries. A new menu command does not compile until it has
 * an entry here.
 */
export const COMMANDS: { readonly [id in MenuCommand]: (app: CommandWindow) => void } = {
  about: (app) => app.openAbout(),
  shortcuts: (app) => app.openShortcuts(),
  'focus-search': (app) => {
    app.showTab('countries');
    requestAnimationFrame(() => app.searchField()?.focus());
  },
  'reset-view': (app) => app.map()?.resetView(),
  'zoom-in': (app) => app.map()?.zoomIn(),
  'zoom-out': (app) => app.map()?.zoomOut(),
  notes: (app) => app.showTab('notes'),
  'import-source': (app) => app.importer()?.importFromDialog(),
  'export-notes': (app) => app.openNotesDialog('export'),
  'restore-snapshot': (app) => app.openNotesDialog('snapshots'),
  'export-briefing': (app) => app.exportBriefing(app.selectedId()),
  'export-atlas': (app) => app.openPdfExport({ kind: 'atlas', countries: app.atlasCountries() }),
  'export-data-csv': (app) => exportData(app, 'csv'),
  'export-data-geojson': (app) => exportData(app, 'geojson'),
  'import-notes': (app) => {
    unwrap(atlas().notes.previewImport()).then(
      (preview) => app.showNotesImport(preview),
      (error: unknown) => app.showError(error),
    );
  },
};

/** Runs a command on the app. */
export type RunCommand = (command: MenuCommand) => void;
