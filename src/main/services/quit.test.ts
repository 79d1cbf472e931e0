import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
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
