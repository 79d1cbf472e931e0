import { describe, expect, it } from 'vitest';
import { isCodedError } from '../codedError';
import { attachNotes, buildNote, countNotesByCountry, filterNotes, normaliseTags, patchNote } from './operations';
import type { Note } from '../store/schema';

let counter = 0;
const id = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute));

function note(overrides: Partial<Note> & { body?: string } = {}): Note {
  return { ...buildNote({ target: { kind: 'country', countryId: 'JPN' }, body: overrides.body ?? '' }, id(), at(0)), ...overrides };
}

function passageNote(passageId: string, passageText: string): Note {
  return buildNote({ target: { kind: 'passage', countryId: 'JPN', passageId, passageText }, body: 'about this' }, id(), at(0));
}

describe('normaliseTags()', () => {
  it('stores one spelling per tag, in the order typed', () => {
    expect(normaliseTags(['  #Trade ', 'trade', 'Security  Policy', '', '#', '안보'])).toEqual(['trade', 'security policy', '안보']);
  });

  it('gives a tag that normalising again leaves unchanged, so a stored tag always validates', () => {
    for (const tag of normaliseTags(['İstanbul', 'ΣΟΦΊΑ', 'Straße', 'e\u0301t\u00e9', '#C#'])) expect(normaliseTags([tag])).toEqual([tag]);
    expect(() => buildNote({ target: { kind: 'country', countryId: 'TUR' }, body: '', tags: ['İstanbul'] }, id(), at(0))).not.toThrow();
  });
});

describe('buildNote()', () => {
  it('stamps both times and normalises tags', () => {
    const built = buildNote({ target: { kind: 'country', countryId: 'KOR' }, body: 'x', tags: ['#A', 'a'] }, id(), at(5));
    expect(built).toMatchObject({ tags: ['a'], pinned: false, createdAt: at(5).toISOString(), updatedAt: at(5).toISOString() });
  });

  it.each([
    ['a body over 100,000 characters', { target: { kind: 'country', countryId: 'KOR' }, body: 'x'.repeat(100_001) }],
    ['more than 20 tags', { target: { kind: 'country', countryId: 'KOR' }, body: '', tags: Array.from({ length: 21 }, (_, i) => `t${String(i)}`) }],
    ['a country id that is not one', { target: { kind: 'country', countryId: '../etc' }, body: '' }],
    ['an extra field', { target: { kind: 'country', countryId: 'KOR' }, body: '', html: '<b>' }],
  ])('refuses %s as invalid input', (_, input) => {
    let caught: unknown;
    try {
      buildNote(input, id(), at(0));
    } catch (error) {
      caught = error;
    }
    expect(isCodedError(caught, 'invalid-input')).toBe(true);
  });
});

describe('patchNote()', () => {
  it('changes only what the edit names and moves updatedAt', () => {
    const original = note({ body: 'old', tags: ['a'] });
    const patched = patchNote(original, { body: 'new' }, at(9));
    expect(patched).toEqual({ ...original, body: 'new', updatedAt: at(9).toISOString() });
  });

  it('refuses an edit that changes nothing', () => {
    expect(() => patchNote(note(), {}, at(1))).toThrow(/changes nothing/);
  });
});

describe('filterNotes()', () => {
  const korea = note({ body: 'Summit in Seoul', target: { kind: 'country', countryId: 'KOR' }, updatedAt: at(3).toISOString() });
  const turkey = note({ body: 'Relations with Türkiye', tags: ['trade'], target: { kind: 'country', countryId: 'TUR' }, updatedAt: at(2).toISOString() });
  const pinned = note({ body: '한국과 일본의 정상회담', pinned: true, tags: ['외교'], updatedAt: at(1).toISOString() });
  const all = [korea, turkey, pinned];

  it('sorts pinned notes first, then the most recently updated', () => {
    expect(filterNotes(all).map((n) => n.id)).toEqual([pinned.id, korea.id, turkey.id]);
  });

  it('finds text regardless of case and diacritics', () => {
    expect(filterNotes(all, { text: 'TURKIYE' })).toEqual([turkey]);
    expect(filterNotes(all, { text: 'türk' })).toEqual([turkey]);
  });

  it('finds Korean text, and searches tags too', () => {
    expect(filterNotes(all, { text: '정상회담' })).toEqual([pinned]);
    expect(filterNotes(all, { text: '외교' })).toEqual([pinned]);
  });

  it('needs every word of the query', () => {
    expect(filterNotes(all, { text: 'summit seoul' })).toEqual([korea]);
    expect(filterNotes(all, { text: 'summit tokyo' })).toEqual([]);
  });

  it('filters by tag in any spelling, and by country', () => {
    expect(filterNotes(all, { tag: '#Trade' })).toEqual([turkey]);
    expect(filterNotes(all, { countryId: 'KOR' })).toEqual([korea]);
  });
});

describe('countNotesByCountry()', () => {
  it('counts country and passage notes per country', () => {
    expect(countNotesByCountry([note(), passageNote('p1', 'text'), note({ target: { kind: 'country', countryId: 'USA' } })])).toEqual({ JPN: 2, USA: 1 });
  });
});

describe('attachNotes()', () => {
  const passages = new Map([
    ['p1', 'Japan and Korea signed a treaty in 1965.'],
    ['p2', 'Trade grew.'],
  ]);

  it('keeps a note whose passage is unchanged attached', () => {
    const [placed] = attachNotes([passageNote('p1', 'Japan and Korea signed a treaty in 1965.')], passages);
    expect(placed?.placement).toEqual({ kind: 'attached' });
  });

  it('keeps a note whose passage changed, as detached, with the old text', () => {
    const old = passageNote('p2', 'Trade shrank.');
    expect(attachNotes([old], passages)).toEqual([{ note: old, placement: { kind: 'detached', reason: 'passage-changed' } }]);
    expect(old.target.kind === 'passage' && old.target.passageText).toBe('Trade shrank.');
  });

  it('keeps a note whose passage vanished, as detached', () => {
    const gone = passageNote('p9', 'A passage since removed.');
    expect(attachNotes([gone], passages)).toEqual([{ note: gone, placement: { kind: 'detached', reason: 'passage-removed' } }]);
  });

  it('does not detach a note over whitespace or Unicode composition alone, either side', () => {
    const [placed] = attachNotes([passageNote('p1', ' Japan and Korea  signed a treaty\nin 1965. ')], passages);
    expect(placed?.placement.kind).toBe('attached');
    const composed = new Map([['p3', 'Caf\u00e9  diplomacy']]);
    expect(attachNotes([passageNote('p3', 'Cafe\u0301 diplomacy')], composed)[0]?.placement.kind).toBe('attached');
    const decomposed = new Map([['p4', 'Cafe\u0301 diplomacy']]);
    expect(attachNotes([passageNote('p4', 'Caf\u00e9 diplomacy ')], decomposed)[0]?.placement.kind).toBe('attached');
    expect(attachNotes([passageNote('p4', 'Cafe diplomacy')], decomposed)[0]?.placement.kind).toBe('detached');
  });

  it('never drops a note, and passes country notes through', () => {
    const notes = [note(), passageNote('p1', 'x'), passageNote('gone', 'y')];
    const placed = attachNotes(notes, new Map());
    expect(placed.map((p) => p.note)).toEqual(notes);
    expect(placed.map((p) => p.placement.kind)).toEqual(['country', 'detached', 'detached']);
  });
});
