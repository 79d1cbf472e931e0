import { mkdir, mkdtemp, open, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PDF_MAX_PAGES, SOURCE_MAX_BYTES } from '../../shared/sources';
import { manyPagePdf } from '../../../tests/support/hostileDocuments';
import { isCodedError } from '../../shared/codedError';
import { contentHash, convertSourceFile, decodeText, droppedFile, readSourceFile } from './sourceFiles';

const fixture = (name: string) => new URL(`../../../tests/fixtures/sources/${name}`, import.meta.url);
let folder: string;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-source-files-'));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function refusal(pending: Promise<unknown>): Promise<string> {
  try {
    await pending;
  } catch (error) {
    if (isCodedError(error)) return error.code;
    throw error;
  }
  throw new Error('not refused');
}

describe('convertSourceFile()', () => {
  it(`refuses a PDF of more than ${String(PDF_MAX_PAGES)} pages at once (20,000 pages took 142 s to read)`, { timeout: 10_000 }, async () => {
    expect(await refusal(convertSourceFile({ fileName: 'long.pdf', bytes: manyPagePdf(20_000) }))).toBe('pdf-too-many-pages');
  });

  it('reads every page of a PDF in one flat page tree, telling how many are read', async () => {
    const progress: number[] = [];
    const converted = await convertSourceFile({ fileName: 'pages.pdf', bytes: manyPagePdf(30) }, (done) => progress.push(done));
    expect(converted.text.split('\n\n')).toHaveLength(30);
    expect(converted.text).toContain('Seoul and Lima signed the ad agreement.');
    expect(progress.at(-1)).toBe(1);
  });

  it('reads the text layer of a PDF printed by Chromium, paragraph by paragraph', async () => {
    const bytes = new Uint8Array(await readFile(fixture('peru-report.pdf')));
    const converted = await convertSourceFile({ fileName: 'peru-report.pdf', bytes });
    expect(converted).toMatchObject({ format: 'pdf', title: 'Korea and Peru: a short report', attribution: 'CC BY 4.0' });
    expect(converted.text.split('\n\n')).toEqual([
      'Peru and South Korea signed a free trade agreement in 2010, and it came into force the following year. Trade between the two countries has grown steadily since then, led by minerals, copper and fisheries.',
      'The two governments hold regular talks on infrastructure and on cooperation in the Pacific.',
      'Defence',
      'In 2023 Peru bought light combat aircraft and frigates from Korean shipyards and manufacturers.',
      'This report is licensed under CC BY 4.0.',
    ]);
  });

  it('refuses a PDF that has no text layer, and one pdf.js cannot open', async () => {
    const scan = new Uint8Array(await readFile(fixture('scan-only.pdf')));
    expect(await refusal(convertSourceFile({ fileName: 'scan-only.pdf', bytes: scan }))).toBe('pdf-no-text');
    const broken = new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF');
    expect(await refusal(convertSourceFile({ fileName: 'broken.pdf', bytes: broken }))).toBe('pdf-unreadable');
  });

  it('reads UTF-16 text that starts with a byte-order mark', async () => {
    const text = '\uFEFFChile and South Korea signed a free trade agreement.';
    const utf16 = new Uint8Array(Buffer.from(text, 'utf16le'));
    expect((await convertSourceFile({ fileName: 'notes.txt', bytes: utf16 })).text).toBe('Chile and South Korea signed a free trade agreement.');
  });
});

describe('decodeText()', () => {
  it('refuses Latin-1 text and UTF-8 with a Latin-1 byte mixed in, rather than guessing', () => {
    const mixed = new Uint8Array([...Buffer.from('Relations with Perú are close; ', 'utf8'), ...Buffer.from('café', 'latin1')]);
    for (const bytes of [new Uint8Array(Buffer.from('Canción de Chile', 'latin1')), mixed]) {
      expect(() => decodeText(bytes)).toThrow(expect.objectContaining({ code: 'bad-encoding' }));
    }
  });

  it('drops a UTF-8 byte-order mark', () => {
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]))).toBe('A');
  });
});

describe('readSourceFile()', () => {
  it('reads a file whole and keeps only its name', async () => {
    const path = join(folder, 'notes.md');
    await writeFile(path, '# Notes\n\nChile.');
    const file = await readSourceFile(path);
    expect(file.fileName).toBe('notes.md');
    expect(Buffer.from(file.bytes).toString('utf8')).toBe('# Notes\n\nChile.');
  });

  it('refuses a file over 20 MB before reading it, an empty file and a folder', async () => {
    const big = join(folder, 'big.txt');
    await writeFile(big, '');
    await truncate(big, SOURCE_MAX_BYTES + 1);
    expect(await refusal(readSourceFile(big))).toBe('too-large');
    const empty = join(folder, 'empty.txt');
    await writeFile(empty, '');
    expect(await refusal(readSourceFile(empty))).toBe('empty-file');
    await mkdir(join(folder, 'folder.txt'));
    expect(await refusal(readSourceFile(join(folder, 'folder.txt')))).toBe('unreadable-file');
  });

  it('says the file vanished when it is gone before it is read, or cut short while it is read', async () => {
    expect(await refusal(readSourceFile(join(folder, 'gone.txt')))).toBe('file-vanished');
    const path = join(folder, 'shrinking.txt');
    await writeFile(path, 'Chile and South Korea. '.repeat(1000));
    const shrink = async () => {
      const handle = await open(path, 'r+');
      await handle.truncate(10);
      await handle.close();
    };
    expect(await refusal(readSourceFile(path, { afterOpen: shrink }))).toBe('file-vanished');
  });
});

describe('droppedFile()', () => {
  it('keeps only the base name of what the renderer calls the file, and checks the size', () => {
    expect(droppedFile('C:\\Users\\me\\notes.md', new Uint8Array([65])).fileName).toBe('notes.md');
    expect(droppedFile('../../etc/passwd', new Uint8Array([65])).fileName).toBe('passwd');
    expect(() => droppedFile('big.txt', new Uint8Array(SOURCE_MAX_BYTES + 1))).toThrow(expect.objectContaining({ code: 'too-large' }));
    expect(() => droppedFile('empty.txt', new Uint8Array(0))).toThrow(expect.objectContaining({ code: 'empty-file' }));
  });
});

describe('contentHash()', () => {
  it('is the SHA-256 of the UTF-8 text', () => {
    expect(contentHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
