import type * as FsPromises from 'node:fs/promises';
import { mkdtemp, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNotesRepository } from './notesRepository';
import { openStore, STORE_FILE } from './openStore';
import { createSourcesRepository, SOURCE_TEXTS_FOLDER } from './sourcesRepository';

/**
 * What reached the disk, in the order it completed. A SIGKILL keeps the page cache, so only the
 * order of these calls (not a crash) can show that a save is acknowledged after its data and its
 * rename are synced: the real fs module is wrapped, every call still goes to the real disk.
 */
const disk = vi.hoisted(() => ({ log: [] as string[], folder: '' }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const label = (path: unknown): string => {
    const text = String(path);
    if (/\/\.[^/]+\.\d+\.[0-9a-f]{12}\.tmp$/.test(text)) return `temp of ${basename(text).split('.').slice(1, -3).join('.')}`;
    if (text === disk.folder) return 'the store folder';
    return text.startsWith(`${disk.folder}/`) ? text.slice(disk.folder.length + 1) : text;
  };
  const watch = (handle: FileHandle, path: unknown): FileHandle =>
    new Proxy(handle, {
      get(target, property) {
        if (property === 'sync') {
          return async () => {
            await target.sync();
            disk.log.push(`fsynced ${label(path)}`);
          };
        }
        if (property === 'writeFile') {
          return async (...args: Parameters<FileHandle['writeFile']>) => {
            await target.writeFile(...args);
            disk.log.push(`wrote ${label(path)}`);
          };
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  const open = async (...args: Parameters<typeof real.open>) => watch(await real.open(...args), args[0]);
  const rename = async (from: Parameters<typeof real.rename>[0], to: Parameters<typeof real.rename>[1]) => {
    await real.rename(from, to);
    disk.log.push(`renamed ${label(from)} to ${label(to)}`);
  };
  return { ...real, open, rename, default: { ...real, open, rename } };
});

beforeEach(async () => {
  disk.folder = await mkdtemp(join(tmpdir(), 'atlas-fsync-test-'));
  disk.log.length = 0;
});

afterEach(async () => {
  await rm(disk.folder, { recursive: true, force: true });
});

/** What one durable write of the store file logs, in order. */
const storeWrite = [`wrote temp of ${STORE_FILE}`, `fsynced temp of ${STORE_FILE}`, `renamed temp of ${STORE_FILE} to ${STORE_FILE}`, 'fsynced the store folder'];

/** The log from here on, with the acknowledgement of `save` placed where it happened. */
async function logOf(save: () => Promise<unknown>): Promise<string[]> {
  const start = disk.log.length;
  await save();
  disk.log.push('acknowledged');
  return disk.log.slice(start);
}

describe.runIf(process.platform !== 'win32')('a save reaches the disk before it is acknowledged', () => {
  it('writes the temp file, fsyncs it, renames it over the store, fsyncs the folder, and only then resolves', async () => {
    const store = await openStore({ folder: disk.folder });
    const notes = createNotesRepository(store);
    const log = await logOf(() => notes.create({ target: { kind: 'country', countryId: 'JPN' }, body: 'kept through a power cut' }));
    expect(log).toEqual([...storeWrite, 'acknowledged']);
    await store.close();
  });

  it('makes an imported text durable in its folder before the store names it', async () => {
    const store = await openStore({ folder: disk.folder });
    const text = 'Chile and South Korea signed a free trade agreement.';
    const hash = createHash('sha256').update(text).digest('hex');
    const sources = createSourcesRepository(store);
    const log = await logOf(() => sources.add({ title: 'Korea and Chile', fileName: 'chile.txt', attribution: '', hash, text }));
    const textFile = join(SOURCE_TEXTS_FOLDER, `${hash}.txt`);
    expect(log).toEqual([
      `wrote temp of ${hash}.txt`,
      `fsynced temp of ${hash}.txt`,
      `renamed temp of ${hash}.txt to ${textFile}`,
      `fsynced ${SOURCE_TEXTS_FOLDER}`,
      ...storeWrite,
      'acknowledged',
    ]);
    await store.close();
  });
});
