import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { MIN_WINDOW, placeWindow, showWhenPainted, type ShowableWindow } from './windowState';

const primary = { x: 0, y: 0, width: 1920, height: 1040 };

describe('placeWindow()', () => {
  it('opens centred on the primary display the first time', () => {
    const placed = placeWindow(undefined, [primary], primary);
    expect(placed.x + placed.width / 2).toBeCloseTo(960, -1);
    expect(placed.maximized).toBe(false);
  });

  it('restores saved bounds that are still on a display', () => {
    const saved = { x: 100, y: 80, width: 1200, height: 800, maximized: true };
    expect(placeWindow(saved, [primary], primary)).toEqual(saved);
  });

  it('brings back a window whose monitor was unplugged', () => {
    const saved = { x: 2500, y: 100, width: 1200, height: 800, maximized: false };
    const placed = placeWindow(saved, [primary], primary);
    expect(placed.x).toBeLessThan(1920);
    expect(placed.x).toBeGreaterThanOrEqual(0);
  });

  it('never restores a window smaller than the minimum', () => {
    const placed = placeWindow({ x: 10, y: 10, width: 50, height: 40, maximized: false }, [primary], primary);
    expect(placed.width).toBe(MIN_WINDOW.width);
    expect(placed.height).toBe(MIN_WINDOW.height);
  });
});

// No BrowserWindow can exist here (no Electron binary): a stand-in that records what is done to it
// and emits ready-to-show when the test says the page has painted.
class StandInWindow extends EventEmitter implements ShowableWindow {
  calls: string[] = [];
  maximize(): void {
    this.calls.push('maximize');
  }
  show(): void {
    this.calls.push('show');
  }
}

describe('showWhenPainted()', () => {
  it('neither shows nor maximises the window before its page has painted', () => {
    const window = new StandInWindow();
    showWhenPainted(window, true);
    expect(window.calls).toEqual([]);
    window.emit('ready-to-show');
    expect(window.calls).toEqual(['maximize', 'show']);
  });

  it('shows a window that was not maximised as it is, once', () => {
    const window = new StandInWindow();
    showWhenPainted(window, false);
    window.emit('ready-to-show');
    window.emit('ready-to-show');
    expect(window.calls).toEqual(['show']);
  });

  it('runs what waits for the window (a dialog modal to it) once it is shown, not before, and once', () => {
    const window = new StandInWindow();
    showWhenPainted(window, true, () => window.calls.push('dialog'));
    expect(window.calls).toEqual([]);
    window.emit('ready-to-show');
    window.emit('ready-to-show');
    expect(window.calls).toEqual(['maximize', 'show', 'dialog']);
  });
});
