import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serialiseStore, toWriteError, writeFileAtomic } from './atomicJsonFile';
import type { Store } from './openStore';
import { listSnapshots, pruneSnapshots, readSnapshot, SNAPSHOT_FOLDER, snapshotInfo, snapshotName, type SnapshotInfo } from './snapshots';

/** What a restore did, so the UI can confirm it and offer to undo it. */
export interface RestoreResult {
  restored: SnapshotInfo;
  /** The snapshot of the state just replaced; restoring it undoes the restore. */
  undo: SnapshotInfo;
  notes: number;
  overrides: number;
}

/** Lists and restores the store's snapshots. */
export interface SnapshotRepository {
  /** Newest first. */
  list(): Promise<SnapshotInfo[]>;
  /**
   * Replaces the notes and tier overrides with those of snapshot `name` (preferences stay as they
   * are). The current state is first saved as a `before-restore` snapshot.
   */
  restore(name: string): Promise<RestoreResult>;
}

/** Snapshots of `store`, restorable from the menu. */
export function createSnapshotRepository(store: Store, options: { now?: () => Date } = {}): SnapshotRepository {
  const now = options.now ?? (() => new Date());
  return {
    list: () => listSnapshots(store.folder),
    async restore(name) {
      const { info, data } = await readSnapshot(store.folder, name);
      // Let queued saves land first, so the undo snapshot holds everything the user had.
      await store.idle();
      const directory = join(store.folder, SNAPSHOT_FOLDER);
      await mkdir(directory, { recursive: true }).catch((error: unknown) => {
        throw toWriteError(error, 'the snapshot');
      });
      const undoName = snapshotName('before-restore', now());
      const undoText = serialiseStore(store.read());
      await writeFileAtomic(join(directory, undoName), undoText).catch((error: unknown) => {
        throw toWriteError(error, 'the snapshot');
      });
      await store.update((draft) => {
        draft.notes = structuredClone(data.notes);
        draft.overrides = structuredClone(data.overrides);
      });
      await pruneSnapshots(store.folder, 'before-restore').catch(() => undefined);
      return { restored: info, undo: snapshotInfo(undoName, Buffer.byteLength(undoText))!, notes: data.notes.length, overrides: data.overrides.length };
    },
  };
}
