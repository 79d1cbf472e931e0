import { describe, expect, it } from 'vitest';
import { readPdfText, type PdfPage, type PdfTextItem } from './pdf';

// A page laid out as a PDF would be: y counts up from the bottom, 12-unit text on 15-unit lines.
function page(lines: readonly (string | null)[], options: { top?: number; height?: number } = {}): PdfPage {
  let y = options.top ?? 700;
  const items: PdfTextItem[] = [];
  for (const line of lines) {
    if (line === null) {
      y -= 12;
      continue;
    }
    items.push({ text: line, x: 50, y, width: line.length * 6, height: options.height ?? 12, endOfLine: true });
    y -= 15;
  }
  return { items };
}

describe('readPdfText()', () => {
  it('joins lines into paragraphs at the usual spacing and starts a new one at a wider gap', () => {
    const read = readPdfText([page(['Peru and South Korea signed a free', 'trade agreement in 2010.', null, 'Trade has grown since.', 'It is led by minerals.'])]);
    expect(read.blocks).toEqual([{ text: 'Peru and South Korea signed a free trade agreement in 2010.' }, { text: 'Trade has grown since. It is led by minerals.' }]);
  });

  it('joins a word hyphenated across a line end, but not a hyphen before a capital', () => {
    const read = readPdfText([page(['The two countries deepened their rela-', 'tions through the Korea-', 'Peru agreement and more trade.'])]);
    expect(read.blocks[0]?.text).toBe('The two countries deepened their relations through the Korea- Peru agreement and more trade.');
  });

  it('drops page numbers and a running header that recurs on most pages', () => {
    const countries = ['Peru', 'Chile', 'Brazil'];
    const pages = countries.map((country, index) => page(['KOREA–PERU REPORT 2024', `A paragraph about ${country} and South Korea.`, null, String(index + 1)]));
    const read = readPdfText(pages);
    expect(read.blocks.map((block) => block.text)).toEqual(countries.map((country) => `A paragraph about ${country} and South Korea.`));
  });

  it('takes the title from the document information, else from a large first line, and marks large lines as headings', () => {
    const titled = readPdfText([{ items: [...page(['Korea and Peru'], { height: 24 }).items, ...page(['Body text of the report.', 'More body text.', 'Even more.'], { top: 660 }).items] }]);
    expect(titled.title).toBe('Korea and Peru');
    expect(titled.blocks[0]).toEqual({ text: 'Korea and Peru', heading: 2 });
    expect(readPdfText([page(['Text.'])], { title: 'Annual report', author: 'Institute' })).toMatchObject({ title: 'Annual report', author: 'Institute' });
    expect(readPdfText([page(['Text.'])], { title: 'report-final.docx' }).title).toBeNull();
  });

  it('reads a PDF without a text layer as no blocks at all', () => {
    expect(readPdfText([{ items: [] }, { items: [{ text: ' ', x: 0, y: 0, width: 0, height: 0, endOfLine: true }] }]).blocks).toEqual([]);
  });
});
