import { useCallback, useEffect, useRef, useState } from 'react';
import type { AtlasSummary, CountryDetail, EventPage, EventView, PassagePage, PassageView } from '../../../shared/contract';
import type { EventQuery, PassageQuery } from '../../../shared/atlas/pages';
import { atlas, unwrap } from '../bridge';

/** Pages kept per atlas: reopening a panel or going back to a year range asks main nothing. */
const CACHE_MAX = 200;
const caches = new WeakMap<AtlasSummary, Map<string, Promise<unknown>>>();

// One answer per atlas and query: the same request from two views is sent once. A failed request
// is forgotten, so Try again asks again. A new atlas (a source imported, turned on or off) is a new
// cache, so nothing of the old one is shown.
function cached<T>(view: AtlasSummary, key: string, ask: () => Promise<T>): Promise<T> {
  let cache = caches.get(view);
  if (!cache) caches.set(view, (cache = new Map()));
  const hit = cache.get(key) as Promise<T> | undefined;
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const pending = ask();
  cache.set(key, pending);
  pending.catch(() => cache.delete(key));
  if (cache.size > CACHE_MAX) cache.delete(cache.keys().next().value!);
  return pending;
}

/** One page of a country's passages from main (through the cache of `view`). */
export function fetchPassagePage(view: AtlasSummary, query: PassageQuery): Promise<PassagePage> {
  return cached(view, `p\n${JSON.stringify(query)}`, () => unwrap(atlas().atlas.passages(query)));
}

/** One page of dated events from main (through the cache of `view`). */
export function fetchEventPage(view: AtlasSummary, query: EventQuery): Promise<EventPage> {
  return cached(view, `e\n${JSON.stringify(query)}`, () => unwrap(atlas().atlas.events(query)));
}

/** What a view showing one country needs beyond the summary, from main (through the cache of `view`). */
export function fetchCountryDetail(view: AtlasSummary, countryId: string): Promise<CountryDetail> {
  return cached(view, `c\n${countryId}`, () => unwrap(atlas().atlas.country({ countryId })));
}

/** Countries with a dated event in the years `from`–`to` (through the cache of `view`). */
export function fetchCountriesInYears(view: AtlasSummary, from: number, to: number): Promise<string[]> {
  return cached(view, `y\n${String(from)}\n${String(to)}`, () => unwrap(atlas().atlas.inYears({ from, to })));
}

/** One country's detail as it comes: null while it comes, with the error if it could not be had. */
export interface DetailState {
  detail: CountryDetail | null;
  error: string | null;
  retry(): void;
}

/**
 * The detail of `countryId` (null: none wanted) in the atlas `view`. An answer for a country or an
 * atlas no longer shown is dropped.
 */
export function useCountryDetail(view: AtlasSummary, countryId: string | null): DetailState {
  const key = countryId === null ? null : `${viewKey(view)}\n${countryId}`;
  const [state, setState] = useState<{ key: string; detail: CountryDetail | null; error: string | null } | null>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (key === null || countryId === null) return;
    let live = true;
    fetchCountryDetail(view, countryId)
      .then((detail) => {
        if (live) setState({ key, detail, error: null });
      })
      .catch((error: unknown) => {
        if (live) setState({ key, detail: null, error: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
    };
    // The view and the country are named by the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);
  const own = state && state.key === key ? state : null;
  return { detail: own?.detail ?? null, error: own?.error ?? null, retry: () => setAttempt((value) => value + 1) };
}

/** A list main sends a page at a time: what has come so far, and how to ask for more. */
export interface Paged<T> {
  items: readonly T[];
  /** Items in the whole list; null until the first page has come. */
  total: number | null;
  loading: boolean;
  /** Why the last page could not be loaded; null when it was. */
  error: string | null;
  /** Items not loaded yet. */
  left: number;
  /** How many the next `more()` asks for. */
  next: number;
  more(): void;
  /** Asks again for the page that failed. */
  retry(): void;
}

interface PagedState<T> {
  key: string | null;
  items: readonly T[];
  total: number | null;
  loading: boolean;
  error: string | null;
}

/**
 * The first `first` items of a list, then `step` more per `more()`, each page fetched by `page`.
 * `key` names the list (and the atlas it is of): a new key starts the list again, and an answer for
 * a key no longer current is dropped. A null key loads nothing.
 */
export function usePaged<T>(
  key: string | null,
  page: (offset: number, limit: number) => Promise<{ total: number; items: readonly T[] }>,
  first: number,
  step = first,
): Paged<T> {
  const [state, setState] = useState<PagedState<T>>({ key: null, items: [], total: null, loading: false, error: null });
  const current = useRef(key);
  const fetchPage = useRef(page);
  useEffect(() => {
    current.current = key;
    fetchPage.current = page;
  });

  // Asks for a page; the state changes only when it comes (an answer for an older key is dropped).
  const request = useCallback((forKey: string, offset: number, limit: number) => {
    fetchPage
      .current(offset, limit)
      .then((answer) => {
        if (current.current !== forKey) return;
        setState((before) => {
          const items = offset === 0 ? answer.items : before.key === forKey && before.items.length === offset ? [...before.items, ...answer.items] : before.key === forKey ? before.items : [];
          return { key: forKey, items, total: answer.total, loading: false, error: null };
        });
      })
      .catch((error: unknown) => {
        if (current.current !== forKey) return;
        const message = error instanceof Error ? error.message : String(error);
        setState((before) => (before.key === forKey ? { ...before, loading: false, error: message } : { key: forKey, items: [], total: null, loading: false, error: message }));
      });
  }, []);
  const load = (forKey: string, offset: number, limit: number) => {
    setState((before) => (before.key === forKey ? { ...before, loading: true, error: null } : { key: forKey, items: [], total: null, loading: true, error: null }));
    request(forKey, offset, limit);
  };

  // A new list: what it had is no longer shown (see `own`), and its first page is asked for.
  useEffect(() => {
    if (key !== null) request(key, 0, first);
  }, [key, first, request]);

  const own = state.key === key ? state : { key, items: [] as readonly T[], total: null, loading: key !== null, error: null };
  const left = own.total === null ? 0 : Math.max(0, own.total - own.items.length);
  return {
    items: own.items,
    total: own.total,
    loading: own.loading,
    error: own.error,
    left,
    next: Math.min(step, left),
    more: () => {
      if (key !== null && !own.loading && left > 0) load(key, own.items.length, step);
    },
    retry: () => {
      if (key !== null) load(key, own.items.length, own.items.length === 0 ? first : step);
    },
  };
}

/** A country's passages (of one source, or those deciding its tier), a page at a time. */
export function usePassages(view: AtlasSummary, query: Omit<PassageQuery, 'offset' | 'limit' | 'around'> | null, first: number, step = first): Paged<PassageView> {
  const key = query ? `${viewKey(view)}\n${JSON.stringify(query)}` : null;
  return usePaged(key, (offset, limit) => fetchPassagePage(view, { ...query!, offset, limit }).then((answer) => ({ total: answer.total, items: answer.passages })), first, step);
}

/** Dated events (one country's, or all of them in a range of years), a page at a time. */
export function useEvents(view: AtlasSummary, query: Omit<EventQuery, 'offset' | 'limit'> | null, first: number, step = first): Paged<EventView> {
  const key = query ? `${viewKey(view)}\n${JSON.stringify(query)}` : null;
  return usePaged(key, (offset, limit) => fetchEventPage(view, { ...query!, offset, limit }).then((answer) => ({ total: answer.total, items: answer.events })), first, step);
}

/**
 * The page of a country's list that holds `passageId`, when it is further down than what is
 * loaded: null while it comes, or when the list does not hold it.
 */
export function usePageAround(view: AtlasSummary, query: Omit<PassageQuery, 'offset' | 'limit' | 'around'> | null, passageId: string | null, size: number): PassagePage | null {
  const [page, setPage] = useState<{ key: string; page: PassagePage | null } | null>(null);
  const key = query && passageId ? `${viewKey(view)}\n${JSON.stringify(query)}\n${passageId}\n${size}` : null;
  useEffect(() => {
    if (key === null || !query || !passageId) return;
    let live = true;
    fetchPassagePage(view, { ...query, offset: 0, limit: size, around: passageId })
      .then((answer) => {
        if (live) setPage({ key, page: answer.passages.some((passage) => passage.id === passageId) ? answer : null });
      })
      .catch(() => {
        if (live) setPage({ key, page: null });
      });
    return () => {
      live = false;
    };
    // The query is named by the key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return page && page.key === key ? page.page : null;
}

// Each atlas the window gets is a new object: a number for it keeps keys short and distinct.
const viewIds = new WeakMap<AtlasSummary, number>();
let nextViewId = 0;
function viewKey(view: AtlasSummary): number {
  let id = viewIds.get(view);
  if (id === undefined) viewIds.set(view, (id = ++nextViewId));
  return id;
}
