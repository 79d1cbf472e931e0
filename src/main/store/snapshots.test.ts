import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError } from '../../shared/codedError';
import { createNotesRepository } from './notesRepository';
import { openStore, STORE_FILE } from './openStore';
import { createPrefsRepository } from './prefsRepository';
import { createSnapshotRepository } from './snapshotRepository';
import { SNAPSHOT_FOLDER } from './snapshots';

let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-snapshots-test-'));
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const day = (n: number, hour = 9) => () => new Date(Date.UTC(2026, 0, n, hour));
const snapshotNames = () => readdir(join(folder, SNAPSHOT_FOLDER)).then((names) => names.sort());
const onJapan = { kind: 'country', countryId: 'JPN' } as const;

/**
 * Opens the store on day `n` at 09:00 (the day's snapshot then holds the days before), writes a
 * note, and reopens at 10:00 (which only snapshots on the first day, when 09:00 found no file).
 */
async function noteOnDay(n: number, body: string): Promise<void> {
  const store = await openStore({ folder, now: day(n) });
  await createNotesRepository(store, { now: day(n) }).create({ target: onJapan, body });
  await openStore({ folder, now: day(n, 10) });
}

describe('snapshots', () => {
  it('takes one snapshot a day, at the first open after a good load', async () => {
    await noteOnDay(1, 'first');
    await openStore({ folder, now: day(1, 23) });
    expect(await snapshotNames()).toEqual(['daily-2026-01-01T10-00-00-000Z.json']);
    expect(await readFile(join(folder, SNAPSHOT_FOLDER, 'daily-2026-01-01T10-00-00-000Z.json'), 'utf8')).toBe(
      await readFile(join(folder, STORE_FILE), 'utf8'),
    );
  });

  it('takes none for a store that has never been saved', async () => {
    await (await openStore({ folder, now: day(1) })).close();
    expect(await readdir(folder)).toEqual([]);
  });

  it('keeps the last seven days', async () => {
    for (let n = 1; n <= 9; n++) await noteOnDay(n, `day ${String(n)}`);
    const names = await snapshotNames();
    expect(names).toHaveLength(7);
    expect(names[0]).toBe('daily-2026-01-03T09-00-00-000Z.json');
    expect(names[6]).toBe('daily-2026-01-09T09-00-00-000Z.json');
  });

  it('lists snapshots newest first', async () => {
    await noteOnDay(1, 'a');
    await noteOnDay(2, 'b');
    const store = await openStore({ folder, now: day(2, 12) });
    const list = await createSnapshotRepository(store).list();
    expect(list.map((snapshot) => [snapshot.kind, snapshot.takenAt])).toEqual([
      ['daily', '2026-01-02T09:00:00.000Z'],
      ['daily', '2026-01-01T10:00:00.000Z'],
    ]);
    expect(list[0]!.bytes).toBeGreaterThan(0);
  });

  it('restores notes and overrides from a snapshot, keeps preferences, and can undo the restore', async () => {
    await noteOnDay(1, 'day one');
    const store = await openStore({ folder, now: day(2) });
    const notes = createNotesRepository(store, { now: day(2) });
    await notes.create({ target: onJapan, body: 'day two' });
    await createPrefsRepository(store).setLanguage('ko');
    const snapshots = createSnapshotRepository(store, { now: day(2, 11) });
    const [dayOne] = await snapshots.list();

    const result = await snapshots.restore(dayOne!.name);
    expect(notes.list().map((note) => note.body)).toEqual(['day one']);
    expect(createPrefsRepository(store).language()).toBe('ko');
    expect(result).toMatchObject({ notes: 1, overrides: 0, undo: { kind: 'before-restore', takenAt: '2026-01-02T11:00:00.000Z' } });

    await snapshots.restore(result.undo.name);
    expect(notes.list().map((note) => note.body).sort()).toEqual(['day one', 'day two']);
  });

  it.each(['../atlas-store.json', '/etc/passwd', 'daily-2026-01-01T10-00-00-000Z.json/../../x', 'daily-2026-01-01.json', '', 'DAILY-2026-01-01T10-00-00-000Z.json'])(
    'refuses the name %j without touching the disk',
    async (name) => {
      const store = await openStore({ folder });
      await expect(createSnapshotRepository(store).restore(name)).rejects.toSatisfy((error) => isCodedError(error, 'bad-snapshot-name'));
    },
  );

  it('refuses a well-formed name that is not there, and an unreadable snapshot, changing nothing', async () => {
    await noteOnDay(1, 'kept');
    const store = await openStore({ folder, now: day(1, 12) });
    const before = await readFile(join(folder, STORE_FILE), 'utf8');
    const snapshots = createSnapshotRepository(store);
    await expect(snapshots.restore('daily-2020-01-01T00-00-00-000Z.json')).rejects.toSatisfy((error) => isCodedError(error, 'snapshot-not-found'));
    await writeFile(join(folder, SNAPSHOT_FOLDER, 'daily-2020-01-01T00-00-00-000Z.json'), '{"schemaVersion":2,');
    await expect(snapshots.restore('daily-2020-01-01T00-00-00-000Z.json')).rejects.toSatisfy((error) => isCodedError(error, 'snapshot-unreadable'));
    expect(await readFile(join(folder, STORE_FILE), 'utf8')).toBe(before);
  });

  it('starts from the newest good snapshot when both the store and its backup are unreadable', async () => {
    await noteOnDay(1, 'saved in a snapshot');
    await writeFile(join(folder, STORE_FILE), '\0\0\0');
    await writeFile(join(folder, `${STORE_FILE}.bak`), '{"schemaVersion":2');
    const store = await openStore({ folder, now: day(3) });
    expect(store.recovery).toMatchObject({ restoredFrom: 'snapshot', snapshot: 'daily-2026-01-01T10-00-00-000Z.json', problem: { kind: 'not-json' } });
    expect(createNotesRepository(store).list().map((note) => note.body)).toEqual(['saved in a snapshot']);
  });
});
