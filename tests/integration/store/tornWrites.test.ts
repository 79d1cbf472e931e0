import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotesRepository } from '../../../src/main/store/notesRepository';
import { openStore, STORE_FILE } from '../../../src/main/store/openStore';
import { createPrefsRepository } from '../../../src/main/store/prefsRepository';
import { STORE_VERSION } from '../../../src/shared/store/schema';

const fixture = (name: string) => new URL(`../../fixtures/store/${name}`, import.meta.url).pathname;
const now = () => new Date('2026-11-27T10:00:00.000Z');
const MOVED_TO = 'atlas-store.unreadable-2026-11-27T10-00-00-000Z.json';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-torn-test-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const storePath = () => join(folder, STORE_FILE);

/** Opens the real v2 fixture once, so the folder has a good `.bak` of it, as after any normal start. */
async function withGoodBackup(): Promise<void> {
  await copyFile(fixture('v2-store.json'), storePath());
  await (await openStore({ folder })).close();
}

const torn: Array<[string, () => Promise<string>]> = [
  ['empty', async () => ''],
  ['NUL-filled', async () => '\0'.repeat(4096)],
  ['truncated mid-note', () => readFile(fixture('v2-truncated.json'), 'utf8')],
  ['valid JSON of the wrong shape', () => readFile(fixture('v2-wrong-shape.json'), 'utf8')],
  ['holding a __proto__ key', () => readFile(fixture('v2-proto-key.json'), 'utf8')],
];

describe('a torn or unusable store file at start', () => {
  it.each(torn)('%s: is moved aside intact and the notes come back from the backup, and the user is told', async (_, content) => {
    await withGoodBackup();
    const text = await content();
    await writeFile(storePath(), text);

    const store = await openStore({ folder, now });
    expect(store.recovery).toMatchObject({ restoredFrom: 'backup', movedTo: join(folder, MOVED_TO) });
    expect(await readFile(join(folder, MOVED_TO), 'utf8')).toBe(text);
    expect(createNotesRepository(store).list()).toHaveLength(3);
    // The restored state is on disk at once, so a second start needs no recovery.
    const again = await openStore({ folder });
    expect(again.recovery).toBeNull();
    expect(again.read().notes).toEqual(store.read().notes);
  });

  it.each(torn)('%s, with no backup or snapshot: starts empty but says so, never silently', async (_, content) => {
    const text = await content();
    await writeFile(storePath(), text);
    const store = await openStore({ folder, now });
    expect(store.recovery).toMatchObject({ restoredFrom: 'empty', movedTo: join(folder, MOVED_TO) });
    expect(await readFile(join(folder, MOVED_TO), 'utf8')).toBe(text);
  });

  it('an older version: is migrated in place, with the original kept as the backup', async () => {
    await copyFile(fixture('v1-store.json'), storePath());
    const original = await readFile(storePath(), 'utf8');
    const store = await openStore({ folder, now });
    expect(store.recovery).toBeNull();
    expect(store.migratedFrom).toBe(1);
    expect(createPrefsRepository(store).language()).toBe('ko');
    expect(store.read().notes).toEqual([]);
    expect(await readFile(`${storePath()}.bak`, 'utf8')).toBe(original);

    await createNotesRepository(store).create({ target: { kind: 'country', countryId: 'KOR' }, body: 'first note after the upgrade' });
    const written = JSON.parse(await readFile(storePath(), 'utf8')) as { schemaVersion: number; prefs: unknown; notes: unknown[] };
    expect(written).toMatchObject({ schemaVersion: STORE_VERSION, prefs: { language: 'ko' } });
    expect(written.notes).toHaveLength(1);
  });

  it('a torn backup next to a good store: the store opens normally and the backup is replaced', async () => {
    await copyFile(fixture('v2-store.json'), storePath());
    await writeFile(`${storePath()}.bak`, '{"schemaVer');
    const store = await openStore({ folder, now });
    expect(store.recovery).toBeNull();
    expect(await readFile(`${storePath()}.bak`, 'utf8')).toBe(await readFile(storePath(), 'utf8'));
  });

  it('leaves nothing but the store, its backup, the moved-aside file and the snapshots', async () => {
    await withGoodBackup();
    await writeFile(storePath(), '');
    await (await openStore({ folder, now })).close();
    expect((await readdir(folder)).sort()).toEqual([STORE_FILE, `${STORE_FILE}.bak`, MOVED_TO, 'snapshots'].sort());
  });
});
