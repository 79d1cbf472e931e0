import { randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Note } from '../../src/shared/store/schema';

const COUNTRIES = ['JPN', 'USA', 'CHN', 'PRK', 'VNM', 'RUS', 'FRA', 'DEU', 'PHL', 'GBR'];
/** The body every note has by default (the store figures'), and their edits start from. */
export const NOTE_BODY =
  'Talks resumed after the summit; watch the **trade** figures and the follow-up visit. ' +
  'Source: the ministry briefing, and the passage on strategic ties. '.repeat(3);
const TAGS = [['trade', 'summit'], ['security'], ['security', 'alliance'], ['economy'], ['visit', 'diplomacy'], ['territory']];

export interface SyntheticOptions {
  /** Countries the notes are spread over, in turn (ten partners by default). */
  countries?: readonly string[];
  /**
   * Sentences to write the notes from, two per note in a varying mix, so a search finds some notes
   * and not others. Without them every note has the same body (the store figures' default).
   */
  sentences?: readonly string[];
}

/** `count` country notes a minute apart, a few pinned, tagged in turn. */
export function syntheticNotes(count: number, options: SyntheticOptions = {}): Note[] {
  const at = new Date('2026-01-01T00:00:00.000Z');
  const countries = options.countries ?? COUNTRIES;
  const sentences = options.sentences ?? [];
  return Array.from({ length: count }, (_, index) => {
    const time = new Date(at.getTime() + index * 60_000).toISOString();
    const body =
      sentences.length === 0
        ? `${index}: ${NOTE_BODY}`
        : `${index}: ${sentences[(index * 7) % sentences.length] ?? ''} ${sentences[(index * 13 + 5) % sentences.length] ?? ''}`;
    return {
      id: randomUUID(),
      target: { kind: 'country', countryId: countries[index % countries.length] ?? 'JPN' },
      body,
      tags: sentences.length === 0 ? (index % 3 === 0 ? ['trade', 'summit'] : ['security']) : (TAGS[index % TAGS.length] ?? []),
      pinned: index % 50 === 0,
      createdAt: time,
      updatedAt: time,
    };
  });
}

/** The sentences of the bundled source texts (data/sources/*.txt), citation marks removed. */
export async function sourceSentences(repo: string): Promise<string[]> {
  const folder = join(repo, 'data/sources');
  const texts = await Promise.all((await readdir(folder)).filter((name) => name.endsWith('.txt')).map((name) => readFile(join(folder, name), 'utf8')));
  return texts
    .flatMap((text) => text.replace(/\[\d+\]/g, '').split(/(?<=[.!?])\s+/u))
    .map((sentence) => sentence.trim())
    .filter((sentence) => sentence.length >= 40 && sentence.length <= 400);
}
