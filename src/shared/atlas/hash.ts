/**
 * FNV-1a 64-bit hash of the UTF-8 bytes of `text`, as 16 lowercase hex digits.
 *
 * The 64-bit state is kept as four 16-bit limbs rather than a BigInt: a BigInt multiply per byte made
 * hashing a 10 MB document take seconds, and every passage of an import is hashed for its id. With
 * 16-bit limbs every product stays a small integer, which the engine multiplies fastest.
 */
export function fnv1a64(text: string): string {
  // Offset basis 0xcbf29ce484222325, lowest limb first.
  STATE[0] = 0x2325;
  STATE[1] = 0x8422;
  STATE[2] = 0x9ce4;
  STATE[3] = 0xcbf2;
  const length = text.length;
  for (let index = 0; index < length; index++) {
    let code = text.charCodeAt(index);
    if (code < 0x80) {
      mix(code);
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
    for (let position = 0; position < count; position++) mix(BYTES[position]!);
  }
  return hex(STATE);
}

const STATE = new Uint32Array(4);
const BYTES = [0, 0, 0, 0];

// XOR in a byte, then multiply by the prime 0x100000001b3 = 2^40 + 0x1b3, modulo 2^64, limb by limb.
function mix(byte: number): void {
  const v0 = STATE[0]! ^ byte;
  const v1 = STATE[1]!;
  const v2 = STATE[2]!;
  const v3 = STATE[3]!;
  const t0 = v0 * 0x1b3;
  const t1 = v1 * 0x1b3 + (t0 >>> 16);
  // 2^40 is 2^8 in the third limb.
  const t2 = v2 * 0x1b3 + (v0 << 8) + (t1 >>> 16);
  const t3 = v3 * 0x1b3 + (v1 << 8) + (t2 >>> 16);
  STATE[0] = t0 & 0xffff;
  STATE[1] = t1 & 0xffff;
  STATE[2] = t2 & 0xffff;
  STATE[3] = t3 & 0xffff;
}

const HEX = [48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 97, 98, 99, 100, 101, 102];

// One flat string of 16 digits (a joined pair of halves would be a rope, which a Map key must first flatten).
function hex(state: Uint32Array): string {
  const l3 = state[3]!;
  const l2 = state[2]!;
  const l1 = state[1]!;
  const l0 = state[0]!;
  return String.fromCharCode(
    HEX[l3 >>> 12]!, HEX[(l3 >>> 8) & 15]!, HEX[(l3 >>> 4) & 15]!, HEX[l3 & 15]!,
    HEX[l2 >>> 12]!, HEX[(l2 >>> 8) & 15]!, HEX[(l2 >>> 4) & 15]!, HEX[l2 & 15]!,
    HEX[l1 >>> 12]!, HEX[(l1 >>> 8) & 15]!, HEX[(l1 >>> 4) & 15]!, HEX[l1 & 15]!,
    HEX[l0 >>> 12]!, HEX[(l0 >>> 8) & 15]!, HEX[(l0 >>> 4) & 15]!, HEX[l0 & 15]!,
  );
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
