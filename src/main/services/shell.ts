/**
 * What main asks of the desktop for files it wrote on the user's behalf: open one in its default
 * application, or show it in the file manager. Electron implements it (src/main/desktopShell.ts);
 * the test harness records the calls, since there is no desktop to open things on.
 */
export interface DesktopShell {
  /** Opens the file with the application the OS associates with it; rejects with the OS's reason. */
  openPath(path: string): Promise<void>;
  showInFolder(path: string): void;
}

/** For hosts with no desktop: opening fails with a clear reason, showing does nothing. */
export const NO_SHELL: DesktopShell = {
  openPath: () => Promise.reject(new Error('There is no desktop to open files on here.')),
  showInFolder: () => undefined,
};
