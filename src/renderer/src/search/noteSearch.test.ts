import { describe, expect, it } from 'vitest';
import type { NoteView } from '../../../shared/contract';
import { compareNotes, filterNotes } from '../../../shared/notes/operations';
import type { Note } from '../../../shared/store/schema';
import { createNoteSearch, narrows } from './noteSearch';

function note(index: number, body: string, tags: string[], updatedAt = `2026-01-${String((index % 28) + 1).padStart(2, '0')}T00:00:00.000Z`): Note {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    target: { kind: 'country', countryId: 'JPN' },
    body,
    tags,
    pinned: index % 5 === 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt,
  };
}

const notes = [
  note(1, 'Talks on the **Côte d’Ivoire** embassy resumed.', ['diplomacy']),
  note(2, 'Trade agreement signed; watch the tariffs.', ['trade', 'economy']),
  note(3, '한일 정상회담 이후 무역 협정', ['trade']),
  note(4, 'Summit meeting postponed', ['security']),
  note(5, 'Nothing here', ['Ünïcode tag']),
].sort(compareNotes);
const views: NoteView[] = notes.map((one) => ({ note: one, placement: { kind: 'country' } }));
const ids = (list: readonly NoteView[]) => list.map((view) => view.note.id);

describe('createNoteSearch()', () => {
  const search = createNoteSearch();

  it('finds what the store finds, in the same order', () => {
    for (const query of [{ text: 'trade' }, { text: 'cote ivoire' }, { text: 'TRAD agree' }, { text: '무역' }, { text: '정상' }, { tag: 'trade' }, { tag: '#Trade', text: 'tariff' }, { text: 'unicode' }, { text: 'nothing at all' }, {}]) {
      expect(ids(search(views, query)), JSON.stringify(query)).toEqual(filterNotes(notes, query).map((one) => one.id));
    }
  });

  it('sees a note edited since the last search', () => {
    expect(ids(search(views, { text: 'postponed' }))).toHaveLength(1);
    const edited = views.map((view) => (view.note.body.startsWith('Summit') ? { ...view, note: { ...view.note, body: 'Summit held', updatedAt: '2026-02-01T00:00:00.000Z' } } : view));
    expect(ids(search(edited, { text: 'postponed' }))).toEqual([]);
    expect(ids(search(edited, { text: 'held' }))).toHaveLength(1);
  });
});

describe('narrows()', () => {
  it('holds while typing on or adding words', () => {
    expect(narrows(['trade'], ['trade', 'e'])).toBe(true);
    expect(narrows(['trade', 'eco'], ['trade', 'econ'])).toBe(true);
    expect(narrows([], ['anything'])).toBe(true);
  });

  it('fails when a word is deleted or changed', () => {
    expect(narrows(['trade', 'econ'], ['trade', 'eco'])).toBe(false);
    expect(narrows(['trade'], ['tread'])).toBe(false);
  });
});

describe('createNoteSearch() as you type', () => {
  it('finds the same narrowing from an earlier search as from scratch', () => {
    const typing = createNoteSearch();
    for (const text of ['t', 'tr', 'tra', 'trade', 'trade ', 'trade a', 'trade ag', 'trade a', 'trade', 'summit', 's']) {
      expect(ids(typing(views, { text })), text).toEqual(ids(createNoteSearch()(views, { text })));
      expect(ids(typing(views, { text })), text).toEqual(filterNotes(notes, { text }).map((one) => one.id));
    }
  });
});
