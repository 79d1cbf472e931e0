/** The part of Electron's `app` that quitting needs (Electron's `app` is one). */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/** How long quitting waits, at most, for queued saves and the link worker. */
export const QUIT_WAIT_MS = 10_000;

/**
 * Holds the first quit until `close` (queued saves written, the link worker stopped) is done, or
 * `waitMs` has passed, then quits for real: a note saved a moment before quitting is on disk before
 * the app goes. `saveFirst` (the window's bounds) runs inside the same wait, before `close`: the
 * windows close only after the quit, when the store is closed and a save would be lost. A step that
 * fails is logged and the app quits all the same.
 */
export function closeBeforeQuit(
  app: QuittingApp,
  close: () => Promise<void>,
  options: { waitMs?: number; log?: (message: string, error: unknown) => void; saveFirst?: () => Promise<void> } = {},
): void {
  let quitting = false;
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, options.waitMs ?? QUIT_WAIT_MS);
    });
    const saved = Promise.resolve()
      .then(options.saveFirst)
      .catch((error: unknown) => options.log?.('Saving the window before quitting failed.', error));
    void Promise.race([saved.then(close), waited])
      .catch((error: unknown) => options.log?.('Closing the store before quitting failed.', error))
      .finally(() => {
        clearTimeout(timer);
        app.quit();
      });
  });
}
