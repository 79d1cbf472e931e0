import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy } from 'pdfjs-dist/types/src/display/api';

type PdfJs = typeof PdfJsModule;

let loading: Promise<PdfJs> | null = null;

/**
 * Loads pdf.js for Node on first use. Its worker module is imported here and handed over as
 * `globalThis.pdfjsWorker`, so pdf.js parses on this thread instead of looking for a worker file by
 * path (which bundling into main would break).
 */
function pdfjs(): Promise<PdfJs> {
  loading ??= (async () => {
    const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
    return import('pdfjs-dist/legacy/build/pdf.mjs');
  })();
  return loading;
}

/** Opens PDF bytes with pdf.js: no fonts loaded, no eval, nothing fetched. The caller destroys it. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const { getDocument } = await pdfjs();
  // pdf.js may transfer the buffer it is given; hand it a copy so the caller's bytes stay whole.
  return getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: true,
    verbosity: 0,
  }).promise;
}

/**
 * Where each internal link of a PDF points: fragment name → 1-based page number. Chromium turns an
 * `<a href="#c-JPN">` into a link annotation with a named destination, so a table of contents made
 * of such links tells on which page each section starts.
 */
export async function linkTargets(bytes: Uint8Array): Promise<{ pages: number; targets: Record<string, number> }> {
  const document = await openPdf(bytes);
  try {
    const targets: Record<string, number> = {};
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      for (const annotation of (await page.getAnnotations()) as { subtype?: string; dest?: unknown }[]) {
        if (annotation.subtype !== 'Link' || typeof annotation.dest !== 'string' || annotation.dest in targets) continue;
        const destination = await document.getDestination(annotation.dest);
        const reference = destination?.[0] as { num: number; gen: number } | undefined;
        if (reference && typeof reference === 'object') targets[annotation.dest] = (await document.getPageIndex(reference)) + 1;
      }
    }
    return { pages: document.numPages, targets };
  } finally {
    await document.destroy();
  }
}

/** The number of pages of a PDF. */
export async function pageCount(bytes: Uint8Array): Promise<number> {
  const document = await openPdf(bytes);
  try {
    return document.numPages;
  } finally {
    await document.destroy();
  }
}
