import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { basename, isAbsolute } from 'node:path';
import { convertPdfDocument, convertRead, PDF_MAX_PAGES, readTextDocument, SOURCE_MAX_BYTES, sniffFormat, type ConvertedSource } from '../../shared/sources';
import type { PdfInfo, PdfPage } from '../../shared/sources';
import { CodedError } from '../../shared/codedError';
import { openPdf } from './pdfjs';

/** A document's bytes and the name it had, before anything is made of them. */
export interface SourceFile {
  fileName: string;
  bytes: Uint8Array;
}

const MEGABYTES = SOURCE_MAX_BYTES / 1024 / 1024;
// How a file can disappear under us: deleted or renamed, its drive unplugged or its share gone.
const VANISHED = new Set(['ENOENT', 'ENOTDIR', 'ESTALE', 'ENXIO', 'ENODEV', 'EIO']);

/**
 * Reads a document the user chose. The size is checked before any content is read, so a file over
 * the limit is refused (`too-large`) without being loaded; a file that is gone, or shrinks, while
 * it is read is `file-vanished`; one that cannot be opened is `unreadable-file`. `afterOpen` runs
 * once the file is open (tests use it to pull the file away mid-read).
 */
export async function readSourceFile(path: string, options: { afterOpen?: () => Promise<void> } = {}): Promise<SourceFile> {
  // Paths come from main's own open dialog, never from the renderer; this only catches wiring mistakes.
  if (!isAbsolute(path)) throw new CodedError('invalid-input', 'The document path must be absolute.');
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw fileError(error, 'opened');
  });
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new CodedError('unreadable-file', 'That is not a file.');
    if (info.size > SOURCE_MAX_BYTES) throw new CodedError('too-large', `The file is larger than ${String(MEGABYTES)} MB.`);
    if (info.size === 0) throw new CodedError('empty-file', 'The file is empty.');
    await options.afterOpen?.();
    const bytes = new Uint8Array(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const { bytesRead } = await handle.read(bytes, filled, bytes.length - filled, filled).catch((error: unknown) => {
        throw fileError(error, 'read');
      });
      if (bytesRead === 0) throw new CodedError('file-vanished', 'The file was moved, deleted or cut short while it was read.');
      filled += bytesRead;
    }
    return { fileName: basename(path), bytes };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** A dropped file's content as the renderer sent it: checked like a file read from disk. */
export function droppedFile(fileName: string, data: Uint8Array): SourceFile {
  if (data.byteLength > SOURCE_MAX_BYTES) throw new CodedError('too-large', `The file is larger than ${String(MEGABYTES)} MB.`);
  if (data.byteLength === 0) throw new CodedError('empty-file', 'The file is empty.');
  // Only the name is kept, whatever the renderer sent: it is shown, never used as a path.
  return { fileName: basename(fileName.replace(/\\/g, '/')) || 'document', bytes: data };
}

/**
 * Turns a document into source text: the format from its first bytes and name, text decoded as
 * UTF-8 (or UTF-16 with a byte-order mark), a PDF's text layer read with pdf.js (`onProgress`
 * hears the share of its pages read, 0–1).
 */
export async function convertSourceFile(file: SourceFile, onProgress?: (done: number) => void): Promise<ConvertedSource> {
  const format = sniffFormat(file.fileName, file.bytes.subarray(0, 4096));
  if (format === 'pdf') {
    const { pages, info } = await pdfText(file.bytes, onProgress);
    return convertPdfDocument(file.fileName, pages, info);
  }
  // Each step over a long document takes a while: main answers other calls between them.
  const text = decodeText(file.bytes);
  await breathe();
  const { format: read, read: document } = readTextDocument(format, text);
  await breathe();
  return convertRead(file.fileName, read, document);
}

function breathe(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * Decodes text strictly: UTF-8, or UTF-16 when a byte-order mark says so. Bytes that are not valid
 * in that encoding (another encoding, or two mixed in one file) are refused (`bad-encoding`) rather
 * than turned into replacement characters.
 */
export function decodeText(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  try {
    // The decoder drops a byte-order mark of its own encoding.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw new CodedError('bad-encoding', `The file is not valid ${encoding.toUpperCase()} text.`);
  }
}

/** The SHA-256 of a source text's UTF-8 bytes, in hex: what recognises the same document imported twice. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Every page's text runs and the document information of a PDF; one of more than PDF_MAX_PAGES pages is refused. */
export async function pdfText(bytes: Uint8Array, onProgress: (done: number) => void = () => {}): Promise<{ pages: PdfPage[]; info: PdfInfo }> {
  const document = await openPdf(bytes).catch((error: unknown) => {
    throw new CodedError('pdf-unreadable', `pdf.js could not open the file: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  });
  try {
    if (document.numPages > PDF_MAX_PAGES) {
      throw new CodedError('pdf-too-many-pages', `The PDF has ${String(document.numPages)} pages; at most ${String(PDF_MAX_PAGES)} are read.`);
    }
    const metadata = await document.getMetadata().catch(() => null);
    const fields = (metadata?.info ?? {}) as { Title?: unknown; Author?: unknown };
    const info: PdfInfo = {
      title: typeof fields.Title === 'string' ? fields.Title : undefined,
      author: typeof fields.Author === 'string' ? fields.Author : undefined,
    };
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      pages.push({
        items: content.items.flatMap((item) =>
          'str' in item
            ? [
                {
                  text: item.str,
                  x: Number(item.transform[4]),
                  y: Number(item.transform[5]),
                  width: item.width,
                  height: item.height || Math.abs(Number(item.transform[3])),
                  endOfLine: item.hasEOL,
                },
              ]
            : [],
        ),
      });
      page.cleanup();
      onProgress(number / document.numPages);
    }
    return { pages, info };
  } catch (error) {
    if (error instanceof CodedError) throw error;
    throw new CodedError('pdf-unreadable', `pdf.js could not read the file: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  } finally {
    await document.destroy();
  }
}

function fileError(error: unknown, doing: 'opened' | 'read'): CodedError {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (VANISHED.has(code)) return new CodedError('file-vanished', `The file could not be ${doing}: it is gone (${detail}).`, { cause: error });
  return new CodedError('unreadable-file', `The file could not be ${doing}: ${detail}`, { cause: error });
}
