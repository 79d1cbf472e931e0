import { describe, expect, it } from 'vitest';
import type { AtlasPassage } from '../../../shared/atlas';
import { createPassageSearch, createPassageSearchInSteps, NO_PASSAGE_SEARCH } from './passageSearch';

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

  it('says how many passages it holds (the list defers the search of a large index)', () => {
    expect(search.size).toBe(3);
    expect(NO_PASSAGE_SEARCH.size).toBe(0);
  });
});

describe('createPassageSearchInSteps()', () => {
  const many = Array.from({ length: 2500 }, (_, index) =>
    passage(`p${index}`, index % 50 === 0 ? `Summit number ${index} on the alliance and nuclear talks.` : `Trade figures for year ${1950 + (index % 70)} grew again.`),
  );

  it('indexes a chunk per task and finds what the index built at once finds', async () => {
    let pauses = 0;
    const stepped = await createPassageSearchInSteps(many, new AbortController().signal, 1000, () => {
      pauses++;
      return Promise.resolve();
    });
    expect(pauses).toBe(2);
    expect(stepped?.size).toBe(2500);
    const once = createPassageSearch(many);
    for (const query of ['alliance', 'summit nuclear', 'trade 1987', 'allianse talks']) {
      expect(stepped?.search(query, 100)).toEqual(once.search(query, 100));
    }
    expect(stepped?.search('alliance', 100)).toHaveLength(50);
  });

  it('stops when the atlas changes again before it is done', async () => {
    const controller = new AbortController();
    let pauses = 0;
    const stepped = await createPassageSearchInSteps(many, controller.signal, 1000, () => {
      pauses++;
      controller.abort();
      return Promise.resolve();
    });
    expect(stepped).toBeNull();
    expect(pauses).toBe(1);
  });
});
