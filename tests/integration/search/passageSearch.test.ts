import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { composeServices, type Services } from '../../../src/main/compose';
import { indexPath, SEARCH_INDEX_FOLDER } from '../../../src/main/import/passageIndex';
import type { PassageSearchPage, SourceChange, SourcePreview } from '../../../src/shared/contract';

const dataFolder = fileURLToPath(new URL('../../../data', import.meta.url));
const rendererFolder = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

let folder: string;
let services: Services;
let seq = 0;

const start = (): Promise<Services> =>
  composeServices({
    storeFolder: folder,
    dataFolder,
    rendererFolder,
    appInfo: () => ({ name: 'Atlas', version: '0.0.0', electronVersion: null, chromeVersion: null, platform: 'linux', dataSources: [] }),
    defaultLanguage: 'en',
    onPrefsChanged: () => {},
  });

async function call<T>(channel: string, input?: unknown): Promise<T> {
  const result = await services.invoke(channel, input, true);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

const search = (query: string, offset = 0, limit = 20) => call<PassageSearchPage>('atlas:search/passages', { query, offset, limit, seq: ++seq });

/** Imports `text` as a dropped plain-text file, as the window does. */
async function importText(text: string): Promise<SourceChange> {
  const data = new TextEncoder().encode(text);
  const preview = await call<SourcePreview>('atlas:sources/preview-import', { from: 'bytes', jobId: randomUUID(), fileName: 'report.txt', data });
  return call<SourceChange>('atlas:sources/apply-import', { token: preview.token, title: 'Quarterly report', attribution: '' });
}

// 30 passages naming Chile, each with the word only this document has, the later ones more often.
const REPORT = [
  'Quarterly report on partners',
  ...Array.from({ length: 30 }, (_, index) => `Paragraph ${String(index)}: Chile and South Korea reviewed the ${'quillotan '.repeat(1 + Math.floor(index / 10))}accord.`),
  'A passage with markup: <script>window.__ran = 1</script> quillotan <img src=x onerror="window.__ran = 2"> in Chile.',
].join('\n\n');

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-search-store-'));
  services = await start();
});
afterEach(async () => {
  await services.close();
  await rm(folder, { recursive: true, force: true });
});

describe('atlas:search/passages', () => {
  it('finds a word only an imported document has, ranked, a page at a time, with its countries, source and highlighted ranges', async () => {
    expect((await search('quillotan')).total).toBe(0);
    const { source } = await importText(REPORT);
    const first = await search('quillotan', 0, 10);
    expect(first).toMatchObject({ superseded: false, total: 31, offset: 0 });
    expect(first.hits).toHaveLength(10);
    for (const hit of first.hits) {
      expect(hit).toMatchObject({ sourceId: source.id, sourceTitle: 'Quarterly report', countryIds: ['CHL', 'KOR'] });
      expect(hit.ranges.length).toBeGreaterThan(0);
      for (const range of hit.ranges) expect(hit.snippet.slice(range.start, range.end).toLowerCase()).toBe('quillotan');
    }
    // Best first: the passages that say it three times lead.
    expect(first.hits[0]!.ranges).toHaveLength(3);
    expect(first.hits.map((hit) => hit.score)).toEqual([...first.hits.map((hit) => hit.score)].sort((a, b) => b - a));
    const rest = [await search('quillotan', 10, 10), await search('quillotan', 20, 10), await search('quillotan', 30, 10)];
    expect(rest.map((page) => page.hits.length)).toEqual([10, 10, 1]);
    const all = [first, ...rest].flatMap((page) => page.hits.map((hit) => hit.passageId));
    expect(new Set(all).size).toBe(31);
    // Markup in the document is text in the snippet, to be shown as text.
    const marked = [first, ...rest].flatMap((page) => page.hits).find((hit) => hit.snippet.includes('<script>'));
    expect(marked?.snippet).toContain('<img src=x onerror="window.__ran = 2">');
  });

  it('refuses what the contract does not allow, with a clear error', async () => {
    for (const input of [{ query: 'x'.repeat(201), offset: 0, limit: 10, seq: 1 }, { query: 'chile', offset: -1, limit: 10, seq: 1 }, { query: 'chile', offset: 0, limit: 51, seq: 1 }, { query: 'chile' }]) {
      expect(await services.invoke('atlas:search/passages', input, true)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('keeps each source’s index next to the store, reads it at the next start instead of building it, and deletes it with its source', async () => {
    const { source } = await importText(REPORT);
    await services.passageIndex.ready();
    expect(services.passageIndex.counts()).toEqual({ built: 2, loaded: 0 });
    const files = (await readdir(join(folder, SEARCH_INDEX_FOLDER))).sort();
    expect(files).toEqual([`${source.id}.json`, 'wikipedia-foreign-relations-of-south-korea.json'].sort());
    const written = (await stat(indexPath(folder, source.id))).mtimeMs;

    await services.close();
    services = await start();
    expect((await search('quillotan')).total).toBe(31);
    expect((await search('liancourt')).total).toBeGreaterThan(0);
    expect(services.passageIndex.counts()).toEqual({ built: 0, loaded: 2 });
    expect((await stat(indexPath(folder, source.id))).mtimeMs).toBe(written);

    // Turned off: not searched, its index kept; removed: its index deleted.
    await call('atlas:sources/set-enabled', { id: source.id, enabled: false });
    expect((await search('quillotan')).total).toBe(0);
    await services.passageIndex.ready();
    await expect(stat(indexPath(folder, source.id))).resolves.toBeTruthy();
    await call('atlas:sources/set-enabled', { id: source.id, enabled: true });
    expect((await search('quillotan')).total).toBe(31);
    await call('atlas:sources/remove', { id: source.id });
    expect((await search('quillotan')).total).toBe(0);
    await services.passageIndex.ready();
    await expect(stat(indexPath(folder, source.id))).rejects.toThrow();
  });
});
