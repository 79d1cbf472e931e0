import type { Block, ReadDocument } from './blocks';
import { findLicence } from './licence';

/** One run of text on a PDF page, as pdf.js reports it (y grows upwards, in page units). */
export interface PdfTextItem {
  text: string;
  x: number;
  y: number;
  width: number;
  /** The font size, more or less: how tall the run is. */
  height: number;
  /** pdf.js's own guess that a line ends after this run. */
  endOfLine: boolean;
}

/** A page's text runs in content order. */
export interface PdfPage {
  items: PdfTextItem[];
}

/** The document information dictionary, where the PDF has one. */
export interface PdfInfo {
  title?: string | undefined;
  author?: string | undefined;
}

/**
 * Most pages read from a PDF. pdf.js finds each page by walking the page tree from its root, so
 * reading every page of a PDF that lists them all in one array costs the square of their number
 * (20,000 pages took 142 s); a PDF with more is refused (`pdf-too-many-pages`).
 */
export const PDF_MAX_PAGES = 3000;

interface Line {
  text: string;
  y: number;
  height: number;
}

// Lines this much further apart than the usual line spacing start a new paragraph.
const PARAGRAPH_GAP = 1.25;
// Without enough lines to tell the usual spacing, lines this many font sizes apart do.
const FALLBACK_GAP = 1.8;
// Lines this much taller than most are headings.
const HEADING_SCALE = 1.25;
const PAGE_NUMBER = /^(?:page\s+)?\d{1,4}(?:\s*(?:\/|of)\s*\d{1,4})?$/i;

/**
 * Rebuilds the paragraphs of a PDF's text layer: runs become lines, lines become paragraphs where
 * the gap between them is no wider than usual, words hyphenated across a line end are joined, and
 * page numbers and running headers or footers (the same line on most pages) are left out. A page
 * without a text layer (a scan) contributes nothing; a PDF with none at all reads as empty.
 */
export function readPdfText(pages: readonly PdfPage[], info: PdfInfo = {}): ReadDocument {
  const pageLines = pages.map((page) => linesOf(page.items));
  const repeated = runningLines(pageLines);
  const heights = pageLines.flat().map((line) => line.height).sort((a, b) => a - b);
  const usual = heights[Math.floor(heights.length / 2)] ?? 0;
  const spacing = usualSpacing(pageLines, usual);

  const blocks: Block[] = [];
  let largest: Line | null = null;
  for (const lines of pageLines) {
    let paragraph: { text: string; heading: boolean } | null = null;
    let previous: Line | null = null;
    const flush = (): void => {
      if (paragraph && paragraph.text.trim() !== '') blocks.push(paragraph.heading ? { text: paragraph.text.trim(), heading: 2 } : { text: paragraph.text.trim() });
      paragraph = null;
    };
    for (const line of lines) {
      if (PAGE_NUMBER.test(line.text) || repeated.has(shape(line.text))) continue;
      if (blocks.length === 0 && (largest === null || line.height > largest.height)) largest = line;
      const heading = usual > 0 && line.height > usual * HEADING_SCALE;
      const gap = previous ? previous.y - line.y : 0;
      const widest = spacing === null ? Math.max(previous?.height ?? 0, line.height) * FALLBACK_GAP : spacing * PARAGRAPH_GAP;
      const newParagraph = paragraph === null || previous === null || heading !== paragraph.heading || gap <= 0 || gap > widest;
      if (newParagraph) {
        flush();
        paragraph = { text: line.text, heading };
      } else if (paragraph) {
        paragraph.text = joinLines(paragraph.text, line.text);
      }
      previous = line;
    }
    flush();
  }

  const infoTitle = info.title?.trim();
  const usableInfoTitle = infoTitle && !/\.(?:pdf|docx?|html?|txt)$/i.test(infoTitle) && !/^untitled/i.test(infoTitle) ? infoTitle : null;
  const biggest: Line | null = largest;
  const title = usableInfoTitle ?? (biggest && biggest.height > usual * HEADING_SCALE && biggest.text.length <= 150 ? biggest.text : null);
  return {
    blocks,
    title,
    author: info.author?.trim() || null,
    licence: findLicence(blocks.map((block) => block.text).join('\n')),
    removed: { scripts: 0, handlers: 0 },
  };
}

function linesOf(items: readonly PdfTextItem[]): Line[] {
  const lines: Line[] = [];
  let current: (Line & { end: number }) | null = null;
  for (const item of items) {
    const sameLine = current !== null && Math.abs(current.y - item.y) <= Math.max(current.height, item.height) * 0.5;
    if (current && sameLine) {
      const gap = item.x - current.end;
      const needsSpace = gap > item.height * 0.15 && !/\s$/.test(current.text) && !/^\s/.test(item.text);
      current.text += (needsSpace ? ' ' : '') + item.text;
      current.end = item.x + item.width;
      current.height = Math.max(current.height, item.height);
    } else if (item.text.trim() !== '') {
      if (current) lines.push(current);
      current = { text: item.text, y: item.y, height: item.height, end: item.x + item.width };
    }
    if (item.endOfLine && current) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines
    .map((line) => ({ text: line.text.replace(/\s+/g, ' ').trim(), y: line.y, height: line.height }))
    .filter((line) => line.text !== '');
}

// "rela-" + "tions" → "relations"; otherwise the lines join with a space.
function joinLines(text: string, next: string): string {
  if (/\p{L}-$/u.test(text) && /^\p{Ll}/u.test(next)) return text.slice(0, -1) + next;
  return `${text} ${next}`;
}

// The document's line spacing: the smallest distance from one line to the next that recurs. Where
// even that is wider than any line spacing (every paragraph one line long), a usual one is assumed.
function usualSpacing(pages: readonly Line[][], usualHeight: number): number | null {
  const gaps = pages.flatMap((lines) => lines.slice(1).map((line, index) => Math.round(((lines[index]?.y ?? 0) - line.y) * 10) / 10)).filter((gap) => gap > 0);
  const counts = new Map<number, number>();
  for (const gap of gaps) counts.set(gap, (counts.get(gap) ?? 0) + 1);
  const recurring = [...counts].filter(([, count]) => count >= 2).map(([gap]) => gap);
  if (recurring.length === 0) return null;
  const smallest = Math.min(...recurring);
  return usualHeight > 0 && smallest > usualHeight * 1.7 ? usualHeight * 1.2 : smallest;
}

function shape(text: string): string {
  return text.replace(/\d+/g, '#').toLowerCase();
}

// A line that recurs on most pages (a running title, a date, "page # of #") is not the text.
function runningLines(pages: readonly Line[][]): Set<string> {
  if (pages.length < 3) return new Set();
  const counts = new Map<string, number>();
  for (const lines of pages) for (const text of new Set(lines.map((line) => shape(line.text)))) counts.set(text, (counts.get(text) ?? 0) + 1);
  return new Set([...counts].filter(([, count]) => count > pages.length / 2).map(([text]) => text));
}
