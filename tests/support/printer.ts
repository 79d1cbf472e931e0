import type { Browser, BrowserContext, Page } from '@playwright/test';
import { abortError, type Printer } from '../../src/main/ports';

/**
 * The app's Printer for tests and the benchmark: Chromium's own print-to-PDF (Playwright `page.pdf`),
 * the engine Electron's printToPDF uses, with the options main passes there — CSS page size and
 * zero margins (the document's @page rules decide), backgrounds, tagged PDF and outline. Like the
 * Electron printer it keeps one page with JavaScript off for its jobs, one job at a time, and
 * replaces it after a cancelled job. Every request a document makes is refused and recorded in
 * `requests`, which the tests expect to stay empty.
 */
export function chromiumPrinter(browser: Browser): Printer & { requests: string[]; jobs: number; close(): Promise<void> } {
  const requests: string[] = [];
  let context: Promise<BrowserContext> | null = null;
  let page: Promise<Page> | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const openContext = async () => {
    const created = await browser.newContext({ javaScriptEnabled: false, offline: true });
    await created.route('**/*', async (route) => {
      requests.push(route.request().url());
      await route.abort('blockedbyclient');
    });
    return created;
  };
  const printPage = () => (page ??= (context ??= openContext()).then((opened) => opened.newPage()));

  const printer = {
    requests,
    jobs: 0,
    async close() {
      const opened = context;
      context = null;
      page = null;
      if (opened) await (await opened).close().catch(() => undefined);
    },
    print({ html, paper, signal }: Parameters<Printer['print']>[0]): Promise<Uint8Array> {
      const job = queue.then(async () => {
        if (signal?.aborted) throw abortError();
        printer.jobs += 1;
        const current = await printPage();
        const abort = () => {
          page = null;
          void current.close();
        };
        signal?.addEventListener('abort', abort, { once: true });
        try {
          await current.setContent(html, { waitUntil: 'load' });
          const pdf = await current.pdf({
            format: paper === 'a4' ? 'A4' : 'Letter',
            preferCSSPageSize: true,
            printBackground: true,
            margin: { top: '0', bottom: '0', left: '0', right: '0' },
            tagged: true,
            outline: true,
          });
          return new Uint8Array(pdf);
        } catch (error) {
          if (signal?.aborted) throw abortError();
          throw error;
        } finally {
          signal?.removeEventListener('abort', abort);
        }
      });
      queue = job.catch(() => undefined);
      return job;
    },
  };
  return printer;
}
