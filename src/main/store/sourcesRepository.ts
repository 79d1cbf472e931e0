import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { CodedError } from '../../shared/codedError';
import { parseInput } from '../../shared/notes/operations';
import {
  importedSourceIdSchema,
  importedSourceSchema,
  SOURCE_ATTRIBUTION_MAX,
  SOURCE_TITLE_MAX,
  type ImportedSource,
} from '../../shared/store/schema';
import { removeOrphanTempFiles, toWriteError, writeFileAtomic } from './atomicJsonFile';
import type { Store } from './openStore';

/** What an import adds: the converted text with its hash, and what the user confirmed in the preview. */
export const newSourceSchema = importedSourceSchema.pick({ title: true, fileName: true, attribution: true, hash: true }).extend({
  text: importedSourceSchema.shape.text.unwrap(),
});
export type NewSource = z.infer<typeof newSourceSchema>;

/** The title and attribution the user may change. */
export const sourceLabelsSchema = z.strictObject({
  title: z.string().trim().min(1).max(SOURCE_TITLE_MAX),
  attribution: z.string().trim().max(SOURCE_ATTRIBUTION_MAX),
});

/** The id an imported source with this content hash gets (so its passage ids are stable across re-imports). */
export function sourceIdFor(hash: string): string {
  return `imported-${hash.slice(0, 16)}`;
}

/** The folder, inside the store folder, that holds imported sources' texts. */
export const SOURCE_TEXTS_FOLDER = 'sources';

/** Where the text of the source with this content hash is kept (the hash is checked by the schema). */
export function sourceTextPath(storeFolder: string, hash: string): string {
  return join(storeFolder, SOURCE_TEXTS_FOLDER, `${hash}.txt`);
}

/**
 * Documents the user imported as sources, each kept whole so the atlas can be rebuilt offline: its
 * labels in the store, its text in its own file (`sources/<hash>.txt` in the store folder, written
 * atomically before the store names it, deleted after the store stops naming it). Removing a source
 * never touches notes: a note on one of its passages stays, and is shown detached.
 */
export interface SourcesRepository {
  /** In import order. */
  list(): ImportedSource[];
  get(id: string): ImportedSource | undefined;
  /** The source already imported with this content hash, if any. */
  findByHash(hash: string): ImportedSource | undefined;
  /** Stores a new, enabled source. Rejects `duplicate-source` when the same text is already imported. */
  add(input: NewSource): Promise<ImportedSource>;
  /** Turns a source on or off; resolves with it as saved. Rejects `not-found`. */
  setEnabled(id: string, enabled: boolean): Promise<ImportedSource>;
  /** Deletes a source and its text file, and resolves with it as it was. Rejects `not-found`. */
  remove(id: string): Promise<ImportedSource>;
  /**
   * A source's text: from its file, or null when the file is gone (a store restored from an old
   * snapshot) or cannot be read (a folder in its place, no permission, bytes that are not UTF-8):
   * the source then links no passages, and `hasText` lets the Sources tab say why.
   */
  textOf(source: Pick<ImportedSource, 'hash' | 'text'>): Promise<string | null>;
  /**
   * Whether the source's text was read: kept inline, written by this run, or read by the last
   * `textOf` (the read the atlas linked its passages from); read now when it has not been yet.
   */
  hasText(source: Pick<ImportedSource, 'hash' | 'text'>): Promise<boolean>;
  /**
   * Moves texts still kept in the store (sources carried over from schema version 3) to their own
   * files, and clears temp files a killed write left behind. Run once at start, before any change.
   */
  moveInlineTexts(): Promise<void>;
}

/**
 * The app writes texts as UTF-8, so bytes that are not are a damaged file: refused rather than
 * linked with replacement characters. The BOM is kept, as a plain UTF-8 read keeps it.
 */
const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The sources repository over `store`; `now` stamps imports (replaceable in tests). */
export function createSourcesRepository(store: Store, options: { now?: () => Date } = {}): SourcesRepository {
  const now = options.now ?? (() => new Date());
  const indexOf = (sources: readonly ImportedSource[], id: string): number => {
    const checked = parseInput(importedSourceIdSchema, id, 'source id');
    const index = sources.findIndex((source) => source.id === checked);
    if (index === -1) throw new CodedError('not-found', `There is no imported source ${checked}.`);
    return index;
  };

  const textsFolder = join(store.folder, SOURCE_TEXTS_FOLDER);
  // Whether each text file was read, as the last read or write found it: the Sources tab's "text
  // missing" must agree with the passages the atlas linked, whatever made that read fail.
  const readable = new Map<string, boolean>();
  const writeText = async (hash: string, text: string): Promise<void> => {
    await mkdir(textsFolder, { recursive: true });
    await writeFileAtomic(sourceTextPath(store.folder, hash), text);
    readable.set(hash, true);
  };
  // Texts written for an add that has not reached the store yet: a removal must not take them.
  const adding = new Map<string, number>();
  // Only once no source in the store names it (the same hash is the same text) and no add is writing it.
  const removeTextUnlessNamed = async (hash: string): Promise<void> => {
    if ((adding.get(hash) ?? 0) > 0 || store.read().sources.some((source) => source.hash === hash)) return;
    await rm(sourceTextPath(store.folder, hash), { force: true }).catch(() => undefined);
    readable.delete(hash);
  };

  return {
    list: () => [...store.read().sources],
    get: (id) => store.read().sources.find((source) => source.id === id),
    findByHash: (hash) => store.read().sources.find((source) => source.hash === hash),

    async add(input) {
      const { text, ...checked } = parseInput(newSourceSchema, input, 'source');
      const source: ImportedSource = { id: sourceIdFor(checked.hash), ...checked, importedAt: now().toISOString(), enabled: true };
      // Checked before the text is written (no file for a known document), and again in the update.
      const refuseDuplicate = (sources: readonly ImportedSource[]): void => {
        const existing = sources.find((other) => other.hash === source.hash || other.id === source.id);
        if (existing) throw new CodedError('duplicate-source', `This document is already imported as “${existing.title}”.`);
      };
      refuseDuplicate(store.read().sources);
      // The text first, so the store never names a file that is not there.
      adding.set(source.hash, (adding.get(source.hash) ?? 0) + 1);
      let added = false;
      try {
        await writeText(source.hash, text).catch((error: unknown) => {
          throw toWriteError(error, 'the source text');
        });
        await store.update((draft) => {
          refuseDuplicate(draft.sources);
          draft.sources.push(source);
        });
        added = true;
      } finally {
        adding.set(source.hash, adding.get(source.hash)! - 1);
        if (!added) await removeTextUnlessNamed(source.hash);
      }
      return source;
    },

    async setEnabled(id, enabled) {
      let saved: ImportedSource | undefined;
      await store.update((draft) => {
        const index = indexOf(draft.sources, id);
        saved = { ...draft.sources[index]!, enabled };
        draft.sources[index] = saved;
      });
      return saved!;
    },

    async remove(id) {
      let removed: ImportedSource | undefined;
      await store.update((draft) => {
        [removed] = draft.sources.splice(indexOf(draft.sources, id), 1);
      });
      await removeTextUnlessNamed(removed!.hash);
      return removed!;
    },

    async textOf(source) {
      if (source.text !== undefined) return source.text;
      const text = await readFile(sourceTextPath(store.folder, source.hash))
        .then((bytes) => strictUtf8.decode(bytes))
        .catch(() => null);
      readable.set(source.hash, text !== null);
      return text;
    },

    async hasText(source) {
      if (source.text !== undefined) return true;
      return readable.get(source.hash) ?? (await this.textOf(source)) !== null;
    },

    async moveInlineTexts() {
      await removeOrphanTempFiles(textsFolder);
      const inline = store.read().sources.filter((source) => source.text !== undefined);
      if (inline.length === 0) return;
      for (const source of inline) await writeText(source.hash, source.text!);
      await store.update((draft) => {
        for (const [index, { text: _text, ...source }] of draft.sources.entries()) draft.sources[index] = source;
      });
    },
  };
}
