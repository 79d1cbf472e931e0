import { z } from 'zod';
import { buildAtlasModel, buildGazetteer, type AtlasModel } from './atlas';

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

/** Builds what the renderer shows from the parsed data files. */
export function buildAtlasView(files: AtlasFiles): AtlasView {
  const manifest = sourcesManifestSchema.parse(files.manifest);
  const sources = manifest.sources.map(({ file, ...source }) => {
    const text = files.texts.get(file);
    if (text === undefined) throw new Error(`sources.json names ${file}, which is missing`);
    return { ...source, text };
  });
  const model = buildAtlasModel({ ...files, sources });
  const gazetteer = buildGazetteer(files.worldCountries, files.aliases);
  const searchNames: Record<string, string[]> = {};
  for (const entry of gazetteer.names) {
    if (entry.kind === 'name' || entry.kind === 'demonym' || entry.kind === 'relation') continue;
    for (const id of entry.countries) (searchNames[id] ??= []).push(entry.name);
  }
  for (const id of Object.keys(searchNames)) searchNames[id] = [...new Set(searchNames[id])];
  return { model, searchNames };
}
