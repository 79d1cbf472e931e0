import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMarkdown } from './markdown';

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
