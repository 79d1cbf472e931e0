import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, nativeTheme } from 'electron';
import { events, type EventName, type EventPayload } from '../shared/contract';
import { DATA_SOURCES } from '../shared/dataSources';
import { languageForLocale, translate } from '../shared/i18n';
import { electronShell } from './desktopShell';
import { electronDialogs } from './dialogs';
import { hardenAllWebContents, hardenSession } from './hardening';
import { registerIpc } from './ipc';
import { installMenu } from './menu';
import { electronPrinter } from './printer';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { composeServices } from './services/compose';
import { closeBeforeQuit } from './services/quit';
import { resolveStoreFolder } from './services/paths';
import { APP_ORIGIN } from './services/security';
import { createMainWindow, preloadPath } from './window';

const mainDir = dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? (process.env['ELECTRON_RENDERER_URL'] ?? null) : null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  void app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Korea Relations Atlas', error instanceof Error ? (error.stack ?? error.message) : String(error));
    app.exit(1);
  });
}

async function start(): Promise<void> {
  const dataFolder = app.isPackaged ? join(process.resourcesPath, 'data') : join(app.getAppPath(), 'data');
  let mainWindow: BrowserWindow | null = null;

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
    dataFolder,
    linkWorker: join(mainDir, 'linkWorker.js'),
    importWorker: join(mainDir, 'importWorker.js'),
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
    dialogs: electronDialogs(),
    rendererFolder: join(mainDir, '../renderer'),
    printer: electronPrinter(),
    shell: electronShell(),
    onExportProgress: (progress) => send('onExportProgress', progress),
    onImportProgress: (progress) => send('onImportProgress', progress),
    onAtlasChanged: (payload) => send('onAtlasChanged', payload),
    log: (message, error) => console.error(message, error),
  });
  const { store, prefs, language } = services;

  nativeTheme.themeSource = theme();
  hardenSession(devServerUrl ? new URL(devServerUrl).origin : null);
  hardenAllWebContents(language);
  handleAppProtocol(join(mainDir, '../renderer'));
  registerIpc(services.invoke, devServerUrl ? new URL(devServerUrl).origin : APP_ORIGIN);
  refreshMenu();

  const openWindow = () => {
    mainWindow = createMainWindow({
      url: devServerUrl ?? `${APP_ORIGIN}/index.html`,
      preload: preloadPath(mainDir),
      saved: prefs.windowState(),
      title: translate(language(), 'app.title'),
      dark: nativeTheme.shouldUseDarkColors,
      onBoundsChanged: (state) => void prefs.setWindowState(state).catch(() => undefined),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  openWindow();

  if (store.recovery) {
    void dialog.showMessageBox({
      type: 'warning',
      title: translate(language(), 'dialog.storeRecoveredTitle'),
      message: translate(language(), 'dialog.storeRecoveredMessage', { path: store.recovery.movedTo }),
    });
  }

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
  // A note saved a moment before quitting is on disk before the app goes.
  closeBeforeQuit(app, services.close, { log: (message, error) => console.error(message, error) });
}
