import { describe, expect, it } from 'vitest';
import type { Note, NoteView } from '../../../shared/contract';
import { compareNotes } from '../../../shared/notes/operations';
import { countNotes, dropNote, groupByCountry, placeNote } from './noteList';

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function note(n: number, updated: string, options: { pinned?: boolean; countryId?: string; passage?: boolean } = {}): Note {
  const countryId = options.countryId ?? 'JPN';
  return {
    id: id(n),
    target: options.passage ? { kind: 'passage', countryId, passageId: `p-${n}`, passageText: 'Japan and Korea.' } : { kind: 'country', countryId },
    body: `note ${n}`,
    tags: [],
    pinned: options.pinned ?? false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: `2026-01-${updated}T00:00:00.000Z`,
  };
}

const sorted = (notes: Note[]): NoteView[] =>
  [...notes].sort(compareNotes).map((one) => ({ note: one, placement: one.target.kind === 'country' ? { kind: 'country' } : { kind: 'attached' } }));
const ids = (views: readonly NoteView[]) => views.map((view) => view.note.id);

describe('placeNote()', () => {
  const notes = [note(1, '05', { pinned: true }), note(2, '04'), note(3, '03', { passage: true }), note(4, '02')];
  const views = sorted(notes);

  it('moves a saved note where a reload from the store would put it', () => {
    const saved = { ...notes[3]!, body: 'changed', updatedAt: '2026-01-09T00:00:00.000Z' };
    const placed = placeNote(views, saved);
    expect(placed).toEqual(sorted([notes[0]!, notes[1]!, notes[2]!, saved]));
    expect(ids(placed)).toEqual([id(1), id(4), id(2), id(3)]);
  });

  it('keeps the placement of a passage note it replaces', () => {
    const saved = { ...notes[2]!, body: 'changed', updatedAt: '2026-01-10T00:00:00.000Z' };
    expect(placeNote(views, saved).find((view) => view.note.id === saved.id)?.placement).toEqual({ kind: 'attached' });
  });

  it('moves an unpinned note below the pinned ones', () => {
    const unpinned = { ...notes[0]!, pinned: false, updatedAt: '2026-01-06T00:00:00.000Z' };
    expect(ids(placeNote(views, unpinned))).toEqual([id(1), id(2), id(3), id(4)]);
    expect(placeNote(views, unpinned)[0]?.note.pinned).toBe(false);
  });

  it('inserts a new country note and leaves the list it was given alone', () => {
    const added = note(5, '03');
    const placed = placeNote(views, added);
    expect(placed).toEqual(sorted([...notes, added]));
    expect(views).toHaveLength(4);
  });

  it('does not guess where a passage note it does not know belongs', () => {
    const added = note(6, '08', { passage: true });
    expect(placeNote(views, added)).toBe(views);
    expect(placeNote(views, added, { kind: 'detached', reason: 'passage-removed' })[1]).toEqual({ note: added, placement: { kind: 'detached', reason: 'passage-removed' } });
  });
});

describe('dropNote()', () => {
  const views = sorted([note(1, '02'), note(2, '01')]);

  it('removes the note with that id', () => {
    expect(ids(dropNote(views, id(1)))).toEqual([id(2)]);
  });

  it('returns the same list when the note is not there', () => {
    expect(dropNote(views, id(9))).toBe(views);
  });
});

describe('countNotes()', () => {
  const views = sorted([note(1, '02'), note(2, '01', { passage: true }), note(3, '01', { countryId: 'FRA' })]);

  it('counts country and passage notes per country', () => {
    expect(countNotes(views)).toEqual(new Map([['JPN', 2], ['FRA', 1]]));
  });

  it('returns the previous counts when nothing changed, new ones when something did', () => {
    const previous = countNotes(views);
    expect(countNotes(sorted([note(1, '09'), note(2, '01', { passage: true }), note(3, '01', { countryId: 'FRA' })]), previous)).toBe(previous);
    expect(countNotes(views.slice(1), previous)).toEqual(new Map([['JPN', 1], ['FRA', 1]]));
  });
});

describe('groupByCountry()', () => {
  const notes = [note(1, '05', { countryId: 'JPN' }), note(2, '04', { countryId: 'VNM', passage: true }), note(3, '03', { countryId: 'JPN', passage: true })];
  const views = sorted(notes);

  it('lists each country’s country and passage notes in the order of the list', () => {
    const groups = groupByCountry(views);
    expect([...groups.keys()].sort()).toEqual(['JPN', 'VNM']);
    expect(ids(groups.get('JPN')!)).toEqual([id(1), id(3)]);
    expect(ids(groups.get('VNM')!)).toEqual([id(2)]);
  });

  it('keeps the array of a country whose notes a save did not touch', () => {
    const before = groupByCountry(views);
    const saved = { ...notes[1]!, body: 'changed', updatedAt: '2026-01-09T00:00:00.000Z' };
    const after = groupByCountry(placeNote(views, saved), before);
    expect(after.get('JPN')).toBe(before.get('JPN'));
    expect(after.get('VNM')).not.toBe(before.get('VNM'));
    expect(after.get('VNM')?.[0]?.note.body).toBe('changed');
  });

  it('drops a country whose last note went, and gives a new array when a note is added', () => {
    const before = groupByCountry(views);
    expect(groupByCountry(dropNote(views, id(2)), before).has('VNM')).toBe(false);
    const added = groupByCountry(placeNote(views, note(4, '09', { countryId: 'JPN' })), before);
    expect(ids(added.get('JPN')!)).toEqual([id(4), id(1), id(3)]);
  });
});
