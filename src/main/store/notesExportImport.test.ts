import { readFileSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError, type CodedErrorCode } from '../../shared/codedError';
import { IMPORT_MAX_BYTES } from '../../shared/notes/importNotes';
import { STORE_VERSION } from '../../shared/store/schema';
import { applyImport, exportJsonToFile, exportMarkdownToFile, exportMarkdownToFolder, planImportFile } from './notesExportImport';
import { createNotesRepository } from './notesRepository';
import { openStore, STORE_FILE, type Store } from './openStore';

const fixtures = new URL('../../../tests/fixtures/store/', import.meta.url);
const fixturePath = (name: string) => new URL(name, fixtures).pathname;
const names: Record<string, string> = { JPN: 'Japan', USA: 'United States', 'x-kosovo': 'Kosovo' };
const countryName = (id: string) => names[id] ?? id;
const tierIds = ['alliance', 'strategic', 'partner'];

let root: string;
let folder: string;
let store: Store;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'atlas-exchange-test-'));
  folder = join(root, 'store');
  await mkdir(folder);
  await copyFile(fixturePath('v2-store.json'), join(folder, STORE_FILE));
  store = await openStore({ folder });
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const storeBytes = () => readFile(join(folder, STORE_FILE));

describe('Markdown export', () => {
  it('writes one file per country into the chosen folder', async () => {
    const target = join(root, 'export');
    await mkdir(target);
    const written = await exportMarkdownToFolder(store, target, { countryName });
    expect((await readdir(target)).sort()).toEqual(['Japan.md', 'Kosovo.md', 'United States.md']);
    expect(written).toContain(join(target, 'Japan.md'));
    expect(await readFile(join(target, 'Kosovo.md'), 'utf8')).toContain('Recognised? Check — Türkiye and Kosovo.');
  });

  it('writes everything to one file', async () => {
    const path = join(root, 'all notes.md');
    await exportMarkdownToFile(store, path, { countryName });
    const text = await readFile(path, 'utf8');
    expect(text.match(/^## /gm)).toHaveLength(3);
  });

  it('fails with a typed error when the folder is gone', async () => {
    await expect(exportMarkdownToFolder(store, join(root, 'missing'), { countryName })).rejects.toSatisfy((error) => isCodedError(error, 'folder-missing'));
  });

  it('refuses a relative path', async () => {
    await expect(exportMarkdownToFile(store, 'notes.md', { countryName })).rejects.toSatisfy((error) => isCodedError(error, 'invalid-input'));
  });
});

describe('JSON export and import', () => {
  it('exports every note and override with the schema version, readable by others', async () => {
    const path = join(root, 'notes.json');
    await exportJsonToFile(store, path, new Date('2026-07-01T00:00:00.000Z'));
    const document = JSON.parse(await readFile(path, 'utf8')) as { schemaVersion: number; notes: unknown[]; overrides: unknown[] };
    expect(document.schemaVersion).toBe(STORE_VERSION);
    expect(document.notes).toEqual(store.read().notes);
    expect(document.overrides).toEqual(store.read().overrides);
    expect((await stat(path)).mode & 0o044).not.toBe(0);
  });

  it('previews an import into an empty store, applies it, and a re-import changes nothing', async () => {
    const empty = await openStore({ folder: join(root, 'empty') });
    const plan = await planImportFile(empty, fixturePath('notes-export-v2.json'), { tierIds });
    expect([plan.notes.added.length, plan.overrides.added.length]).toEqual([3, 1]);
    expect(empty.read().notes).toEqual([]);

    expect(await applyImport(empty, plan)).toEqual({ notesAdded: 3, notesUpdated: 0, overridesAdded: 1, overridesUpdated: 0 });
    expect(empty.read().notes).toEqual(store.read().notes);
    const after = await readFile(empty.path);

    const again = await planImportFile(empty, fixturePath('notes-export-v2.json'), { tierIds });
    expect([again.notes.added, again.notes.updated, again.notes.conflicts]).toEqual([[], [], []]);
    expect(again.notes.unchanged).toHaveLength(3);
    expect(await applyImport(empty, again)).toEqual({ notesAdded: 0, notesUpdated: 0, overridesAdded: 0, overridesUpdated: 0 });
    expect(await applyImport(empty, plan)).toEqual({ notesAdded: 0, notesUpdated: 0, overridesAdded: 0, overridesUpdated: 0 });
    expect(await readFile(empty.path)).toEqual(after);
  });

  it('merges by id: newer notes replace older ones, nothing is duplicated', async () => {
    const notes = createNotesRepository(store, { now: () => new Date('2026-08-01T00:00:00.000Z') });
    const [japan] = store.read().notes;
    await notes.update(japan!.id, { body: 'edited locally, later than the export' });
    const added = await notes.create({ target: { kind: 'country', countryId: 'CHN' }, body: 'only here' });

    const plan = await planImportFile(store, fixturePath('notes-export-v2.json'), { tierIds });
    expect(plan.notes.conflicts.map((conflict) => conflict.reason)).toEqual(['current-is-newer']);
    expect(plan.notes.unchanged).toHaveLength(2);
    await applyImport(store, plan);
    expect(store.read().notes).toHaveLength(4);
    expect(notes.get(japan!.id)?.body).toBe('edited locally, later than the export');
    expect(notes.get(added.id)).toEqual(added);
  });

  describe('refuses bad input, leaving the store byte-identical', () => {
    const valid = JSON.parse(readFileSync(fixturePath('notes-export-v2.json'), 'utf8')) as Record<string, unknown>;
    it.each<[string, string | Buffer, CodedErrorCode]>([
      ['not JSON', 'this is not json', 'not-json'],
      ['not UTF-8', Buffer.from([0xff, 0xfe, 0x00, 0x7b]), 'not-json'],
      ['JSON of another program', '{"version":3,"items":[]}', 'wrong-format'],
      ['the wrong schema', JSON.stringify({ ...valid, notes: [{ id: 1 }] }), 'wrong-schema'],
      ['a store file version without notes', JSON.stringify({ ...valid, schemaVersion: 1 }), 'wrong-version'],
      ['a newer version', JSON.stringify({ ...valid, schemaVersion: STORE_VERSION + 1 }), 'newer-version'],
      ['a __proto__ key', JSON.stringify(valid).replace('"pinned":true', '"pinned":true,"__proto__":{"isAdmin":true}'), 'forbidden-key'],
      ['an unknown tier', JSON.stringify(valid).replace('"tier":"strategic"', '"tier":"overlord"'), 'unknown-tier'],
    ])('%s', async (_, content, code) => {
      const before = await storeBytes();
      const path = join(root, 'bad.json');
      await writeFile(path, content);
      await expect(planImportFile(store, path, { tierIds })).rejects.toSatisfy((error) => isCodedError(error, code));
      expect(await storeBytes()).toEqual(before);
      expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    });

    it('a file over 50 MB, refused from its size before it is read', async () => {
      const before = await storeBytes();
      const path = join(root, 'huge.json');
      await writeFile(path, '');
      await truncate(path, IMPORT_MAX_BYTES + 1); // sparse: the size is real, the bytes never exist
      await expect(planImportFile(store, path)).rejects.toSatisfy((error) => isCodedError(error, 'too-large'));
      expect(await storeBytes()).toEqual(before);
    });

    it('a file that does not exist, or a folder', async () => {
      await expect(planImportFile(store, join(root, 'nope.json'))).rejects.toSatisfy((error) => isCodedError(error, 'unreadable-file'));
      await expect(planImportFile(store, root)).rejects.toSatisfy((error) => isCodedError(error, 'unreadable-file'));
    });
  });
});
