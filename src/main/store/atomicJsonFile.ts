import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { parseStore, type StoreData, type StoreProblem } from '../../shared/store/schema';

/** A store file that exists but cannot be used as it is. */
export class StoreFileError extends Error {
  constructor(
    readonly path: string,
    readonly problem: StoreProblem,
  ) {
    super(`${path}: ${problem.kind === 'newer-version' ? `written by a newer version (${problem.version})` : problem.message}`);
  }
}

/**
 * The lowdb adapter of the store. Reads are parsed, migrated and validated (a bad file throws
 * StoreFileError, it never reads as empty). Writes never leave a half-written store: each goes to a
 * unique temp file in the same folder, is fsynced, renamed over the store, and the folder is
 * fsynced so the rename itself survives a power cut.
 */
export class StoreFile implements Adapter<StoreData> {
  constructor(readonly path: string) {}

  async read(): Promise<StoreData | null> {
    const text = await readTextIfExists(this.path);
    if (text === null) return null;
    const parsed = parseStore(text);
    if (!parsed.ok) throw new StoreFileError(this.path, parsed.problem);
    return parsed.data;
  }

  async write(data: StoreData): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(data, null, 2)}\n`);
  }
}

/** Reads a UTF-8 file, or null when there is none. */
export async function readTextIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** Writes `text` to `path` through a fsynced temp file and a rename. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; there the rename is already durable enough.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
