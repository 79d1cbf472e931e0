import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCodedError, type CodedErrorCode } from '../codedError';
import { buildJsonExport, EXPORT_FORMAT, IMPORT_MAX_BYTES, mergeImport, planImport, type NotesData } from './importNotes';
import { STORE_VERSION, type Note } from '../store/schema';

const fixture = (name: string) => readFileSync(new URL(`../../../tests/fixtures/store/${name}`, import.meta.url), 'utf8');
const exportText = fixture('notes-export-v2.json');
const exported = JSON.parse(exportText) as { notes: Note[]; overrides: NotesData['overrides'] };
const empty = (): NotesData => ({ notes: [], overrides: [] });

function codeOf(run: () => unknown): CodedErrorCode | 'no error' {
  try {
    run();
  } catch (error) {
    if (isCodedError(error)) return error.code;
    throw error;
  }
  return 'no error';
}

describe('planImport()', () => {
  it('previews a first import as all added', () => {
    const plan = planImport(empty(), exportText);
    expect(plan.notes.added).toHaveLength(3);
    expect(plan.overrides.added).toHaveLength(1);
    expect([...plan.notes.updated, ...plan.notes.unchanged, ...plan.notes.conflicts]).toEqual([]);
  });

  it('sorts each note into added, updated (newer wins), unchanged or conflict', () => {
    const [japan, usa, kosovo] = exported.notes as [Note, Note, Note];
    const current: NotesData = {
      notes: [
        { ...japan, body: 'older edit', updatedAt: '2026-03-01T09:01:30.000Z' }, // the file is newer
        usa, // identical
        { ...kosovo, body: 'edited since', updatedAt: '2026-04-01T00:00:00.000Z' }, // ours is newer
      ],
      overrides: [],
    };
    const plan = planImport(current, exportText);
    expect(plan.notes.updated.map((change) => change.incoming)).toEqual([japan]);
    expect(plan.notes.unchanged).toEqual([usa]);
    expect(plan.notes.conflicts).toEqual([{ current: current.notes[2], incoming: kosovo, reason: 'current-is-newer' }]);
    expect(plan.notes.added).toEqual([]);
  });

  it('flags the same id on a different country as a conflict, never a silent move', () => {
    const [japan] = exported.notes as [Note];
    const moved: Note = { ...japan, target: { kind: 'country', countryId: 'CHN' }, updatedAt: '2020-01-01T00:00:00.000Z' };
    const plan = planImport({ notes: [moved], overrides: [] }, exportText);
    expect(plan.notes.conflicts[0]?.reason).toBe('different-target');
  });

  const valid = JSON.parse(exportText) as Record<string, unknown>;
  it.each<[string, string, CodedErrorCode]>([
    ['text that is not JSON', 'not json at all', 'not-json'],
    ['an empty file', '', 'not-json'],
    ['JSON that is not an export', '{"hello":"world"}', 'wrong-format'],
    ['a JSON array', '[]', 'wrong-format'],
    ['an export with a broken note', JSON.stringify({ ...valid, notes: [{ id: 'x' }] }), 'wrong-schema'],
    ['an export with an unknown field', JSON.stringify({ ...valid, extra: 1 }), 'wrong-schema'],
    ['an export with the same note twice', JSON.stringify({ ...valid, notes: [...exported.notes, exported.notes[0]] }), 'wrong-schema'],
    ['an export of an older version', JSON.stringify({ ...valid, schemaVersion: 1 }), 'wrong-version'],
    ['an export of a newer version', JSON.stringify({ ...valid, schemaVersion: STORE_VERSION + 1 }), 'newer-version'],
    ['a __proto__ key', exportText.replace('"pinned": true,', '"pinned": true, "__proto__": {"polluted": true},'), 'forbidden-key'],
    ['a constructor key', JSON.stringify({ ...valid, constructor: {} }), 'forbidden-key'],
  ])('refuses %s with a clear error', (_, text, code) => {
    expect(codeOf(() => planImport(empty(), text))).toBe(code);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses text longer than the size limit before parsing it', () => {
    expect(codeOf(() => planImport(empty(), ' '.repeat(IMPORT_MAX_BYTES + 1)))).toBe('too-large');
  });

  it('refuses an override naming a tier the atlas does not have', () => {
    expect(codeOf(() => planImport(empty(), exportText, { tierIds: ['alliance'] }))).toBe('unknown-tier');
    expect(codeOf(() => planImport(empty(), exportText, { tierIds: ['strategic'] }))).toBe('no error');
  });
});

describe('mergeImport()', () => {
  it('adds and updates without duplicates, and changes nothing the second time', () => {
    const draft = empty();
    const plan = planImport(draft, exportText);
    expect(mergeImport(draft, plan)).toEqual({ notesAdded: 3, notesUpdated: 0, overridesAdded: 1, overridesUpdated: 0 });
    const after = JSON.stringify(draft);
    expect(mergeImport(draft, plan)).toEqual({ notesAdded: 0, notesUpdated: 0, overridesAdded: 0, overridesUpdated: 0 });
    expect(JSON.stringify(draft)).toBe(after);
    const again = planImport(draft, exportText);
    expect(again.notes.unchanged).toHaveLength(3);
    expect(again.overrides.unchanged).toHaveLength(1);
  });

  it('does not overwrite an edit made after the preview', () => {
    const [japan] = exported.notes as [Note];
    const draft: NotesData = { notes: [{ ...japan, updatedAt: '2020-01-01T00:00:00.000Z', body: 'old' }], overrides: [] };
    const plan = planImport(draft, exportText);
    expect(plan.notes.updated).toHaveLength(1);
    draft.notes[0] = { ...japan, body: 'edited after the preview', updatedAt: '2030-01-01T00:00:00.000Z' };
    expect(mergeImport(draft, plan).notesUpdated).toBe(0);
    expect(draft.notes[0]?.body).toBe('edited after the preview');
  });
});

describe('buildJsonExport()', () => {
  it('round-trips through import', () => {
    const data: NotesData = { notes: exported.notes, overrides: exported.overrides };
    const text = buildJsonExport(data, new Date('2026-05-05T00:00:00.000Z'));
    expect(JSON.parse(text)).toMatchObject({ format: EXPORT_FORMAT, schemaVersion: STORE_VERSION, exportedAt: '2026-05-05T00:00:00.000Z' });
    expect(planImport(data, text).notes.unchanged).toHaveLength(3);
  });
});
