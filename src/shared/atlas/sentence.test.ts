import { describe, expect, it } from 'vitest';
import { SENTENCE_WINDOW, sentenceAround, sentenceText } from './sentence';

// What the segmenter finds over the whole text: the reference for passages of a usual length.
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
function wholeText(text: string, start: number, end: number): string {
  let from = 0;
  let to = text.length;
  for (const { index, segment } of segmenter.segment(text)) {
    if (index + segment.length <= start) from = index + segment.length;
    if (index >= end && to === text.length) to = index;
  }
  return text.slice(from, to).trim();
}

describe('sentenceAround() over long passages', () => {
  it('finds what segmenting the whole passage finds, for every word of a passage up to twice the window', () => {
    const sentences = Array.from({ length: 60 }, (_, index) => `Sentence ${String(index)} says Korea and Japan met in ${String(1950 + index)}.`);
    const text = sentences.join(' ');
    expect(text.length).toBeLessThan(2 * SENTENCE_WINDOW + 100);
    for (let at = 0; at < text.length; at += 37) {
      expect(sentenceText(text, at, at + 5)).toBe(wholeText(text, at, at + 5));
    }
  });

  it('finds the right sentence deep in a paragraph of a megabyte, reading only the text around it', () => {
    // One paragraph of ordinary sentences, as a document with no line breaks becomes.
    const filler = 'Officials from both sides reviewed trade, visits and the coming year. ';
    const before = filler.repeat(Math.ceil(500_000 / filler.length));
    const target = 'In 1992 South Korea and China established diplomatic relations.';
    const text = `${before}${target} ${before}`;
    const start = text.indexOf('China');
    const range = sentenceAround(text, start, start + 5);
    expect(text.slice(range.from, range.to)).toBe(target);
  });

  it('ends a "sentence" of a megabyte with no full stop at the edges of its window, at word starts', () => {
    const text = 'word '.repeat(200_000);
    const start = 500_000;
    const range = sentenceAround(text, start, start + 4);
    expect(range.from).toBeGreaterThanOrEqual(start - SENTENCE_WINDOW);
    expect(range.to).toBeLessThanOrEqual(start + 4 + SENTENCE_WINDOW);
    expect(range.from).toBeLessThanOrEqual(start);
    expect(range.to).toBeGreaterThanOrEqual(start + 4);
    expect(text.slice(range.from, range.from + 5)).toBe('word ');
  });
});
