import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { createAskingWindow } from './askingWindow';

describe('createAskingWindow()', () => {
  it('gives each call the window it came from, across awaits, even when calls overlap', async () => {
    const asking = createAskingWindow<string>(() => 'main');
    const handler = async (delay: number) => {
      await sleep(delay);
      const before = asking.current();
      await sleep(delay);
      return [before, asking.current()];
    };
    const [compare, notes] = await Promise.all([asking.run('compare window', () => handler(20)), asking.run('notes window', () => handler(5))]);
    expect(compare).toEqual(['compare window', 'compare window']);
    expect(notes).toEqual(['notes window', 'notes window']);
  });

  it('falls back to the main window outside a call, and when the asking window is gone', () => {
    const asking = createAskingWindow<string>(() => 'main');
    expect(asking.current()).toBe('main');
    expect(asking.run(null, () => asking.current())).toBe('main');
  });
});
