import { describe, expect, it } from 'vitest';
import { searchable, snippetParts } from './passageSearch';

describe('snippetParts()', () => {
  it('cuts a snippet into plain and marked parts at the ranges main sent', () => {
    expect(snippetParts('the Liancourt Rocks controversy', [{ start: 4, end: 13 }, { start: 14, end: 19 }])).toEqual([
      { text: 'the ', marked: false },
      { text: 'Liancourt', marked: true },
      { text: ' ', marked: false },
      { text: 'Rocks', marked: true },
      { text: ' controversy', marked: false },
    ]);
  });

  it('puts ranges in order, merges overlaps and clips what lies outside the snippet', () => {
    expect(snippetParts('abcdefgh', [{ start: 5, end: 99 }, { start: 1, end: 3 }, { start: 2, end: 4 }, { start: -4, end: 0 }, { start: 7, end: 6 }])).toEqual([
      { text: 'a', marked: false },
      { text: 'bcd', marked: true },
      { text: 'e', marked: false },
      { text: 'fgh', marked: true },
    ]);
    expect(snippetParts('plain', [])).toEqual([{ text: 'plain', marked: false }]);
  });

  it('keeps markup as the text it is', () => {
    const snippet = '<img src=x onerror=alert(1)> Japan';
    const parts = snippetParts(snippet, [{ start: 29, end: 34 }]);
    expect(parts.map((part) => part.text).join('')).toBe(snippet);
    expect(parts.at(-1)).toEqual({ text: 'Japan', marked: true });
  });
});

describe('searchable()', () => {
  it('asks main from two letters or digits, in any script', () => {
    expect(searchable('n')).toBe(false);
    expect(searchable(' a. ')).toBe(false);
    expect(searchable('no')).toBe(true);
    expect(searchable('일본')).toBe(true);
    expect(searchable('19')).toBe(true);
  });
});
