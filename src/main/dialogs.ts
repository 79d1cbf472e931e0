import { BrowserWindow, dialog } from 'electron';
import type { Dialogs } from './services/dialogs';

/** The OS dialogs, attached to the focused window so they are modal to it. */
export function electronDialogs(): Dialogs {
  const parent = () => BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  return {
    async saveFile({ title, defaultName, extensions }) {
      const window = parent();
      const options = { title, defaultPath: defaultName, filters: [{ name: extensions.join(', '), extensions }] };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFolder({ title }) {
      const window = parent();
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async openFile({ title, extensions }) {
      const window = parent();
      const options = { title, properties: ['openFile' as const], filters: [{ name: extensions.join(', '), extensions }] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
