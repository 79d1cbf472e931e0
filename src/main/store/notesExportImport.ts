import { open } from 'node:fs/promises';
import { isAbsolute, join } from 'node:path';
import { CodedError } from '../../shared/codedError';
import { exportMarkdownDocument, exportMarkdownFiles, type MarkdownExportOptions } from '../../shared/notes/exportMarkdown';
import {
  buildJsonExport,
  IMPORT_MAX_BYTES,
  mergeImport,
  planChangesSomething,
  planImport,
  type ImportOptions,
  type ImportOutcome,
  type ImportPlan,
} from '../../shared/notes/importNotes';
import { toWriteError, writeFileAtomic } from './atomicJsonFile';
import type { Store } from './openStore';

/** Exports are the user's to share, so they get ordinary permissions (after the umask). */
const SHARED_FILE_MODE = 0o666;

// Every path here comes from main's own save and open dialogs, never from the renderer; the checks
// only catch a wiring mistake early.
function requireAbsolute(path: string, what: string): string {
  if (typeof path !== 'string' || path === '' || !isAbsolute(path)) throw new CodedError('invalid-input', `The ${what} must be an absolute path.`);
  return path;
}

/**
 * Writes one Markdown file per country with notes or an override into `folder` (which must exist),
 * replacing files of the same name there. Resolves with the paths written.
 */
export async function exportMarkdownToFolder(store: Store, folder: string, options: MarkdownExportOptions): Promise<string[]> {
  requireAbsolute(folder, 'export folder');
  const { notes, overrides } = store.read();
  const files = exportMarkdownFiles(notes, overrides, options);
  const written: string[] = [];
  for (const file of files) {
    const path = join(folder, file.fileName);
    await writeFileAtomic(path, file.text, SHARED_FILE_MODE).catch((error: unknown) => {
      throw toWriteError(error, file.fileName);
    });
    written.push(path);
  }
  return written;
}

/** Writes every note and override as one Markdown document to `path`. */
export async function exportMarkdownToFile(store: Store, path: string, options: MarkdownExportOptions): Promise<void> {
  requireAbsolute(path, 'export file');
  const { notes, overrides } = store.read();
  await writeFileAtomic(path, exportMarkdownDocument(notes, overrides, options), SHARED_FILE_MODE).catch((error: unknown) => {
    throw toWriteError(error, 'the export');
  });
}

/** Writes every note and override, with the schema version, as JSON to `path`. */
export async function exportJsonToFile(store: Store, path: string, now: Date = new Date()): Promise<void> {
  requireAbsolute(path, 'export file');
  const { notes, overrides } = store.read();
  await writeFileAtomic(path, buildJsonExport({ notes, overrides }, now), SHARED_FILE_MODE).catch((error: unknown) => {
    throw toWriteError(error, 'the export');
  });
}

/**
 * Reads an import file as UTF-8 text. The size is checked before any content is read, so a huge
 * file is refused (`too-large`) without being loaded; text that is not UTF-8 is `not-json`.
 */
export async function readImportFile(path: string): Promise<string> {
  requireAbsolute(path, 'import file');
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw new CodedError('unreadable-file', `The file could not be opened: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new CodedError('unreadable-file', 'That is not a file.');
    if (info.size > IMPORT_MAX_BYTES) throw new CodedError('too-large', `The file is larger than ${String(IMPORT_MAX_BYTES / 1024 / 1024)} MB.`);
    const bytes = await handle.readFile();
    // The file may have grown since stat.
    if (bytes.length > IMPORT_MAX_BYTES) throw new CodedError('too-large', `The file is larger than ${String(IMPORT_MAX_BYTES / 1024 / 1024)} MB.`);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new CodedError('not-json', 'The file is not UTF-8 text.');
    }
  } finally {
    await handle.close();
  }
}

/** Reads `path` and previews importing it into `store`; nothing changes yet. */
export async function planImportFile(store: Store, path: string, options: ImportOptions = {}): Promise<ImportPlan> {
  const text = await readImportFile(path);
  const { notes, overrides } = store.read();
  return planImport({ notes, overrides }, text, options);
}

/**
 * Carries out a previewed import in one durable write. Items are decided again at write time, so
 * edits made since the preview are never overwritten by older ones, nothing is duplicated, and
 * applying the same plan again writes nothing.
 */
export async function applyImport(store: Store, plan: ImportPlan): Promise<ImportOutcome> {
  let outcome: ImportOutcome = { notesAdded: 0, notesUpdated: 0, overridesAdded: 0, overridesUpdated: 0 };
  if (!planChangesSomething(plan)) return outcome;
  const probe = structuredClone({ notes: store.read().notes, overrides: store.read().overrides });
  // Leave the file untouched when the plan has already been applied.
  if (Object.values(mergeImport(probe, plan)).every((count) => count === 0)) return outcome;
  await store.update((draft) => {
    outcome = mergeImport(draft, plan);
  });
  return outcome;
}
