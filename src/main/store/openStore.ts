import { copyFile, mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { emptyStore, type StoreData, type StoreProblem } from '../../shared/store/schema';
import { StoreFile, StoreFileError } from './atomicJsonFile';

export const STORE_FILE = 'atlas-store.json';

/** What happened to an unusable store file at start-up, for the user to be told. */
export interface StoreRecovery {
  problem: StoreProblem;
  movedTo: string;
  restoredFrom: 'backup' | 'empty';
}

/** The app's one database. Only main holds it; every change goes through `update`. */
export interface Store {
  readonly path: string;
  readonly recovery: StoreRecovery | null;
  read(): Readonly<StoreData>;
  /** Applies `change` to a copy, writes it durably, and only then makes it current. Serialised. */
  update(change: (draft: StoreData) => void): Promise<Readonly<StoreData>>;
}

export interface OpenStoreOptions {
  folder: string;
  now?: () => Date;
}

/**
 * Opens (or creates) the store in `folder`. The last good file is kept as `.bak`. A file that cannot
 * be used is moved aside with a timestamp, never overwritten, and the store starts from the backup
 * or empty, saying which in `recovery`.
 */
export async function openStore({ folder, now = () => new Date() }: OpenStoreOptions): Promise<Store> {
  await mkdir(folder, { recursive: true });
  const path = join(folder, STORE_FILE);
  const file = new StoreFile(path);
  const backup = new StoreFile(`${path}.bak`);
  const db = new Low<StoreData>(file, emptyStore());
  let recovery: StoreRecovery | null = null;

  try {
    await db.read();
    await copyFile(path, backup.path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
  } catch (error) {
    if (!(error instanceof StoreFileError)) throw error;
    const movedTo = join(folder, `atlas-store.unreadable-${now().toISOString().replace(/[:.]/g, '-')}.json`);
    await rename(path, movedTo);
    const restored = await backup.read().catch(() => null);
    db.data = restored ?? emptyStore();
    recovery = { problem: error.problem, movedTo, restoredFrom: restored ? 'backup' : 'empty' };
    await db.write();
  }

  let current: StoreData = db.data;
  let queue: Promise<unknown> = Promise.resolve();

  return {
    path,
    recovery,
    read: () => current,
    update(change) {
      const run = async () => {
        const draft = structuredClone(current);
        change(draft);
        db.data = draft;
        try {
          await db.write();
        } catch (error) {
          db.data = current;
          throw error;
        }
        current = draft;
        return current;
      };
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
  };
}
