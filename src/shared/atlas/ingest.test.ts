import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { cutLong, ingestSource, normalisePassage, PASSAGE_MAX_LENGTH } from './ingest';

const SOURCE_ID = 'wikipedia-foreign-relations-of-south-korea';
const TITLE = 'Foreign relations of South Korea';
const text = readFileSync(new URL('../../../data/sources/foreign-relations-of-south-korea.txt', import.meta.url), 'utf8');
const passages = ingestSource({ sourceId: SOURCE_ID, title: TITLE, text });

function find(prefix: string) {
  const passage = passages.find((candidate) => candidate.text.startsWith(prefix));
  if (!passage) throw new Error(`no passage starts with ${prefix}`);
  return passage;
}

describe('ingestSource()', () => {
  it('holds a passage that needs no more than Latin-1 one byte per character, whatever the rest of the source holds', () => {
    // The bundled article names places in Korean, so V8 holds it two bytes per character.
    const bytesPerChar = (value: string) => Math.round((serialize(value).length - 4) / value.length);
    expect(bytesPerChar(text)).toBe(2);
    const latin1 = passages.filter((passage) => !/[\u0100-\uffff]/.test(passage.text));
    expect(latin1.length).toBeGreaterThan(passages.length / 2);
    expect(latin1.filter((passage) => bytesPerChar(passage.text) !== 1)).toEqual([]);
  });

  it('reads every paragraph and caption of the source in order, and not the title', () => {
    expect(passages).toHaveLength(40);
    expect(passages.map((passage) => passage.index)).toEqual(passages.map((_, index) => index));
    expect(passages[0]?.text).toMatch(/^South Korea is a member of the United Nations/);
    expect(passages.some((passage) => passage.text === TITLE)).toBe(false);
  });

  it('recognises the final block of short lines as captions, one per line', () => {
    const captions = passages.filter((passage) => passage.kind === 'caption');
    expect(captions).toHaveLength(13);
    expect(captions[0]?.text).toMatch(/^Participants of the 2010 G20 Seoul summit/);
    expect(captions.at(-1)?.text).toMatch(/^South Korean President Moon Jae-in with U\.S\. President Donald Trump/);
    expect(passages.filter((passage) => passage.kind === 'prose')).toHaveLength(27);
    expect(passages.findIndex((passage) => passage.kind === 'caption')).toBe(27);
  });

  it('removes citation markers from the text and records each label where it stood', () => {
    const vietnam = find('In December 2022');
    expect(text).toContain('[20][21] In December 2022');
    expect(vietnam.text.startsWith('In December 2022')).toBe(true);
    expect(vietnam.citations).toEqual([
      { label: '20', offset: 0 },
      { label: '21', offset: 0 },
    ]);
    expect(passages.every((passage) => !/\[\d+\]/.test(passage.text))).toBe(true);
  });

  it('places a marker inside a passage at the end of the word before it', () => {
    const { text: clean, citations } = normalisePassage('Seoul and Tokyo.[3] Relations  thawed[4][a]\tagain. ');
    expect(clean).toBe('Seoul and Tokyo. Relations thawed again.');
    expect(citations).toEqual([
      { label: '3', offset: 'Seoul and Tokyo.'.length },
      { label: '4', offset: 'Seoul and Tokyo. Relations thawed'.length },
      { label: 'a', offset: 'Seoul and Tokyo. Relations thawed'.length },
    ]);
  });

  it('gives ids derived from the source id and the text, so the same text keeps its id', () => {
    const again = ingestSource({ sourceId: SOURCE_ID, title: TITLE, text });
    expect(again.map((passage) => passage.id)).toEqual(passages.map((passage) => passage.id));
    expect(new Set(passages.map((passage) => passage.id)).size).toBe(passages.length);
    const other = ingestSource({ sourceId: 'another-source', title: TITLE, text });
    expect(other[0]?.id).not.toBe(passages[0]?.id);
  });

  it('keeps a passage id when another passage changes, is added or is removed', () => {
    const edited = text
      .replace('This incident, called', 'This incident, later called')
      .replace('The fourth stage,', 'A new paragraph.\n\nThe fourth stage,');
    const editedPassages = ingestSource({ sourceId: SOURCE_ID, title: TITLE, text: edited });
    const stable = find('However, the Liancourt Rocks');
    expect(editedPassages.find((passage) => passage.text === stable.text)?.id).toBe(stable.id);
    const changed = find('This incident, called');
    expect(editedPassages.some((passage) => passage.id === changed.id)).toBe(false);
  });

  it('ignores whitespace and citation changes when deriving an id', () => {
    const [plain] = ingestSource({ sourceId: 's', title: 'T', text: 'T\n\nKorea and Japan met.' });
    const [cited] = ingestSource({ sourceId: 's', title: 'T', text: 'T\n\n[9]  Korea and  Japan met.[10]' });
    expect(cited?.id).toBe(plain?.id);
  });

  it('gives duplicate passages numbered ids in source order', () => {
    const duplicated = ingestSource({ sourceId: 's', title: 'T', text: 'T\n\nSame text.\n\nOther.\n\nSame text.' });
    const [first, , third] = duplicated;
    expect(third?.id).toBe(`${first?.id ?? ''}-2`);
  });

  it('joins a wrapped paragraph that is not the final block into one prose passage', () => {
    const wrapped = ingestSource({ sourceId: 's', title: 'T', text: 'T\n\nA paragraph\nwrapped over lines.\n\nLast paragraph.' });
    expect(wrapped.map((passage) => [passage.kind, passage.text])).toEqual([
      ['prose', 'A paragraph wrapped over lines.'],
      ['prose', 'Last paragraph.'],
    ]);
  });

  it('keeps a first line that is not the title as a passage', () => {
    const untitled = ingestSource({ sourceId: 's', title: 'Something else', text: 'Korea and Japan met.\n\nThen they parted.' });
    expect(untitled.map((passage) => passage.text)).toEqual(['Korea and Japan met.', 'Then they parted.']);
  });

  it('leaves every paragraph of the bundled article whole', () => {
    const paragraphs = text.split(/\n\s*\n/).filter((block) => block.trim() !== '');
    expect(Math.max(...paragraphs.map((block) => block.length))).toBeLessThan(PASSAGE_MAX_LENGTH);
    // Each paragraph but the title and the final block of captions is a passage of its own.
    const texts = new Set(passages.map((passage) => passage.text));
    for (const block of paragraphs.slice(1, -1)) expect(texts.has(normalisePassage(block).text)).toBe(true);
  });
});

describe('a paragraph longer than a passage', () => {
  const sentence = (index: number) => `Sentence ${String(index)} says Korea and Japan met[${String(index % 9)}] in ${String(1900 + (index % 120))}.`;

  it('is cut at sentence ends into passages of at most the longest, losing no word', () => {
    const long = Array.from({ length: 2000 }, (_, index) => sentence(index)).join(' ');
    const cut = ingestSource({ sourceId: 's', title: 'T', text: `T\n\n${long}\n\nAfter it.` });
    expect(cut.length).toBeGreaterThan(long.length / PASSAGE_MAX_LENGTH);
    for (const passage of cut) expect(passage.text.length).toBeLessThanOrEqual(PASSAGE_MAX_LENGTH);
    // Every passage but the last of the paragraph ends a sentence, citation marker and all.
    for (const passage of cut.slice(0, -2)) expect(passage.text).toMatch(/in \d{4}\.$/);
    expect(cut.slice(0, -1).map((passage) => passage.text).join(' ')).toBe(normalisePassage(long).text);
    expect(cut.at(-1)?.text).toBe('After it.');
    // The passages are numbered in order and have distinct ids.
    expect(cut.map((passage) => passage.index)).toEqual(cut.map((_, index) => index));
    expect(new Set(cut.map((passage) => passage.id)).size).toBe(cut.length);
  });

  it('is cut at a space where no sentence ends, and at the longest where there is no space either', () => {
    const words = 'word '.repeat(3 * PASSAGE_MAX_LENGTH);
    const byWords = cutLong(words);
    for (const piece of byWords) {
      expect(piece.length).toBeLessThanOrEqual(PASSAGE_MAX_LENGTH);
      expect(piece).toMatch(/^(word )*word$/);
    }
    expect(byWords.join(' ')).toBe(words.trim());
    const solid = 'x'.repeat(2 * PASSAGE_MAX_LENGTH + 10);
    expect(cutLong(solid).map((piece) => piece.length)).toEqual([PASSAGE_MAX_LENGTH, PASSAGE_MAX_LENGTH, 10]);
  });

  it('never cuts a character outside the basic plane in two', () => {
    // One letter first, so a cut at the longest would fall between the two halves of a pair.
    const emoji = `x${'😀'.repeat(PASSAGE_MAX_LENGTH)}`;
    const pieces = cutLong(emoji);
    expect(pieces.join('')).toBe(emoji);
    // No piece starts with the second half of a pair, nor ends with the first.
    for (const piece of pieces) expect(piece).toMatch(/^x?(?:😀)+$/u);
  });

  it('is cut in one pass: a megabyte on one line takes as many cuts as it has passages', () => {
    const line = Array.from({ length: 12_000 }, (_, index) => sentence(index)).join(' ');
    expect(line.length).toBeGreaterThan(500_000);
    const pieces = cutLong(line);
    expect(pieces.length).toBeLessThan(line.length / (PASSAGE_MAX_LENGTH / 2));
    expect(pieces.join(' ')).toBe(line);
  });
});
