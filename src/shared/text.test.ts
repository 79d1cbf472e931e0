import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { compactText } from './text';

/** Bytes per character as V8 copies the string (structured clone, IPC): 1 or 2. */
const bytesPerChar = (text: string) => Math.round((serialize(text).length - 4) / text.length);

describe('compactText()', () => {
  // One character beyond Latin-1 makes V8 hold the whole document, and every slice of it, two bytes
  // per character.
  const document = `Korea’s partners\n\n${"Plain prose about Chile, Peru and Côte d'Ivoire. ".repeat(40)}\n\nSouth Korea and Chile (2004).`;
  const passage = document.slice(document.lastIndexOf('\n') + 1);

  it('keeps the text exactly', () => {
    expect(compactText(passage)).toBe('South Korea and Chile (2004).');
    expect(compactText('Café, naïve, façade')).toBe('Café, naïve, façade');
    expect(compactText('')).toBe('');
  });

  it('holds a slice of a two-byte document one byte per character', () => {
    expect(bytesPerChar(passage)).toBe(2);
    expect(bytesPerChar(compactText(passage))).toBe(1);
  });

  it('does so for text longer than one chunk too', () => {
    const long = document.slice(document.indexOf('\n\n') + 2, document.lastIndexOf('\n\n'));
    const compact = compactText(long.repeat(10));
    expect(long.repeat(10).length).toBeGreaterThan(8192 * 2);
    expect(compact).toBe(long.repeat(10));
    expect(bytesPerChar(compact)).toBe(1);
  });

  it('leaves text that needs two bytes a character as it is', () => {
    const korean = '대한민국과 칠레';
    expect(compactText(korean)).toBe(korean);
    expect(compactText(document)).toBe(document);
    expect(bytesPerChar(compactText(document))).toBe(2);
  });
});
