import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { CodedError } from '../../shared/codedError';
import { parseInput } from '../../shared/notes/operations';
import { viewNameKey, viewNameSchema, VIEWS_MAX, viewStateSchema, type SavedView, type ViewState } from '../../shared/store/schema';
import type { Store } from './openStore';

const saveInputSchema = z.strictObject({ name: viewNameSchema, state: viewStateSchema });

/** The views the user saved by name: the map's camera, tier filter, organisation and year range. */
export interface SavedViewsRepository {
  /** In the order they were saved. */
  list(): SavedView[];
  /** Saves a new view; refuses a name another view has (`already-exists`, ignoring case) and more than VIEWS_MAX views. */
  save(input: { name: string; state: ViewState }): Promise<SavedView>;
  /** Renames a view; `not-found` when it is gone, `already-exists` when another view has the name. */
  rename(id: string, name: string): Promise<SavedView>;
  /** Deletes a view and answers with it, so it can be saved again. */
  remove(id: string): Promise<SavedView>;
}

/** The saved-views repository over `store`. */
export function createSavedViewsRepository(store: Store, options: { now?: () => Date } = {}): SavedViewsRepository {
  const now = options.now ?? (() => new Date());
  const takenBy = (views: readonly SavedView[], name: string, except: string | null) =>
    views.find((view) => view.id !== except && viewNameKey(view.name) === viewNameKey(name));
  const indexOf = (views: readonly SavedView[], id: string) => {
    const index = views.findIndex((view) => view.id === id);
    if (index === -1) throw new CodedError('not-found', 'That view is no longer saved.');
    return index;
  };

  return {
    list: () => [...store.read().views],

    async save(input) {
      const { name, state } = parseInput(saveInputSchema, input, 'view');
      const stamp = now().toISOString();
      const view: SavedView = { id: randomUUID(), name, state, createdAt: stamp, updatedAt: stamp };
      await store.update((draft) => {
        if (takenBy(draft.views, name, null)) throw new CodedError('already-exists', `A view is already called ${name}.`);
        if (draft.views.length >= VIEWS_MAX) throw new CodedError('invalid-input', `At most ${String(VIEWS_MAX)} views can be saved.`);
        draft.views.push(view);
      });
      return view;
    },

    async rename(id, raw) {
      const name = parseInput(viewNameSchema, raw, 'view name');
      let renamed: SavedView | undefined;
      await store.update((draft) => {
        const index = indexOf(draft.views, id);
        if (takenBy(draft.views, name, id)) throw new CodedError('already-exists', `A view is already called ${name}.`);
        renamed = { ...draft.views[index]!, name, updatedAt: now().toISOString() };
        draft.views[index] = renamed;
      });
      return renamed!;
    },

    async remove(id) {
      let removed: SavedView | undefined;
      await store.update((draft) => {
        removed = draft.views.splice(indexOf(draft.views, id), 1)[0];
      });
      return removed!;
    },
  };
}
