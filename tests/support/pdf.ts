import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Reads PDFs back with poppler (Debian's poppler-utils), an engine independent of the one that
 * printed them: the text of a page or of all, the page count and size, a page as PNG.
 */
export async function pdfText(path: string, page?: number, { layout = false } = {}): Promise<string> {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  const args = ['-enc', 'UTF-8', ...(layout ? ['-layout'] : []), ...range, path, '-'];
  const { stdout } = await run('pdftotext', args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Collapses whitespace, so text broken across lines by the layout compares with the source. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface PdfInfo {
  pages: number;
  /** Page size in points, e.g. 595 × 842 for A4. */
  width: number;
  height: number;
  tagged: boolean;
  title: string;
}

export async function pdfInfo(path: string): Promise<PdfInfo> {
  const { stdout } = await run('pdfinfo', [path]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'm').exec(stdout)?.[1]?.trim() ?? '';
  const size = /([\d.]+) x ([\d.]+) pts/.exec(field('Page size'));
  return {
    pages: Number(field('Pages')),
    width: Math.round(Number(size?.[1])),
    height: Math.round(Number(size?.[2])),
    tagged: field('Tagged') === 'yes',
    title: field('Title'),
  };
}

/** Renders one page to `<prefix>.png` at `dpi`, to look at. */
export async function renderPage(path: string, page: number, prefix: string, dpi = 70): Promise<string> {
  await run('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', path, prefix]);
  return `${prefix}.png`;
}
