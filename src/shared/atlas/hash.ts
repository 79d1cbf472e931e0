/**
 * FNV-1a 64-bit hash of the UTF-8 bytes of `text`, as 16 lowercase hex digits.
 *
 * The 64-bit state is kept as two 32-bit halves rather than a BigInt: a BigInt multiply per byte made
 * hashing a 10 MB document take seconds, and every passage of an import is hashed for its id.
 */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325.
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  const length = text.length;
  for (let index = 0; index < length; index++) {
    let code = text.charCodeAt(index);
    if (code < 0x80) {
      // Multiply by the prime 0x100000001b3 = 2^40 + 0x1b3, modulo 2^64: low × 0x1b3 stays below 2^41, so it is exact.
      const product = (low ^ code) >>> 0;
      const wide = product * 0x1b3;
      low = wide >>> 0;
      high = (Math.imul(high, 0x1b3) + (product << 8) + Math.floor(wide / 0x100000000)) >>> 0;
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        index++;
      }
    }
    // Hand-rolled UTF-8 because TextEncoder is not part of the ES library this module is limited to.
    const count = utf8(code, BYTES);
    for (let position = 0; position < count; position++) {
      const product = (low ^ BYTES[position]!) >>> 0;
      const wide = product * 0x1b3;
      low = wide >>> 0;
      high = (Math.imul(high, 0x1b3) + (product << 8) + Math.floor(wide / 0x100000000)) >>> 0;
    }
  }
  return hex8(high) + hex8(low);
}

const BYTES = [0, 0, 0, 0];

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}

function utf8(code: number, bytes: number[]): number {
  if (code < 0x800) {
    bytes[0] = 0xc0 | (code >> 6);
    bytes[1] = 0x80 | (code & 0x3f);
    return 2;
  }
  if (code < 0x10000) {
    bytes[0] = 0xe0 | (code >> 12);
    bytes[1] = 0x80 | ((code >> 6) & 0x3f);
    bytes[2] = 0x80 | (code & 0x3f);
    return 3;
  }
  bytes[0] = 0xf0 | (code >> 18);
  bytes[1] = 0x80 | ((code >> 12) & 0x3f);
  bytes[2] = 0x80 | ((code >> 6) & 0x3f);
  bytes[3] = 0x80 | (code & 0x3f);
  return 4;
}
