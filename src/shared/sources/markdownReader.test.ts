import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { boundNesting, MARKDOWN_MAX_DEPTH, MARKDOWN_MAX_EMPHASIS, readMarkdown } from './markdownReader';

const notes = readFileSync(new URL('../../../tests/fixtures/sources/field-notes.md', import.meta.url), 'utf8');

describe('readMarkdown() on field notes', () => {
  const read = readMarkdown(notes);

  it('keeps headings, paragraphs, list items and quotes as plain text, footnote references as citation markers', () => {
    expect(read.blocks).toEqual([
      { text: 'Field notes: Korea and Central Asia', heading: 1 },
      { text: 'Kazakhstan and South Korea held talks in Astana on energy cooperation and a new flight route.[1]' },
      { text: 'Uzbekistan', heading: 2 },
      { text: 'South Korea and Uzbekistan agreed to a special strategic partnership in 2019.' },
      { text: 'A Korean cultural centre opened in Tashkent, run by the Korea Foundation.' },
      { text: '"The Koryo-saram community is a bridge," an official in Tashkent told me.' },
    ]);
  });

  it('leaves out code, images, raw scripts, the references section and footnote definitions', () => {
    const text = read.blocks.map((block) => block.text).join('\n');
    for (const left of ['Japan', 'Mongolia', 'Turkmenistan', 'Kyrgyzstan', 'alert', 'example.org']) expect(text).not.toContain(left);
    expect(read.removed.scripts).toBe(1);
  });

  it('takes title, author and licence from the front matter', () => {
    expect(read).toMatchObject({ title: 'Field notes: Korea and Central Asia', author: 'Min-ji Park', licence: 'CC BY 4.0' });
  });
});

describe('readMarkdown()', () => {
  it('takes the first heading as the title when there is no front matter, and reads table rows', () => {
    const read = readMarkdown('# Trade with ASEAN\n\n| Partner | Agreement |\n| --- | --- |\n| Vietnam | 2015 |\n');
    expect(read.title).toBe('Trade with ASEAN');
    expect(read.blocks.slice(1).map((block) => block.text)).toEqual(['Partner · Agreement', 'Vietnam · 2015']);
  });

  it('decodes character references and keeps inline code text', () => {
    expect(readMarkdown('Seoul &amp; Hanoi agreed on `FTA-2015`.').blocks).toEqual([{ text: 'Seoul & Hanoi agreed on FTA-2015.' }]);
  });
});

// Each of these froze the import for seconds or overflowed the stack before. The slow ones took four
// times as long for twice the input, so these inputs, twice those measured, took half a minute or
// more; the time limits are many times what they take now, and far under what they took then.
describe('readMarkdown() on hostile input', () => {
  it('reads "Japan[^" repeated over 560 kB at once (half of it took 6 s)', { timeout: 10_000 }, () => {
    const read = readMarkdown('Japan[^'.repeat(80_000));
    expect(read.blocks).toHaveLength(1);
    expect(read.blocks[0]?.text.startsWith('Japan[^Japan[^')).toBe(true);
  });

  it('reads "> " repeated to 4 MB, the quotes past the deepest level as text (it overflowed the stack)', { timeout: 30_000 }, () => {
    const read = readMarkdown(`${'> '.repeat(2_000_000)}Japan`);
    expect(read.blocks).toHaveLength(1);
    expect(read.blocks[0]?.text.endsWith('> > Japan')).toBe(true);
  });

  it('reads list markers repeated on one line, those past the deepest level as text (it overflowed the stack)', { timeout: 10_000 }, () => {
    expect(readMarkdown(`${'- '.repeat(200_000)}Japan`).blocks[0]?.text.endsWith('- - Japan')).toBe(true);
    expect(readMarkdown(`${'1. '.repeat(100_000)}Japan`).blocks[0]?.text.endsWith('1. 1. Japan')).toBe(true);
  });

  it('reads a paragraph of 160,000 emphasis marks at once, as text (half of it took 11 s)', { timeout: 10_000 }, () => {
    expect(readMarkdown('_a'.repeat(80_000)).blocks).toEqual([{ text: '_a'.repeat(80_000) }]);
    expect(readMarkdown('*a'.repeat(80_000)).blocks).toEqual([{ text: '*a'.repeat(80_000) }]);
  });

  it(`keeps ${String(MARKDOWN_MAX_DEPTH)} levels of quotes and lists, and emphasis in a paragraph of up to ${String(MARKDOWN_MAX_EMPHASIS)} marks`, () => {
    expect(readMarkdown(`${'> '.repeat(MARKDOWN_MAX_DEPTH)}Japan *and* Korea`).blocks).toEqual([{ text: 'Japan and Korea' }]);
    expect(readMarkdown(`${'> '.repeat(MARKDOWN_MAX_DEPTH + 2)}Japan`).blocks).toEqual([{ text: '> > Japan' }]);
    expect(readMarkdown(`${'**Seoul** '.repeat(MARKDOWN_MAX_EMPHASIS / 4)}`).blocks).toEqual([{ text: 'Seoul '.repeat(MARKDOWN_MAX_EMPHASIS / 4).trim() }]);
    expect(readMarkdown(`${'**Seoul** '.repeat(MARKDOWN_MAX_EMPHASIS / 4 + 1)}`).blocks).toEqual([{ text: '**Seoul** '.repeat(MARKDOWN_MAX_EMPHASIS / 4 + 1).trim() }]);
  });

  it('leaves a thematic break of many dashes a break, and cuts deep indentation', () => {
    expect(readMarkdown(`Japan\n\n${'- '.repeat(1000)}\n\nKorea`).blocks).toEqual([{ text: 'Japan' }, { text: 'Korea' }]);
    expect(boundNesting(`${' '.repeat(10_000)}Japan`)).toBe(`${' '.repeat(MARKDOWN_MAX_DEPTH * 4)}Japan`);
  });
});
