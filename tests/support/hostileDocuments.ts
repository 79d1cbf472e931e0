import { constants, deflateRawSync } from 'node:zlib';

/**
 * Builds a PDF from its objects (each the text between `n 0 obj` and `endobj`, object 1 the
 * catalog), with a cross-reference table that points at every one.
 */
function assemble(objects: readonly (string | Buffer)[]): Uint8Array {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  objects.forEach((body, index) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${String(index + 1)} 0 obj\n`), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${String(objects.length + 1)}\n0000000000 65535 f \n`, ...offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${String(objects.length + 1)} /Root 1 0 R >>\nstartxref\n${String(length)}\n%%EOF\n`, 'latin1'));
  const bytes = Buffer.concat(parts);
  // pdf.js takes a plain Uint8Array, not a Buffer.
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

const FONT = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';

/** A word of letters for a number (0 → "a", 27 → "bb"): text that differs from page to page even once digits are set aside. */
function letters(number: number): string {
  let word = '';
  for (let rest = number; ; rest = Math.floor(rest / 26) - 1) {
    word = String.fromCharCode(97 + (rest % 26)) + word;
    if (rest < 26) return word;
  }
}

/**
 * A PDF of `count` pages, each with a line of text of its own, all in one flat page tree: what a
 * simple generator writes. Objects: 1 catalog, 2 pages, 3 font, then each page and its content.
 */
export function manyPagePdf(count: number): Uint8Array {
  const kids = Array.from({ length: count }, (_, index) => `${String(4 + 2 * index)} 0 R`).join(' ');
  const objects: string[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${kids}] /Count ${String(count)} >>`, FONT];
  for (let index = 0; index < count; index++) {
    const content = `BT /F1 12 Tf 72 720 Td (Seoul and Lima signed the ${letters(index)} agreement.) Tj ET`;
    objects.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${String(5 + 2 * index)} 0 R >>`);
    objects.push(`<< /Length ${String(content.length)} >>\nstream\n${content}\nendstream`);
  }
  return assemble(objects);
}

/**
 * A decompression bomb: a one-page PDF of a few megabytes whose embedded font program (FlateDecode)
 * inflates to `inflatedMegabytes` of zeros. pdf.js inflates a font whole before reading it, which
 * it does to extract the page's text. The stream is one deflated megabyte repeated: deflate blocks
 * that end on a sync flush may follow one another, so the repeats stay one valid stream.
 */
export function pdfBomb(inflatedMegabytes: number): Uint8Array {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const body = Buffer.concat([Buffer.from([0x78, 0xda]), ...Array.from({ length: inflatedMegabytes }, () => block), deflateRawSync(Buffer.alloc(0))]);
  const content = 'BT /F1 12 Tf 72 720 Td (Seoul and Lima signed a trade agreement.) Tj ET';
  return assemble([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /TrueType /BaseFont /Bomb /FirstChar 32 /LastChar 126 /FontDescriptor 6 0 R >>',
    `<< /Length ${String(content.length)} >>\nstream\n${content}\nendstream`,
    '<< /Type /FontDescriptor /FontName /Bomb /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>',
    Buffer.concat([Buffer.from(`<< /Length ${String(body.length)} /Filter /FlateDecode >>\nstream\n`, 'latin1'), body, Buffer.from('\nendstream', 'latin1')]),
  ]);
}
