import { atlasPages, UnknownCountryError, type AtlasPages } from '../../shared/atlas/pages';
import type { AtlasView, Handlers } from '../../shared/contract';
import { HandlerError } from './invoke';

/**
 * Handlers for the atlas the window shows: a summary (countries, tiers, evidence lines, counts, no
 * passage text), and a country's passages and the dated events page by page, so the window's cost
 * follows what it shows rather than everything ever imported.
 */
export function createAtlasHandlers(deps: {
  /** The atlas as it is now (imported sources change it). */
  atlas: () => AtlasView;
}): Pick<Handlers, 'atlas'> {
  // The pages of the atlas now; a new atlas (a source imported, turned on or off) starts anew.
  let current: { view: AtlasView; pages: AtlasPages } | null = null;
  const pages = (): AtlasPages => {
    const view = deps.atlas();
    if (current?.view !== view) current = { view, pages: atlasPages(view.model, view.searchNames) };
    return current.pages;
  };
  const known = <T>(answer: () => T): T => {
    try {
      return answer();
    } catch (error) {
      if (error instanceof UnknownCountryError) throw new HandlerError('not-found', error.message);
      throw error;
    }
  };
  return {
    atlas: {
      get: () => pages().summary(),
      country: ({ countryId }) => known(() => pages().country(countryId)),
      passages: (query) => known(() => pages().passages(query)),
      events: (query) => known(() => pages().events(query)),
      inYears: ({ from, to }) => pages().inYears(from, to),
    },
  };
}
