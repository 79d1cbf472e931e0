import { EventEmitter } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/openStore';
import { createPrefsRepository } from '../store/prefs';
import { closeBeforeQuit, type QuittingApp } from './quit';

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
