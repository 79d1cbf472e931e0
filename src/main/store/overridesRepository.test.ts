import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCodedError } from '../../shared/codedError';
import { openStore, STORE_FILE, type Store } from './openStore';
import { createOverridesRepository } from './overridesRepository';

let folder: string;
let store: Store;
let clock: number;
const now = () => new Date((clock += 1_000));
const tierIds = ['alliance', 'strategic', 'partner'];

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-overrides-test-'));
  store = await openStore({ folder });
  clock = Date.parse('2026-06-01T00:00:00.000Z');
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const fileOverrides = async () => (JSON.parse(await readFile(join(folder, STORE_FILE), 'utf8')) as { overrides: unknown[] }).overrides;

describe('tier overrides repository', () => {
  it('sets a tier with a reason, and replacing it keeps when it was first set', async () => {
    const overrides = createOverridesRepository(store, { tierIds, now });
    const first = await overrides.set({ countryId: 'JPN', tier: 'strategic', reason: 'Closer since 2023' });
    const second = await overrides.set({ countryId: 'JPN', tier: 'alliance', reason: 'Trilateral pact' });
    expect(second).toEqual({ countryId: 'JPN', tier: 'alliance', reason: 'Trilateral pact', createdAt: first.createdAt, updatedAt: '2026-06-01T00:00:02.000Z' });
    expect(await fileOverrides()).toEqual([second]);
    expect(overrides.get('JPN')).toEqual(second);
  });

  it('refuses a tier the atlas does not have, writing nothing', async () => {
    const overrides = createOverridesRepository(store, { tierIds, now });
    await expect(overrides.set({ countryId: 'JPN', tier: 'best-friends', reason: '' })).rejects.toSatisfy((error) => isCodedError(error, 'unknown-tier'));
    await expect(overrides.set({ countryId: 'JPN', tier: 'strategic', reason: 'x'.repeat(2_001) })).rejects.toSatisfy((error) =>
      isCodedError(error, 'invalid-input'),
    );
    expect(overrides.list()).toEqual([]);
  });

  it('clears an override so the source tier shows again, handing back what it removed', async () => {
    const overrides = createOverridesRepository(store, { tierIds, now });
    const set = await overrides.set({ countryId: 'USA', tier: 'alliance', reason: '' });
    expect(await overrides.clear('USA')).toEqual(set);
    expect(await overrides.clear('USA')).toBeNull();
    expect(overrides.get('USA')).toBeUndefined();
    expect(await fileOverrides()).toEqual([]);
  });

  it('lists overrides by country id', async () => {
    const overrides = createOverridesRepository(store, { tierIds, now });
    await overrides.set({ countryId: 'USA', tier: 'alliance', reason: '' });
    await overrides.set({ countryId: 'CHN', tier: 'partner', reason: '' });
    expect(overrides.list().map((override) => override.countryId)).toEqual(['CHN', 'USA']);
  });
});
