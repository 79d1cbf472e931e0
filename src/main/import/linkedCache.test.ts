import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { linkAtlasSource } from '../../shared/atlas';
import { memoOf } from '../../shared/atlas/passageMemo';
import { viewOf } from '../../shared/atlas/view';
import { loadAtlasBase } from '../data/atlasFiles';
import { createLinkedCache, dataFingerprint, LINKED_FOLDER, linkedPath, type LinkedCache } from './linkedCache';

const dataFolder = fileURLToPath(new URL('../../../data', import.meta.url));
const base = await loadAtlasBase(dataFolder);
const text = await readFile(join(dataFolder, 'sources/foreign-relations-of-south-korea.txt'), 'utf8');
// A real source's passages, linked and dated, repeated past one chunk of the file.
const SOURCE = { id: 'imported-0123456789abcdef', hash: 'a'.repeat(64) };
const long = Array.from({ length: 40 }, (_, round) => text.replace(/\n\n/g, ` (${String(round)})\n\n`)).join('\n\n');
const PASSAGES = linkAtlasSource({ sourceId: SOURCE.id, title: '', text: long }, base.context.gazetteer, base.context.scheme);

let folder: string;
let cache: LinkedCache;
const open = (linker = 'v1\ndata') => createLinkedCache({ storeFolder: folder, linker, scheme: base.context.scheme });

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'atlas-linked-cache-'));
  cache = open();
});
afterEach(async () => {
  await cache.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the linked passages kept between starts', () => {
  it('reads back, at the next start, exactly the passages that were linked', async () => {
    expect(PASSAGES.length).toBeGreaterThan(1000);
    cache.write(SOURCE, PASSAGES);
    await cache.close();
    cache = open();
    const read = await cache.read(SOURCE);
    expect(read).toEqual(PASSAGES);
    expect(cache.counts()).toEqual({ read: 1, written: 0, stale: 0 });
    // With what the tier rules found in each, so assembling the atlas does not run them again.
    const found = PASSAGES.filter((passage) => (memoOf(passage).findings?.found.length ?? 0) > 0);
    expect(found.length).toBeGreaterThan(100);
    read!.forEach((passage, index) => {
      expect(memoOf(passage).findings?.scheme).toBe(base.context.scheme);
      expect(memoOf(passage).findings?.found).toEqual(memoOf(PASSAGES[index]!).findings?.found);
    });
    // And the same atlas comes of them.
    const source = { id: SOURCE.id, title: 'T', author: '', licence: '', imported: true as const };
    expect(JSON.stringify(viewOf(base, [{ source, passages: read! }]).model)).toBe(JSON.stringify(viewOf(base, [{ source, passages: PASSAGES }]).model));
  });

  it('answers null when there is no file, and waits for a write of the same source under way', async () => {
    expect(await cache.read(SOURCE)).toBeNull();
    cache.write(SOURCE, PASSAGES);
    expect(await cache.read(SOURCE)).toEqual(PASSAGES);
  });

  it('does not use a file made for other text, another version of the app or other data files', async () => {
    cache.write(SOURCE, PASSAGES);
    await cache.close();
    cache = open();
    expect(await cache.read({ ...SOURCE, hash: 'b'.repeat(64) })).toBeNull();
    await cache.close();
    cache = open('v2\ndata');
    expect(await cache.read(SOURCE)).toBeNull();
    await cache.close();
    cache = open('v1\nother data');
    expect(await cache.read(SOURCE)).toBeNull();
    expect(cache.counts().stale).toBe(1);
  });

  it('ignores a damaged file (cut short, garbled, or another source’s) rather than failing', async () => {
    cache.write(SOURCE, PASSAGES);
    await cache.close();
    const path = linkedPath(folder, SOURCE.id);
    const whole = await readFile(path);
    await truncate(path, whole.byteLength - 10);
    expect(await open().read(SOURCE)).toBeNull();
    await writeFile(path, Buffer.concat([whole.subarray(0, whole.indexOf(10) + 1), Buffer.alloc(whole.byteLength - whole.indexOf(10) - 1, 7)]));
    expect(await open().read(SOURCE)).toBeNull();
    await writeFile(path, 'not a header');
    expect(await open().read(SOURCE)).toBeNull();
    // A header that claims more than its body holds: the body is not inflated past its claim, and not used.
    const newline = whole.indexOf(10);
    const header = JSON.parse(whole.subarray(0, newline).toString('utf8')) as { chunks: number[] };
    header.chunks[0] = header.chunks[0]! + 1000;
    await writeFile(path, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), whole.subarray(newline + 1)]));
    expect(await open().read(SOURCE)).toBeNull();
    // A file whose header names this source, over passages of another one.
    const other = PASSAGES.map((passage) => ({ ...passage, sourceId: 'imported-other' }));
    const writer = open();
    writer.write(SOURCE, other);
    await writer.close();
    expect(await open().read(SOURCE)).toBeNull();
    // And a good file after all that is read again.
    const rewriter = open();
    rewriter.write(SOURCE, PASSAGES);
    await rewriter.close();
    expect(await open().read(SOURCE)).toEqual(PASSAGES);
  });

  it('deletes a removed source’s file, and at start every file of a source the store no longer has', async () => {
    const other = { id: 'imported-fedcba9876543210', hash: 'c'.repeat(64) };
    cache.write(SOURCE, PASSAGES.slice(0, 10));
    cache.write(other, PASSAGES.slice(0, 10).map((passage) => ({ ...passage, sourceId: other.id })));
    await cache.remove(other.id);
    expect(await readdir(join(folder, LINKED_FOLDER))).toEqual([`${SOURCE.id}.bin`]);
    cache.write(other, PASSAGES.slice(0, 10).map((passage) => ({ ...passage, sourceId: other.id })));
    await cache.close();
    await writeFile(join(folder, LINKED_FOLDER, 'unrelated.txt'), 'kept');
    await open().prune(new Set([other.id]));
    expect((await readdir(join(folder, LINKED_FOLDER))).sort()).toEqual([`${other.id}.bin`, 'unrelated.txt']);
  });

  it('logs a write that fails (the folder is a file) and goes on', async () => {
    await writeFile(join(folder, LINKED_FOLDER), 'in the way');
    const logged: string[] = [];
    const failing = createLinkedCache({ storeFolder: folder, linker: 'v1', scheme: base.context.scheme, log: (message) => logged.push(message) });
    failing.write(SOURCE, PASSAGES.slice(0, 3));
    await failing.close();
    expect(logged).toEqual(['Could not keep the linked passages of a source; it will be linked again at the next start.']);
    expect(await failing.read(SOURCE)).toBeNull();
  });

  it('changes its fingerprint of the data files when one of them changes', async () => {
    const copy = join(folder, 'data');
    await mkdir(join(copy, 'atlas'), { recursive: true });
    for (const name of await readdir(join(dataFolder, 'atlas'))) await writeFile(join(copy, 'atlas', name), await readFile(join(dataFolder, 'atlas', name)));
    const before = await dataFingerprint(copy);
    expect(await dataFingerprint(dataFolder)).toBe(before);
    const tiers = join(copy, 'atlas', 'tiers.json');
    await writeFile(tiers, `${await readFile(tiers, 'utf8')}\n`);
    expect(await dataFingerprint(copy)).not.toBe(before);
  });
});
