import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import type { WindowState } from '../shared/store/schema';
import { MIN_WINDOW, placeWindow } from './services/windowState';

export interface MainWindowOptions {
  url: string;
  preload: string;
  saved: WindowState | undefined;
  title: string;
  /** Whether the window opens dark (its background shows until the page paints). */
  dark: boolean;
  onBoundsChanged: (state: WindowState) => void;
}

/** The one main window: sandboxed, shown only once painted, its bounds remembered. */
export function createMainWindow({ url, preload, saved, title, dark, onBoundsChanged }: MainWindowOptions): BrowserWindow {
  const placed = placeWindow(
    saved,
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    x: placed.x,
    y: placed.y,
    width: placed.width,
    height: placed.height,
    minWidth: MIN_WINDOW.width,
    minHeight: MIN_WINDOW.height,
    title,
    show: false,
    backgroundColor: dark ? '#15171a' : '#f4f1ea',
    webPreferences: {
      // The preload only exposes the contract's calls through contextBridge; it holds no logic.
      preload, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      // Middle-click would open links in new windows without passing through will-navigate.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  if (placed.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  let timer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.isDestroyed()) return;
      const bounds = window.getNormalBounds();
      onBoundsChanged({ ...bounds, maximized: window.isMaximized() });
    }, 400);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', remember);
  window.on('close', () => {
    clearTimeout(timer);
    onBoundsChanged({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });

  void window.loadURL(url);
  return window;
}

/** Path of the bundled preload next to the main bundle. */
export function preloadPath(mainDir: string): string {
  return join(mainDir, '../preload/index.cjs');
}
