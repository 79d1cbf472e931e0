import type { WindowState } from '../../shared/store/schema';

export interface Rectangle {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const MIN_WINDOW = { width: 800, height: 560 };

/**
 * Where to open the main window: the saved bounds if enough of the window would land on a display
 * that exists now (a monitor may have been unplugged), otherwise centred on the primary display.
 */
export function placeWindow(saved: WindowState | undefined, workAreas: readonly Rectangle[], primary: Rectangle): WindowState {
  const fallbackWidth = Math.min(1440, Math.max(MIN_WINDOW.width, Math.round(primary.width * 0.85)));
  const fallbackHeight = Math.min(960, Math.max(MIN_WINDOW.height, Math.round(primary.height * 0.85)));
  const fallback: WindowState = {
    width: fallbackWidth,
    height: fallbackHeight,
    x: Math.round(primary.x + (primary.width - fallbackWidth) / 2),
    y: Math.round(primary.y + (primary.height - fallbackHeight) / 2),
    maximized: false,
  };
  if (!saved) return fallback;
  const width = Math.max(MIN_WINDOW.width, saved.width);
  const height = Math.max(MIN_WINDOW.height, saved.height);
  const candidate = { ...saved, width, height };
  const visible = workAreas.some((area) => overlap(candidate, area) >= Math.min(width * height, 200 * 100));
  return visible ? candidate : { ...fallback, maximized: saved.maximized };
}

function overlap(a: Rectangle, b: Rectangle): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return width > 0 && height > 0 ? width * height : 0;
}

/** The part of a BrowserWindow that showing it needs (Electron's BrowserWindow is one). */
export interface ShowableWindow {
  once(event: 'ready-to-show', listener: () => void): unknown;
  maximize(): void;
  show(): void;
}

/**
 * Shows a window created hidden once its page has painted, maximised there if it was when last
 * closed: maximize() shows a hidden window at once, so called any earlier it would flash the
 * window empty before the page paints. `onShown` runs once it is shown: a dialog made modal to a
 * window still hidden may never appear (a sheet on macOS).
 */
export function showWhenPainted(window: ShowableWindow, maximized: boolean, onShown?: () => void): void {
  window.once('ready-to-show', () => {
    if (maximized) window.maximize();
    window.show();
    onShown?.();
  });
}
