/**
 * FNV-1a 64-bit hash of the UTF-8 bytes of `text`, as 16 lowercase hex digits.
 *
 * The 64-bit state is kept as four 16-bit limbs rather than a BigInt: a BigInt multiply per byte made
 * hashing a 10 MB document take seconds, and every passage of an import is hashed for its id.
 */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325, lowest limb first.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  const bytes = [0, 0, 0, 0];

  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
        index++;
      }
    }
    // Hand-rolled UTF-8 because TextEncoder is not part of the ES library this module is limited to.
    const count = utf8(code, bytes);
    for (let position = 0; position < count; position++) {
      h0 ^= bytes[position]!;
      // Multiply by the prime 0x100000001b3 = 2^40 + 0x1b3, modulo 2^64, limb by limb.
      const t0 = h0 * 0x1b3;
      const t1 = h1 * 0x1b3 + (t0 >>> 16);
      const t2 = h2 * 0x1b3 + h0 * 0x100 + (t1 >>> 16);
      const t3 = h3 * 0x1b3 + h1 * 0x100 + (t2 >>> 16);
      h0 = t0 & 0xffff;
      h1 = t1 & 0xffff;
      h2 = t2 & 0xffff;
      h3 = t3 & 0xffff;
    }
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, '0')).join('');
}

function utf8(code: number, bytes: number[]): number {
  if (code < 0x80) {
    bytes[0] = code;
    return 1;
  }
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
