import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyStore, parseStore, STORE_VERSION } from './schema';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/store/${name}`, import.meta.url), 'utf8');

describe('parseStore()', () => {
  it('migrates a real version-1 file to the current version, keeping its preferences', () => {
    const parsed = parseStore(fixture('v1-store.json'));
    expect(parsed).toEqual({
      ok: true,
      migratedFrom: 1,
      data: {
        schemaVersion: STORE_VERSION,
        prefs: { language: 'ko', window: { x: 120, y: 80, width: 1280, height: 800, maximized: false } },
        notes: [],
        overrides: [],
        sources: [],
        views: [],
      },
    });
  });

  it('drops keys version 1 ignored on load instead of refusing the migrated file', () => {
    const parsed = parseStore(JSON.stringify({ schemaVersion: 1, prefs: { language: 'en', theme: 'dark' }, experimental: true }));
    expect(parsed).toMatchObject({ ok: true, migratedFrom: 1, data: { prefs: { language: 'en' }, notes: [] } });
  });

  it('migrates a real version-2 file with no imported sources, keeping notes and overrides as they were', () => {
    const original = JSON.parse(fixture('v2-store.json')) as { prefs: unknown; notes: unknown[]; overrides: unknown[] };
    const parsed = parseStore(fixture('v2-store.json'));
    expect(parsed.ok && parsed.migratedFrom).toBe(2);
    expect(parsed.ok && parsed.data).toEqual({ schemaVersion: STORE_VERSION, prefs: original.prefs, notes: original.notes, overrides: original.overrides, sources: [], views: [] });
    expect(parsed.ok && parsed.data.notes.map((note) => note.target.countryId)).toEqual(['JPN', 'USA', 'x-kosovo']);
  });

  it('migrates a real version-3 file to the current version, its imported source keeping its text inline until main moves it out', () => {
    const original = JSON.parse(fixture('v3-store.json')) as { prefs: unknown; notes: unknown[]; overrides: unknown[]; sources: unknown[] };
    const parsed = parseStore(fixture('v3-store.json'));
    expect(parsed.ok && parsed.migratedFrom).toBe(3);
    expect(parsed.ok && parsed.data).toEqual({ ...original, schemaVersion: STORE_VERSION, views: [] });
    expect(parsed.ok && parsed.data.sources.map(({ id, title, enabled, text }) => ({ id, title, enabled, inline: text !== undefined }))).toEqual([
      { id: 'imported-d9da99f6641eb4d2', title: 'Field notes: Korea and Chile', enabled: true, inline: true },
    ]);
  });

  it('migrates a real version-4 file, whose imported source has no text in the store, losing nothing and adding no view', () => {
    const original = JSON.parse(fixture('v4-store.json')) as Record<string, unknown>;
    const parsed = parseStore(fixture('v4-store.json'));
    expect(parsed.ok && parsed.migratedFrom).toBe(4);
    expect(parsed.ok && parsed.data).toEqual({ ...original, schemaVersion: 5, views: [] });
    expect(parsed.ok && parsed.data.sources.map(({ id, title, enabled, text }) => ({ id, title, enabled, text }))).toEqual([
      { id: 'imported-d9da99f6641eb4d2', title: 'Field notes: Korea and Chile', enabled: true, text: undefined },
    ]);
  });

  it('reads a real version-5 file with its saved views as it is', () => {
    const parsed = parseStore(fixture('v5-store.json'));
    expect(parsed.ok && parsed.migratedFrom).toBeNull();
    expect(parsed.ok && parsed.data).toEqual(JSON.parse(fixture('v5-store.json')));
    expect(parsed.ok && parsed.data.views.map(({ name, state }) => ({ name, tier: state.tier, years: state.years }))).toEqual([
      { name: 'Chile trade, 2000s', tier: 'partner', years: [2000, 2010] },
      { name: '동아시아 전체', tier: null, years: [1948, 2025] },
    ]);
  });

  it.each([
    ['two views with the same name but for case', (views: { name: string }[]) => (views[1]!.name = 'CHILE trade, 2000s '), /share the name/],
    ['a view with no name', (views: { name: string }[]) => (views[0]!.name = '   '), /needs a name/],
    ['a view whose years run backwards', (views: { state: { years: number[] } }[]) => (views[0]!.state.years = [2010, 2000]), /first year comes after/],
    ['a view zoomed past the map', (views: { state: { camera: { zoom: number } } }[]) => (views[0]!.state.camera.zoom = 99), /zoom/],
  ])('refuses %s', (_, spoil, message) => {
    const store = JSON.parse(fixture('v5-store.json')) as { views: never[] };
    spoil(store.views);
    const parsed = parseStore(JSON.stringify(store));
    expect(!parsed.ok && parsed.problem.kind === 'wrong-shape' && parsed.problem.message).toMatch(message);
  });

  it('refuses two imported sources with the same content hash', () => {
    const store = JSON.parse(fixture('v3-store.json')) as { sources: { id: string }[] };
    store.sources.push({ ...store.sources[0]!, id: 'imported-0000000000000000' });
    const parsed = parseStore(JSON.stringify(store));
    expect(!parsed.ok && parsed.problem.kind === 'wrong-shape' && parsed.problem.message).toMatch(/Two sources share/);
  });

  it.each([
    ['__proto__ inside a note', fixture('v2-proto-key.json'), /__proto__/],
    ['constructor in the preferences', JSON.stringify({ ...emptyStore(), prefs: { constructor: { name: 'x' } } }), /constructor/],
    ['prototype at the top', JSON.stringify({ ...emptyStore(), prototype: {} }), /prototype/],
  ])('refuses a file with %s', (_, text, key) => {
    const parsed = parseStore(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toMatchObject({ kind: 'wrong-shape', message: expect.stringMatching(key) });
  });

  it('refuses unknown keys, since a newer shape must come with a newer version', () => {
    expect(parseStore(JSON.stringify({ ...emptyStore(), extra: 1 })).ok).toBe(false);
  });

  it('refuses two notes with the same id', () => {
    const store = JSON.parse(fixture('v2-store.json')) as { notes: unknown[] };
    store.notes.push(store.notes[0]);
    const parsed = parseStore(JSON.stringify(store));
    expect(!parsed.ok && parsed.problem.kind === 'wrong-shape' && parsed.problem.message).toMatch(/share the id/);
  });

  it('tells a file from a newer version apart from a broken one', () => {
    expect(parseStore(JSON.stringify({ ...emptyStore(), schemaVersion: STORE_VERSION + 1 }))).toEqual({
      ok: false,
      problem: { kind: 'newer-version', version: STORE_VERSION + 1 },
    });
  });

  it('reads a file that starts with a byte-order mark', () => {
    expect(parseStore(`\uFEFF${JSON.stringify(emptyStore())}`).ok).toBe(true);
  });
});
