import { describe, expect, it } from 'vitest';
import { fnv1a64 } from './hash';

// The definition, byte by byte with BigInt: slow, but plainly right.
function referenceFnv1a64(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

describe('fnv1a64()', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes, so non-ASCII text is stable too', () => {
    expect(fnv1a64('대한민국')).toBe(fnv1a64('대한민국'));
    expect(fnv1a64('€65')).not.toBe(fnv1a64('65'));
    expect(fnv1a64('😀')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('gives what the byte-by-byte definition gives, for ASCII, Korean, accents and emoji', () => {
    const samples = ['Seoul', 'Côte d’Ivoire', '대한민국 외교', '😀 and 🇰🇷', '\u007f\u0080\u07ff\u0800\uffff'];
    let seed = 7;
    for (let count = 0; count < 200; count++) {
      let text = '';
      for (let length = 0; length < count % 40; length++) {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        text += String.fromCharCode(seed % 3 === 0 ? seed % 0x80 : seed % 0xd7ff);
      }
      samples.push(text);
    }
    for (const text of samples) expect(fnv1a64(text), text).toBe(referenceFnv1a64(text));
  });

  it('hashes a lone surrogate as its three-byte form, as passage ids always have', () => {
    expect(fnv1a64('lone \ud800 high')).toBe('c33fd160d340c546');
    expect(fnv1a64('lone \udc00 low')).toBe('f0ffe7a0f7101b9c');
    expect(fnv1a64('a\ud83d')).toBe('36c2cd813a43a93c');
  });
});
