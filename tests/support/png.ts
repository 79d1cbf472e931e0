import { inflateSync } from 'node:zlib';

/**
 * The colour of a one-pixel PNG (a screenshot clipped to one pixel), as [r, g, b]. With a single
 * pixel every PNG row filter leaves the bytes as they are (there is no left or upper neighbour),
 * so inflating the image data is all the decoding needed.
 */
export function colourOfPixelPng(png: Buffer): [number, number, number] {
  if (png.readUInt32BE(0) !== 0x89504e47) throw new Error('Not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  let colourType = -1;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8) throw new Error('Only 8-bit PNGs are read');
      colourType = body[9] ?? -1;
    }
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (width !== 1 || height !== 1) throw new Error(`Expected a 1×1 PNG, got ${String(width)}×${String(height)}`);
  if (colourType !== 2 && colourType !== 6) throw new Error(`Unsupported PNG colour type ${String(colourType)}`);
  const raw = inflateSync(Buffer.concat(data));
  // raw[0] is the row's filter type; the pixel follows.
  return [raw[1] ?? 0, raw[2] ?? 0, raw[3] ?? 0];
}

/** A #rrggbb colour as [r, g, b]. */
export function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.replace('#', ''), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
}

/** The largest channel difference between two colours. */
export function channelDistance(a: readonly number[], b: readonly number[]): number {
  return Math.max(...a.map((value, index) => Math.abs(value - (b[index] ?? 0))));
}
