import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AtlasPassage } from '../../shared/atlas';
import { createPassageIndex, indexPath, INDEX_FORMAT, snippetOf, type IndexedSource, type PassageIndex } from './passageIndex';

function passage(id: string, text: string, countries: string[] = []): AtlasPassage {
  const links = countries.map((countryId) => ({ countryId, start: 0, end: 1, matched: 'x', role: 'subject' as const }));
  return { id, sourceId: 's', index: 0, kind: 'prose', text, citations: [], links, events: [] };
}

const SOURCE: IndexedSource = {
  id: 'imported-0123456789abcdef',
  title: 'Report',
  hash: 'a'.repeat(64),
  passages: [
    passage('a', 'The Liancourt Rocks controversy erupted again.', ['KOR', 'JPN']),
    passage('b', 'In December 2022 the two nations elevated their ties to comprehensive strategic partnership.', ['VNM', 'KOR']),
    passage('c', 'Nordpolitik expanded public and private contacts.', ['PRK']),
    passage('d', '일본과 한국은 2023년 정상회담을 열었다.', ['JPN']),
    passage('e', 'Strategic talks, strategic aims: strategic everywhere.', ['CHN']),
    passage('f', 'A strategic passage about no country at all.'),
  ],
};

let folder: string;
let index: PassageIndex;
let seq = 0;
const search = async (query: string, offset = 0, limit = 20) => index.search({ query, offset, limit, seq: ++seq });
const ids = async (query: string) => (await search(query)).hits.map((hit) => hit.passageId);

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-passage-index-'));
  index = createPassageIndex({ storeFolder: folder, homeId: 'KOR' });
  index.sync([SOURCE], new Set([SOURCE.id]));
});
afterEach(async () => {
  await index.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the passage search', () => {
  it('finds passages by words, by the start of a word and by all words together', async () => {
    expect(await ids('liancourt')).toEqual(['a']);
    expect(await ids('strateg partner')).toEqual(['b']);
    expect(await ids('contacts liancourt')).toEqual([]);
  });

  it('forgives a typo in a long word, ignores accents and case, and needs two letters', async () => {
    expect(await ids('nordpolitk')).toEqual(['c']);
    expect(await ids('NÖRDPOLITIK')).toEqual(['c']);
    expect(await search('n')).toMatchObject({ total: 0, hits: [] });
  });

  it('finds Korean words and the start of a Korean word with its particle', async () => {
    expect(await ids('일본')).toEqual(['d']);
    expect(await ids('정상회담')).toEqual(['d']);
  });

  it('leaves out passages about no country (they cannot be opened)', async () => {
    expect(await ids('passage')).toEqual([]);
  });

  it('ranks a passage that says a word more often first, and pages through the hits', async () => {
    const all = await search('strategic');
    expect(all.total).toBe(2);
    expect(all.hits.map((hit) => hit.passageId)).toEqual(['e', 'b']);
    const second = await search('strategic', 1, 1);
    expect(second).toMatchObject({ total: 2, offset: 1 });
    expect(second.hits.map((hit) => hit.passageId)).toEqual(['b']);
  });

  it('gives each hit its countries (partners first, the home country last), its source and the matched words as ranges', async () => {
    const [hit] = (await search('liancourt rocks')).hits;
    expect(hit).toMatchObject({ passageId: 'a', countryIds: ['JPN', 'KOR'], sourceId: SOURCE.id, sourceTitle: 'Report' });
    expect(hit!.ranges.map((range) => hit!.snippet.slice(range.start, range.end))).toEqual(['Liancourt', 'Rocks']);
  });

  it('skips a search that a later one overtook before it ran, and answers the later one', async () => {
    const first = index.search({ query: 'liancourt', offset: 0, limit: 20, seq: 100 });
    const second = index.search({ query: 'nordpolitik', offset: 0, limit: 20, seq: 101 });
    expect(await first).toMatchObject({ seq: 100, superseded: true, hits: [] });
    expect(await second).toMatchObject({ seq: 101, superseded: false, total: 1 });
    // An older number arriving late is skipped too.
    expect(await index.search({ query: 'liancourt', offset: 0, limit: 20, seq: 99 })).toMatchObject({ superseded: true });
  });
});

describe('the stored index', () => {
  it('is built once, written next to the store with its header, and read (not built) by the next start', async () => {
    await index.ready();
    expect(index.counts()).toEqual({ built: 1, loaded: 0 });
    const path = indexPath(folder, SOURCE.id);
    const header = JSON.parse((await readFile(path, 'utf8')).split('\n')[0]!) as Record<string, unknown>;
    expect(header).toMatchObject({ format: INDEX_FORMAT, sourceId: SOURCE.id, sourceHash: SOURCE.hash, count: 6 });
    const written = (await stat(path)).mtimeMs;

    await index.close();
    index = createPassageIndex({ storeFolder: folder, homeId: 'KOR' });
    index.sync([SOURCE], new Set([SOURCE.id]));
    expect(await ids('liancourt')).toEqual(['a']);
    expect(index.counts()).toEqual({ built: 0, loaded: 1 });
    expect((await stat(path)).mtimeMs).toBe(written);
  });

  it('is rebuilt when the file is damaged, of another format, or for other passages; never a failure', async () => {
    await index.ready();
    const path = indexPath(folder, SOURCE.id);
    const reopen = async (source: IndexedSource = SOURCE) => {
      await index.close();
      index = createPassageIndex({ storeFolder: folder, homeId: 'KOR' });
      index.sync([source], new Set([source.id]));
      await index.ready();
      return index.counts();
    };

    await writeFile(path, '{"header": {"format": 1, "sourc');
    expect(await reopen()).toEqual({ built: 1, loaded: 0 });
    expect(await ids('liancourt')).toEqual(['a']);

    const [line, body] = (await readFile(path, 'utf8')).split('\n') as [string, string];
    await writeFile(path, `${JSON.stringify({ ...JSON.parse(line), format: INDEX_FORMAT - 1 })}\n${body}`);
    expect(await reopen()).toEqual({ built: 1, loaded: 0 });

    // The index itself changed (a header that still fits): its hash no longer matches.
    const [header, stored] = (await readFile(path, 'utf8')).split('\n') as [string, string];
    expect(stored).toContain('"ids":"a');
    await writeFile(path, `${header}\n${stored.replace('"ids":"a', '"ids":"z')}`);
    expect(await reopen()).toEqual({ built: 1, loaded: 0 });
    expect(await ids('nordpolitik')).toEqual(['c']);

    // Passages cut differently (a new ingester or linker): their ids differ, so the index is rebuilt.
    const recut = { ...SOURCE, passages: [...SOURCE.passages.slice(0, 4), passage('e2', 'Strategic talks again.', ['CHN'])] };
    expect(await reopen(recut)).toEqual({ built: 1, loaded: 0 });
    expect(await ids('strategic')).toEqual(['e2', 'b']);
    // And a changed source text (its content hash).
    expect(await reopen({ ...recut, hash: 'b'.repeat(64) })).toEqual({ built: 1, loaded: 0 });
    expect(await reopen({ ...recut, hash: 'b'.repeat(64) })).toEqual({ built: 0, loaded: 1 });
  });

  it('is kept while its source is only turned off, and deleted once the store no longer has the source', async () => {
    await index.ready();
    const path = indexPath(folder, SOURCE.id);
    index.sync([], new Set([SOURCE.id]));
    await index.ready();
    await expect(stat(path)).resolves.toBeTruthy();
    expect(await ids('liancourt')).toEqual([]);
    index.sync([], new Set());
    await index.ready();
    await expect(stat(path)).rejects.toThrow();
  });
});

describe('snippetOf()', () => {
  it('cuts around the first match at word boundaries and marks every matched word', () => {
    const text = `${'Filler words before the match. '.repeat(6)}Then Japan and Japanese envoys met. ${'More words after it. '.repeat(12)}`;
    const { snippet, ranges } = snippetOf(text, new Set(['japan', 'japanese']));
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(182);
    expect(ranges.map((range) => snippet.slice(range.start, range.end))).toEqual(['Japan', 'Japanese']);
    expect(snippet.slice(1, 2)).not.toBe(' ');
  });

  it('keeps a short passage whole and markup as text', () => {
    const text = '<script>alert(1)</script> Zanzibar <img src=x onerror=alert(2)>';
    const { snippet, ranges } = snippetOf(text, new Set(['zanzibar']));
    expect(snippet).toBe(text);
    expect(ranges).toEqual([{ start: 26, end: 34 }]);
  });
});
