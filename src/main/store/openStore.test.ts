import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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

describe('openStore()', () => {
  it('starts empty in a new folder and persists a change durably', async () => {
    const store = await openStore({ folder });
    expect(store.read().prefs).toEqual({});
    await createPrefsRepository(store).setLanguage('ko');
    expect(JSON.parse(await storeText())).toEqual({ schemaVersion: 1, prefs: { language: 'ko' } });
    const reopened = await openStore({ folder });
    expect(createPrefsRepository(reopened).language()).toBe('ko');
    expect(reopened.recovery).toBeNull();
  });

  it('leaves no temp files behind', async () => {
    const store = await openStore({ folder });
    await Promise.all(Array.from({ length: 50 }, (_, i) => createPrefsRepository(store).setLanguage(i % 2 ? 'ko' : 'en')));
    expect((await readdir(folder)).sort()).toEqual([STORE_FILE]);
  });

  it('serialises concurrent writes: the file ends as the last change', async () => {
    const store = await openStore({ folder });
    const prefs = createPrefsRepository(store);
    const writes = Array.from({ length: 200 }, (_, i) => prefs.setWindowState({ x: i, y: i, width: 900, height: 700, maximized: false }));
    await Promise.all(writes);
    expect(JSON.parse(await storeText()).prefs.window.x).toBe(199);
    expect(store.read().prefs.window?.x).toBe(199);
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
    ['truncated', '{"schemaVersion":1,"prefs":{"lang'],
    ['the wrong shape', '{"schemaVersion":1,"prefs":"yes"}'],
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

  it('says it started empty when there is no good backup either', async () => {
    await writeFile(join(folder, STORE_FILE), 'garbage');
    const store = await openStore({ folder, now: fixedNow });
    expect(store.recovery).toMatchObject({ restoredFrom: 'empty', problem: { kind: 'not-json' } });
    expect(store.read().prefs).toEqual({});
  });

  it('fails a write visibly in a read-only folder and keeps what was saved', async () => {
    if (process.getuid?.() === 0) {
      // root ignores folder permissions; the failure path is still proven with a missing folder.
      const store = await openStore({ folder });
      await createPrefsRepository(store).setLanguage('en');
      await rm(folder, { recursive: true, force: true });
      await expect(createPrefsRepository(store).setLanguage('ko')).rejects.toThrow();
      expect(store.read().prefs.language).toBe('en');
      return;
    }
    const store = await openStore({ folder });
    await createPrefsRepository(store).setLanguage('en');
    await chmod(folder, 0o500);
    await expect(createPrefsRepository(store).setLanguage('ko')).rejects.toThrow();
    expect(store.read().prefs.language).toBe('en');
    await chmod(folder, 0o700);
    expect(JSON.parse(await storeText()).prefs.language).toBe('en');
    await createPrefsRepository(store).setLanguage('ko');
    expect(JSON.parse(await storeText()).prefs.language).toBe('ko');
  });
});
