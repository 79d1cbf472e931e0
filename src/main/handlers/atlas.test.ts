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
    expect(await invoke('atlas:atlas/country', { countryId: 'XYZ' }, true)).toEqual({ ok: false, error: { code: 'not-found', message: 'No country XYZ in the atlas.' } });
  });

  it('give a country’s detail: its evidence lines, sources, tensions and the countries named beside it', async () => {
    const answer = await invoke('atlas:atlas/country', { countryId: 'JPN' }, true);
    const japan = view.model.countries['JPN']!;
    expect(answer).toMatchObject({ ok: true, value: { id: 'JPN', decidingSources: [view.model.sources[0]!.id], coMentioned: japan.coMentioned } });
    const detail = (answer as { value: { evidence: { passageId: string }[]; passagesBySource: { count: number }[]; tensions: string[] } }).value;
    expect(detail.evidence.map((line) => line.passageId)).toContain(japan.evidence[0]!.passageId);
    expect(detail.passagesBySource).toEqual([{ sourceId: view.model.sources[0]!.id, count: japan.passageIds.length }]);
    expect(detail.tensions).toEqual([...new Set(japan.tensions.map((tension) => tension.kind))]);
    expect(await invoke('atlas:atlas/country', { countryId: 'JPN', more: 1 }, true)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('say which countries have an event in a range of years, as the timeline lists them', async () => {
    const inYears = async (from: number, to: number) => {
      const answer = await invoke('atlas:atlas/in-years', { from, to }, true);
      if (!answer.ok) throw new Error(answer.error.message);
      return answer.value as string[];
    };
    expect(await inYears(2022, 2022)).toContain('VNM');
    expect(await inYears(2023, 2030)).not.toContain('VNM');
    expect(await inYears(3000, 3001)).toEqual([]);
    // The countries of the events main lists for the range, no more and no fewer.
    for (const [from, to] of [[1950, 1953], [1990, 1999], [2010, 2020]] as const) {
      const events = await invoke('atlas:atlas/events', { from, to, offset: 0, limit: 500 }, true);
      const listed = (events as { value: { total: number; events: { countries: string[] }[] } }).value;
      expect(listed.events.length).toBe(listed.total);
      expect(await inYears(from, to)).toEqual([...new Set(listed.events.flatMap((event) => event.countries))].sort());
    }
    // A decade counts as its ten years.
    const all = (await invoke('atlas:atlas/events', { offset: 0, limit: 500 }, true)) as { value: { events: { date: { year: number; precision: string }; countries: string[] }[] } };
    const decade = all.value.events.find((event) => event.date.precision === 'decade')!;
    expect(await inYears(decade.date.year + 9, decade.date.year + 9)).toContain(decade.countries[0]);
    for (const input of [{ from: 2000, to: 1990 }, { from: 1990 }, { from: 1990, to: 1995.5 }, { from: -1, to: 5 }]) {
      expect(await invoke('atlas:atlas/in-years', input, true)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
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
