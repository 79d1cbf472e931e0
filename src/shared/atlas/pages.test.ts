import { describe, expect, it } from 'vitest';
import { marksByPassage } from './pages';

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