import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError } from '../../shared/codedError';
import { attachNotes } from '../../shared/notes/operations';
import { createNotesRepository } from './notesRepository';
import { openStore, STORE_FILE, type Store } from './openStore';

let folder: string;
let store: Store;
let clock: number;
const now = () => new Date((clock += 1_000));

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-notes-test-'));
  store = await openStore({ folder });
  clock = Date.parse('2026-06-01T00:00:00.000Z');
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const fileNotes = async () => (JSON.parse(await readFile(join(folder, STORE_FILE), 'utf8')) as { notes: unknown[] }).notes;
const onJapan = { kind: 'country', countryId: 'JPN' } as const;

describe('notes repository', () => {
  it('creates a note and has it on disk when the promise resolves', async () => {
    const notes = createNotesRepository(store, { now });
    const note = await notes.create({ target: onJapan, body: 'Shuttle diplomacy', tags: ['#Summit'] });
    expect(note).toMatchObject({ body: 'Shuttle diplomacy', tags: ['summit'], pinned: false, createdAt: '2026-06-01T00:00:01.000Z' });
    expect(note.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(await fileNotes()).toEqual([note]);
  });

  it('keeps notes across a restart', async () => {
    const note = await createNotesRepository(store, { now }).create({ target: onJapan, body: 'kept' });
    const reopened = createNotesRepository(await openStore({ folder }));
    expect(reopened.get(note.id)).toEqual(note);
  });

  it('updates body, tags and pinned, and moves updatedAt', async () => {
    const notes = createNotesRepository(store, { now });
    const note = await notes.create({ target: onJapan, body: 'draft' });
    const updated = await notes.update(note.id, { body: 'final', tags: ['A', 'b'], pinned: true });
    expect(updated).toEqual({ ...note, body: 'final', tags: ['a', 'b'], pinned: true, updatedAt: '2026-06-01T00:00:02.000Z' });
    expect(await fileNotes()).toEqual([updated]);
  });

  it('deletes a note and puts it back exactly on undo', async () => {
    const notes = createNotesRepository(store, { now });
    const note = await notes.create({ target: onJapan, body: 'to undo', tags: ['x'], pinned: true });
    const deleted = await notes.delete(note.id);
    expect(deleted).toEqual(note);
    expect(notes.get(note.id)).toBeUndefined();
    expect(await fileNotes()).toEqual([]);
    await notes.restore(deleted);
    expect(notes.get(note.id)).toEqual(note);
    expect(await fileNotes()).toEqual([note]);
  });

  it('refuses to restore a note that is already there, so undo never duplicates', async () => {
    const notes = createNotesRepository(store, { now });
    const note = await notes.create({ target: onJapan, body: 'once' });
    await expect(notes.restore(note)).rejects.toSatisfy((error) => isCodedError(error, 'already-exists'));
    expect(notes.list()).toHaveLength(1);
  });

  it('rejects edits and deletes of a note that does not exist', async () => {
    const notes = createNotesRepository(store, { now });
    const missing = '00000000-0000-4000-8000-000000000000';
    await expect(notes.update(missing, { body: 'x' })).rejects.toSatisfy((error) => isCodedError(error, 'not-found'));
    await expect(notes.delete(missing)).rejects.toSatisfy((error) => isCodedError(error, 'not-found'));
  });

  it('refuses invalid input before anything is written', async () => {
    const notes = createNotesRepository(store, { now });
    await expect(notes.create({ target: onJapan, body: 'x'.repeat(100_001) })).rejects.toSatisfy((error) => isCodedError(error, 'invalid-input'));
    const note = await notes.create({ target: onJapan, body: 'ok' });
    const tooManyTags = Array.from({ length: 21 }, (_, i) => `tag ${String(i)}`);
    await expect(notes.update(note.id, { tags: tooManyTags })).rejects.toSatisfy((error) => isCodedError(error, 'invalid-input'));
    await expect(notes.restore({ ...note, id: 'not-a-uuid' })).rejects.toSatisfy((error) => isCodedError(error, 'invalid-input'));
    expect(await fileNotes()).toEqual([note]);
  });

  it('lists with filters, pinned first and then by last update', async () => {
    const notes = createNotesRepository(store, { now });
    const old = await notes.create({ target: onJapan, body: 'Fisheries talks', tags: ['trade'] });
    const recent = await notes.create({ target: { kind: 'country', countryId: 'VNM' }, body: 'Việt Nam trade', tags: ['trade'] });
    const pinned = await notes.create({ target: onJapan, body: 'Pinned', pinned: true });
    expect(notes.list().map((n) => n.id)).toEqual([pinned.id, recent.id, old.id]);
    expect(notes.list({ tag: 'Trade' }).map((n) => n.id)).toEqual([recent.id, old.id]);
    expect(notes.list({ text: 'viet nam' }).map((n) => n.id)).toEqual([recent.id]);
    expect(notes.list({ countryId: 'JPN' }).map((n) => n.id)).toEqual([pinned.id, old.id]);
    await notes.update(old.id, { body: 'Fisheries talks resumed' });
    expect(notes.list({ tag: 'trade' }).map((n) => n.id)).toEqual([old.id, recent.id]);
  });

  it('counts notes per country and lists tags in use', async () => {
    const notes = createNotesRepository(store, { now });
    await notes.create({ target: onJapan, body: '', tags: ['a', 'b'] });
    await notes.create({ target: { kind: 'passage', countryId: 'JPN', passageId: 'abc123', passageText: 'A passage.' }, body: '', tags: ['a'] });
    await notes.create({ target: { kind: 'country', countryId: 'x-kosovo' }, body: '' });
    expect(notes.countsByCountry()).toEqual({ JPN: 2, 'x-kosovo': 1 });
    expect(notes.tags()).toEqual([
      { tag: 'a', count: 2 },
      { tag: 'b', count: 1 },
    ]);
  });

  it('keeps a note whose passage changed, as detached, across a restart', async () => {
    const notes = createNotesRepository(store, { now });
    const note = await notes.create({
      target: { kind: 'passage', countryId: 'JPN', passageId: 'abc123', passageText: 'The treaty was signed in 1965.' },
      body: 'Check the date',
    });
    const reopened = createNotesRepository(await openStore({ folder }));
    const placed = attachNotes(reopened.list({ countryId: 'JPN' }), new Map([['abc123', 'The treaty was ratified in 1965.']]));
    expect(placed).toEqual([{ note, placement: { kind: 'detached', reason: 'passage-changed' } }]);
  });
});
