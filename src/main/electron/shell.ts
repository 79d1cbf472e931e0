import { shell } from 'electron';
import type { DesktopShell } from '../ports';

/** The OS's own handling of files main wrote: open in the default application, or show in the file manager. */
export function electronShell(): DesktopShell {
  return {
    async openPath(path) {
      // Only paths main wrote after the user chose them in a save dialog reach here (by token).
      const failure = await shell.openPath(path);
      if (failure) throw new Error(failure);
    },
    showInFolder: (path) => shell.showItemInFolder(path),
  };
}
