import { describe, expect, it } from 'vitest';
import { marksByPassage, segmentPassage } from './segments';

describe('segmentPassage()', () => {
  it('puts citation markers back where they stood', () => {
    expect(segmentPassage('Ties grew. Trade too.', [], [{ label: '20', offset: 10 }])).toEqual([
      { kind: 'text', text: 'Ties grew.', mark: null },
      { kind: 'citation', label: '20' },
      { kind: 'text', text: ' Trade too.', mark: null },
    ]);
  });

  it('keeps a marker at the very start and end', () => {
    const segments = segmentPassage('Text', [], [
      { label: '1', offset: 0 },
      { label: '2', offset: 4 },
    ]);
    expect(segments).toEqual([
      { kind: 'citation', label: '1' },
      { kind: 'text', text: 'Text', mark: null },
      { kind: 'citation', label: '2' },
    ]);
  });

  it('highlights evidence over a tension that overlaps it', () => {
    const segments = segmentPassage(
      'a strategic ties dispute',
      [
        { start: 2, end: 16, kind: 'evidence' },
        { start: 12, end: 24, kind: 'tension' },
      ],
      [],
    );
    expect(segments).toEqual([
      { kind: 'text', text: 'a ', mark: null },
      { kind: 'text', text: 'strategic ties', mark: 'evidence' },
      { kind: 'text', text: ' dispute', mark: 'tension' },
    ]);
  });

  it('returns the text unchanged when nothing is marked', () => {
    expect(segmentPassage('<script>alert(1)</script>', [], [])).toEqual([{ kind: 'text', text: '<script>alert(1)</script>', mark: null }]);
  });
});

describe('marksByPassage()', () => {
  const evidence = (passageId: string, start: number) => ({ passageId, start, end: start + 5, phrase: 'phrase', rule: 'rule' });
  const tension = (passageId: string, start: number) => ({ ...evidence(passageId, start), kind: 'incident' as const });
  const entry = {
    evidence: [evidence('a', 0), evidence('b', 10), evidence('a', 20)],
    tensions: [tension('b', 30), tension('c', 40)],
  };

  it('gathers the evidence and tension phrases of each passage, evidence first', () => {
    const marks = marksByPassage(entry);
    expect([...marks.keys()].sort()).toEqual(['a', 'b', 'c']);
    expect(marks.get('a')).toEqual([
      { start: 0, end: 5, kind: 'evidence' },
      { start: 20, end: 25, kind: 'evidence' },
    ]);
    expect(marks.get('b')).toEqual([
      { start: 10, end: 15, kind: 'evidence' },
      { start: 30, end: 35, kind: 'tension' },
    ]);
    expect(marks.get('c')).toEqual([{ start: 40, end: 45, kind: 'tension' }]);
  });

  it('keeps to the kinds asked for, in the order the passages first come', () => {
    const marks = marksByPassage(entry, ['evidence']);
    expect([...marks.keys()]).toEqual(['a', 'b']);
    expect(marks.get('b')).toEqual([{ start: 10, end: 15, kind: 'evidence' }]);
  });

  it('has nothing for a country without phrases', () => {
    expect(marksByPassage({ evidence: [], tensions: [] }).size).toBe(0);
  });
});
