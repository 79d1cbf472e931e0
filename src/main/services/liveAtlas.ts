import { linkAtlasSourceSteps, type AtlasPassage, type LinkedSource } from '../../shared/atlas';
import { viewOf, viewSteps, type AtlasBase, type AtlasView } from '../../shared/atlasView';
import type { ImportedSource } from '../../shared/store/schema';
import { runInSlices } from './slices';

/**
 * An imported source as the atlas sees it: its id, labels and content hash, and its text when the
 * caller has it at hand (a preview); otherwise the text is read (`readText`) only if the source is
 * not linked yet.
 */
export type SourceInput = Pick<ImportedSource, 'id' | 'title' | 'attribution' | 'hash'> & { text?: string | undefined };

/** Reads a stored source's text; null when it is gone, which links no passage rather than failing. */
export type ReadSourceText = (source: Pick<ImportedSource, 'hash' | 'text'>) => Promise<string | null>;

/**
 * The atlas the renderer is shown, kept current as imported sources come and go. Linking a source
 * is the costly part, so each source's linked passages are kept (by id and content hash) and only
 * the assembly is redone when a source is turned on or off. With no imported source this is the
 * bundled atlas, built exactly as before, so start-up costs nothing extra.
 */
export interface LiveAtlas {
  /** What `atlas.get` answers now. */
  current(): AtlasView;
  /** The bundled atlas's parts: data files and bundled sources, linked. */
  readonly base: AtlasBase;
  /** A source's passages, linked in slices (each kept for next time); `onProgress` hears 0–1. */
  link(source: SourceInput, onProgress?: (done: number) => void): Promise<LinkedSource>;
  /** The atlas with these imported sources added to the bundled ones, built in slices; does not make it current. */
  build(imported: readonly LinkedSource[], onProgress?: (done: number) => void): Promise<AtlasView>;
  /** Makes `view` what the renderer gets, and tells every listener. */
  publish(view: AtlasView): void;
  /** Drops a removed source's linked passages. */
  forget(id: string): void;
  onChange(listener: (view: AtlasView) => void): () => void;
}

/**
 * The live atlas over `base`, starting with the enabled ones of `sources` (linked before it
 * resolves); `readText` gives a source's text when it has to be linked.
 */
export async function createLiveAtlas(
  base: AtlasBase,
  sources: readonly (SourceInput & { enabled: boolean })[],
  readText: ReadSourceText,
): Promise<LiveAtlas> {
  const linked = new Map<string, { hash: string; passages: AtlasPassage[] }>();
  const listeners = new Set<(view: AtlasView) => void>();

  const link = async (source: SourceInput, onProgress?: (done: number) => void): Promise<LinkedSource> => {
    let entry = linked.get(source.id);
    if (!entry || entry.hash !== source.hash) {
      const text = source.text ?? (await readText(source)) ?? '';
      // No title to drop: the converted text never repeats it on its first line.
      const passages = await runInSlices(linkAtlasSourceSteps({ sourceId: source.id, title: '', text }, base.context.gazetteer, base.context.scheme), onProgress);
      entry = { hash: source.hash, passages };
      linked.set(source.id, entry);
    }
    return { source: { id: source.id, title: source.title, author: source.attribution, licence: '', imported: true }, passages: entry.passages };
  };

  const enabled = sources.filter((source) => source.enabled);
  let view = enabled.length === 0 ? viewOf(base) : await runInSlices(viewSteps(base, await Promise.all(enabled.map((source) => link(source)))));

  return {
    base,
    current: () => view,
    link,
    build: (imported, onProgress) => runInSlices(viewSteps(base, imported), onProgress),
    publish(next) {
      view = next;
      for (const listener of listeners) listener(next);
    },
    forget: (id) => void linked.delete(id),
    onChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
