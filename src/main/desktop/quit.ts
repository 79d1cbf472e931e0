/** The part of Electron's `app` that quitting needs (Electron's `app` is one). */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/** How long quitting waits, at most, for queued saves and the link worker. */
export const QUIT_WAIT_MS = 10_000;

/**
 * Holds the first quit until the app's state is safe on disk, then quits for real, in this order:
 * `saveFirst` (the window's bounds, while the window still exists), `closeWindows` (a page that
 * closes sends its pending note save on the way out, so it must close while the store is open),
 * then `close` (queued saves written, workers stopped, the store closed). All of it within
 * `waitMs`. Quits asked for meanwhile (a second Cmd/Ctrl+Q, or `window-all-closed` once the windows
 * are gone) are held too, so none of them cuts the wait short. A step that fails is logged and the
 * app quits all the same.
 */
export function closeBeforeQuit(
  app: QuittingApp,
  close: () => Promise<void>,
  options: {
    waitMs?: number;
    log?: (message: string, error: unknown) => void;
    saveFirst?: () => Promise<void>;
    closeWindows?: () => Promise<void>;
  } = {},
): void {
  let state: 'running' | 'closing' | 'done' = 'running';
  app.on('before-quit', (event) => {
    if (state === 'done') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    let timer: ReturnType<typeof setTimeout> | undefined;
    const waited = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, options.waitMs ?? QUIT_WAIT_MS);
    });
    const step = (run: (() => Promise<void>) | undefined, failure: string) => () =>
      Promise.resolve()
        .then(run)
        .catch((error: unknown) => options.log?.(failure, error));
    const steps = Promise.resolve()
      .then(step(options.saveFirst, 'Saving the window before quitting failed.'))
      .then(step(options.closeWindows, 'Closing the windows before quitting failed.'))
      .then(close);
    void Promise.race([steps, waited])
      .catch((error: unknown) => options.log?.('Closing the store before quitting failed.', error))
      .finally(() => {
        clearTimeout(timer);
        state = 'done';
        app.quit();
      });
  });
}

/** The part of a BrowserWindow that closing it before the store needs (a BrowserWindow is one). */
export interface ClosableWindow {
  isDestroyed(): boolean;
  close(): void;
  once(event: 'closed', listener: () => void): unknown;
}

/** How long quitting waits, at most, for a window to close (its page's last save sent). */
export const WINDOW_CLOSE_WAIT_MS = 3_000;

/**
 * Closes every window and resolves once all are closed, or after `waitMs`. Closing runs each page's
 * `pagehide`/`beforeunload`, where a note being typed sends its pending save.
 */
export function closeWindows(windows: readonly ClosableWindow[], waitMs = WINDOW_CLOSE_WAIT_MS): Promise<void> {
  const open = windows.filter((window) => !window.isDestroyed());
  const closed = open.map((window) => new Promise<void>((resolve) => window.once('closed', resolve)));
  for (const window of open) window.close();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waited = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs);
  });
  return Promise.race([Promise.all(closed).then(() => undefined), waited]).finally(() => clearTimeout(timer));
}
