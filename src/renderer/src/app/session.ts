import type { SessionState } from '../../../shared/contract';

/** Remembers where the user is, writing at most once per `delay` ms of quiet, and at once on `flush`. */
export interface SessionSaver {
  /** Merges a change into the session; saved once things settle. */
  update(change: SessionState): void;
  /** Saves a pending change now (the page is going away). */
  flush(): void;
  /** Stops: nothing pending is saved after this. */
  dispose(): void;
}

/**
 * A session saver over `save`. Moving the map, opening panels and switching tabs come in bursts;
 * the store is written once the burst is over, with the whole session as it stands, and never for
 * a change that leaves it as it was.
 */
export function createSessionSaver(initial: SessionState, save: (session: SessionState) => void, delay = 800): SessionSaver {
  let current: SessionState = { ...initial };
  let saved = JSON.stringify(current);
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = () => {
    timer = null;
    const text = JSON.stringify(current);
    if (text === saved) return;
    saved = text;
    save(current);
  };
  return {
    update(change) {
      current = { ...current, ...change };
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(write, delay);
    },
    flush() {
      if (timer === null) return;
      clearTimeout(timer);
      write();
    },
    dispose() {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

/** The country to reopen: the saved one if the atlas still has it. */
export function restoredSelection(session: SessionState | null, known: (id: string) => boolean): string | null {
  const id = session?.selected ?? null;
  return id !== null && known(id) ? id : null;
}
