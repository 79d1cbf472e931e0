import { describe, expect, it } from 'vitest';
import type { AtlasPassage, Evidence, Link, Tension } from '../atlas';
import { mostRelevantPassages } from './relevance';

const link = (countryId: string, role: Link['role']): Link => ({ countryId, start: 0, end: 4, matched: countryId, role });
const passage = (id: string, links: Link[]): AtlasPassage => ({ id, sourceId: 's', index: 0, kind: 'prose', text: `Passage ${id}`, citations: [], links, events: [] });
const evidence = (passageId: string): Evidence => ({ passageId, start: 0, end: 4, phrase: 'ally', rule: 'alliance' });
const tension = (passageId: string): Tension => ({ kind: 'territorial-dispute', passageId, start: 0, end: 4, phrase: 'dispute', rule: 'dispute' });

// In source order: a venue-only passage, subjects with no, two and one findings, and two deciding passages late.
const passages = [
  passage('venue', [link('JPN', 'venue')]),
  passage('plain', [link('JPN', 'subject')]),
  passage('two-tensions', [link('JPN', 'subject')]),
  passage('one-tension', [link('JPN', 'subject')]),
  passage('venue-tension', [link('JPN', 'venue')]),
  passage('deciding-b', [link('JPN', 'subject')]),
  passage('deciding-a', [link('JPN', 'venue')]),
];
const entry = {
  evidence: [evidence('deciding-a'), evidence('deciding-b')],
  tensions: [tension('two-tensions'), tension('two-tensions'), tension('one-tension'), tension('venue-tension')],
};

describe('mostRelevantPassages()', () => {
  it('keeps every passage, in source order, within the cap', () => {
    expect(mostRelevantPassages('JPN', entry, passages, 7)).toEqual({ shown: passages, left: 0 });
  });

  it('takes the deciding passages first, then subjects by their findings, then source order; and prints them in source order', () => {
    const ids = (cap: number) => mostRelevantPassages('JPN', entry, passages, cap).shown.map((item) => item.id);
    expect(ids(2)).toEqual(['deciding-b', 'deciding-a']);
    expect(ids(3)).toEqual(['two-tensions', 'deciding-b', 'deciding-a']);
    expect(ids(4)).toEqual(['two-tensions', 'one-tension', 'deciding-b', 'deciding-a']);
    expect(ids(5)).toEqual(['plain', 'two-tensions', 'one-tension', 'deciding-b', 'deciding-a']);
    // Among passages where the country is only a venue, a finding still counts first.
    expect(ids(6)).toEqual(['plain', 'two-tensions', 'one-tension', 'venue-tension', 'deciding-b', 'deciding-a']);
    expect(mostRelevantPassages('JPN', entry, passages, 4).left).toBe(3);
  });

  it('is the same whatever order the findings come in', () => {
    const reversed = { evidence: [...entry.evidence].reverse(), tensions: [...entry.tensions].reverse() };
    expect(mostRelevantPassages('JPN', reversed, passages, 4)).toEqual(mostRelevantPassages('JPN', entry, passages, 4));
  });
});
