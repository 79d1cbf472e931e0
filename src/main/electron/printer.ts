import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, session, type Session } from 'electron';
import { abortError, type Printer } from '../ports';

/** The one in-memory session print windows use; it lets the window load the file of the job at hand and nothing else. */
const PRINT_PARTITION = 'atlas-print';

let printSession: Session | null = null;
const allowedUrls = new Set<string>();
/** How long the print window waits for another job before it goes. */
const IDLE_MS = 5_000;

function lockedSession(): Session {
  if (printSession) return printSession;
  const ses = session.fromPartition(PRINT_PARTITION, { cache: false });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  // The document is self-contained; anything it asks for beyond itself is refused.
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !allowedUrls.has(details.url) }));
  printSession = ses;
  return ses;
}

function printWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    webPreferences: {
      session: lockedSession(),
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      webgl: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
}

/**
 * Electron's printToPDF: the HTML goes to a private temp file, loaded in a hidden, sandboxed window
 * with no preload, JavaScript off and every other request cancelled; the file is removed when its
 * job ends. One window serves the jobs one at a time (the whole atlas prints twice in a row); it is
 * destroyed when a job is cancelled or fails and a few seconds after the last job, so it never
 * keeps the app open once the main window is closed. Margins are zero so the CSS @page rules decide, as in
 * the tests.
 */
export function electronPrinter(): Printer {
  let window: BrowserWindow | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let pending = 0;
  let idle: NodeJS.Timeout | null = null;
  const closeWhenIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => {
      if (pending > 0 || !window) return;
      if (!window.isDestroyed()) window.destroy();
      window = null;
    }, IDLE_MS);
  };

  const run = async ({ html, paper, signal }: Parameters<Printer['print']>[0]): Promise<Uint8Array> => {
    if (signal?.aborted) throw abortError();
    const folder = await mkdtemp(join(app.getPath('temp'), 'atlas-print-'));
    const file = join(folder, `${randomUUID()}.html`);
    await writeFile(file, html, { encoding: 'utf8', mode: 0o600 });
    const url = pathToFileURL(file).href;
    allowedUrls.add(url);
    const current = window && !window.isDestroyed() ? window : (window = printWindow());
    const discard = () => {
      window = null;
      if (!current.isDestroyed()) current.destroy();
    };
    signal?.addEventListener('abort', discard, { once: true });
    try {
      await current.loadURL(url);
      const pdf = await current.webContents.printToPDF({
        pageSize: paper === 'a4' ? 'A4' : 'Letter',
        preferCSSPageSize: true,
        printBackground: true,
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        generateTaggedPDF: true,
        generateDocumentOutline: true,
      });
      return new Uint8Array(pdf);
    } catch (error) {
      discard();
      if (signal?.aborted) throw abortError();
      throw error;
    } finally {
      signal?.removeEventListener('abort', discard);
      allowedUrls.delete(url);
      await rm(folder, { recursive: true, force: true });
    }
  };

  return {
    print(job) {
      pending += 1;
      const printed = queue.then(() => run(job)).finally(() => {
        pending -= 1;
        closeWhenIdle();
      });
      queue = printed.catch(() => undefined);
      return printed;
    },
  };
}
