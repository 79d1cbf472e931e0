import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStoreError, type StoreErrorCode } from '../../shared/store/errors';
import { STORE_VERSION } from '../../shared/store/schema';
import { writeFileAtomic, type DurableWrite } from './atomicJsonFile';
import { createNotesRepository } from './notes';
import { openStore, STORE_FILE } from './openStore';
import { createPrefsRepository } from './prefs';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-store-test-'));
});

afterEach(async () => {
  await chmod(folder, 0o700).catch(() => undefined);
  await rm(folder, { recursive: true, force: true });
});

const storeText = () => readFile(join(folder, STORE_FILE), 'utf8');
const fixedNow = () => new Date('2026-11-27T10:00:00.000Z');
const isRoot = process.getuid?.() === 0;

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
    expect(JSON.parse(await storeText())).toEqual({ schemaVersion: STORE_VERSION, prefs: { language: 'ko' }, notes: [], overrides: [], sources: [] });
    const reopened = await openStore({ folder });
    expect(createPrefsRepository(reopened).language()).toBe('ko');
    expect(reopened.recovery).toBeNull();
  });

  it('leaves no temp files behind', async () => {
    const store = await openStore({ folder });
    await Promise.all(Array.from({ length: 50 }, (_, i) => createPrefsRepository(store).setLanguage(i % 2 ? 'ko' : 'en')));
    expect((await readdir(folder)).sort()).toEqual([STORE_FILE]);
  });

  it('removes temp files that a killed writer left, at the next start', async () => {
    await writeFile(join(folder, `.${STORE_FILE}.999999.0123456789ab.tmp`), '{"half":');
    await writeFile(join(folder, 'my-notes.txt'), 'not ours');
    await openStore({ folder });
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
    await expect(bad).rejects.toSatisfy((error) => isStoreError(error, 'invalid-state'));
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
    ['from a newer version', '{"schemaVersion":99,"prefs":{}}'],
  ])('moves a store file that is %s aside, never overwriting it, and restores the backup', async (_, broken) => {
    const first = await openStore({ folder });
    await createPrefsRepository(first).setLanguage('ko');
    await openStore({ folder }); // makes the backup
    await writeFile(join(folder, STORE_FILE), broken);

    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toMatchObject({ restoredFrom: 'backup', movedTo: join(folder, 'atlas-store.unreadable-2026-11-27T10-00-00-000Z.json') });
    expect(await readFile(store.recovery!.movedTo, 'utf8')).toBe(broken);
    expect(createPrefsRepository(store).language()).toBe('ko');
    expect(JSON.parse(await storeText()).prefs.language).toBe('ko');
  });

  it('never overwrites an earlier unreadable file moved aside in the same millisecond', async () => {
    await writeFile(join(folder, STORE_FILE), 'first');
    const one = await openStore({ folder, now: fixedNow });
    await writeFile(join(folder, STORE_FILE), 'second');
    const two = await openStore({ folder, now: fixedNow });
    expect(two.recovery!.movedTo).not.toBe(one.recovery!.movedTo);
    expect(await readFile(one.recovery!.movedTo, 'utf8')).toBe('first');
    expect(await readFile(two.recovery!.movedTo, 'utf8')).toBe('second');
  });

  it('says it started empty when there is no good backup or snapshot either', async () => {
    await writeFile(join(folder, STORE_FILE), 'garbage');
    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toMatchObject({ restoredFrom: 'empty', problem: { kind: 'not-json' } });
    expect(store.read().prefs).toEqual({});
  });

  describe('when a save fails', () => {
    it.each<[string, string, StoreErrorCode]>([
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
      await expect(prefs.setLanguage('ko')).rejects.toSatisfy((error) => isStoreError(error, code));
      expect(store.read().prefs.language).toBe('en');
      expect(await storeText()).toBe(saved);

      await prefs.setLanguage('ko');
      expect(JSON.parse(await storeText()).prefs.language).toBe('ko');
    });

    it('rejects with folder-missing when the folder is gone, and keeps memory as it was', async () => {
      const store = await openStore({ folder });
      await createPrefsRepository(store).setLanguage('en');
      await rm(folder, { recursive: true, force: true });
      await expect(createPrefsRepository(store).setLanguage('ko')).rejects.toSatisfy((error) => isStoreError(error, 'folder-missing'));
      expect(store.read().prefs.language).toBe('en');
      await mkdir(folder);
      await createPrefsRepository(store).setLanguage('ko');
      expect(JSON.parse(await storeText()).prefs.language).toBe('ko');
    });

    it.skipIf(isRoot)('fails visibly in a real read-only folder, keeps the file, and works once writable again', async () => {
      const store = await openStore({ folder });
      await createPrefsRepository(store).setLanguage('en');
      await chmod(folder, 0o500);
      await expect(createPrefsRepository(store).setLanguage('ko')).rejects.toSatisfy((error) => isStoreError(error, 'read-only'));
      expect(store.read().prefs.language).toBe('en');
      await chmod(folder, 0o700);
      expect(JSON.parse(await storeText()).prefs.language).toBe('en');
      await createPrefsRepository(store).setLanguage('ko');
      expect(JSON.parse(await storeText()).prefs.language).toBe('ko');
    });

    it.skipIf(isRoot)('still opens a store in a read-only folder, so the notes can be read', async () => {
      const first = await openStore({ folder });
      await createPrefsRepository(first).setLanguage('ko');
      await chmod(folder, 0o500);
      const store = await openStore({ folder });
      expect(store.read().prefs.language).toBe('ko');
    });
  });
});
