import { describe, expect, it } from 'vitest';
import { segmentPassage } from './segments';

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
