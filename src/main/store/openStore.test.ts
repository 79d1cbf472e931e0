import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError, StoreOpenError, type CodedErrorCode } from '../../shared/codedError';
import { serialiseStore } from './atomicJsonFile';
import { emptyStore, STORE_VERSION } from '../../shared/store/schema';
import { writeFileAtomic, type DurableWrite } from './atomicJsonFile';
import { createNotesRepository } from './notesRepository';
import { openStore, STORE_FILE, type StoreRecovery } from './openStore';
import { createPrefsRepository } from './prefsRepository';
import { SNAPSHOT_FOLDER } from './snapshots';
import { storeRecoveryText } from './storeMessages';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-store-test-'));
});

afterEach(async () => {
  makeWritable(folder);
  await rm(folder, { recursive: true, force: true });
});

const storeText = () => readFile(join(folder, STORE_FILE), 'utf8');

/** Where a recovery moved the unreadable store file (it fails the test when it moved none). */
function movedTo(recovery: StoreRecovery | null): string {
  if (recovery?.reason !== 'unreadable') throw new Error(`expected an unreadable file moved aside, got ${JSON.stringify(recovery)}`);
  return recovery.movedTo;
}
const fixedNow = () => new Date('2026-11-27T10:00:00.000Z');
const isRoot = process.getuid?.() === 0;

/**
 * Makes a folder read-only for real. Root ignores permission bits, so as root the folder is made
 * immutable instead (`chattr +i`: no entry can be created, renamed or removed in it, not even by
 * root), where the file system supports it; null when neither works here.
 */
const readOnlyBy: 'chmod' | 'chattr' | null = isRoot ? (canChattr() ? 'chattr' : null) : 'chmod';

function canChattr(): boolean {
  try {
    execFileSync('chattr', ['-i', tmpdir()], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function makeReadOnly(path: string): void {
  if (readOnlyBy === 'chattr') execFileSync('chattr', ['+i', path]);
  else execFileSync('chmod', ['0500', path]);
}

function makeWritable(path: string): void {
  try {
    if (readOnlyBy === 'chattr') execFileSync('chattr', ['-i', path], { stdio: 'ignore' });
    else execFileSync('chmod', ['0700', path], { stdio: 'ignore' });
  } catch {
    // Already gone.
  }
}

/** Every file under `root` with its bytes and modification time: what "touches nothing" compares. */
async function folderState(root: string): Promise<Record<string, string>> {
  const state: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    state[path.slice(root.length + 1)] = `${String((await stat(path)).mtimeMs)} ${await readFile(path, 'utf8')}`;
  }
  return state;
}

/** A store file as a later version of the app would write it. */
const newerStore = JSON.stringify({ schemaVersion: STORE_VERSION + 1, prefs: { language: 'ko' }, notes: [], overrides: [], sources: [], shelves: [] });

/** A disk that fails the next `failures` writes with `code`, then works again. */
function failingDisk(code: string, failures = 1): DurableWrite {
  let left = failures;
  return async (path, text) => {
    if (left > 0) {
      left--;
      throw Object.assign(new Error(`${code}: simulated`), { code });
    }
    await writeFileAtomic(path, text);
  };
}

describe('openStore()', () => {
  it('starts empty in a new folder and persists a change durably', async () => {
    const store = await openStore({ folder });
    expect(store.read().prefs).toEqual({});
    await createPrefsRepository(store).setLanguage('ko');
    expect(JSON.parse(await storeText())).toEqual({ schemaVersion: STORE_VERSION, prefs: { language: 'ko' }, notes: [], overrides: [], sources: [], views: [] });
    const reopened = await openStore({ folder });
    expect(createPrefsRepository(reopened).language()).toBe('ko');
    expect(reopened.recovery).toBeNull();
  });

  it('leaves no temp files behind', async () => {
    const store = await openStore({ folder });
    await Promise.all(Array.from({ length: 50 }, (_, i) => createPrefsRepository(store).setLanguage(i % 2 ? 'ko' : 'en')));
    await store.close();
    expect((await readdir(folder)).sort()).toEqual([STORE_FILE]);
  });

  it('removes temp files that a killed writer left, at the next start', async () => {
    await writeFile(join(folder, `.${STORE_FILE}.999999.0123456789ab.tmp`), '{"half":');
    await writeFile(join(folder, 'my-notes.txt'), 'not ours');
    await (await openStore({ folder })).close();
    expect((await readdir(folder)).sort()).toEqual(['my-notes.txt']);
  });

  it('serialises concurrent writes: the file ends as the last change', async () => {
    const store = await openStore({ folder });
    const prefs = createPrefsRepository(store);
    const writes = Array.from({ length: 200 }, (_, i) => prefs.setWindowState({ x: i, y: i, width: 900, height: 700, maximized: false }));
    await Promise.all(writes);
    expect(JSON.parse(await storeText()).prefs.window.x).toBe(199);
    expect(store.read().prefs.window?.x).toBe(199);
  });

  it('writes a burst of changes in a few writes, each acknowledged only once it is on disk', async () => {
    let writes = 0;
    const store = await openStore({
      folder,
      write: async (path, text) => {
        writes++;
        await writeFileAtomic(path, text);
      },
    });
    const prefs = createPrefsRepository(store);
    await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        await prefs.setWindowState({ x: i, y: 0, width: 900, height: 700, maximized: false });
        expect(JSON.parse(await storeText()).prefs.window.x).toBeGreaterThanOrEqual(i);
      }),
    );
    expect(writes).toBeLessThan(10);
  });

  it('rejects only the change that throws; the others in the same write are saved', async () => {
    const store = await openStore({ folder });
    const first = store.update((draft) => {
      draft.prefs.language = 'ko';
    });
    const broken = store.update((draft) => {
      draft.prefs.language = 'en';
      throw new Error('half-done change');
    });
    const third = store.update((draft) => {
      draft.prefs.window = { x: 1, y: 2, width: 3, height: 4, maximized: true };
    });
    await expect(broken).rejects.toThrow('half-done change');
    await Promise.all([first, third]);
    expect(JSON.parse(await storeText()).prefs).toEqual({ language: 'ko', window: { x: 1, y: 2, width: 3, height: 4, maximized: true } });
  });

  it('refuses to write a store that would not load again', async () => {
    const store = await openStore({ folder });
    await createPrefsRepository(store).setLanguage('en');
    const before = await storeText();
    const bad = store.update((draft) => {
      (draft.prefs as Record<string, unknown>)['theme'] = 'sepia';
    });
    await expect(bad).rejects.toSatisfy((error) => isCodedError(error, 'invalid-state'));
    expect(await storeText()).toBe(before);
    expect(store.read().prefs).toEqual({ language: 'en' });
  });

  it('refuses a change that edits a saved note in place instead of replacing it', async () => {
    const store = await openStore({ folder });
    const note = await createNotesRepository(store).create({ target: { kind: 'country', countryId: 'JPN' }, body: 'saved' });
    const sneaky = store.update((draft) => {
      draft.notes[0]!.body = 'changed without validation';
    });
    await expect(sneaky).rejects.toThrow(TypeError);
    expect(store.read().notes).toEqual([note]);
  });

  it('says when every queued change has settled', async () => {
    const store = await openStore({ folder });
    const prefs = createPrefsRepository(store);
    void prefs.setLanguage('ko');
    void prefs.setLanguage('en').catch(() => undefined);
    await store.idle();
    expect(JSON.parse(await storeText()).prefs.language).toBe('en');
  });

  it('keeps the last good file as a backup when opening', async () => {
    const first = await openStore({ folder });
    await createPrefsRepository(first).setLanguage('ko');
    await openStore({ folder });
    expect(JSON.parse(await readFile(join(folder, `${STORE_FILE}.bak`), 'utf8')).prefs.language).toBe('ko');
  });

  it.each([
    ['empty', ''],
    ['NUL-filled', '\0'.repeat(64)],
    ['truncated', '{"schemaVersion":2,"prefs":{"lang'],
    ['the wrong shape', '{"schemaVersion":2,"prefs":"yes","notes":[],"overrides":[]}'],
    ['not an object', '[1,2,3]'],
  ])('moves a store file that is %s aside, never overwriting it, and restores the backup', async (_, broken) => {
    const first = await openStore({ folder });
    await createPrefsRepository(first).setLanguage('ko');
    await openStore({ folder }); // makes the backup
    await writeFile(join(folder, STORE_FILE), broken);

    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toMatchObject({ restoredFrom: 'backup', movedTo: join(folder, 'atlas-store.unreadable-2026-11-27T10-00-00-000Z.json') });
    expect(await readFile(movedTo(store.recovery), 'utf8')).toBe(broken);
    expect(createPrefsRepository(store).language()).toBe('ko');
    expect(JSON.parse(await storeText()).prefs.language).toBe('ko');
  });

  it('never overwrites an earlier unreadable file moved aside in the same millisecond', async () => {
    await writeFile(join(folder, STORE_FILE), 'first');
    const one = await openStore({ folder, now: fixedNow });
    await writeFile(join(folder, STORE_FILE), 'second');
    const two = await openStore({ folder, now: fixedNow });
    const [first, second] = [movedTo(one.recovery), movedTo(two.recovery)];
    expect(second).not.toBe(first);
    expect(await readFile(first, 'utf8')).toBe('first');
    expect(await readFile(second, 'utf8')).toBe('second');
  });

  it('says it started empty when there is no good backup or snapshot either', async () => {
    await writeFile(join(folder, STORE_FILE), 'garbage');
    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toMatchObject({ restoredFrom: 'empty', problem: { kind: 'not-json' } });
    expect(store.read().prefs).toEqual({});
  });

  describe('when a save fails', () => {
    it.each<[string, string, CodedErrorCode]>([
      ['the disk is full', 'ENOSPC', 'disk-full'],
      ['the folder is read-only', 'EROFS', 'read-only'],
      ['permission is denied', 'EACCES', 'read-only'],
      ['something else goes wrong', 'EIO', 'write-failed'],
    ])('rejects with a typed error when %s, keeps what was saved, and a retry works', async (_, errno, code) => {
      const first = await openStore({ folder });
      await createPrefsRepository(first).setLanguage('en');
      const saved = await storeText();

      const store = await openStore({ folder, write: failingDisk(errno) });
      const prefs = createPrefsRepository(store);
      await expect(prefs.setLanguage('ko')).rejects.toSatisfy((error) => isCodedError(error, code));
      expect(store.read().prefs.language).toBe('en');
      expect(await storeText()).toBe(saved);

      await prefs.setLanguage('ko');
      expect(JSON.parse(await storeText()).prefs.language).toBe('ko');
    });

    it('rejects with folder-missing when the folder is gone, and keeps memory as it was', async () => {
      const store = await openStore({ folder });
      await createPrefsRepository(store).setLanguage('en');
      await rm(folder, { recursive: true, force: true });
      await expect(createPrefsRepository(store).setLanguage('ko')).rejects.toSatisfy((error) => isCodedError(error, 'folder-missing'));
      expect(store.read().prefs.language).toBe('en');
      await mkdir(folder);
      await createPrefsRepository(store).setLanguage('ko');
      expect(JSON.parse(await storeText()).prefs.language).toBe('ko');
    });

    it.skipIf(readOnlyBy === null)('fails visibly in a real read-only folder, keeps the file, and works once writable again', async () => {
      const store = await openStore({ folder });
      await createPrefsRepository(store).setLanguage('en');
      makeReadOnly(folder);
      await expect(createPrefsRepository(store).setLanguage('ko')).rejects.toSatisfy((error) => isCodedError(error, 'read-only'));
      expect(store.read().prefs.language).toBe('en');
      makeWritable(folder);
      expect(JSON.parse(await storeText()).prefs.language).toBe('en');
      await createPrefsRepository(store).setLanguage('ko');
      expect(JSON.parse(await storeText()).prefs.language).toBe('ko');
    });

    it.skipIf(readOnlyBy === null)('still opens a store in a read-only folder, so the notes can be read', async () => {
      const first = await openStore({ folder });
      await createPrefsRepository(first).setLanguage('ko');
      await first.close();
      makeReadOnly(folder);
      const store = await openStore({ folder });
      expect(store.read().prefs.language).toBe('ko');
    });
  });
});

describe('openStore() with a store written by a newer version', () => {
  /** A folder as a normal start leaves it: the store with a note, its backup and a daily snapshot. */
  async function usedFolder(): Promise<void> {
    const store = await openStore({ folder, now: fixedNow });
    await createPrefsRepository(store).setLanguage('en');
    await store.close();
    await (await openStore({ folder, now: fixedNow })).close();
  }

  const refusal = (path: string) =>
    expect.objectContaining({ code: 'store-newer-version', path, details: { version: STORE_VERSION + 1 }, message: expect.stringContaining(`reads up to ${String(STORE_VERSION)}`) });

  it('refuses to open it, says which version wrote it, and touches nothing: not the file, its backup or the snapshots', async () => {
    await usedFolder();
    await writeFile(join(folder, STORE_FILE), newerStore);
    const before = await folderState(folder);
    expect(Object.keys(before)).toEqual(expect.arrayContaining([`${STORE_FILE}.bak`, join(SNAPSHOT_FOLDER, 'daily-2026-11-27T10-00-00-000Z.json')]));

    const error = await openStore({ folder, now: fixedNow }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error).toEqual(refusal(join(folder, STORE_FILE)));
    expect(await folderState(folder)).toEqual(before);
  });

  it('refuses an unusable store whose backup was written by a newer version, rather than starting from an older copy', async () => {
    await usedFolder();
    await writeFile(join(folder, `${STORE_FILE}.bak`), newerStore);
    await writeFile(join(folder, STORE_FILE), '{"schemaVer');
    const before = await folderState(folder);
    await expect(openStore({ folder, now: fixedNow })).rejects.toEqual(refusal(join(folder, `${STORE_FILE}.bak`)));
    expect(await folderState(folder)).toEqual(before);
  });

  it('refuses an unusable store whose newest snapshot was written by a newer version', async () => {
    await usedFolder();
    await rm(join(folder, `${STORE_FILE}.bak`));
    const newest = join(folder, SNAPSHOT_FOLDER, 'daily-2026-11-28T10-00-00-000Z.json');
    await writeFile(newest, newerStore);
    await writeFile(join(folder, STORE_FILE), '');
    const before = await folderState(folder);
    await expect(openStore({ folder, now: fixedNow })).rejects.toEqual(refusal(newest));
    expect(await folderState(folder)).toEqual(before);
  });
});

describe('openStore() recovery says what it did', () => {
  const snapshotPath = (name: string) => join(folder, SNAPSHOT_FOLDER, name);
  const withNote = (body: string) => {
    const data = emptyStore();
    data.prefs.language = 'ko';
    return serialiseStore({ ...data, notes: [{ id: '6f1c2a52-5b0e-4d7e-9a55-4f3b8c2d1e01', target: { kind: 'country', countryId: 'JPN' }, body, tags: [], pinned: false, createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' }] });
  };

  it('from the backup: the backup is what it started from, and the message says so', async () => {
    await writeFile(join(folder, `${STORE_FILE}.bak`), withNote('from the backup'));
    await writeFile(join(folder, STORE_FILE), 'garbage');
    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toEqual({ reason: 'unreadable', problem: expect.objectContaining({ kind: 'not-json' }), movedTo: expect.any(String), restoredFrom: 'backup' });
    expect(store.read().notes.map((note) => note.body)).toEqual(['from the backup']);
    expect(storeRecoveryText(store.recovery!, 'en').message).toContain('started from the backup copy made when it last started');
  });

  it('from a snapshot: the newest usable one, named in the message, when the backup is torn', async () => {
    await mkdir(join(folder, SNAPSHOT_FOLDER));
    await writeFile(snapshotPath('daily-2026-11-20T10-00-00-000Z.json'), withNote('older snapshot'));
    await writeFile(snapshotPath('daily-2026-11-21T10-00-00-000Z.json'), withNote('newest usable snapshot'));
    await writeFile(snapshotPath('daily-2026-11-22T10-00-00-000Z.json'), '{"torn');
    await writeFile(join(folder, `${STORE_FILE}.bak`), '{"torn');
    await writeFile(join(folder, STORE_FILE), 'garbage');
    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toMatchObject({ restoredFrom: 'snapshot', snapshot: 'daily-2026-11-21T10-00-00-000Z.json' });
    expect(store.read().notes.map((note) => note.body)).toEqual(['newest usable snapshot']);
    const { message } = storeRecoveryText(store.recovery!, 'en');
    expect(message).toContain('daily-2026-11-21T10-00-00-000Z.json');
    expect(message).not.toContain('backup copy made');
  });

  it('empty: says no copy could be read and that it started with nothing, never "the last good copy"', async () => {
    await writeFile(join(folder, `${STORE_FILE}.bak`), '');
    await writeFile(join(folder, STORE_FILE), 'garbage');
    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toMatchObject({ restoredFrom: 'empty' });
    expect(store.read().notes).toEqual([]);
    const { message } = storeRecoveryText(store.recovery!, 'en');
    expect(message).toContain('No backup copy or snapshot could be read');
    expect(message).not.toMatch(/last good copy|backup copy made/);
    expect(await readFile(movedTo(store.recovery), 'utf8')).toBe('garbage');
  });

  it('a good store opens with no recovery at all, whatever the backup holds', async () => {
    await writeFile(join(folder, `${STORE_FILE}.bak`), 'garbage');
    await writeFile(join(folder, STORE_FILE), withNote('current'));
    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toBeNull();
    expect(store.read().notes.map((note) => note.body)).toEqual(['current']);
  });
});

describe('openStore() on a store it cannot use', () => {
  it('refuses a store folder that is a file, with a clear error, and leaves the file', async () => {
    const notAFolder = join(folder, 'atlas-data');
    await writeFile(notAFolder, 'my own file');
    const error = await openStore({ folder: notAFolder }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error).toMatchObject({ code: 'store-not-a-folder', path: notAFolder });
    expect(await readFile(notAFolder, 'utf8')).toBe('my own file');
  });

  it('refuses a store file that is a folder, with a clear error, and leaves the folder as it is', async () => {
    await mkdir(join(folder, STORE_FILE));
    await writeFile(join(folder, STORE_FILE, 'inside.txt'), 'kept');
    const error = await openStore({ folder }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error).toMatchObject({ code: 'store-file-is-folder', path: join(folder, STORE_FILE) });
    expect(await readFile(join(folder, STORE_FILE, 'inside.txt'), 'utf8')).toBe('kept');
    expect((await readdir(folder)).sort()).toEqual([STORE_FILE]);
  });

  it.skipIf(readOnlyBy === null)('refuses a corrupt store on a read-only disk with a clear error, changing nothing', async () => {
    await writeFile(join(folder, STORE_FILE), '{"torn');
    await writeFile(join(folder, `${STORE_FILE}.bak`), serialiseStore(emptyStore()));
    makeReadOnly(folder);
    const before = await folderState(folder);
    const error = await openStore({ folder, now: fixedNow }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect(error).toMatchObject({ code: 'store-read-only', path: join(folder, STORE_FILE) });
    expect(await folderState(folder)).toEqual(before);
  });
});

describe('openStore() when the store file is missing', () => {
  const backupPath = () => join(folder, `${STORE_FILE}.bak`);
  const snapshotPath = (name: string) => join(folder, SNAPSHOT_FOLDER, name);
  const bodies = (data: { notes: readonly { body: string }[] }) => data.notes.map((note) => note.body).sort();
  const onDisk = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as { notes: { body: string }[] };

  /** A folder as normal use leaves it (the store with a note, its backup, a daily snapshot), then the store file vanishes. */
  async function vanishedAfterUse(): Promise<void> {
    const store = await openStore({ folder, now: fixedNow });
    await createNotesRepository(store).create({ target: { kind: 'country', countryId: 'JPN' }, body: 'written before the file vanished' });
    await store.close();
    await (await openStore({ folder, now: fixedNow })).close();
    await rm(join(folder, STORE_FILE));
  }

  it('starts from the backup, says the file was missing, and writes the recovered state at once', async () => {
    await vanishedAfterUse();
    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toEqual({ reason: 'missing', path: join(folder, STORE_FILE), restoredFrom: 'backup' });
    expect(bodies(store.read())).toEqual(['written before the file vanished']);
    expect(bodies(await onDisk(join(folder, STORE_FILE)))).toEqual(['written before the file vanished']);
    const { title, message } = storeRecoveryText(store.recovery!, 'en');
    expect(title).toBe('Your data file was missing');
    expect(message).toContain(`\n${join(folder, STORE_FILE)}\nwas not found, so the atlas started from the backup copy`);
  });

  it('the backup survives the first start after the file vanished: a save and the next start keep its notes', async () => {
    await vanishedAfterUse();
    const first = await openStore({ folder, now: fixedNow });
    await createNotesRepository(first).create({ target: { kind: 'country', countryId: 'KOR' }, body: 'written after' });
    await first.close();
    const second = await openStore({ folder, now: fixedNow });
    expect(second.recovery).toBeNull();
    expect(bodies(second.read())).toEqual(['written after', 'written before the file vanished']);
    expect(bodies(await onDisk(backupPath()))).toEqual(['written after', 'written before the file vanished']);
  });

  it('starts from the newest readable snapshot when there is no backup, naming it', async () => {
    await vanishedAfterUse();
    await rm(backupPath());
    await writeFile(snapshotPath('daily-2026-11-28T10-00-00-000Z.json'), '{"torn');
    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toEqual({ reason: 'missing', path: join(folder, STORE_FILE), restoredFrom: 'snapshot', snapshot: 'daily-2026-11-27T10-00-00-000Z.json' });
    expect(bodies(store.read())).toEqual(['written before the file vanished']);
    expect(storeRecoveryText(store.recovery!, 'ko').message).toContain('daily-2026-11-27T10-00-00-000Z.json');
  });

  it('keeps a backup that cannot be read under another name before starting from a snapshot', async () => {
    await vanishedAfterUse();
    await writeFile(backupPath(), '{"torn backup');
    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toMatchObject({ reason: 'missing', restoredFrom: 'snapshot', backupMovedTo: join(folder, 'atlas-store.json.bak.unreadable-2026-11-27T10-00-00-000Z.json') });
    await store.close();
    await (await openStore({ folder, now: fixedNow })).close(); // replaces the backup with the recovered store
    expect(await readFile(store.recovery!.backupMovedTo!, 'utf8')).toBe('{"torn backup');
    expect(storeRecoveryText(store.recovery!, 'en').message).toContain(`The backup copy could not be read either; it was kept at:\n${store.recovery!.backupMovedTo!}`);
  });

  it('says it started empty when no backup or snapshot can be read, and keeps the unreadable backup', async () => {
    await writeFile(backupPath(), '\0'.repeat(64));
    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toMatchObject({ reason: 'missing', restoredFrom: 'empty' });
    expect(store.read().notes).toEqual([]);
    await store.close();
    await (await openStore({ folder, now: fixedNow })).close();
    expect(await readFile(store.recovery!.backupMovedTo!, 'utf8')).toBe('\0'.repeat(64));
    expect(storeRecoveryText(store.recovery!, 'en').message).toContain('no backup copy or snapshot in its folder could be read');
  });

  it('a first start, with no file, backup or snapshot, is silent and empty and writes nothing', async () => {
    await mkdir(join(folder, SNAPSHOT_FOLDER));
    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toBeNull();
    expect(store.read()).toEqual(emptyStore());
    await store.close();
    expect((await readdir(folder)).sort()).toEqual([SNAPSHOT_FOLDER]);
  });

  it('refuses to start from a backup written by a newer version, and touches nothing', async () => {
    await vanishedAfterUse();
    await writeFile(backupPath(), newerStore);
    const before = await folderState(folder);
    await expect(openStore({ folder, now: fixedNow })).rejects.toMatchObject({ code: 'store-newer-version', path: backupPath(), details: { version: STORE_VERSION + 1 } });
    expect(await folderState(folder)).toEqual(before);
  });

  it('refuses to start from an older snapshot when the newest was written by a newer version, and touches nothing', async () => {
    await vanishedAfterUse();
    await rm(backupPath());
    await writeFile(snapshotPath('daily-2026-11-28T10-00-00-000Z.json'), newerStore);
    const before = await folderState(folder);
    await expect(openStore({ folder, now: fixedNow })).rejects.toMatchObject({ code: 'store-newer-version', path: snapshotPath('daily-2026-11-28T10-00-00-000Z.json') });
    expect(await folderState(folder)).toEqual(before);
  });

  it.skipIf(readOnlyBy === null)('in a read-only folder: starts from the backup in memory and changes nothing on disk', async () => {
    await vanishedAfterUse();
    makeReadOnly(folder);
    const before = await folderState(folder);
    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toMatchObject({ reason: 'missing', restoredFrom: 'backup' });
    expect(bodies(store.read())).toEqual(['written before the file vanished']);
    await expect(createPrefsRepository(store).setLanguage('ko')).rejects.toSatisfy((error) => isCodedError(error, 'read-only'));
    expect(await folderState(folder)).toEqual(before);
  });
});

describe('openStore() recovering an unreadable store keeps every copy', () => {
  it('keeps a backup that cannot be read under another name when starting from a snapshot, so the next start cannot replace it', async () => {
    const store = await openStore({ folder, now: fixedNow });
    await createNotesRepository(store).create({ target: { kind: 'country', countryId: 'JPN' }, body: 'in the snapshot' });
    await store.close();
    await (await openStore({ folder, now: fixedNow })).close();
    await writeFile(join(folder, `${STORE_FILE}.bak`), '{"torn backup');
    await writeFile(join(folder, STORE_FILE), '{"torn store');

    const recovered = await openStore({ folder, now: fixedNow });
    expect(recovered.recovery).toMatchObject({ reason: 'unreadable', restoredFrom: 'snapshot', backupMovedTo: join(folder, 'atlas-store.json.bak.unreadable-2026-11-27T10-00-00-000Z.json') });
    await recovered.close();
    await (await openStore({ folder, now: fixedNow })).close();
    expect(await readFile(recovered.recovery!.backupMovedTo!, 'utf8')).toBe('{"torn backup');
    expect(await readFile(movedTo(recovered.recovery), 'utf8')).toBe('{"torn store');
  });
});

describe('openStore() after a save that stopped between its steps', () => {
  /** The name a save of the store by another (gone) process writes first, before its rename. */
  const tempOfGoneWriter = (hex: string) => join(folder, `.${STORE_FILE}.999999.${hex}.tmp`);

  async function savedTwice(): Promise<void> {
    const store = await openStore({ folder, now: fixedNow });
    await createNotesRepository(store).create({ target: { kind: 'country', countryId: 'JPN' }, body: 'in the backup' });
    await store.close();
    const again = await openStore({ folder, now: fixedNow }); // the backup holds the first note only
    await createNotesRepository(again).create({ target: { kind: 'country', countryId: 'KOR' }, body: 'saved after the backup' });
    await again.close();
  }

  it('a missing store file with its complete save still under the temp name: the save is finished, nothing acknowledged is lost', async () => {
    await savedTwice();
    // A rename that removes the old file first, then stops: no store file, the new one under its temp name.
    await writeFile(tempOfGoneWriter('0123456789ab'), await storeText());
    await writeFile(tempOfGoneWriter('ba9876543210'), '{"schemaVersion":2,"prefs":{'); // a writer killed mid-write
    await rm(join(folder, STORE_FILE));

    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toBeNull();
    expect(store.read().notes.map((note) => note.body).sort()).toEqual(['in the backup', 'saved after the backup']);
    expect(JSON.parse(await storeText()).notes).toHaveLength(2);
    expect(JSON.parse(await readFile(join(folder, `${STORE_FILE}.bak`), 'utf8')).notes).toHaveLength(2);
    await store.close();
    expect((await readdir(folder)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves a temp file alone when the store file is there: only a missing file is finished from it', async () => {
    await savedTwice();
    const saved = await storeText();
    const stale = JSON.parse(saved) as { notes: unknown[] };
    await writeFile(tempOfGoneWriter('0123456789ab'), JSON.stringify({ ...stale, notes: [] }));
    const store = await openStore({ folder, now: fixedNow });
    expect(store.read().notes).toHaveLength(2);
    expect(await storeText()).toBe(saved);
  });
});

describe('openStore() when checking a change fails unexpectedly', () => {
  /** Settles with the outcome, or says the promise never settled (the old queue stuck for good). */
  const outcome = (promise: Promise<unknown>) =>
    Promise.race([
      promise.then(
        () => 'saved',
        (error: unknown) => `rejected: ${error instanceof Error ? error.message : String(error)}`,
      ),
      new Promise<string>((resolve) => setTimeout(() => resolve('never settled'), 5_000)),
    ]);

  it('rejects that change, and the changes after it are still saved and the store still closes and frees the folder', async () => {
    const store = await openStore({ folder });
    // A repository bug, not user input: a draft whose reading throws while it is checked.
    const broken = store.update((draft) => {
      Object.defineProperty(draft.prefs, 'language', {
        enumerable: true,
        get: () => {
          throw new Error('unreadable draft');
        },
      });
    });
    expect(await outcome(broken)).toBe('rejected: unreadable draft');
    expect(await outcome(createPrefsRepository(store).setLanguage('ko'))).toBe('saved');
    expect(JSON.parse(await storeText()).prefs.language).toBe('ko');
    expect(await outcome(store.close())).toBe('saved');
    expect(await readdir(folder)).not.toContain('atlas-store.lock');
  });
});
