import { randomBytes } from 'node:crypto';
import { copyFile, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Adapter } from 'lowdb';
import { CodedError } from '../../shared/codedError';
import { parseStore, type StoreData, type StoreProblem } from '../../shared/store/schema';

/** A store file that exists but cannot be used as it is. */
export class StoreFileError extends Error {
  constructor(
    readonly path: string,
    readonly problem: StoreProblem,
  ) {
    super(`${path}: ${problem.kind === 'newer-version' ? `written by a newer version (${String(problem.version)})` : problem.message}`);
  }
}

/** Writes `text` to `path` so that the file is either wholly old or wholly new, whatever happens. */
export type DurableWrite = (path: string, text: string) => Promise<void>;

/**
 * The lowdb adapter of the store. Reads are parsed, migrated and validated (a bad file throws
 * StoreFileError, it never reads as empty). Writes never leave a half-written store: each goes to a
 * unique temp file in the same folder, is fsynced, renamed over the store, and the folder is
 * fsynced so the rename itself survives a power cut.
 */
export class StoreFile implements Adapter<StoreData> {
  /** The version the last read migrated from, or null when it was current (or there was no file). */
  migratedFrom: number | null = null;
  /** Whether the last read found a file at all. */
  found = false;

  constructor(
    readonly path: string,
    private readonly writeDurably: DurableWrite = writeFileAtomic,
  ) {}

  async read(): Promise<StoreData | null> {
    const text = await readTextIfExists(this.path);
    this.found = text !== null;
    if (text === null) return null;
    const parsed = parseStore(text);
    if (!parsed.ok) throw new StoreFileError(this.path, parsed.problem);
    this.migratedFrom = parsed.migratedFrom;
    return parsed.data;
  }

  async write(data: StoreData): Promise<void> {
    await this.writeDurably(this.path, serialiseStore(data));
  }
}

/**
 * The exact text a store file holds for `data`. Compact, since every save writes the whole file
 * and a store of thousands of notes is megabytes; any JSON viewer shows it readably.
 */
export function serialiseStore(data: StoreData): string {
  return `${JSON.stringify(data)}\n`;
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

/** Temp files are `.<target name>.<pid>.<random>.tmp`, so a later start can tell whose they were. */
const TEMP_FILE = /^\.(.+)\.(\d+)\.[0-9a-f]{12}\.tmp$/;

/** A unique temp file next to `path`, named so that `removeOrphanTempFiles` knows whose it is. */
export function tempPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${String(process.pid)}.${randomBytes(6).toString('hex')}.tmp`);
}

/**
 * Writes `text` (or bytes) to `path` through a fsynced temp file and a rename. The store is private to the
 * user (0600); exports the user will share pass 0o666 and get the usual umask.
 */
export async function writeFileAtomic(path: string, text: string | Uint8Array, mode = 0o600): Promise<void> {
  const temp = tempPathFor(path);
  await writeNewFileSynced(temp, text, mode);
  await renameDurably(temp, path);
}

/**
 * Creates `path` (refused with EEXIST when it exists), writes `text` and fsyncs it; a failed write
 * removes the file again.
 */
export async function writeNewFileSynced(path: string, text: string | Uint8Array, mode: number): Promise<void> {
  const handle = await open(path, 'wx', mode);
  try {
    await (typeof text === 'string' ? handle.writeFile(text, 'utf8') : handle.writeFile(text));
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(path, { force: true });
    throw error;
  }
  await handle.close();
}

/**
 * Copies `from` to `to` with the same guarantee as `writeFileAtomic`: a crash leaves `to` either
 * as it was or a complete copy, never a torn one (a torn backup would be found only when needed).
 */
export async function copyFileAtomic(from: string, to: string): Promise<void> {
  const temp = tempPathFor(to);
  try {
    await copyFile(from, temp);
    const handle = await open(temp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await renameDurably(temp, to);
}

async function renameDurably(temp: string, path: string): Promise<void> {
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

/** Makes entries just created, renamed or removed in `folder` survive a power cut. */
export async function syncFolder(folder: string): Promise<void> {
  // Windows cannot open a folder for fsync; there the rename is already durable enough.
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Deletes temp files that writers killed mid-write left in `folder`. Only one app instance opens a
 * store, so a temp file from any other process is an orphan; this process's own may be in flight.
 */
export async function removeOrphanTempFiles(folder: string): Promise<void> {
  const orphans = await orphanTempFiles(folder);
  await Promise.all(orphans.map((name) => rm(join(folder, name), { force: true }).catch(() => undefined)));
}

/** The names of the temp files in `folder` that other processes left, only those for `target` when given. */
export async function orphanTempFiles(folder: string, target?: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  return names.filter((name) => {
    const match = TEMP_FILE.exec(name);
    return match !== null && Number(match[2]) !== process.pid && (target === undefined || match[1] === target);
  });
}

/**
 * The typed error a failed write rejects with, so the UI can say "disk full" or "read-only" and
 * offer a retry rather than showing an errno.
 */
export function toWriteError(error: unknown, what: string): CodedError {
  if (error instanceof CodedError) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const detail = error instanceof Error ? error.message : String(error);
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return new CodedError('disk-full', `Could not save ${what}: the disk is full (${detail}).`, { cause: error });
    case 'EROFS':
    case 'EACCES':
    case 'EPERM':
      return new CodedError('read-only', `Could not save ${what}: the folder is read-only (${detail}).`, { cause: error });
    case 'ENOENT':
    case 'ENOTDIR':
      return new CodedError('folder-missing', `Could not save ${what}: the folder is gone (${detail}).`, { cause: error });
    default:
      return new CodedError('write-failed', `Could not save ${what}: ${detail}`, { cause: error });
  }
}
