import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import worldCountries from 'world-countries';

/** A small, seeded PRNG (mulberry32): the same seed gives the same documents on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYLLABLES = ['ka', 'ri', 'mon', 'sel', 'da', 'vor', 'ten', 'lu', 'bra', 'shi', 'no', 'quel', 'pa', 'tor', 'mi', 'gan', 'zu', 'rel', 'ost', 'han'];

/**
 * The words a report uses beside the article's: a vocabulary of 20,000 made-up words drawn with a
 * Zipf-like skew (a few common, most rare), so the index has the long tail real prose has rather
 * than the article's few hundred words repeated.
 */
function vocabulary(next: () => number, size = 20_000): string[] {
  const words = new Set<string>();
  while (words.size < size) {
    const count = 2 + Math.floor(next() * 3);
    let word = '';
    for (let index = 0; index < count; index++) word += SYLLABLES[Math.floor(next() * SYLLABLES.length)];
    words.add(word);
  }
  return [...words];
}

/**
 * The word every passage of document `index` has and no other document has (searched for in the
 * bench): ten seeded letters, so two documents' words are never within a typo of each other.
 */
export function markerOf(index: number): string {
  const next = random(0xd0c + index * 104729);
  return Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(next() * 26))).join('');
}

/**
 * Document `index` of the scale bench: about `bytes` of plain text, reproducible from `index`. Its
 * paragraphs recombine sentences of the bundled article, with the countries they name swapped for
 * others (so every country gets passages, not only the article's), interleaved with sentences of
 * made-up words; each paragraph carries the document's marker word and a running number, so no two
 * paragraphs, in this document or another, are the same passage.
 */
export async function scaleDocument(repo: string, index: number, bytes = 1_000_000): Promise<string> {
  const article = await readFile(join(repo, 'data/sources/foreign-relations-of-south-korea.txt'), 'utf8');
  const sentences = article
    .split(/\n\n/)
    .slice(1)
    .flatMap((paragraph) => paragraph.split(/(?<=[.!?"])\s+(?=[A-Z[])/))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length > 30);
  const names = worldCountries.map((country) => country.name.common).filter((name) => name !== 'South Korea');
  const swappable = new RegExp(`\\b(${['Japan', 'China', 'Vietnam', 'the Philippines', 'Russia', 'the United States'].join('|')})\\b`, 'g');
  const next = random(0x5eed + index * 7919);
  const words = vocabulary(random(0xc0ffee));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const zipf = () => words[Math.floor(words.length * next() ** 3)]!;
  const marker = markerOf(index);
  const parts: string[] = [`Field report ${String(index + 1)} on South Korea's partners`];
  let length = parts[0]!.length;
  for (let paragraph = 0; length < bytes; paragraph++) {
    const lines: string[] = [];
    const count = 2 + Math.floor(next() * 4);
    for (let line = 0; line < count; line++) {
      if (next() < 0.35) {
        const made = Array.from({ length: 6 + Math.floor(next() * 10) }, zipf).join(' ');
        lines.push(`${pick(names)} noted ${made}.`);
      } else {
        lines.push(pick(sentences).replace(swappable, () => pick(names)));
      }
    }
    const text = `${lines.join(' ')} (${marker} ${String(paragraph)})`;
    parts.push(text);
    length += Buffer.byteLength(text) + 2;
  }
  return parts.join('\n\n');
}
