import type { Handlers } from '../../shared/contract';
import type { Store } from '../store/openStore';
import { createSavedViewsRepository } from '../store/savedViewsRepository';

/** Handlers for the views the user saves by name. */
export function createViewsHandlers(deps: { store: Store; now?: () => Date }): Pick<Handlers, 'views'> {
  const views = createSavedViewsRepository(deps.store, deps.now ? { now: deps.now } : {});
  return {
    views: {
      list: () => views.list(),
      save: (input) => views.save(input),
      rename: ({ id, name }) => views.rename(id, name),
      remove: ({ id }) => views.remove(id),
    },
  };
}
