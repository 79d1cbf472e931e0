import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError } from '../../shared/codedError';
import { VIEWS_MAX, type ViewState } from '../../shared/store/schema';
import { openStore, STORE_FILE, type Store } from './openStore';
import { createSavedViewsRepository } from './savedViewsRepository';

let folder: string;
let store: Store;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-views-'));
  store = await openStore({ folder });
});

afterEach(async () => {
  await store.close();
  await rm(folder, { recursive: true, force: true });
});

const state: ViewState = { camera: { center: [127.5, 36.5], zoom: 4.2 }, tier: 'alliance', organisation: 'g20', years: [1950, 1990] };
const code = (promise: Promise<unknown>) => promise.then(() => 'resolved', (error: unknown) => (isCodedError(error) ? error.code : String(error)));

describe('saved views', () => {
  it('saves a view with its name trimmed, keeps it on disk, and lists it after a restart', async () => {
    const views = createSavedViewsRepository(store, { now: () => new Date('2026-02-03T04:05:06Z') });
    const saved = await views.save({ name: '  Cold War alliances  ', state });
    expect(saved).toMatchObject({ name: 'Cold War alliances', state, createdAt: '2026-02-03T04:05:06.000Z' });
    await store.close();
    store = await openStore({ folder });
    expect(createSavedViewsRepository(store).list()).toEqual([saved]);
    const onDisk = JSON.parse(await readFile(join(folder, STORE_FILE), 'utf8')) as { views: unknown[] };
    expect(onDisk.views).toEqual([saved]);
  });

  it('refuses a name another view has, ignoring case and spaces, and an empty or overlong one, changing nothing', async () => {
    const views = createSavedViewsRepository(store);
    const first = await views.save({ name: '동아시아', state });
    const other = await views.save({ name: 'Europe', state });
    const before = await readFile(join(folder, STORE_FILE), 'utf8');
    expect(await code(views.save({ name: ' 동아시아 ', state }))).toBe('already-exists');
    expect(await code(views.save({ name: 'EUROPE', state }))).toBe('already-exists');
    expect(await code(views.save({ name: '   ', state }))).toBe('invalid-input');
    expect(await code(views.save({ name: 'x'.repeat(81), state }))).toBe('invalid-input');
    expect(await code(views.save({ name: 'Bad years', state: { ...state, years: [2000, 1990] } }))).toBe('invalid-input');
    await store.idle();
    expect(await readFile(join(folder, STORE_FILE), 'utf8')).toBe(before);
    // Its own name in another case is not another view's.
    expect(await code(views.rename(other.id, 'europe'))).toBe('resolved');
    expect(await code(views.rename(other.id, '동아시아'))).toBe('already-exists');
    expect(views.list().map((view) => view.name)).toEqual(['동아시아', 'europe']);
    expect(first.name).toBe('동아시아');
    expect(await views.save({ name: 'x'.repeat(80), state })).toMatchObject({ name: 'x'.repeat(80) });
  });

  it('renames and deletes by id; a view that is gone is not-found', async () => {
    const views = createSavedViewsRepository(store);
    const saved = await views.save({ name: 'One', state });
    const renamed = await views.rename(saved.id, ' Two ');
    expect(renamed).toMatchObject({ id: saved.id, name: 'Two', createdAt: saved.createdAt, state });
    expect(await views.remove(saved.id)).toEqual(renamed);
    expect(views.list()).toEqual([]);
    expect(await code(views.remove(saved.id))).toBe('not-found');
    expect(await code(views.rename(saved.id, 'Three'))).toBe('not-found');
  });

  it(`keeps at most ${String(VIEWS_MAX)} views`, async () => {
    const views = createSavedViewsRepository(store);
    await Promise.all(Array.from({ length: VIEWS_MAX }, (_, index) => views.save({ name: `View ${String(index)}`, state })));
    expect(await code(views.save({ name: 'One too many', state }))).toBe('invalid-input');
    expect(views.list()).toHaveLength(VIEWS_MAX);
  });
});
