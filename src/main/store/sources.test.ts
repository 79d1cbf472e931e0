import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isStoreError } from '../../shared/store/errors';
import { createNotesRepository } from './notes';
import { openStore, STORE_FILE, type Store } from './openStore';
import { createSourcesRepository, sourceIdFor, type NewSource } from './sources';

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
    expect(isStoreError(error, 'duplicate-source') && error.message).toContain('First title');
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
});
