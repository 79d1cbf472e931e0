import { useEffect, useMemo, useState } from 'react';
import type { AtlasPassage } from '../../../shared/atlas';
import { createPassageSearch, createPassageSearchInSteps, INDEX_CHUNK, NO_PASSAGE_SEARCH, type PassageSearch } from './passageSearch';

/**
 * The passage search over `passages`. A small atlas (the bundled sources) is indexed at once; a
 * large one (an imported document) in chunks between tasks, so the window keeps answering, with
 * `indexing` true and no passage results until it is done. A newer atlas stops an older indexing.
 */
export function usePassageSearch(passages: readonly AtlasPassage[]): { search: PassageSearch; indexing: boolean } {
  const large = passages.length > INDEX_CHUNK;
  const atOnce = useMemo(() => (large ? null : createPassageSearch(passages)), [passages, large]);
  const [stepped, setStepped] = useState<{ passages: readonly AtlasPassage[]; search: PassageSearch } | null>(null);
  useEffect(() => {
    if (!large) return;
    const controller = new AbortController();
    void createPassageSearchInSteps(passages, controller.signal).then((search) => {
      if (search) setStepped({ passages, search });
    });
    return () => {
      controller.abort();
      // This atlas's index is not used again (and may be large): let it go.
      setStepped(null);
    };
  }, [passages, large]);
  if (atOnce) return { search: atOnce, indexing: false };
  if (stepped?.passages === passages) return { search: stepped.search, indexing: false };
  return { search: NO_PASSAGE_SEARCH, indexing: true };
}
