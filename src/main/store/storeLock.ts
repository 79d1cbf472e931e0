import { randomBytes } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { link, readFile, realpath, rename, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { StoreOpenError } from '../../shared/codedError';
import { syncFolder, tempPathFor, writeNewFileSynced } from './atomicJsonFile';

/** The lock file's name inside the store folder. */
export const LOCK_FILE = 'atlas-store.lock';

/**
 * A lock file this young that cannot be parsed is taken to be one another process is still
 * writing (only where it is created in place, then filled); an older one was left by a crash.
 */
const HALF_WRITTEN_GRACE_MS = 10_000;

/** Who holds a store folder, as its lock file says. */
export const lockOwnerSchema = z.strictObject({
  pid: z.number().int().positive(),
  host: z.string().max(255),
  /**
   * When the process started, as the OS counts it (Linux: clock ticks since boot), or null where
   * that cannot be read. With the pid it tells a live holder from a new process given a dead
   * holder's pid.
   */
  started: z.string().max(64).nullable(),
  acquiredAt: z.iso.datetime(),
  /** Tells this lock from any other the same process might have taken before. */
  nonce: z.string().regex(/^[0-9a-f]{16}$/),
});
export type LockOwner = z.infer<typeof lockOwnerSchema>;

/** What a second opener of `folder` is refused with: the folder, and who holds it when known. */
function inUse(folder: string, owner: LockOwner | null): StoreOpenError {
  const holder = owner ? ` (process ${String(owner.pid)} on ${owner.host})` : '';
  return new StoreOpenError(
    'store-in-use',
    `The store folder ${folder} is in use by another running copy of the app${holder}.`,
    folder,
    owner ? { holder: { pid: owner.pid, host: owner.host } } : {},
  );
}

/** A held lock on a store folder; `release` lets another process open it. */
export interface StoreLock {
  readonly path: string;
  release(): Promise<void>;
}

interface Held {
  count: number;
  owner: LockOwner;
  path: string;
}

// This process's locks by lock-file path. A process may open the same folder more than once (a
// restart in a test, a seeding step before the app opens it): that shares the one lock.
const held = new Map<string, Held>();
const acquiring = new Map<string, Promise<Held | null>>();
let exitHookInstalled = false;

/**
 * Takes the lock on `folder` (which must exist): `atlas-store.lock`, created exclusively, holding
 * this process's pid, host and start time. A lock whose holder is gone (no such process, or the pid
 * now belongs to a process started later) is taken over; one held by a live process, or by a
 * process on another computer (which cannot be checked from here), or a lock file this process
 * cannot read (another OS user's, under a strict umask), is refused and changes nothing. Resolves
 * null when nothing can be created in the folder (a read-only disk): no process can write there.
 *
 * @throws StoreOpenError `store-in-use`
 */
export async function acquireStoreLock(folder: string): Promise<StoreLock | null> {
  const path = join(await realpath(folder), LOCK_FILE);
  const mine = held.get(path);
  if (mine) {
    mine.count++;
    return handleFor(mine);
  }
  // Opens started together in this process wait for the one taking the lock, then share it.
  const pending = acquiring.get(path);
  if (pending) {
    const entry = await pending;
    if (entry === null) return null;
    entry.count++;
    return handleFor(entry);
  }
  const taking = takeLock(folder, path).finally(() => acquiring.delete(path));
  acquiring.set(path, taking);
  const entry = await taking;
  return entry === null ? null : handleFor(entry);
}

/** Whether a file-system error says the place cannot be written (read-only disk, no permission). */
export function isReadOnlyError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'EROFS' || code === 'EACCES' || code === 'EPERM';
}

async function takeLock(folder: string, path: string): Promise<Held | null> {
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    started: await processStart(process.pid),
    acquiredAt: new Date().toISOString(),
    nonce: randomBytes(8).toString('hex'),
  };
  // A few rounds: each lost race with another opener taking over the same stale lock starts again.
  for (let round = 0; round < 5; round++) {
    const created = await createLockFile(path, owner);
    if (created === 'read-only') return null;
    if (created) {
      const entry: Held = { count: 1, owner, path };
      held.set(path, entry);
      installExitHook();
      return entry;
    }
    const found = await readLock(path).catch((error: unknown) => {
      // Another OS user's lock we may not read is still a lock: opening unlocked would let two write.
      if (isReadOnlyError(error)) throw inUse(folder, null);
      throw error;
    });
    if (found === null) continue; // gone since: try again
    if (!(await isStale(found))) throw inUse(folder, found.owner);
    await takeOver(path, found.text);
  }
  throw inUse(folder, null);
}

function handleFor(entry: Held): StoreLock {
  let released = false;
  return {
    path: entry.path,
    async release() {
      if (released) return;
      released = true;
      entry.count--;
      if (entry.count > 0) return;
      held.delete(entry.path);
      const found = await readLock(entry.path).catch(() => null);
      // Only our own lock: a folder deleted and reused since may hold someone else's.
      if (found?.owner?.nonce === entry.owner.nonce) await rm(entry.path, { force: true }).catch(() => undefined);
    },
  };
}

/**
 * Creates the lock file with `owner` in it; false when one exists already. The content is written
 * to a temp file first and hard-linked into place (atomic, and refused when the name exists), so a
 * crash never leaves a half-written lock; file systems without hard links create it in place.
 * 'read-only' when the temp file cannot be created: the folder's own answer to whether it can be
 * written, asked before any other file (a lock we may not read) is looked at.
 */
async function createLockFile(path: string, owner: LockOwner): Promise<boolean | 'read-only'> {
  const text = `${JSON.stringify(owner)}\n`;
  const temp = tempPathFor(path);
  try {
    await writeNewFileSynced(temp, text, 0o644);
  } catch (error) {
    if (isReadOnlyError(error)) return 'read-only';
    throw error;
  }
  try {
    await link(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    try {
      await writeNewFileSynced(path, text, 0o644);
    } catch (fallbackError) {
      if ((fallbackError as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallbackError;
    }
  } finally {
    await rm(temp, { force: true });
  }
  await syncFolder(dirname(path)).catch(() => undefined);
  return true;
}

/** The lock file's text and owner (null when it does not parse), or null when there is no file. */
async function readLock(path: string): Promise<{ text: string; owner: LockOwner | null; modified: number } | null> {
  try {
    const [text, info] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    return { text, owner: parseOwner(text), modified: info.mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

function parseOwner(text: string): LockOwner | null {
  try {
    const parsed = lockOwnerSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

async function isStale(found: { owner: LockOwner | null; modified: number }): Promise<boolean> {
  const { owner } = found;
  if (owner === null) return Date.now() - found.modified > HALF_WRITTEN_GRACE_MS;
  // Another computer's processes cannot be seen from here (a store on a shared or portable drive).
  if (owner.host !== hostname()) return false;
  // Our own pid on a lock this process does not hold: an earlier process that had the same pid.
  if (owner.pid === process.pid) return true;
  if (!isAlive(owner.pid)) return true;
  const started = await processStart(owner.pid);
  return owner.started !== null && started !== null && started !== owner.started;
}

/** Whether a process with this pid exists (one of another user's counts). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process's start time as Linux counts it (field 22 of /proc/<pid>/stat), or null elsewhere. */
async function processStart(pid: number): Promise<string | null> {
  if (process.platform !== 'linux') return null;
  const text = await readFile(`/proc/${String(pid)}/stat`, 'utf8').catch(() => null);
  if (text === null) return null;
  // The command name (field 2) may hold spaces and parentheses; the fields after it do not.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

/**
 * Removes a stale lock so that the next exclusive create can succeed. It is first renamed aside
 * and compared: when another opener took the lock over between our read and the rename, the file
 * moved is theirs, and it is put back instead of deleted.
 */
async function takeOver(path: string, staleText: string): Promise<void> {
  // A temp-file name, so one left by a crash right here is cleared at the next start.
  const aside = tempPathFor(path);
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readFile(aside, 'utf8').catch(() => null);
  if (moved !== null && moved !== staleText) await link(aside, path).catch(() => undefined);
  await rm(aside, { force: true });
}

/** A process that exits without closing its store (a crash handler, `app.exit`) still frees the folder. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const entry of held.values()) {
      try {
        unlinkSync(entry.path);
      } catch {
        // Already gone, or the folder with it: nothing to free.
      }
    }
    held.clear();
  });
}
