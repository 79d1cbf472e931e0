import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { brotliCompress, brotliDecompress, constants as zlib } from 'node:zlib';
import type { AtlasPassage, TierScheme } from '../../shared/atlas';
import { memoOf, MemoisedPassage } from '../../shared/atlas/passageMemo';
import type { RuleFinding } from '../../shared/atlas/types';
import { removeOrphanTempFiles, writeFileAtomic } from '../store/atomicJsonFile';

/** The folder, inside the store folder, that keeps each imported source's linked passages. */
export const LINKED_FOLDER = 'linked-passages';

/**
 * The file format and what linking makes of a text: change it whenever ingesting, linking, dating
 * or the tier rules' code makes different passages of the same text, and every source is linked
 * again at the next start. (A new app version, or changed data files, relink by themselves.)
 */
export const LINKED_FORMAT = 1;

/** The largest body read back: far past what the largest document allowed (20 MB of text) links to. */
const MAX_BODY_BYTES = 1024 * 1024 * 1024;

/** Passages serialised, or read back, between two turns of main's event loop (about 20–40 ms of work). */
const CHUNK = 500;

/** What a stored file says of itself on its first line; it is used only when all of it matches. */
interface LinkedHeader {
  format: number;
  sourceId: string;
  /** The source's content hash, the app's version and the data files' hash, hashed together. */
  key: string;
  /** The byte length of each serialised chunk, in order, once the body is decompressed. */
  chunks: number[];
  count: number;
  /** The byte length of the body that follows the header line (Brotli-compressed chunks). */
  bytes: number;
}

/** What was read or written since start, for tests and the bench. */
export interface LinkedCacheCounts {
  read: number;
  written: number;
  /** Files there were but did not fit (another version, other data files, damaged): linked again. */
  stale: number;
}

/**
 * Each imported source's linked passages, kept next to the store (`linked-passages/<source id>.bin`)
 * so that a start reads them back rather than linking every stored document again: linking is most
 * of an import's work, and a start with fifty documents of 1 MB spent 12 s on it. A file is used only
 * when its header fits the source's content hash, the app's version and the data files (the
 * gazetteer and tier rules); one that does not, or cannot be read, is ignored and replaced: never a
 * failure. Written and read in chunks, between main's other work.
 */
export interface LinkedCache {
  /** The source's passages as last linked, or null when there is no file that fits. */
  read(source: { id: string; hash: string }): Promise<AtlasPassage[] | null>;
  /** Keeps the source's passages, in the background; a failure is logged, never thrown. */
  write(source: { id: string; hash: string }, passages: readonly AtlasPassage[]): void;
  /** Deletes a source's file (once any write of it under way has ended). */
  remove(id: string): Promise<void>;
  /** Deletes the files of every source not in `known` (and temp files a crash left). */
  prune(known: ReadonlySet<string>): Promise<void>;
  counts(): LinkedCacheCounts;
  /** Waits for the writes under way, and starts no more. */
  close(): Promise<void>;
}

/** The file of a source (ids are `[a-z0-9-]`; anything else is encoded, never a path). */
export function linkedPath(storeFolder: string, sourceId: string): string {
  const name = /^[a-z0-9-]+$/.test(sourceId) ? sourceId : encodeURIComponent(sourceId).replace(/[%.]/g, '_');
  return join(storeFolder, LINKED_FOLDER, `${name}.bin`);
}

/** A hash of the data files linking reads (`data/atlas/*.json`), so that a change to any of them relinks. */
export async function dataFingerprint(dataFolder: string): Promise<string> {
  const folder = join(dataFolder, 'atlas');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.json')).sort();
  const hash = createHash('sha256');
  for (const name of names) hash.update(name).update('\0').update(await readFile(join(folder, name))).update('\0');
  return hash.digest('hex');
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

/**
 * A passage as the file keeps it: its fields, and what the tier rules found in it (worked out when
 * it was linked, and most of what assembling an atlas would otherwise redo), or null when unknown.
 */
interface KeptPassage {
  passage: AtlasPassage;
  found: readonly RuleFinding[] | null;
}

export function createLinkedCache(options: {
  storeFolder: string;
  /** The app's version and the data files' fingerprint: what else, besides the text, decides the passages. */
  linker: string;
  /** The tier rules in use: the findings kept are theirs, and are read back as theirs. */
  scheme: TierScheme;
  log?: ((message: string, error: unknown) => void) | undefined;
}): LinkedCache {
  const folder = join(options.storeFolder, LINKED_FOLDER);
  const counts: LinkedCacheCounts = { read: 0, written: 0, stale: 0 };
  const writing = new Map<string, Promise<void>>();
  let closed = false;
  const keyOf = (hash: string) => createHash('sha256').update(`${String(LINKED_FORMAT)}\n${options.linker}\n${hash}`).digest('hex');

  const encode = async (source: { id: string; hash: string }, passages: readonly AtlasPassage[]): Promise<Buffer> => {
    const chunks: Buffer[] = [];
    for (let from = 0; from < passages.length; from += CHUNK) {
      if (from > 0) await turn();
      const kept = passages.slice(from, from + CHUNK).map((passage): KeptPassage => {
        const findings = memoOf(passage).findings;
        return { passage, found: findings?.scheme === options.scheme ? findings.found : null };
      });
      chunks.push(serialize(kept));
    }
    // Compressed on the thread pool, not on main: about a seventh of the size at the fastest setting.
    const body = await compress(Buffer.concat(chunks), { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } });
    const header: LinkedHeader = { format: LINKED_FORMAT, sourceId: source.id, key: keyOf(source.hash), chunks: chunks.map((chunk) => chunk.byteLength), count: passages.length, bytes: body.byteLength };
    return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`, 'utf8'), body]);
  };

  const decode = async (source: { id: string; hash: string }, file: Buffer): Promise<AtlasPassage[] | null> => {
    const newline = file.indexOf(10);
    if (newline < 0 || newline > 1_000_000) return null;
    const header = JSON.parse(file.subarray(0, newline).toString('utf8')) as Partial<LinkedHeader>;
    if (header.format !== LINKED_FORMAT || header.sourceId !== source.id || header.key !== keyOf(source.hash)) return null;
    if (!Array.isArray(header.chunks) || typeof header.count !== 'number' || newline + 1 + (header.bytes ?? -1) !== file.byteLength) return null;
    const lengths = header.chunks;
    if (!lengths.every((length) => Number.isSafeInteger(length) && length > 0)) return null;
    const expected = lengths.reduce((sum, length) => sum + length, 0);
    // Never more than the header says: a damaged body cannot make main inflate without end.
    if (expected > MAX_BODY_BYTES) return null;
    const body = await decompress(file.subarray(newline + 1), { maxOutputLength: Math.max(1, expected) });
    if (expected !== body.byteLength) return null;
    const passages: AtlasPassage[] = [];
    let at = 0;
    for (const [index, length] of lengths.entries()) {
      if (index > 0) await turn();
      const chunk = deserialize(body.subarray(at, at + length)) as unknown;
      if (!Array.isArray(chunk)) return null;
      for (const item of chunk as Partial<KeptPassage>[]) {
        const passage = item?.passage;
        // Every passage is this source's, whole: anything else is a file that only looks right.
        if (typeof passage !== 'object' || passage === null || passage.sourceId !== source.id || typeof passage.id !== 'string' || typeof passage.text !== 'string') return null;
        if (!Array.isArray(passage.links) || !Array.isArray(passage.events) || !Array.isArray(passage.citations)) return null;
        // As linking makes it, findings and all, so the tier rules are not run over it again.
        const record = new MemoisedPassage(passage, passage.links, passage.events);
        if (Array.isArray(item.found)) memoOf(record).findings = { scheme: options.scheme, found: item.found };
        passages.push(record);
      }
      at += length;
    }
    if (passages.length !== header.count) return null;
    return passages;
  };

  return {
    async read(source) {
      await writing.get(source.id);
      const file = await readFile(linkedPath(options.storeFolder, source.id)).catch(() => null);
      if (!file) return null;
      const passages = await decode(source, file).catch(() => null);
      if (passages) counts.read += 1;
      else counts.stale += 1;
      return passages;
    },
    write(source, passages) {
      if (closed) return;
      const previous = writing.get(source.id) ?? Promise.resolve();
      const run = previous
        .then(async () => {
          const bytes = await encode(source, passages);
          await mkdir(folder, { recursive: true });
          await writeFileAtomic(linkedPath(options.storeFolder, source.id), bytes);
          counts.written += 1;
        })
        .catch((error: unknown) => options.log?.('Could not keep the linked passages of a source; it will be linked again at the next start.', error))
        .finally(() => {
          if (writing.get(source.id) === run) writing.delete(source.id);
        });
      writing.set(source.id, run);
    },
    async remove(id) {
      await writing.get(id);
      await rm(linkedPath(options.storeFolder, id), { force: true }).catch(() => undefined);
    },
    async prune(known) {
      const names = await readdir(folder).catch(() => [] as string[]);
      const keep = new Set([...known].map((id) => linkedPath(options.storeFolder, id)));
      await removeOrphanTempFiles(folder).catch(() => undefined);
      await Promise.all(
        names
          .filter((name) => name.endsWith('.bin') && !keep.has(join(folder, name)))
          .map((name) => rm(join(folder, name), { force: true }).catch(() => undefined)),
      );
    },
    counts: () => ({ ...counts }),
    async close() {
      closed = true;
      await Promise.all([...writing.values()]);
    },
  };
}
