import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CodedError } from '../../shared/codedError';
import { parseStore, type StoreData } from '../../shared/store/schema';
import { copyFileAtomic, readTextIfExists, removeOrphanTempFiles } from './atomicJsonFile';

/** The folder, inside the store folder, that holds the snapshots. */
export const SNAPSHOT_FOLDER = 'snapshots';
/** How many snapshots of each kind are kept; older ones are deleted. */
export const SNAPSHOTS_KEPT = 7;

/**
 * Snapshot names are made here, never taken from outside as paths: a name must match this exactly
 * (no separators, no dots but the extension) before it is joined to the folder.
 */
export const SNAPSHOT_NAME = /^(daily|before-restore)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)\.json$/;

/** `daily`: taken at the first start of a (UTC) day; `before-restore`: the state a restore replaced. */
export type SnapshotKind = 'daily' | 'before-restore';

/** One snapshot as a menu lists it. */
export interface SnapshotInfo {
  name: string;
  kind: SnapshotKind;
  /** ISO timestamp. */
  takenAt: string;
  bytes: number;
}

/** The file name of a snapshot of `kind` taken at `at`. */
export function snapshotName(kind: SnapshotKind, at: Date): string {
  return `${kind}-${at.toISOString().replace(/[:.]/g, '-')}.json`;
}

/** What a snapshot file name says of it (with its size), or null for a name that is not a snapshot's. */
export function snapshotInfo(name: string, bytes: number): SnapshotInfo | null {
  const match = SNAPSHOT_NAME.exec(name);
  if (!match) return null;
  const [, kind, stamp] = match as unknown as [string, SnapshotKind, string];
  // 2026-11-27T10-00-00-000Z → 2026-11-27T10:00:00.000Z
  const takenAt = stamp.replace(/T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z$/, 'T$1:$2:$3.$4Z');
  return { name, kind, takenAt, bytes };
}

/** The snapshots in the store folder `folder`, newest first. */
export async function listSnapshots(folder: string): Promise<SnapshotInfo[]> {
  const directory = join(folder, SNAPSHOT_FOLDER);
  const names = await readdir(directory).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const infos = await Promise.all(
    names
      .filter((name) => SNAPSHOT_NAME.test(name))
      .map(async (name) => {
        const size = await stat(join(directory, name)).then((entry) => entry.size).catch(() => null);
        return size === null ? null : snapshotInfo(name, size);
      }),
  );
  return infos.filter((info): info is SnapshotInfo => info !== null).sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0));
}

/**
 * Copies the store file into the snapshots unless a daily snapshot of the same UTC day exists, then
 * keeps only the newest SNAPSHOTS_KEPT daily ones. Returns the new snapshot's name, or null.
 */
export async function takeDailySnapshot(folder: string, storePath: string, now: Date): Promise<string | null> {
  const directory = join(folder, SNAPSHOT_FOLDER);
  await mkdir(directory, { recursive: true });
  await removeOrphanTempFiles(directory);
  const today = now.toISOString().slice(0, 10);
  const existing = await listSnapshots(folder);
  if (existing.some((snapshot) => snapshot.kind === 'daily' && snapshot.takenAt.startsWith(today))) return null;
  const name = snapshotName('daily', now);
  await copyFileAtomic(storePath, join(directory, name));
  await pruneSnapshots(folder, 'daily');
  return name;
}

/** Deletes all but the newest SNAPSHOTS_KEPT snapshots of `kind`. */
export async function pruneSnapshots(folder: string, kind: SnapshotKind): Promise<void> {
  const old = (await listSnapshots(folder)).filter((snapshot) => snapshot.kind === kind).slice(SNAPSHOTS_KEPT);
  await Promise.all(old.map((snapshot) => rm(join(folder, SNAPSHOT_FOLDER, snapshot.name), { force: true })));
}

/** Reads and migrates a snapshot; a name that is not ours never reaches the file system. */
export async function readSnapshot(folder: string, name: string): Promise<{ info: SnapshotInfo; data: StoreData }> {
  if (!SNAPSHOT_NAME.test(name)) throw new CodedError('bad-snapshot-name', `Not a snapshot name: ${JSON.stringify(name.slice(0, 200))}.`);
  const text = await readTextIfExists(join(folder, SNAPSHOT_FOLDER, name)).catch((error: unknown) => {
    throw new CodedError('snapshot-unreadable', `Snapshot ${name} could not be read.`, { cause: error });
  });
  if (text === null) throw new CodedError('snapshot-not-found', `There is no snapshot ${name}.`);
  const parsed = parseStore(text);
  if (!parsed.ok) {
    const reason = parsed.problem.kind === 'newer-version' ? `written by a newer version (${String(parsed.problem.version)})` : parsed.problem.message;
    throw new CodedError('snapshot-unreadable', `Snapshot ${name} cannot be used: ${reason}`);
  }
  return { info: snapshotInfo(name, Buffer.byteLength(text))!, data: parsed.data };
}
