import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlainText } from './text';

describe('readPlainText()', () => {
  it('joins hard-wrapped lines into paragraphs and takes a short first line as the title', () => {
    const read = readPlainText('Korea and Peru\n\nPeru and South Korea signed a free trade\nagreement in 2010.\n\nTrade has grown\nsince then.\n');
    expect(read.title).toBe('Korea and Peru');
    expect(read.blocks).toEqual([
      { text: 'Korea and Peru', heading: 1 },
      { text: 'Peru and South Korea signed a free trade agreement in 2010.' },
      { text: 'Trade has grown since then.' },
    ]);
  });

  it('reads each long line as a paragraph when paragraphs have no blank line between them', () => {
    const long = (country: string) => `${country} and South Korea ${'have a long and eventful history of relations, '.repeat(3)}to this day.`;
    const read = readPlainText(`${long('Chile')}\n${long('Peru')}\r\n${long('Brazil')}`);
    expect(read.title).toBeNull();
    expect(read.blocks.map((block) => block.text.split(' ')[0])).toEqual(['Chile', 'Peru', 'Brazil']);
  });

  it('reads the bundled source as its own ingest does: the title line, then one block per paragraph', () => {
    const text = readFileSync(new URL('../../../data/sources/foreign-relations-of-south-korea.txt', import.meta.url), 'utf8');
    const read = readPlainText(text);
    expect(read.title).toBe('Foreign relations of South Korea');
    expect(read.blocks[1]?.text).toMatch(/^South Korea is a member of the United Nations/);
  });

  it('finds an author line and a licence statement', () => {
    const read = readPlainText('Report on Korea and Chile\n\nAuthor: Jae-won Lee\n\nThis report is released under CC BY-SA 4.0.\n');
    expect(read).toMatchObject({ author: 'Jae-won Lee', licence: 'CC BY-SA 4.0' });
  });
});
