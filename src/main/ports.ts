import type { Paper } from '../shared/contract';

// What main needs of the desktop, as interfaces: Electron implements them in electron/, the test
// harness and the benchmarks with their own, and the NO_* fallbacks serve hosts that have none.

/**
 * The OS file dialogs main opens on the user's behalf. Every path the app writes or reads for the
 * user comes from here, never from the renderer. Electron implements it (electron/dialogs.ts); the
 * test harness answers with paths the test chose, since no OS dialog exists there.
 */
export interface Dialogs {
  /** A file to write; null when the user cancels. */
  saveFile(options: { title: string; defaultName: string; extensions: string[] }): Promise<string | null>;
  /** A folder to write into; null when the user cancels. */
  chooseFolder(options: { title: string }): Promise<string | null>;
  /** A file to read; null when the user cancels. */
  openFile(options: { title: string; extensions: string[] }): Promise<string | null>;
}

/** For hosts with no way to ask (benchmarks, scripts): every dialog answers as if cancelled. */
export const NO_DIALOGS: Dialogs = {
  saveFile: async () => null,
  chooseFolder: async () => null,
  openFile: async () => null,
};

/** One document to print: a self-contained HTML page (no URL of any kind) and the paper it goes on. */
export interface PrintJob {
  html: string;
  paper: Paper;
  /** Aborting stops the print and rejects with an AbortError; the document is thrown away. */
  signal?: AbortSignal;
}

/**
 * Prints HTML to PDF bytes. Main implements it with Electron's printToPDF in a hidden window with
 * JavaScript off and every request blocked (electron/printer.ts); the tests and the benchmark use
 * Chromium's print-to-PDF through Playwright, so the same HTML is printed by the same engine.
 * Both print tagged PDF with a document outline, the page size and margins taken from the CSS.
 */
export interface Printer {
  print(job: PrintJob): Promise<Uint8Array>;
}

/** For hosts that cannot print: every job fails with a clear reason. */
export const NO_PRINTER: Printer = {
  print: () => Promise.reject(new Error('Printing is not available here.')),
};

/** The error a cancelled print rejects with, the same in every host. */
export function abortError(): Error {
  const error = new Error('The print was cancelled.');
  error.name = 'AbortError';
  return error;
}

/**
 * What main asks of the desktop for files it wrote on the user's behalf: open one in its default
 * application, or show it in the file manager. Electron implements it (electron/shell.ts);
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

/**
 * The system clipboard, written from main: the window's own navigator.clipboard needs a permission
 * the app denies to every page, so citations are copied here. Electron implements it
 * (electron/clipboard.ts); the test harness records what was written.
 */
export interface SystemClipboard {
  writeText(text: string): void;
}

/** For hosts with no clipboard: copying fails with a clear reason. */
export const NO_CLIPBOARD: SystemClipboard = {
  writeText: () => {
    throw new Error('There is no clipboard here.');
  },
};
