import { CodedError } from '../codedError';
import { prefill, sourceTextOf, titleFromFileName, type ReadDocument } from './blocks';
import { readHtml } from './htmlReader';
import { attributionLine } from './licence';
import { readMarkdown } from './markdownReader';
import { readPdfText, type PdfInfo, type PdfPage } from './pdf';
import { readPlainText } from './text';

/** The kinds of document a source can be imported from. */
export type SourceFormat = 'text' | 'markdown' | 'html' | 'pdf';

/** Largest document accepted, in bytes; checked before the file is read. */
export const SOURCE_MAX_BYTES = 20 * 1024 * 1024;

/**
 * Limits on reading and linking one document, which happens in worker threads: the longest either
 * may take, and how far the app's memory may grow while a document is read (a PDF can inflate to
 * gigabytes) and the heap each worker may hold. Past one, the work is stopped and nothing is stored.
 */
export const IMPORT_LIMITS = { timeMs: 60_000, memoryMb: 768, heapMb: 512 } as const;

/** File name extensions the open dialog offers. */
export const SOURCE_EXTENSIONS: readonly string[] = ['txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml', 'pdf'];

/** A document turned into source text, with what it says about itself to prefill the form. */
export interface ConvertedSource {
  format: SourceFormat;
  /** The source text the atlas ingests: paragraphs separated by blank lines. */
  text: string;
  /** Prefilled title: the document's own, else its file name. */
  title: string;
  /** Prefilled attribution and licence line, empty when the document names neither. */
  attribution: string;
  removed: { scripts: number; handlers: number };
}

// Signatures of binary formats people might drop by mistake: images, archives (and the office
// formats built on them), executables, databases, audio and video.
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x50, 0x4b, 0x03, 0x04], // ZIP, DOCX, XLSX, ODT, EPUB
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68], // bzip2
  [0x37, 0x7a, 0xbc, 0xaf], // 7-Zip
  [0x52, 0x61, 0x72, 0x21], // RAR
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x4d, 0x5a], // Windows executable
  [0xcf, 0xfa, 0xed, 0xfe], // Mach-O
  [0xca, 0xfe, 0xba, 0xbe], // Mach-O universal, Java class
  [0xd0, 0xcf, 0x11, 0xe0], // DOC, XLS (OLE2)
  [0x49, 0x44, 0x33], // MP3
  [0x00, 0x61, 0x73, 0x6d], // WebAssembly
  [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], // SQLite
  [0x49, 0x49, 0x2a, 0x00], // TIFF
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // RTF ("{\rtf"): text, but not prose the atlas can read
];

/**
 * Decides what a file is from its first bytes and its name. A PDF is known by its header whatever
 * its name; a known binary format, or bytes with NULs that are not UTF-16, are refused
 * (`binary-file`), and UTF-16 without a byte-order mark is refused as `bad-encoding`.
 */
export function sniffFormat(fileName: string, head: Uint8Array): SourceFormat {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  const utf16Bom = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]);
  if (!utf16Bom) {
    if (BINARY_SIGNATURES.some((signature) => startsWith(head, signature)) || startsWithAfter(head, 4, [0x66, 0x74, 0x79, 0x70])) {
      throw new CodedError('binary-file', 'The file holds binary data (an image, archive, office or program file), not text.');
    }
    const sample = head.subarray(0, 4096);
    let nuls = 0;
    let odd = 0;
    sample.forEach((byte, index) => {
      if (byte !== 0) return;
      nuls++;
      if (index % 2 === 1) odd++;
    });
    if (nuls > 0) {
      const alternating = nuls >= sample.length * 0.2 && (odd >= nuls * 0.9 || odd <= nuls * 0.1);
      if (alternating) throw new CodedError('bad-encoding', 'The file looks like UTF-16 text without a byte-order mark.');
      throw new CodedError('binary-file', 'The file holds NUL bytes: it is binary data, not text.');
    }
  }
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (extension === 'html' || extension === 'htm' || extension === 'xhtml') return 'html';
  if (extension === 'md' || extension === 'markdown' || extension === 'mdown' || extension === 'mkd') return 'markdown';
  return 'text';
}

/**
 * Turns a decoded text document into source text. Refuses text with control characters that no
 * text file has (`binary-file`), and a document with nothing left to read (`empty-file` when it is
 * blank, `no-text` when only markup, navigation or scripts were in it).
 */
export function convertTextDocument(fileName: string, format: Exclude<SourceFormat, 'pdf'>, text: string): ConvertedSource {
  const { format: effective, read } = readTextDocument(format, text);
  return convertRead(fileName, effective, read);
}

/**
 * The first half of {@link convertTextDocument}: checks the text and reads its blocks (HTML saved
 * with another name is read as HTML). A caller with a long document can pause between the halves.
 */
export function readTextDocument(format: Exclude<SourceFormat, 'pdf'>, text: string): { format: SourceFormat; read: ReadDocument } {
  checkText(text);
  const effective = format === 'text' && /^\uFEFF?\s*<(?:!doctype\s+html|html[\s>])/i.test(text.slice(0, 1024)) ? 'html' : format;
  return { format: effective, read: effective === 'html' ? readHtml(text) : effective === 'markdown' ? readMarkdown(text) : readPlainText(text) };
}

/** Turns the text layer of a PDF into source text; a PDF without one is refused (`pdf-no-text`). */
export function convertPdfDocument(fileName: string, pages: readonly PdfPage[], info: PdfInfo): ConvertedSource {
  const read = readPdfText(pages, info);
  if (read.blocks.length === 0) throw new CodedError('pdf-no-text', 'The PDF has no text layer (a scan or images only).');
  return convertRead(fileName, 'pdf', read);
}

/** The second half of {@link convertTextDocument}: the source text, title and attribution of what was read. */
export function convertRead(fileName: string, format: SourceFormat, read: ReadDocument): ConvertedSource {
  const text = sourceTextOf(read.blocks, read.title);
  if (text.trim() === '') throw new CodedError('no-text', 'Nothing readable is left once markup, navigation and scripts are taken out.');
  return {
    format,
    text,
    title: prefill(read.title) || prefill(titleFromFileName(fileName)),
    attribution: prefill(attributionLine(read.author, read.licence), 500),
    removed: read.removed,
  };
}

function checkText(text: string): void {
  if (text.replace(/^\uFEFF/, '').trim() === '') throw new CodedError('empty-file', 'The file holds no text.');
  const sample = text.slice(0, 65_536);
  // Tab, line feed, form feed and carriage return are text; other C0 controls and NUL are not.
  // eslint-disable-next-line no-control-regex
  const controls = sample.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (text.includes('\u0000') || controls > sample.length * 0.005) {
    throw new CodedError('binary-file', 'The file holds control characters: it is binary data, not text.');
  }
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return startsWithAfter(bytes, 0, signature);
}

function startsWithAfter(bytes: Uint8Array, offset: number, signature: readonly number[]): boolean {
  return bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);
}
