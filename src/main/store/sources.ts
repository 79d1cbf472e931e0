import { z } from 'zod';
import { StoreError } from '../../shared/store/errors';
import { parseInput } from '../../shared/store/notes';
import {
  importedSourceIdSchema,
  importedSourceSchema,
  SOURCE_ATTRIBUTION_MAX,
  SOURCE_TITLE_MAX,
  type ImportedSource,
} from '../../shared/store/schema';
import type { Store } from './openStore';

/** What an import adds: the converted text with its hash, and what the user confirmed in the preview. */
export const newSourceSchema = importedSourceSchema.pick({ title: true, fileName: true, attribution: true, hash: true, text: true });
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

/**
 * Documents the user imported as sources, each kept whole (its text included) so the atlas can be
 * rebuilt offline. Removing a source never touches notes: a note on one of its passages stays, and
 * is shown detached.
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
  /** Deletes a source and resolves with it as it was. Rejects `not-found`. */
  remove(id: string): Promise<ImportedSource>;
}

/** The sources repository over `store`; `now` stamps imports (replaceable in tests). */
export function createSourcesRepository(store: Store, options: { now?: () => Date } = {}): SourcesRepository {
  const now = options.now ?? (() => new Date());
  const indexOf = (sources: readonly ImportedSource[], id: string): number => {
    const checked = parseInput(importedSourceIdSchema, id, 'source id');
    const index = sources.findIndex((source) => source.id === checked);
    if (index === -1) throw new StoreError('not-found', `There is no imported source ${checked}.`);
    return index;
  };

  return {
    list: () => [...store.read().sources],
    get: (id) => store.read().sources.find((source) => source.id === id),
    findByHash: (hash) => store.read().sources.find((source) => source.hash === hash),

    async add(input) {
      const checked = parseInput(newSourceSchema, input, 'source');
      const source: ImportedSource = { id: sourceIdFor(checked.hash), ...checked, importedAt: now().toISOString(), enabled: true };
      await store.update((draft) => {
        const existing = draft.sources.find((other) => other.hash === source.hash || other.id === source.id);
        if (existing) throw new StoreError('duplicate-source', `This document is already imported as “${existing.title}”.`);
        draft.sources.push(source);
      });
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
      return removed!;
    },
  };
}
