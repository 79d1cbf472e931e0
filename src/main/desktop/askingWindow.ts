import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Which window a call came from, kept across the awaits of its handler, so a dialog the handler
 * opens is modal to that window: not to whichever window has focus by then, nor to the first one
 * (which can be the hidden print window).
 */
export interface AskingWindow<W> {
  /** Runs `call` on behalf of `window`. */
  run<T>(window: W | null, call: () => T): T;
  /** The window the current call came from, else `fallback()` (the main window, for main's own dialogs). */
  current(): W | null;
}

/** An AskingWindow; `fallback` names the window for dialogs main opens on its own. */
export function createAskingWindow<W>(fallback: () => W | null): AskingWindow<W> {
  const storage = new AsyncLocalStorage<{ window: W | null }>();
  return {
    run: (window, call) => storage.run({ window }, call),
    current: () => storage.getStore()?.window ?? fallback(),
  };
}
