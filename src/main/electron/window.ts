import { BrowserWindow, screen } from 'electron';
import type { Language } from '../../shared/contract';
import type { WindowState } from '../../shared/store/schema';
import { MIN_WINDOW, placeWindow, showWhenPainted } from '../desktop/windowState';
import { popUpContextMenu } from './menu';

export interface MainWindowOptions {
  url: string;
  preload: string;
  icon: string;
  saved: WindowState | undefined;
  title: string;
  /** Whether the window opens dark (its background shows until the page paints). */
  dark: boolean;
  /** The interface language, for the right-click menu. */
  language: () => Language;
  onBoundsChanged: (state: WindowState) => void;
  /** Runs once the window is first shown (a dialog modal to it can only be seen then). */
  onShown?: (window: BrowserWindow) => void;
}

/**
 * The one main window: sandboxed, shown (maximised if it was) only once painted, its bounds
 * remembered, a right-click menu in text fields.
 */
export function createMainWindow({ url, preload, icon, saved, title, dark, language, onBoundsChanged, onShown }: MainWindowOptions): BrowserWindow {
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
    icon,
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
  showWhenPainted(window, placed.maximized, () => onShown?.(window));
  window.webContents.on('context-menu', (_event, params) => popUpContextMenu(window, params, language()));

  let timer: NodeJS.Timeout | undefined;
  const remember = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (!window.isDestroyed()) onBoundsChanged(windowStateOf(window));
    }, 400);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', remember);
  window.on('close', () => {
    clearTimeout(timer);
    onBoundsChanged(windowStateOf(window));
  });

  void window.loadURL(url);
  return window;
}

/** The window's bounds as the store keeps them: the normal (unmaximised) bounds and whether it is maximised. */
export function windowStateOf(window: BrowserWindow): WindowState {
  return { ...window.getNormalBounds(), maximized: window.isMaximized() };
}
