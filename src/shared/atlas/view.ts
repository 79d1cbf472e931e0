import { z } from 'zod';
import { assembleAtlasModelSteps, linkAtlasSource, prepareAtlas, type AtlasContext, type AtlasModel, type LinkedSource } from './model';

/** What the renderer gets of the atlas: the model plus the extra names each country can be searched by. */
export interface AtlasView {
  model: AtlasModel;
  /** Country id → names from the gazetteer (leaders, places, historic states, abbreviations…). */
  searchNames: Record<string, string[]>;
}

/** data/sources/sources.json: which texts are bundled, and their attribution. */
export const sourcesManifestSchema = z.strictObject({
  description: z.string(),
  sources: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z0-9-]+$/),
        file: z.string().regex(/^[\w.-]+\.txt$/, 'a plain .txt file name in data/sources'),
        title: z.string().min(1),
        author: z.string().min(1),
        licence: z.string().min(1),
      }),
    )
    .min(1),
});
export type SourcesManifest = z.infer<typeof sourcesManifestSchema>;

export interface AtlasFiles {
  manifest: unknown;
  /** Source file name → its text. */
  texts: ReadonlyMap<string, string>;
  worldCountries: readonly unknown[];
  aliases: unknown;
  tiers: unknown;
  curated: unknown;
  organisations: unknown;
}

/**
 * Everything about the atlas that does not change while the app runs: the validated data files and
 * the bundled sources, already linked. Imported sources are linked on their own and added in
 * {@link viewOf}, so turning one on or off never links the bundled text again.
 */
export interface AtlasBase {
  context: AtlasContext;
  bundled: LinkedSource[];
  searchNames: Record<string, string[]>;
}

/** Builds what the renderer shows from the parsed data files. */
export function buildAtlasView(files: AtlasFiles): AtlasView {
  return viewOf(prepareAtlasBase(files));
}

/** Validates the data files and links the bundled sources. */
export function prepareAtlasBase(files: AtlasFiles): AtlasBase {
  const manifest = sourcesManifestSchema.parse(files.manifest);
  const ids = manifest.sources.map((source) => source.id);
  if (new Set(ids).size !== ids.length) throw new Error('sources.json: source ids must be unique');
  const context = prepareAtlas(files);
  const bundled = manifest.sources.map(({ file, ...source }): LinkedSource => {
    const text = files.texts.get(file);
    if (text === undefined) throw new Error(`sources.json names ${file}, which is missing`);
    return { source, passages: linkAtlasSource({ sourceId: source.id, title: source.title, text }, context.gazetteer, context.scheme) };
  });
  const searchNames: Record<string, string[]> = {};
  for (const entry of context.gazetteer.names) {
    if (entry.kind === 'name' || entry.kind === 'demonym' || entry.kind === 'relation') continue;
    for (const id of entry.countries) (searchNames[id] ??= []).push(entry.name);
  }
  for (const id of Object.keys(searchNames)) searchNames[id] = [...new Set(searchNames[id])];
  return { context, bundled, searchNames };
}

/**
 * The atlas of the bundled sources plus `imported` ones (linked already): tiers from all of them,
 * curated tiers checked against the bundled sources they were written for.
 */
export function viewOf(base: AtlasBase, imported: readonly LinkedSource[] = []): AtlasView {
  const steps = viewSteps(base, imported);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** {@link viewOf} in bounded steps, each yielding how much is done (0 to 1). */
export function* viewSteps(base: AtlasBase, imported: readonly LinkedSource[] = []): Generator<number, AtlasView, void> {
  const bundledIds = new Set(base.bundled.map((linked) => linked.source.id));
  const model = yield* assembleAtlasModelSteps(base.context, [...base.bundled, ...imported], bundledIds);
  return { model, searchNames: base.searchNames };
}
