import { type BrowserWindow, dialog } from 'electron';
import type { Dialogs } from '../ports';

/** The OS dialogs, each modal to `parent()`: the window whose call opened it. */
export function electronDialogs(parent: () => BrowserWindow | null): Dialogs {
  const owner = () => {
    const window = parent();
    return window && !window.isDestroyed() ? window : null;
  };
  return {
    async saveFile({ title, defaultName, extensions }) {
      const window = owner();
      const options = { title, defaultPath: defaultName, filters: [{ name: extensions.join(', '), extensions }] };
      const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseFolder({ title }) {
      const window = owner();
      const options = { title, properties: ['openDirectory' as const, 'createDirectory' as const] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async openFile({ title, extensions }) {
      const window = owner();
      const options = { title, properties: ['openFile' as const], filters: [{ name: extensions.join(', '), extensions }] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
