import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError } from '../../shared/codedError';
import { STORE_VERSION } from '../../shared/store/schema';
import { createNotesRepository } from './notesRepository';
import { openStore, STORE_FILE, type Store } from './openStore';
import { createSourcesRepository, SOURCE_TEXTS_FOLDER, sourceIdFor, sourceTextPath, type NewSource } from './sourcesRepository';

const fixture = (name: string) => new URL(`../../../tests/fixtures/store/${name}`, import.meta.url);
const FIXTURE_HASH = 'd9da99f6641eb4d2b132b75b1431c7bcb6153c7fcecb746c53640614065d04d5';

let folder: string;
let store: Store;
const at = new Date('2026-11-21T08:00:00.000Z');

function document(text: string, title = 'Korea and Chile'): NewSource {
  return { title, fileName: 'chile.md', attribution: 'Min-ji Park, CC BY 4.0', hash: createHash('sha256').update(text).digest('hex'), text };
}

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-sources-'));
  store = await openStore({ folder });
});
afterEach(async () => {
  await store.idle();
  await rm(folder, { recursive: true, force: true });
});

describe('createSourcesRepository()', () => {
  it('stores an imported source, enabled, with an id from its hash, and reads it back after a restart', async () => {
    const sources = createSourcesRepository(store, { now: () => at });
    const added = await sources.add(document('Chile and South Korea signed a free trade agreement.'));
    expect(added).toMatchObject({ id: sourceIdFor(added.hash), enabled: true, importedAt: at.toISOString(), title: 'Korea and Chile' });
    const reopened = createSourcesRepository(await openStore({ folder }));
    expect(reopened.list()).toEqual([added]);
    expect(reopened.findByHash(added.hash)).toEqual(added);
  });

  it('refuses the same text twice, naming the source it is already imported as', async () => {
    const sources = createSourcesRepository(store);
    await sources.add(document('Same text.', 'First title'));
    const before = await readFile(join(folder, STORE_FILE), 'utf8');
    const error = await sources.add(document('Same text.', 'Another title')).catch((caught: unknown) => caught);
    expect(isCodedError(error, 'duplicate-source') && error.message).toContain('First title');
    expect(await readFile(join(folder, STORE_FILE), 'utf8')).toBe(before);
  });

  it('turns a source off and on, and removes it without touching notes', async () => {
    const sources = createSourcesRepository(store);
    const notes = createNotesRepository(store);
    const added = await sources.add(document('Chile and South Korea.'));
    const note = await notes.create({ target: { kind: 'passage', countryId: 'CHL', passageId: 'abc123', passageText: 'Chile and South Korea.' }, body: 'Check.' });
    expect((await sources.setEnabled(added.id, false)).enabled).toBe(false);
    expect(sources.get(added.id)?.enabled).toBe(false);
    expect((await sources.setEnabled(added.id, true)).enabled).toBe(true);
    expect(await sources.remove(added.id)).toMatchObject({ id: added.id, enabled: true });
    expect(sources.list()).toEqual([]);
    expect(notes.list()).toEqual([note]);
  });

  it('refuses unknown ids and bad input with typed errors', async () => {
    const sources = createSourcesRepository(store);
    await expect(sources.setEnabled('imported-0123456789abcdef', false)).rejects.toMatchObject({ code: 'not-found' });
    await expect(sources.remove('../../etc')).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(sources.add({ ...document('x'), hash: 'not-a-hash' })).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(sources.add({ ...document('x'), title: '' })).rejects.toMatchObject({ code: 'invalid-input' });
    expect(sources.list()).toEqual([]);
  });

  it('keeps the text in its own file named by its hash, not in the store, and reads it back after a restart', async () => {
    const text = 'Chile and South Korea signed a free trade agreement.';
    const added = await createSourcesRepository(store).add(document(text));
    expect(added).not.toHaveProperty('text');
    expect(await readFile(join(folder, STORE_FILE), 'utf8')).not.toContain('free trade');
    expect(await readFile(sourceTextPath(folder, added.hash), 'utf8')).toBe(text);
    const reopened = createSourcesRepository(await openStore({ folder }));
    expect(await reopened.textOf(reopened.get(added.id)!)).toBe(text);
  });

  it('deletes the text file with the source, and leaves no file when the store refuses the source', async () => {
    const sources = createSourcesRepository(store);
    const added = await sources.add(document('Chile and South Korea.'));
    await sources.remove(added.id);
    expect(await readdir(join(folder, SOURCE_TEXTS_FOLDER))).toEqual([]);

    await store.idle();
    const failing = await openStore({
      folder,
      write: async () => {
        throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
      },
    });
    await expect(createSourcesRepository(failing).add(document('Peru and South Korea.'))).rejects.toMatchObject({ code: 'disk-full' });
    expect(await readdir(join(folder, SOURCE_TEXTS_FOLDER))).toEqual([]);
  });

  it('keeps the text of the source already imported when the same document is refused as a duplicate', async () => {
    const sources = createSourcesRepository(store);
    const added = await sources.add(document('Same text.'));
    await expect(sources.add(document('Same text.', 'Again'))).rejects.toMatchObject({ code: 'duplicate-source' });
    expect(await sources.textOf(added)).toBe('Same text.');
  });

  it('answers null for a text whose file is gone (a store restored from an older snapshot), and says it has none', async () => {
    const sources = createSourcesRepository(store);
    const added = await sources.add(document('Chile and South Korea.'));
    expect(await sources.hasText(added)).toBe(true);
    await rm(sourceTextPath(folder, added.hash));
    expect(await sources.textOf(added)).toBeNull();
    expect(await sources.hasText(added)).toBe(false);
  });

  it('answers null, rather than failing the start, for a text file that cannot be read, and says it has none', async () => {
    const sources = createSourcesRepository(store);
    const added = await sources.add(document('Chile and South Korea.'));
    await rm(sourceTextPath(folder, added.hash));
    await mkdir(sourceTextPath(folder, added.hash));
    expect(await sources.textOf(added)).toBeNull();
    expect(await sources.hasText(added)).toBe(false);
  });

  it('answers null for a text file that is there but is not UTF-8 (damaged), and says it has none', async () => {
    const sources = createSourcesRepository(store);
    const added = await sources.add(document('Chile and South Korea.'));
    // A file that exists and is a file, yet cannot be decoded: readable by any user, root included.
    await writeFile(sourceTextPath(folder, added.hash), Buffer.from([0x43, 0x68, 0xff, 0xfe, 0xc3, 0x28]));
    const reopened = createSourcesRepository(await openStore({ folder }));
    const source = reopened.get(added.id)!;
    expect(await reopened.textOf(source)).toBeNull();
    expect(await reopened.hasText(source)).toBe(false);
    // Asked before any read (the Sources tab before the atlas), it reads the file to answer.
    expect(await createSourcesRepository(store).hasText(source)).toBe(false);
  });

  it('moves the text of a real version-3 store out to its file at start, leaving the store as version 4 wrote it, migrated', async () => {
    await store.idle();
    const old = await mkdtemp(join(tmpdir(), 'atlas-sources-v3-'));
    try {
      await copyFile(fixture('v3-store.json'), join(old, STORE_FILE));
      const v3 = JSON.parse(await readFile(fixture('v3-store.json'), 'utf8')) as { sources: { text: string }[] };
      const opened = await openStore({ folder: old });
      expect(opened.migratedFrom).toBe(3);
      const sources = createSourcesRepository(opened);
      await sources.moveInlineTexts();
      await opened.idle();
      const v4 = JSON.parse(await readFile(fixture('v4-store.json'), 'utf8')) as Record<string, unknown>;
      expect(JSON.parse(await readFile(join(old, STORE_FILE), 'utf8'))).toEqual({ ...v4, schemaVersion: STORE_VERSION, views: [] });
      expect(await readFile(sourceTextPath(old, FIXTURE_HASH), 'utf8')).toBe(v3.sources[0]!.text);
      expect(await readFile(sourceTextPath(old, FIXTURE_HASH), 'utf8')).toBe(await readFile(fixture(`sources/${FIXTURE_HASH}.txt`), 'utf8'));
      expect(await sources.textOf(sources.list()[0]!)).toBe(v3.sources[0]!.text);
      // A second start finds nothing to move and writes nothing.
      const before = await readFile(join(old, STORE_FILE), 'utf8');
      await createSourcesRepository(await openStore({ folder: old })).moveInlineTexts();
      expect(await readFile(join(old, STORE_FILE), 'utf8')).toBe(before);
    } finally {
      await rm(old, { recursive: true, force: true });
    }
  });

  it('reads a real version-4 store folder: the source from the store, its text from its file', async () => {
    await store.idle();
    await copyFile(fixture('v4-store.json'), join(folder, STORE_FILE));
    await mkdir(join(folder, SOURCE_TEXTS_FOLDER), { recursive: true });
    await copyFile(fixture(`sources/${FIXTURE_HASH}.txt`), sourceTextPath(folder, FIXTURE_HASH));
    const sources = createSourcesRepository(await openStore({ folder }));
    expect(sources.list().map(({ id, enabled }) => ({ id, enabled }))).toEqual([{ id: 'imported-d9da99f6641eb4d2', enabled: true }]);
    expect(await sources.textOf(sources.list()[0]!)).toMatch(/^In 2004 the Korea–Chile Free Trade Agreement/);
  });
});
