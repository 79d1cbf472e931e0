import { describe, expect, it } from 'vitest';
import { cssString, escapeHtml, safeId } from './html';

describe('escapeHtml()', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;');
  });
});

describe('cssString()', () => {
  it('quotes a name so it cannot end the string, the rule or the style element', () => {
    expect(cssString('Côte d’Ivoire · 코트디부아르')).toBe('"Côte d’Ivoire · 코트디부아르"');
    expect(cssString('a"b\\c</style>\n')).toBe('"a\\22 b\\5c c\\3c /style\\3e \\a "');
  });
});

describe('safeId()', () => {
  it('keeps ids as they are and replaces anything else', () => {
    expect(safeId('x-northern-cyprus')).toBe('x-northern-cyprus');
    expect(safeId('a b"c')).toBe('a_b_c');
  });
});
