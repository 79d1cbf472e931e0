import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/openStore';
import { createNotesRepository } from '../store/notesRepository';
import { createPrefsRepository } from '../store/prefsRepository';
import { closeBeforeQuit, closeWindows, type ClosableWindow, type QuittingApp } from './quit';

// Electron's app cannot run here (no binary): a stand-in that emits before-quit the way it does,
// once per quit() call, and quits unless a listener prevents it.
class FakeApp extends EventEmitter implements QuittingApp {
  quits = 0;
  exited = false;
  quit(): void {
    this.quits++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.exited = true;
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('quitting waits for the store', () => {
  it('holds the first quit until close is done, then quits once', async () => {
    const app = new FakeApp();
    let finish = () => {};
    let closes = 0;
    closeBeforeQuit(app, () => {
      closes++;
      return new Promise<void>((resolve) => (finish = resolve));
    });
    app.quit();
    await settle();
    expect(app.exited).toBe(false);
    finish();
    await settle();
    expect(app.exited).toBe(true);
    expect(closes).toBe(1);
    expect(app.quits).toBe(2);
  });

  it('quits after the wait when close never ends, and when close fails (logged)', async () => {
    const hung = new FakeApp();
    closeBeforeQuit(hung, () => new Promise<void>(() => {}), { waitMs: 20 });
    hung.quit();
    await settle();
    expect(hung.exited).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(hung.exited).toBe(true);

    const failing = new FakeApp();
    const logged: string[] = [];
    closeBeforeQuit(failing, () => Promise.reject(new Error('disk full')), { log: (message, error) => logged.push(`${message} ${(error as Error).message}`) });
    failing.quit();
    await settle();
    expect(failing.exited).toBe(true);
    expect(logged).toEqual(['Closing the store before quitting failed. disk full']);
  });
});

describe('closeBeforeQuit() with the window to save', () => {
  it('writes the window bounds to the store inside the wait, before the store closes and the app quits', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'atlas-quit-'));
    try {
      const store = await openStore({ folder });
      const prefs = createPrefsRepository(store);
      const app = new FakeApp();
      const steps: string[] = [];
      const bounds = { x: 40, y: 30, width: 1000, height: 700, maximized: true };
      closeBeforeQuit(
        app,
        async () => {
          steps.push('close');
          await store.idle();
        },
        { saveFirst: () => (steps.push('save window'), prefs.setWindowState(bounds)) },
      );
      app.quit();
      await expect.poll(() => app.exited).toBe(true);
      expect(steps).toEqual(['save window', 'close']);
      // What the next start reads: the store file as it is on disk now.
      const reopened = await openStore({ folder });
      expect(reopened.read().prefs.window).toEqual(bounds);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('still closes the store and quits when saving the window fails (logged)', async () => {
    const app = new FakeApp();
    const logged: string[] = [];
    let closed = false;
    closeBeforeQuit(
      app,
      async () => {
        closed = true;
      },
      { saveFirst: () => Promise.reject(new Error('window gone')), log: (message) => logged.push(message) },
    );
    app.quit();
    await expect.poll(() => app.exited).toBe(true);
    expect(closed).toBe(true);
    expect(logged).toEqual(['Saving the window before quitting failed.']);
  });
});

// A BrowserWindow cannot exist here (no Electron binary): a stand-in that, like a real window,
// runs its page's unload handlers when closed (here: `onUnload`) and emits 'closed' a moment later.
class FakeWindow extends EventEmitter implements ClosableWindow {
  destroyed = false;
  constructor(private readonly onUnload: () => void = () => {}) {
    super();
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  close(): void {
    this.onUnload();
    setTimeout(() => {
      this.destroyed = true;
      this.emit('closed');
    }, 5);
  }
}

describe('closeBeforeQuit() with windows open', () => {
  it('closes the windows, whose pages send their last note save, before the store closes: the note is on disk', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'atlas-quit-'));
    try {
      const store = await openStore({ folder });
      const notes = createNotesRepository(store);
      const app = new FakeApp();
      const steps: string[] = [];
      // What a page does on pagehide: the note typed a moment ago, sent at once instead of after the autosave pause.
      const window = new FakeWindow(() => {
        steps.push('page sends its save');
        void notes.create({ target: { kind: 'country', countryId: 'JPN' }, body: 'typed just before Ctrl+Q' });
      });
      closeBeforeQuit(
        app,
        async () => {
          steps.push('store closes');
          await store.close();
        },
        {
          closeWindows: () => closeWindows([window]),
          log: (message, error) => steps.push(`${message} ${String(error)}`),
        },
      );
      // Like Electron: the last window closed asks to quit again (window-all-closed → app.quit()).
      window.once('closed', () => app.quit());
      app.quit();
      await expect.poll(() => app.exited).toBe(true);
      expect(steps).toEqual(['page sends its save', 'store closes']);
      const reopened = createNotesRepository(await openStore({ folder }));
      expect(reopened.list().map((note) => note.body)).toEqual(['typed just before Ctrl+Q']);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('holds every quit asked for while it closes, and quits once it is done', async () => {
    const app = new FakeApp();
    let finish = () => {};
    closeBeforeQuit(app, () => new Promise<void>((resolve) => (finish = resolve)));
    app.quit();
    app.quit();
    await settle();
    expect(app.exited).toBe(false);
    finish();
    await expect.poll(() => app.exited).toBe(true);
  });
});

describe('closeWindows()', () => {
  it('closes every open window and resolves once all are closed, skipping destroyed ones', async () => {
    const closing: string[] = [];
    const a = new FakeWindow(() => closing.push('a'));
    const b = new FakeWindow(() => closing.push('b'));
    const gone = new FakeWindow(() => closing.push('gone'));
    gone.destroyed = true;
    await closeWindows([a, gone, b]);
    expect(closing).toEqual(['a', 'b']);
    expect(a.isDestroyed() && b.isDestroyed()).toBe(true);
  });

  it('stops waiting for a window that never closes after the wait', async () => {
    const stuck = new FakeWindow();
    stuck.close = () => {};
    const started = Date.now();
    await closeWindows([stuck], 30);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });
});
