import { useCallback, useEffect, useRef, useState } from 'react';
import type { PassageSearchHit, PassageSearchPage } from '../../../shared/contract';
import { atlas, unwrap } from '../bridge';
import { PASSAGE_PAGE, searchable } from './passageSearch';

/** The pause after a keystroke before main is asked: a word typed quickly asks once, not once a letter. */
export const SEARCH_DEBOUNCE_MS = 60;

export interface PassageResults {
  /** The query these hits answer (the box may already hold a newer one). */
  query: string;
  hits: readonly PassageSearchHit[];
  /** How many passages match in all; `hits` holds the pages asked for so far. */
  total: number;
  /** Main is working on the query typed (or on the next page). */
  searching: boolean;
  /** The search failed: main's message. */
  error: string | null;
  /** Asks for the next page of hits, added after those shown. */
  more(): void;
  /** Runs the search now, without the pause (Enter before the answer came). */
  flush(): Promise<readonly PassageSearchHit[]>;
}

const EMPTY: readonly PassageSearchHit[] = [];

/**
 * The passage search, run by main over its per-source indexes: the window holds only the hits.
 * Each request carries a running number; an answer for anything but the latest request is
 * dropped, and main skips a request a later one overtook before it ran (`superseded`). `atlasKey`
 * is anything that changes with the atlas (a source imported, turned off or removed): the search
 * is then asked again.
 */
export function usePassageSearch(query: string, atlasKey: unknown): PassageResults {
  const seq = useRef(0);
  // The pause before asking main for the text typed; Enter cuts it short.
  const pause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [state, setState] = useState<{ query: string; hits: readonly PassageSearchHit[]; total: number; error: string | null }>({
    query: '',
    hits: EMPTY,
    total: 0,
    error: null,
  });
  const [searching, setSearching] = useState(false);
  const wanted = searchable(query) ? query : '';

  const ask = useCallback(async (text: string, offset: number): Promise<PassageSearchPage | null> => {
    const mine = ++seq.current;
    setSearching(true);
    try {
      const page = await unwrap(atlas().search.passages({ query: text, offset, limit: PASSAGE_PAGE, seq: mine }));
      if (mine !== seq.current || page.superseded) return null;
      setSearching(false);
      return page;
    } catch (error) {
      if (mine !== seq.current) return null;
      setSearching(false);
      setState((previous) => ({ ...previous, error: error instanceof Error ? error.message : String(error) }));
      return null;
    }
  }, []);

  useEffect(() => {
    if (wanted === '') {
      // Nothing to search: a request still on its way is outdated.
      seq.current++;
      setSearching(false);
      setState({ query: '', hits: EMPTY, total: 0, error: null });
      return;
    }
    pause.current = setTimeout(() => {
      void ask(wanted, 0).then((page) => {
        if (page) setState({ query: wanted, hits: page.hits, total: page.total, error: null });
      });
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(pause.current);
  }, [wanted, atlasKey, ask]);

  const more = useCallback(() => {
    const { query: shown, hits } = state;
    // Only for hits of the text in the box: a newer query on its way must not be overtaken by a page of an older one.
    if (shown === '' || shown !== wanted || hits.length >= state.total) return;
    void ask(shown, hits.length).then((page) => {
      if (page) setState((previous) => (previous.query === shown ? { ...previous, hits: [...previous.hits, ...page.hits], total: page.total } : previous));
    });
  }, [state, wanted, ask]);

  const flush = useCallback(async () => {
    if (wanted === '') return EMPTY;
    if (state.query === wanted) return state.hits;
    // Asked now instead: the paused request would overtake this one.
    clearTimeout(pause.current);
    const page = await ask(wanted, 0);
    if (!page) return EMPTY;
    setState({ query: wanted, hits: page.hits, total: page.total, error: null });
    return page.hits;
  }, [wanted, state, ask]);

  return { ...state, searching, more, flush };
}
