import { describe, expect, it } from 'vitest';
import { fnv1a64 } from './hash';

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
});
