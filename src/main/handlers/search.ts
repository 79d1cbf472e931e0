import type { Handlers } from '../../shared/contract';
import type { PassageIndex } from '../import/passageIndex';

/** Handlers for the search the window asks main to run: the full text of the passages. */
export function createSearchHandlers(deps: { index: PassageIndex }): Pick<Handlers, 'search'> {
  return {
    search: {
      passages: (input) => deps.index.search(input),
    },
  };
}
