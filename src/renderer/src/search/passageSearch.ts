import MiniSearch from 'minisearch';
import type { AtlasPassage } from '../../../shared/atlas';
import { foldForSearch } from '../../../shared/text';

export interface PassageHit {
  passage: AtlasPassage;
  score: number;
}

/** Full-text search over the source passages (prefix and light fuzzy matching, accents ignored). */
export interface PassageSearch {
  search(query: string, limit?: number): PassageHit[];
}

export function createPassageSearch(passages: readonly AtlasPassage[]): PassageSearch {
  const byId = new Map(passages.map((passage) => [passage.id, passage]));
  const index = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    processTerm: foldForSearch,
  });
  index.addAll(passages.map((passage) => ({ id: passage.id, text: passage.text })));
  return {
    search(query, limit = 20) {
      if (query.trim().length < 2) return [];
      return index
        .search(query, { prefix: true, fuzzy: (term) => (term.length > 4 ? 0.2 : 0), combineWith: 'AND' })
        .slice(0, limit)
        .flatMap((result) => {
          const passage = byId.get(String(result.id));
          return passage ? [{ passage, score: result.score }] : [];
        });
    },
  };
}
