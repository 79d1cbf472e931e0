import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, nativeTheme } from 'electron';
import { events, type EventName, type EventPayload } from '../../shared/contract';
import { DATA_SOURCES } from '../../shared/dataSources';
import { languageForLocale, translate } from '../../shared/i18n';
import { composeServices } from '../compose';
import { createAskingWindow } from '../desktop/askingWindow';
import { resolveAppPaths, resolveStoreFolder } from '../desktop/paths';
import { closeBeforeQuit, closeWindows } from '../desktop/quit';
import { APP_ORIGIN, CHROMIUM_SWITCHES } from '../desktop/security';
import { startFailureText, storeRecoveryText } from '../store/storeMessages';
import { electronClipboard } from './clipboard';
import { electronDialogs } from './dialogs';
import { hardenAllWebContents, hardenSession } from './hardening';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { electronPrinter } from './printer';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { electronShell } from './shell';
import { createMainWindow, windowStateOf } from './window';

const paths = resolveAppPaths({ isPackaged: app.isPackaged, mainDir: dirname(fileURLToPath(import.meta.url)), resourcesPath: process.resourcesPath });
const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  for (const [name, value] of CHROMIUM_SWITCHES) app.commandLine.appendSwitch(name, value);
  registerAppScheme();
  void app.whenReady().then(start).catch(failToStart);
}

/**
 * Says why the app could not start, in a box the user sees and in their language, and exits. A
 * store that cannot be opened (in use, newer, not a folder…) is explained, not shown as a stack trace.
 */
function failToStart(error: unknown): void {
  const { title, message } = startFailureText(error, languageForLocale(app.getLocale()));
  dialog.showErrorBox(title, message);
  app.exit(1);
}

async function start(): Promise<void> {
  let mainWindow: BrowserWindow | null = null;
  // Dialogs are modal to the window whose call opened them; main's own go to the main window.
  const asking = createAskingWindow<BrowserWindow>(() => mainWindow);

  const send = <E extends EventName>(name: E, payload: EventPayload<E>) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(events[name].channel, payload);
  };
  const theme = () => services.prefs.theme() ?? 'system';
  const refreshMenu = () =>
    installMenu(services.language(), theme(), !app.isPackaged, {
      command: (command) => send('onMenuCommand', command),
      setLanguage: (next) => void services.invoke('atlas:prefs/set-language', { language: next }, true),
      setTheme: (next) => void services.invoke('atlas:prefs/set-theme', { theme: next }, true),
    });

  const services = await composeServices({
    storeFolder: resolveStoreFolder(process.argv, process.env, app.getPath('userData')),
    dataFolder: paths.dataFolder,
    linkWorker: join(paths.workerFolder, 'linkWorker.js'),
    importWorker: join(paths.workerFolder, 'importWorker.js'),
    appInfo: () => ({
      name: app.getName(),
      version: app.getVersion(),
      electronVersion: process.versions.electron ?? null,
      chromeVersion: process.versions.chrome ?? null,
      platform: process.platform,
      dataSources: [...DATA_SOURCES],
    }),
    defaultLanguage: languageForLocale(app.getLocale()),
    onPrefsChanged: (next) => {
      // The OS-level theme of the app's windows (title bar, scroll bars, prefers-color-scheme).
      nativeTheme.themeSource = next.theme;
      refreshMenu();
      send('onPrefsChanged', next);
    },
    dialogs: electronDialogs(() => asking.current()),
    rendererFolder: paths.rendererFolder,
    printer: electronPrinter(),
    shell: electronShell(),
    clipboard: electronClipboard(),
    onExportProgress: (progress) => send('onExportProgress', progress),
    onImportProgress: (progress) => send('onImportProgress', progress),
    onAtlasChanged: (payload) => send('onAtlasChanged', payload),
    log: (message, error) => console.error(message, error),
  });
  const { store, prefs, language } = services;

  nativeTheme.themeSource = theme();
  hardenSession(devServerUrl ? new URL(devServerUrl).origin : null, !app.isPackaged);
  hardenAllWebContents(language);
  handleAppProtocol(paths.rendererFolder);
  registerIpc(services.invoke, devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN, asking);
  refreshMenu();

  // Told once, over the first window once it is shown: modal to a hidden window it might not be seen.
  let recovery = store.recovery;
  const openWindow = () => {
    mainWindow = createMainWindow({
      url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      preload: paths.preload,
      icon: paths.icon,
      saved: prefs.windowState(),
      title: translate(language(), 'app.title'),
      dark: nativeTheme.shouldUseDarkColors,
      language,
      onBoundsChanged: (state) => void prefs.setWindowState(state).catch(() => undefined),
      onShown: (shown) => {
        if (!recovery) return;
        const text = storeRecoveryText(recovery, language());
        recovery = null;
        void dialog.showMessageBox(shown, { type: 'warning', ...text });
      },
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  openWindow();

  app.on('second-instance', () => {
    if (!mainWindow) return openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (!mainWindow) openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // A note saved a moment before quitting, and the window's bounds, are on disk before the app goes.
  closeBeforeQuit(app, services.close, {
    saveFirst: async () => {
      if (mainWindow && !mainWindow.isDestroyed()) await prefs.setWindowState(windowStateOf(mainWindow));
    },
    // A note typed a moment before Cmd/Ctrl+Q is sent by its page as the window closes: before the store does.
    closeWindows: () => closeWindows(BrowserWindow.getAllWindows()),
    log: (message, error) => console.error(message, error),
  });
}
