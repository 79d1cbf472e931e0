import { describe, expect, it } from 'vitest';
import { richText, sentenceAround } from './richText';

describe('richText()', () => {
  const text = 'Seoul & Tokyo agreed. Talks <resumed> in 2023.';

  it('escapes the text and puts each citation marker back where it stood', () => {
    const html = richText(text, [], [
      { label: '3', offset: 21 },
      { label: 'a"b', offset: text.length },
    ]);
    expect(html).toBe('Seoul &amp; Tokyo agreed.<sup class="cite">[3]</sup> Talks &lt;resumed&gt; in 2023.<sup class="cite">[a&quot;b]</sup>');
  });

  it('marks evidence over a tension where they overlap, and dates apart', () => {
    const html = richText(text, [
      { start: 0, end: 13, kind: 'tension' },
      { start: 8, end: 20, kind: 'evidence' },
      { start: 41, end: 45, kind: 'date' },
    ], []);
    expect(html).toBe('<mark class="tension">Seoul &amp; </mark><mark>Tokyo agreed</mark>. Talks &lt;resumed&gt; in <strong class="date">2023</strong>.');
  });

  it('prints a range only, with the markers inside it or right after it', () => {
    const html = richText(text, [{ start: 22, end: 27, kind: 'evidence' }], [
      { label: '1', offset: 0 },
      { label: '2', offset: 21 },
      { label: '3', offset: 46 },
    ], 0, 21);
    expect(html).toBe('<sup class="cite">[1]</sup>Seoul &amp; Tokyo agreed.<sup class="cite">[2]</sup>');
  });
});

describe('sentenceAround()', () => {
  const text = 'The first sentence. In 1968, South Korea obliged the treaty. A last one.';

  it('finds the sentence holding a span, without its trailing space', () => {
    const start = text.indexOf('obliged');
    const range = sentenceAround(text, start, start + 7);
    expect(text.slice(range.from, range.to)).toBe('In 1968, South Korea obliged the treaty.');
  });

  it('spans every sentence a phrase crosses', () => {
    const start = text.indexOf('treaty');
    const range = sentenceAround(text, start, text.indexOf('last'));
    expect(text.slice(range.from, range.to)).toBe('In 1968, South Korea obliged the treaty. A last one.');
  });
});
