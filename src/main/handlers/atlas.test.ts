import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../shared/contract';
import { loadAtlas } from '../data/atlasFiles';
import { createAtlasHandlers } from './atlas';
import { createInvoker } from './invoke';

const view = await loadAtlas(fileURLToPath(new URL('../../../data', import.meta.url)));
let current = view;
// Only the atlas area is called here; the invoker needs a handler for every call to be built.
const table = new Proxy(createAtlasHandlers({ atlas: () => current }) as Handlers, {
  get: (target, area: string) => (target as unknown as Record<string, unknown>)[area] ?? new Proxy({}, { get: () => () => null }),
});
const invoke = createInvoker(table);

describe('the atlas calls', () => {
  it('answer with pages of the atlas now', async () => {
    const page = await invoke('atlas:atlas/passages', { countryId: 'JPN', offset: 0, limit: 3 }, true);
    expect(page).toMatchObject({ ok: true, value: { total: view.model.countries['JPN']!.passageIds.length, offset: 0 } });
    expect((page as { value: { passages: { id: string }[] } }).value.passages.map((passage) => passage.id)).toEqual(view.model.countries['JPN']!.passageIds.slice(0, 3));
  });

  it('refuse pages past the limit, negative offsets, unknown fields and ids that are no passage id', async () => {
    for (const input of [
      { countryId: 'JPN', offset: 0, limit: 201 },
      { countryId: 'JPN', offset: -1, limit: 5 },
      { countryId: 'JPN', offset: 0, limit: 5, extra: true },
      { countryId: 'JPN', offset: 0, limit: 5, around: '<script>' },
      { countryId: 'japan', offset: 0, limit: 5 },
    ]) {
      expect(await invoke('atlas:atlas/passages', input, true)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    expect(await invoke('atlas:atlas/events', { offset: 0, limit: 501 }, true)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await invoke('atlas:atlas/events', { from: 2000, to: 1990, offset: 0, limit: 5 }, true)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('say which country the atlas does not know', async () => {
    expect(await invoke('atlas:atlas/passages', { countryId: 'XYZ', offset: 0, limit: 5 }, true)).toEqual({ ok: false, error: { code: 'not-found', message: 'No country XYZ in the atlas.' } });
  });

  it('answer from a new atlas once it is published', async () => {
    const before = await invoke('atlas:atlas/get', undefined, true);
    current = { ...view, model: { ...view.model, counts: { ...view.model.counts } } };
    const after = await invoke('atlas:atlas/get', undefined, true);
    expect(after).toEqual(before);
    expect((after as { value: unknown }).value).not.toBe((before as { value: unknown }).value);
    current = view;
  });
});
