import { describe, expect, it } from 'vitest';
import { isCodedError } from '../codedError';
import { convertPdfDocument, convertTextDocument, sniffFormat } from './document';
import { findLicence, licenceFromUrl } from './licence';

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new Uint8Array([...text].map((symbol) => symbol.charCodeAt(0)));

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isCodedError(error)) return error.code;
    throw error;
  }
  throw new Error('not refused');
}

describe('sniffFormat()', () => {
  it('knows a PDF by its header whatever its name, and the others by their extension', () => {
    expect(sniffFormat('report.txt', ascii('%PDF-1.7\n'))).toBe('pdf');
    expect(sniffFormat('page.HTM', ascii('<p>x</p>'))).toBe('html');
    expect(sniffFormat('notes.markdown', ascii('# x'))).toBe('markdown');
    expect(sniffFormat('notes', ascii('plain'))).toBe('text');
  });

  it.each([
    ['a PNG image', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
    ['a Word document (ZIP)', bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0x00)],
    ['an executable', bytes(0x7f, 0x45, 0x4c, 0x46, 0x02)],
    ['an MP4 video', bytes(0x00, 0x00, 0x00, 0x20, 0x66, 0x74, 0x79, 0x70)],
    ['text with NUL bytes in it', ascii('Chile\u0000\u0000\u0001 and Korea')],
  ])('refuses %s as binary', (_, head) => {
    expect(refusal(() => sniffFormat('document.txt', head))).toBe('binary-file');
  });

  it('refuses UTF-16 without a byte-order mark as an encoding problem, but lets it through with one', () => {
    const utf16 = (text: string) => new Uint8Array([...text].flatMap((symbol) => [symbol.charCodeAt(0), 0]));
    expect(refusal(() => sniffFormat('notes.txt', utf16('Chile and South Korea')))).toBe('bad-encoding');
    expect(sniffFormat('notes.txt', new Uint8Array([0xff, 0xfe, ...utf16('Chile')]))).toBe('text');
  });
});

describe('convertTextDocument()', () => {
  it('reads HTML saved with a .txt name as HTML', () => {
    const converted = convertTextDocument('page.txt', 'text', '<!DOCTYPE html><html><body><nav>Menu</nav><p>Chile and Korea.</p></body></html>');
    expect(converted).toMatchObject({ format: 'html', text: 'Chile and Korea.', title: 'page' });
  });

  it('leaves out a first heading that repeats the title, and falls back to the file name for the title', () => {
    expect(convertTextDocument('x.md', 'markdown', '# Korea and Chile\n\nText.').text).toBe('Text.');
    expect(convertTextDocument('korea_chile notes.md', 'markdown', 'Just text.').title).toBe('korea chile notes');
  });

  it.each([
    ['an empty document', 'text', '\uFEFF  \n\n\t', 'empty-file'],
    ['text full of control characters', 'text', `Chile${'\u0007'.repeat(20)} and Korea`, 'binary-file'],
    ['HTML with nothing but navigation and scripts', 'html', '<nav>Chile</nav><script>alert(1)</script><footer>Korea</footer>', 'no-text'],
    ['Markdown with only a code block', 'markdown', '```\nChile\n```', 'no-text'],
  ] as const)('refuses %s', (_, format, text, code) => {
    expect(refusal(() => convertTextDocument('document', format, text))).toBe(code);
  });

  it('refuses a PDF whose pages have no text', () => {
    expect(refusal(() => convertPdfDocument('scan.pdf', [{ items: [] }], {}))).toBe('pdf-no-text');
  });
});

describe('findLicence()', () => {
  it.each([
    ['Text is available under the Creative Commons Attribution-ShareAlike 4.0 License; additional terms may apply.', 'CC BY-SA 4.0'],
    ['This work is licensed under a Creative Commons Attribution-NonCommercial 4.0 International License.', 'CC BY-NC 4.0'],
    ['Released under CC0 1.0.', 'CC0 1.0'],
    ['© 2024 Institute. Licensed under cc-by 4.0', 'CC BY 4.0'],
    ['The photographs are CC BY-SA 3.0.', 'CC BY-SA 3.0'],
    ['Published under the GNU Free Documentation License.', 'GFDL'],
    ['All rights reserved.', null],
  ])('reads “%s” as %s', (text, licence) => {
    expect(findLicence(text)).toBe(licence);
  });

  it('reads Creative Commons licence links', () => {
    expect(licenceFromUrl('https://creativecommons.org/licenses/by-nc-nd/4.0/')).toBe('CC BY-NC-ND 4.0');
    expect(licenceFromUrl('//creativecommons.org/publicdomain/zero/1.0/')).toBe('CC0 1.0');
    expect(licenceFromUrl('https://example.org/licence')).toBeNull();
  });
});
