import type { Handlers } from '../../shared/contract';
import type { Store } from '../store/openStore';
import { createSnapshotRepository } from '../store/snapshotRepository';
import { recoveryStatus } from '../store/storeMessages';

export interface StoreHandlerDeps {
  store: Store;
  now?: () => Date;
}

/** Handlers for the store itself: where it is, what was recovered at start, and its snapshots. */
export function createStoreHandlers(deps: StoreHandlerDeps): Pick<Handlers, 'store'> {
  const now = deps.now ?? (() => new Date());
  const snapshots = createSnapshotRepository(deps.store, { now });
  return {
    store: {
      status: () => ({
        path: deps.store.path,
        recovery: recoveryStatus(deps.store.recovery),
      }),
      snapshots: () => snapshots.list(),
      async restoreSnapshot({ name }) {
        const result = await snapshots.restore(name);
        return { notes: result.notes, overrides: result.overrides, undo: result.undo };
      },
    },
  };
}
