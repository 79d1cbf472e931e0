import { constants } from 'node:fs';
import { copyFile, link, mkdir, rename, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { Low } from 'lowdb';
import { isCodedError, CodedError, StoreOpenError } from '../../shared/codedError';
import { emptyStore, parseStore, STORE_VERSION, type StoreData, type StoreProblem } from '../../shared/store/schema';
import { createStateChecker, draftOf } from '../../shared/store/stateCheck';
import {
  copyFileAtomic,
  orphanTempFiles,
  readTextIfExists,
  removeOrphanTempFiles,
  StoreFile,
  StoreFileError,
  syncFolder,
  toWriteError,
  writeFileAtomic,
  type DurableWrite,
} from './atomicJsonFile';
import { listSnapshots, readSnapshot, SNAPSHOT_FOLDER, takeDailySnapshot } from './snapshots';
import { acquireStoreLock, isReadOnlyError, type StoreLock } from './storeLock';

/** The store file's name inside the store folder. */
export const STORE_FILE = 'atlas-store.json';

/** The copy a store that could not be used as it was started from. */
export interface RestoredFrom {
  restoredFrom: 'backup' | 'snapshot' | 'empty';
  /** The snapshot the store started from, when `restoredFrom` is `snapshot`. */
  snapshot?: string;
  /**
   * Where a backup that could not be read either now is, when the store started from a snapshot
   * or empty: it is kept under another name, since the next start replaces the backup.
   */
  backupMovedTo?: string;
}

/**
 * What happened at start-up to a store file that could not be used, for the user to be told:
 * `unreadable`, it was moved aside; `missing`, it was gone while a backup or snapshot was still in
 * its folder (deleted or moved by the user or a sync tool).
 */
export type StoreRecovery =
  | (RestoredFrom & {
      reason: 'unreadable';
      problem: StoreProblem;
      /** Where the unusable file now is; it is never overwritten or deleted. */
      movedTo: string;
    })
  | (RestoredFrom & {
      reason: 'missing';
      /** The store file that was not there. */
      path: string;
    });

/** The app's one database. Only main holds it; every change goes through `update`. */
export interface Store {
  readonly path: string;
  /** The store folder, which also holds the backup and the snapshots. */
  readonly folder: string;
  readonly recovery: StoreRecovery | null;
  /** The schema version the file was migrated from at open, or null. */
  readonly migratedFrom: number | null;
  /** The current state; deeply frozen. */
  read(): Readonly<StoreData>;
  /**
   * Applies `change` to a draft, validates it, writes it durably, and only then makes it current;
   * resolves with the state that was written. Serialised: changes queued while a write is in
   * flight go out together in the next write, each resolving only once it is on disk, so a burst
   * of saves costs a few writes rather than one each.
   *
   * The draft's preferences and its notes and overrides arrays are fresh copies, but the notes and
   * overrides in them are frozen: a change replaces an item, never edits it (editing throws). A
   * change that throws rejects alone. A failed write rejects with a CodedError (`disk-full`,
   * `read-only`, `folder-missing`, `write-failed`; `invalid-state` for a draft that would not load
   * again) and leaves the file and `read()` as they were, so the same change can be retried.
   *
   * `change` must only touch the draft: it may run more than once when another change in the same
   * write throws.
   */
  update(change: (draft: StoreData) => void): Promise<Readonly<StoreData>>;
  /** Resolves once every change queued so far has been written or has failed. */
  idle(): Promise<void>;
  /**
   * Waits for the queued changes, then frees the store folder for another process. A change asked
   * for after this rejects with `store-closed`: it could no longer be written safely.
   */
  close(): Promise<void>;
}

/** Where the store lives, and the clock and disk it uses (replaceable in tests). */
export interface OpenStoreOptions {
  folder: string;
  now?: () => Date;
  /** Replaces the durable write of the store file; tests use it to make the disk fail. */
  write?: DurableWrite;
}

interface PendingChange {
  change: (draft: StoreData) => void;
  resolve: (data: Readonly<StoreData>) => void;
  reject: (error: unknown) => void;
}

/**
 * Opens (or creates) the store in `folder`, taking the folder's lock first (see `acquireStoreLock`).
 * After a good load the file is kept as `.bak` and, once a day, as a snapshot. A file that cannot be
 * used is moved aside with a timestamp, never overwritten, and the store starts from the backup,
 * else the newest usable snapshot, else empty, saying which in `recovery`. A missing file next to
 * a backup or snapshot starts from them in the same way (and says so); only a folder with none of
 * them is a first start, silent and empty. A backup that cannot be used is kept under another
 * name before the recovered state is written, since the next start replaces the backup.
 *
 * A store this build cannot safely open is refused with a StoreOpenError, and nothing on disk is
 * changed: a folder another running copy holds (`store-in-use`), a file (or the backup or snapshot
 * recovery would fall back on) written by a newer version (`store-newer-version`), a store folder
 * that is a file (`store-not-a-folder`), a store file that is a folder (`store-file-is-folder`), an
 * unusable file in a folder that cannot be written, so it cannot be moved aside (`store-read-only`),
 * or a file that cannot be read at all (`store-unreadable`).
 */
export async function openStore({ folder, now = () => new Date(), write = writeFileAtomic }: OpenStoreOptions): Promise<Store> {
  await ensureFolder(folder);
  // Null for a folder nothing can be created in, which no process can write either: it opens
  // unlocked, so its notes can still be read (every save then fails visibly).
  const lock = await acquireStoreLock(folder);
  try {
    return await openLocked(folder, now, write, lock);
  } catch (error) {
    await lock?.release();
    throw error;
  }
}

async function ensureFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      throw new StoreOpenError('store-not-a-folder', `The store folder ${folder} is a file, not a folder.`, folder, {}, { cause: error });
    }
    throw new StoreOpenError('store-unreadable', `The store folder ${folder} cannot be created: ${errorText(error)}`, folder, {}, { cause: error });
  }
}

async function openLocked(folder: string, now: () => Date, write: DurableWrite, lock: StoreLock | null): Promise<Store> {
  const path = join(folder, STORE_FILE);
  const file = new StoreFile(path, write);
  const backupPath = `${path}.bak`;
  const db = new Low<StoreData>(file, emptyStore());
  let recovery: StoreRecovery | null = null;
  let loaded = false;

  await finishInterruptedSave(folder, path);
  try {
    await db.read();
    loaded = true;
  } catch (error) {
    if (!(error instanceof StoreFileError)) throw unreadableStore(path, error);
    if (error.problem.kind === 'newer-version') throw newerVersion(path, error.problem.version);
    const fallback = await findFallback(folder, backupPath);
    const movedTo = await preserveUnreadable(folder, path, now()).catch((caught: unknown) => {
      throw cannotSetAside(path, caught);
    });
    db.data = fallback.data;
    recovery = { reason: 'unreadable', problem: error.problem, movedTo, ...fallback.from, ...(await keepUnreadableBackup(folder, backupPath, fallback, now())) };
    // The unusable file is already preserved under movedTo, so replacing it here loses nothing.
    await db.write().catch((caught: unknown) => {
      throw cannotSetAside(path, caught);
    });
  }

  if (loaded && !file.found) {
    // No store file, yet a backup or snapshot: the file was deleted or moved, not never made.
    // Starting empty would back the empty store up over the backup at the next start.
    const fallback = await findFallback(folder, backupPath);
    if (fallback.anyCopy) {
      db.data = fallback.data;
      recovery = { reason: 'missing', path, ...fallback.from, ...(await keepUnreadableBackup(folder, backupPath, fallback, now())) };
      // Written at once, so that the next start backs up the recovered state. A disk that cannot be
      // written keeps it in memory only: nothing can replace the backup then, and every save writes
      // the whole recovered state (or fails visibly).
      await db.write().catch(() => undefined);
    }
  }
  await removeOrphanTempFiles(folder);

  if (loaded && file.found) {
    // Both are safety nets, not the save itself: a read-only or full disk must not stop the app
    // from opening and showing the notes (saving will then fail visibly).
    await copyFileAtomic(path, backupPath).catch(() => undefined);
    await takeDailySnapshot(folder, path, now()).catch(() => undefined);
  }

  return createStore({ db, path, folder, recovery, migratedFrom: file.migratedFrom, lock });
}

/**
 * Puts a complete save of a missing store file in place. A rename that is not atomic (some network
 * and removable file systems remove the old file first) leaves, when the app stops between the two
 * steps, no store file but the whole new one under its temp name: the newest state there is, newer
 * than the backup, and it would be deleted as an orphan at this start. A temp file that does not
 * load (killed mid-write) is left to that clean-up.
 */
async function finishInterruptedSave(folder: string, path: string): Promise<void> {
  const missing = await stat(path).then(
    () => false,
    (error: NodeJS.ErrnoException) => error.code === 'ENOENT',
  );
  if (!missing) return;
  let newest: { temp: string; modified: number } | null = null;
  for (const name of await orphanTempFiles(folder, STORE_FILE)) {
    const temp = join(folder, name);
    const text = await readTextIfExists(temp).catch(() => null);
    if (text === null || !parseStore(text).ok) continue;
    const modified = await stat(temp).then((entry) => entry.mtimeMs, () => -1);
    if (newest === null || modified > newest.modified) newest = { temp, modified };
  }
  if (newest === null) return;
  const { temp } = newest;
  await rename(temp, path)
    .then(() => syncFolder(folder))
    .catch((error: unknown) => {
      throw cannotSetAside(temp, error);
    });
}

/** Where the store can start from when its file cannot be used as it is. */
interface Fallback {
  from: Pick<RestoredFrom, 'restoredFrom' | 'snapshot'>;
  data: StoreData;
  /** Whether a backup file exists whose content cannot be used. */
  backupUnusable: boolean;
  /** Whether there was any backup or snapshot at all, usable or not. */
  anyCopy: boolean;
}

/**
 * What an unusable store starts from: the backup, else the newest usable snapshot, else nothing.
 * One written by a newer version is never skipped for an older one: that would quietly take the
 * user back to before they used the newer app, and the next start would back up over it.
 */
async function findFallback(folder: string, backupPath: string): Promise<Fallback> {
  const backupFile = new StoreFile(backupPath);
  let backupUnusable = false;
  const backup = await backupFile.read().catch((error: unknown) => {
    if (error instanceof StoreFileError && error.problem.kind === 'newer-version') throw newerVersion(backupPath, error.problem.version);
    backupUnusable = error instanceof StoreFileError;
    return null;
  });
  if (backup) return { from: { restoredFrom: 'backup' }, data: backup, backupUnusable, anyCopy: true };
  const snapshots = await listSnapshots(folder).catch(() => []);
  const anyCopy = backupFile.found || snapshots.length > 0;
  for (const snapshot of snapshots) {
    const restored = await readSnapshot(folder, snapshot.name).catch(() => null);
    if (restored) return { from: { restoredFrom: 'snapshot', snapshot: snapshot.name }, data: restored.data, backupUnusable, anyCopy };
    const text = await readTextIfExists(join(folder, SNAPSHOT_FOLDER, snapshot.name)).catch(() => null);
    const parsed = text === null ? null : parseStore(text);
    if (parsed && !parsed.ok && parsed.problem.kind === 'newer-version') throw newerVersion(join(folder, SNAPSHOT_FOLDER, snapshot.name), parsed.problem.version);
  }
  return { from: { restoredFrom: 'empty' }, data: emptyStore(), backupUnusable, anyCopy };
}

/**
 * Keeps a backup that could not be used under another name before the store is written: the next
 * start replaces the backup with a copy of the store, and the unusable one may still hold notes.
 */
async function keepUnreadableBackup(folder: string, backupPath: string, fallback: Fallback, at: Date): Promise<Pick<RestoredFrom, 'backupMovedTo'>> {
  if (!fallback.backupUnusable) return {};
  const backupMovedTo = await preserveUnreadable(folder, backupPath, at).catch((caught: unknown) => {
    throw cannotSetAside(backupPath, caught);
  });
  return { backupMovedTo };
}

function newerVersion(path: string, version: number): StoreOpenError {
  return new StoreOpenError(
    'store-newer-version',
    `${path} was written by a newer version of the app (store version ${String(version)}; this version reads up to ${String(STORE_VERSION)}).`,
    path,
    { version },
  );
}

function unreadableStore(path: string, error: unknown): StoreOpenError {
  if ((error as NodeJS.ErrnoException).code === 'EISDIR') {
    return new StoreOpenError('store-file-is-folder', `The store file ${path} is a folder.`, path, {}, { cause: error });
  }
  return new StoreOpenError('store-unreadable', `The store file ${path} cannot be read: ${errorText(error)}`, path, {}, { cause: error });
}

/** An unusable store in a folder that cannot be written: it cannot be moved aside, so it is left as it is. */
function cannotSetAside(path: string, error: unknown): StoreOpenError {
  const readOnly = isReadOnlyError(error) || isCodedError(error, 'read-only');
  return new StoreOpenError(
    readOnly ? 'store-read-only' : 'store-unreadable',
    `The store file ${path} cannot be used, and ${readOnly ? 'the folder is read-only' : 'it could not be moved aside'}: ${errorText(error)}`,
    path,
    {},
    { cause: error },
  );
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Keeps the unusable file `path` (the store file or its backup) under a timestamped name next to
 * it. It is linked (or copied) rather than renamed so that the store path always holds a file: a
 * crash during recovery then just recovers again on the next start, instead of finding no file.
 */
async function preserveUnreadable(folder: string, path: string, at: Date): Promise<string> {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const base = basename(path, '.json');
  for (let attempt = 0; ; attempt++) {
    const movedTo = join(folder, `${base}.unreadable-${stamp}${attempt === 0 ? '' : `-${String(attempt)}`}.json`);
    try {
      await link(path, movedTo).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'EEXIST') throw error;
        // File systems without hard links (FAT on a portable drive) get a copy instead.
        return copyFile(path, movedTo, constants.COPYFILE_EXCL);
      });
      await syncFolder(folder);
      return movedTo;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 100) throw error;
    }
  }
}

function createStore(init: {
  db: Low<StoreData>;
  path: string;
  folder: string;
  recovery: StoreRecovery | null;
  migratedFrom: number | null;
  lock: StoreLock | null;
}): Store {
  const { db } = init;
  const checker = createStateChecker();
  let current: StoreData = db.data;
  checker.trust(current);
  let pending: PendingChange[] = [];
  let draining: Promise<void> | null = null;
  let closed = false;

  const drain = async (): Promise<void> => {
    // Let every change made in the same tick join the first write.
    await Promise.resolve();
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      await commit(batch).catch((error: unknown) => {
        // A check or freeze that throws (a repository bug) must fail its own changes only: a drain
        // that rejected would stay `draining` for good, so no later change would ever be written
        // or settle, and close() would never free the folder. Settling a change twice is a no-op.
        db.data = current;
        for (const change of batch) change.reject(error);
      });
    }
    draining = null;
  };

  const commit = async (batch: PendingChange[]): Promise<void> => {
    const { draft, applied } = applyChanges(current, batch);
    if (applied.length === 0) return;
    const problem = checker.problem(draft);
    if (problem !== null) {
      // A repository bug, never user input (repositories validate first): refuse to write a file
      // that the next start would have to move aside.
      const error = new CodedError('invalid-state', `Refused to save an invalid store: ${problem}`);
      for (const change of applied) change.reject(error);
      return;
    }
    db.data = draft;
    try {
      await db.write();
    } catch (error) {
      db.data = current;
      const failure = toWriteError(error, 'the store');
      for (const change of applied) change.reject(failure);
      return;
    }
    checker.seal(draft);
    current = draft;
    for (const change of applied) change.resolve(current);
  };

  return {
    path: init.path,
    folder: init.folder,
    recovery: init.recovery,
    migratedFrom: init.migratedFrom,
    read: () => current,
    update(change) {
      if (closed) return Promise.reject(new CodedError('store-closed', 'The store is closed; the change was not saved.'));
      return new Promise<Readonly<StoreData>>((resolve, reject) => {
        pending.push({ change, resolve, reject });
        draining ??= drain();
      });
    },
    async idle() {
      while (draining) await draining;
    },
    async close() {
      closed = true;
      while (draining) await draining;
      await init.lock?.release();
    },
  };
}

/**
 * Applies a batch of changes to one draft of `base`. A change that throws is rejected and the draft
 * rebuilt without it, since it may have half-changed the draft before throwing.
 */
function applyChanges(base: StoreData, batch: readonly PendingChange[]): { draft: StoreData; applied: PendingChange[] } {
  let remaining = [...batch];
  for (;;) {
    const draft = draftOf(base);
    const applied: PendingChange[] = [];
    let failed = false;
    for (const change of remaining) {
      try {
        change.change(draft);
        applied.push(change);
      } catch (error) {
        change.reject(error);
        remaining = remaining.filter((other) => other !== change);
        failed = true;
        break;
      }
    }
    if (!failed) return { draft, applied };
  }
}
