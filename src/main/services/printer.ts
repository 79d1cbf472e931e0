import type { Paper } from '../../shared/contract';

/** One document to print: a self-contained HTML page (no URL of any kind) and the paper it goes on. */
export interface PrintJob {
  html: string;
  paper: Paper;
  /** Aborting stops the print and rejects with an AbortError; the document is thrown away. */
  signal?: AbortSignal;
}

/**
 * Prints HTML to PDF bytes. Main implements it with Electron's printToPDF in a hidden window with
 * JavaScript off and every request blocked (src/main/printer.ts); the tests and the benchmark use
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
