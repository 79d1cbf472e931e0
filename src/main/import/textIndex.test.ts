import { describe, expect, it } from 'vitest';
import { buildTextIndex, loadTextIndex, queryWords, searchTextIndex, storeTextIndex, withinEdits } from './textIndex';

const index = buildTextIndex([
  { id: 'a', text: 'Japan and Japanese envoys met in Tokyo.' },
  { id: 'b', text: 'Japan, Japan, Japan: the word said three times.' },
  { id: 'c', text: 'Nordpolitik expanded contacts with the Soviet Union.' },
  { id: 'd', text: 'Café diplomacy in São Paulo.' },
]);
const search = (query: string, top = 10) => {
  const found = searchTextIndex(index, queryWords(query), top);
  return { ...found, ids: found.top.map((hit) => index.ids[hit.doc]) };
};

describe('the text index', () => {
  it('ranks a word said more often higher, and a whole word above the start of a longer one', () => {
    expect(search('japan').ids).toEqual(['b', 'a']);
    expect(search('japan').total).toBe(2);
    expect(search('japan').terms).toEqual(new Set(['japan', 'japanese']));
    expect(search('japanese').ids).toEqual(['a']);
  });

  it('needs every word, ignores accents and case, and forgives a typo only where nothing matches as typed', () => {
    expect(search('japan tokyo').ids).toEqual(['a']);
    expect(search('japan soviet').ids).toEqual([]);
    expect(search('CAFE sao').ids).toEqual(['d']);
    expect(search('nordpolitk').ids).toEqual(['c']);
    expect(search('nordpolitk').terms).toEqual(new Set(['nordpolitik']));
    expect(search('xordpolitik').ids).toEqual([]);
  });

  it('gives the best `top` and the count of all', () => {
    expect(search('japan', 1)).toMatchObject({ total: 2, ids: ['b'] });
  });

  it('stores and reads back the same index, and refuses arrays that do not fit', () => {
    const stored = storeTextIndex(index);
    const loaded = loadTextIndex(JSON.parse(JSON.stringify(stored)) as Record<string, unknown>);
    expect(searchTextIndex(loaded, queryWords('japan'), 10)).toEqual(searchTextIndex(index, queryWords('japan'), 10));
    expect(() => loadTextIndex({ ...stored, docs: stored.counts })).toThrow();
    expect(() => loadTextIndex({ ...stored, ids: 'a\nb' })).toThrow();
    expect(() => loadTextIndex({ ...stored, offsets: 'AAA' })).toThrow();
    expect(() => loadTextIndex({ ...stored, terms: undefined })).toThrow();
  });

  it('counts edits', () => {
    expect(withinEdits('nordpolitk', 'nordpolitik', 1)).toBe(true);
    expect(withinEdits('kitten', 'sitting', 2)).toBe(false);
    expect(withinEdits('kitten', 'sitting', 3)).toBe(true);
  });
});
