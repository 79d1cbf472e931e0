import { describe, expect, it } from 'vitest';
import type { AtlasPassage } from '../../../shared/atlas';
import { createPassageSearch } from './passageSearch';

function passage(id: string, text: string): AtlasPassage {
  return { id, sourceId: 's', index: 0, kind: 'prose', text, citations: [], links: [], events: [] };
}

const search = createPassageSearch([
  passage('a', 'The Liancourt Rocks controversy erupted again.'),
  passage('b', 'In December 2022 the two nations elevated their ties to comprehensive strategic partnership.'),
  passage('c', 'Nordpolitik expanded public and private contacts.'),
]);

describe('createPassageSearch()', () => {
  it('finds passages by words, prefixes and all words together', () => {
    expect(search.search('liancourt').map((hit) => hit.passage.id)).toEqual(['a']);
    expect(search.search('strateg partner').map((hit) => hit.passage.id)).toEqual(['b']);
    expect(search.search('contacts liancourt')).toEqual([]);
  });

  it('forgives a typo in a long word and ignores one-letter queries', () => {
    expect(search.search('nordpolitk').map((hit) => hit.passage.id)).toEqual(['c']);
    expect(search.search('n')).toEqual([]);
  });
});
