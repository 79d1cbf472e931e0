import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Note, PassagePage } from '../../shared/contract';
import { composeServices, type Services } from '../compose';

const dataFolder = fileURLToPath(new URL('../../../data', import.meta.url));
let folder: string;
let services: Services;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-handlers-'));
  services = await composeServices({
    storeFolder: folder,
    dataFolder,
    rendererFolder: fileURLToPath(new URL('../../../out/renderer', import.meta.url)),
    appInfo: () => ({ name: 'Atlas', version: '0.0.0', electronVersion: null, chromeVersion: null, platform: 'linux', dataSources: [] }),
    defaultLanguage: 'en',
    onPrefsChanged: () => {},
  });
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('notes through the IPC handlers', () => {
  it('takes 10,000 concurrent saves: the file on disk equals the final state', async () => {
    const countries = ['JPN', 'USA', 'VNM', 'PRK', 'CHN'];
    const results = await Promise.all(
      Array.from({ length: 10_000 }, (_, index) =>
        services.invoke('atlas:notes/create', { target: { kind: 'country', countryId: countries[index % 5] }, body: `note ${index}` }, true),
      ),
    );
    expect(results.every((result) => result.ok)).toBe(true);
    const created = results.map((result) => (result as { ok: true; value: Note }).value);
    await services.store.idle();
    const onDisk = JSON.parse(await readFile(services.store.path, 'utf8')) as { notes: Note[] };
    expect(onDisk.notes).toHaveLength(10_000);
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(services.store.read())));
    expect(new Set(onDisk.notes.map((note) => note.id))).toEqual(new Set(created.map((note) => note.id)));
  });

  it('closing waits for the saves already queued: quitting right after a save keeps it', async () => {
    const saves = Array.from({ length: 50 }, (_, index) =>
      services.store.update((draft) => {
        draft.prefs = { ...draft.prefs, language: index % 2 === 0 ? 'ko' : 'en' };
      }),
    );
    await services.close();
    const onDisk = JSON.parse(await readFile(services.store.path, 'utf8')) as unknown;
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(services.store.read())));
    expect(onDisk).toMatchObject({ prefs: { language: 'en' } });
    await Promise.all(saves);
  });

  it('gives a passage note the passage text the atlas has, whatever the renderer sent', async () => {
    const page = await services.invoke('atlas:atlas/passages', { countryId: 'JPN', offset: 3, limit: 1 }, true);
    if (!page.ok) throw new Error('no passages');
    const passage = (page.value as PassagePage).passages[0]!;
    const result = await services.invoke(
      'atlas:notes/create',
      { target: { kind: 'passage', countryId: 'JPN', passageId: passage.id, passageText: 'forged' }, body: 'x' },
      true,
    );
    expect(result.ok && (result.value as Note).target).toMatchObject({ passageText: passage.text });
  });

  it('answers a bad note with invalid-input and writes nothing', async () => {
    const before = await readFile(services.store.path, 'utf8').catch(() => null);
    const result = await services.invoke('atlas:notes/create', { target: { kind: 'country', countryId: '../../etc' }, body: 'x' }, true);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await readFile(services.store.path, 'utf8').catch(() => null)).toBe(before);
  });
});
