import { describe, expect, it } from 'vitest';
import { boundMarkdown, MARKDOWN_LIMITS, renderBoundedMarkdown } from './markdownHtml';
import { escapeHtml } from '../html';
import { noteHtml } from '../briefing/noteHtml';

const KB = 1024;

/** `unit` repeated to `size` characters, after `head`. */
function repeated(head: string, unit: string, size: number): string {
  return head + unit.repeat(Math.ceil((size - head.length) / unit.length));
}

/**
 * Constructs that overflow marked's stack or make it super-linear (measured on marked 18: at 100 kB
 * each took from 2.5 s to minutes, or threw "Maximum call stack size exceeded" from 5 kB on).
 */
const hostile: Record<string, (size: number) => string> = {
  'a blockquote run': (size) => `${'>'.repeat(size - 2)} x`,
  'spaced blockquotes': (size) => `${repeated('', '> ', size - 1)}x`,
  'nested bullet lists': (size) => `${repeated('', '- ', size - 1)}x`,
  'nested starred lists': (size) => `${repeated('', '* ', size - 1)}x`,
  'nested plus lists': (size) => `${repeated('', '+ ', size - 1)}x`,
  'nested ordered lists': (size) => `${repeated('', '1. ', size - 1)}x`,
  'blockquotes in lists': (size) => `${repeated('', '> - ', size - 1)}x`,
  'lists nested by indent': (size) => {
    const lines: string[] = [];
    for (let depth = 0, length = 0; length < size; depth = (depth + 1) % 400) {
      lines.push(`${' '.repeat(depth * 2)}- x`);
      length += depth * 2 + 4;
    }
    return lines.join('\n');
  },
  'nested emphasis': (size) => `${'*a '.repeat(size / 6)}x${' a*'.repeat(size / 6)}`,
  'nested strong': (size) => `${'*'.repeat(size / 2)}a${'*'.repeat(size / 2)}`,
  'underscores between letters': (size) => repeated('', '_x', size),
  'strong openers': (size) => repeated('', '**x', size),
  'stars after full stops': (size) => repeated('', '.*', size),
  'a web address ending in punctuation': (size) => repeated('www.a', '?)', size),
  'a URL ending in punctuation': (size) => repeated('http://a', '.,', size),
  'setext headings': (size) => repeated('', 'a\n-\n', size),
  'exclamation marks': (size) => repeated('', '!', size),
  'processing-instruction openers': (size) => repeated('', '?<', size),
  'spaces after a web address': (size) => `${repeated('www.a', ' ', size - 1)}x`,
  'a list item continued line after line': (size) => repeated('- a\n', '  b\n', size),
};

describe('noteHtml()', () => {
  for (const [name, make] of Object.entries(hostile)) {
    for (const size of [5 * KB, 1024 * KB]) {
      it(`prints ${name} (${String(size / KB)} kB) as text, without overflowing or stalling`, () => {
        const source = make(size);
        const html = noteHtml(source);
        // All of the note's text is there (as text: nothing of it became markup).
        expect(html.replace(/<br>\n/g, '\n')).toContain(escapeHtml(source.slice(0, 2000)));
      });
    }
  }
});

describe('boundMarkdown()', () => {
  it('returns a note within the limits whole, as one Markdown part', () => {
    const note = '# Plan\n\n> quoted\n> - a list in it\n\n- **one**\n  - two\n\n```\n>>>> code\n\n>>>>\n```\n\nSee www.example.org.';
    expect(boundMarkdown(note)).toEqual([{ kind: 'markdown', text: note }]);
  });

  it('shows a block nested past the limit as text, and keeps the blocks around it as Markdown', () => {
    const deep = `${'> '.repeat(MARKDOWN_LIMITS.depth + 1)}deep`;
    const within = `${'> '.repeat(MARKDOWN_LIMITS.depth)}fine`;
    expect(boundMarkdown(`**before**\n\n${deep}\nsame block\n\n${within}`)).toEqual([
      { kind: 'markdown', text: '**before**\n' },
      { kind: 'text', text: `${deep}\nsame block` },
      { kind: 'markdown', text: `\n${within}` },
    ]);
  });

  it('counts list levels made by indent, and not a thematic break or indented code', () => {
    const nested = Array.from({ length: MARKDOWN_LIMITS.depth + 1 }, (_, depth) => `${'  '.repeat(depth)}- level ${String(depth + 1)}`).join('\n');
    expect(boundMarkdown(nested).map((part) => part.kind)).toEqual(['text']);
    expect(boundMarkdown(nested.split('\n').slice(0, MARKDOWN_LIMITS.depth).join('\n')).map((part) => part.kind)).toEqual(['markdown']);
    expect(boundMarkdown(`${'* '.repeat(40)}\n\n${' '.repeat(80)}code`).map((part) => part.kind)).toEqual(['markdown']);
  });

  it('takes a fenced block as one block, blank lines and all', () => {
    const fence = `\`\`\`\n${'*'.repeat(MARKDOWN_LIMITS.emphasisMarks + 1)}\n\nafter a blank line\n\`\`\``;
    expect(boundMarkdown(`intro\n\n${fence}\n\nend`)).toEqual([
      { kind: 'markdown', text: 'intro\n' },
      { kind: 'text', text: fence },
      { kind: 'markdown', text: '\nend' },
    ]);
  });

  it('does not take a line of other white space for a blank one (marked goes on with the paragraph)', () => {
    const half = '_x'.repeat(MARKDOWN_LIMITS.emphasisMarks / 2 + 10);
    expect(boundMarkdown(`${half}\n\u00a0\n${half}`).map((part) => part.kind)).toEqual(['text']);
    expect(boundMarkdown(`${half}\n \t\n${half}`).map((part) => part.kind)).toEqual(['markdown']);
  });

  it('keeps blocks of many characters, lines, marks, spaces in a row or a long address within the limits, and not past them', () => {
    const lines = (count: number) => Array.from({ length: count }, () => 'a').join('\n');
    expect(boundMarkdown(lines(MARKDOWN_LIMITS.lines))[0]?.kind).toBe('markdown');
    expect(boundMarkdown(lines(MARKDOWN_LIMITS.lines + 1))[0]?.kind).toBe('text');
    expect(boundMarkdown('**a** '.repeat(MARKDOWN_LIMITS.emphasisMarks / 4))[0]?.kind).toBe('markdown');
    expect(boundMarkdown('**a** '.repeat(MARKDOWN_LIMITS.emphasisMarks / 4 + 1))[0]?.kind).toBe('text');
    expect(boundMarkdown('word '.repeat(MARKDOWN_LIMITS.blockLength / 5 - 1))[0]?.kind).toBe('markdown');
    expect(boundMarkdown('word '.repeat(MARKDOWN_LIMITS.blockLength / 5 + 1))[0]?.kind).toBe('text');
    expect(boundMarkdown(`${'word '.repeat(MARKDOWN_LIMITS.blockLength / 10)}\n\n${'word '.repeat(MARKDOWN_LIMITS.blockLength / 10)}`)[0]?.kind).toBe('markdown');
    expect(boundMarkdown(`a${' '.repeat(MARKDOWN_LIMITS.spaceRun)}b`)[0]?.kind).toBe('markdown');
    expect(boundMarkdown(`a${' '.repeat(MARKDOWN_LIMITS.spaceRun + 1)}b`)[0]?.kind).toBe('text');
    const address = (length: number) => `see www.${'a'.repeat(length - 4)} now`;
    expect(boundMarkdown(address(MARKDOWN_LIMITS.addressLength))[0]?.kind).toBe('markdown');
    expect(boundMarkdown(address(MARKDOWN_LIMITS.addressLength + 1))[0]?.kind).toBe('text');
    expect(boundMarkdown(`plain ${'a'.repeat(MARKDOWN_LIMITS.addressLength * 2)} word`)[0]?.kind).toBe('markdown');
    expect(boundMarkdown('[a](b) '.repeat(MARKDOWN_LIMITS.emphasisMarks + 1))[0]?.kind).toBe('text');
  });
});

describe('renderBoundedMarkdown()', () => {
  it('shows a part as text, line by line, escaped', () => {
    const deep = `${'>'.repeat(MARKDOWN_LIMITS.depth + 1)} <b>x</b>\nnext`;
    expect(renderBoundedMarkdown(deep, () => 'unused', escapeHtml)).toBe(`<p>${escapeHtml('>'.repeat(MARKDOWN_LIMITS.depth + 1))} &lt;b&gt;x&lt;/b&gt;<br>\nnext</p>\n`);
  });

  it('shows a part as text when the Markdown renderer still throws on it', () => {
    const html = renderBoundedMarkdown('a <i>', () => {
      throw new RangeError('Maximum call stack size exceeded');
    }, escapeHtml);
    expect(html).toBe('<p>a &lt;i&gt;</p>\n');
  });
});
