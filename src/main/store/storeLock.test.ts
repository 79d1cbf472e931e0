import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError, StoreOpenError } from '../../shared/codedError';
import { createPrefsRepository } from './prefsRepository';
import { openStore, STORE_FILE } from './openStore';
import { acquireStoreLock, LOCK_FILE, type LockOwner, type StoreLock } from './storeLock';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-lock-test-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const lockPath = () => join(folder, LOCK_FILE);
const readOwner = async () => JSON.parse(await readFile(lockPath(), 'utf8')) as LockOwner;

/** A lock file as another process would have left it. */
async function writeLock(owner: Partial<LockOwner>): Promise<void> {
  const full: LockOwner = { pid: process.ppid, host: hostname(), started: null, acquiredAt: '2026-11-27T10:00:00.000Z', nonce: '0123456789abcdef', ...owner };
  await writeFile(lockPath(), `${JSON.stringify(full)}\n`);
}

/** The pid of a process that has just ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

/** The lock on `path`, which a writable test folder always gives. */
async function lockOn(path: string): Promise<StoreLock> {
  const lock = await acquireStoreLock(path);
  if (lock === null) throw new Error(`${path} cannot be written`);
  return lock;
}

describe('acquireStoreLock()', () => {
  it('writes this process into the lock file, and removes it when released', async () => {
    const lock = await lockOn(folder);
    expect(await readOwner()).toMatchObject({ pid: process.pid, host: hostname() });
    await lock.release();
    expect(await readdir(folder)).toEqual([]);
  });

  it('is shared by opens in one process, and freed only at the last release', async () => {
    const one = await lockOn(folder);
    const two = await lockOn(folder);
    await one.release();
    await one.release();
    expect(await readOwner()).toMatchObject({ pid: process.pid });
    await two.release();
    expect(await readdir(folder)).toEqual([]);
  });

  it.each([0, 1, 2])('is shared by opens in one process started at the same time (open %i released last)', async (last) => {
    const locks = await Promise.all([lockOn(folder), lockOn(folder), lockOn(folder)]);
    const nonce = (await readOwner()).nonce;
    for (const [index, lock] of locks.entries()) if (index !== last) await lock.release();
    expect((await readOwner()).nonce).toBe(nonce);
    await locks[last]!.release();
    expect(await readdir(folder)).toEqual([]);
  });

  it('takes over a lock whose process is gone', async () => {
    await writeLock({ pid: deadPid() });
    const lock = await lockOn(folder);
    expect(await readOwner()).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('takes over a lock naming this process that this process does not hold (an earlier process had its pid)', async () => {
    await writeLock({ pid: process.pid });
    const lock = await lockOn(folder);
    expect((await readOwner()).nonce).not.toBe('0123456789abcdef');
    await lock.release();
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid now belongs to a process started later', async () => {
    await writeLock({ pid: process.ppid, started: '1' });
    const lock = await lockOn(folder);
    expect(await readOwner()).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it('takes over a lock left half-written by a crash, but not one being written right now', async () => {
    await writeFile(lockPath(), '');
    await expect(acquireStoreLock(folder)).rejects.toSatisfy((error) => isCodedError(error, 'store-in-use'));
    const longAgo = new Date(Date.now() - 60_000);
    await utimes(lockPath(), longAgo, longAgo);
    const lock = await lockOn(folder);
    expect(await readOwner()).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it.each<[string, Partial<LockOwner>]>([
    ['a live process', { pid: process.ppid }],
    ['a process on another computer', { pid: deadPid(), host: `not-${hostname()}` }],
  ])('refuses a lock held by %s, naming the folder and the holder, and leaves the lock as it was', async (_, owner) => {
    await writeLock(owner);
    const before = await readFile(lockPath(), 'utf8');
    const error = await lockOn(folder).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error).toMatchObject({ code: 'store-in-use', path: folder, details: { holder: { pid: owner.pid } } });
    expect((error as Error).message).toContain(folder);
    expect(await readFile(lockPath(), 'utf8')).toBe(before);
  });
});

describe('openStore() and the lock', () => {
  it('refuses a folder another process holds before touching anything in it', async () => {
    const first = await openStore({ folder });
    await createPrefsRepository(first).setLanguage('ko');
    await first.close();
    const orphanOfLiveProcess = join(folder, `.${STORE_FILE}.${String(process.ppid)}.0123456789ab.tmp`);
    await writeFile(orphanOfLiveProcess, '{"half":');
    await writeLock({ pid: process.ppid });
    const before = (await readdir(folder)).sort();
    const store = await readFile(join(folder, STORE_FILE), 'utf8');

    await expect(openStore({ folder })).rejects.toSatisfy((error) => isCodedError(error, 'store-in-use'));
    expect((await readdir(folder)).sort()).toEqual(before);
    expect(await readFile(join(folder, STORE_FILE), 'utf8')).toBe(store);
    expect(await readFile(orphanOfLiveProcess, 'utf8')).toBe('{"half":');
  });

  it('frees the folder at close, and refuses changes after it', async () => {
    const store = await openStore({ folder });
    await createPrefsRepository(store).setLanguage('ko');
    await store.close();
    expect(await readdir(folder)).not.toContain(LOCK_FILE);
    await expect(createPrefsRepository(store).setLanguage('en')).rejects.toSatisfy((error) => isCodedError(error, 'store-closed'));
    expect(JSON.parse(await readFile(join(folder, STORE_FILE), 'utf8')).prefs.language).toBe('ko');
  });
});
