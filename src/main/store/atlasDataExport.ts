import { isAbsolute } from 'node:path';
import { CodedError } from '../../shared/codedError';
import { toWriteError, writeFileAtomic } from './atomicJsonFile';

/** Exports are the user's to share, so they get ordinary permissions (after the umask). */
const SHARED_FILE_MODE = 0o666;

/**
 * Writes an export of the atlas's data to `path` (from main's own save dialog) atomically: a
 * temporary file flushed to disk, then renamed over the target, so a failed write leaves any file
 * already there as it was. A write failure is a coded error (disk full, read-only, …).
 */
export async function writeAtlasDataFile(path: string, text: string): Promise<void> {
  if (typeof path !== 'string' || path === '' || !isAbsolute(path)) throw new CodedError('invalid-input', 'The export file must be an absolute path.');
  await writeFileAtomic(path, text, SHARED_FILE_MODE).catch((error: unknown) => {
    throw toWriteError(error, 'the export');
  });
}
