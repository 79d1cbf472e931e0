import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import worldCountries from 'world-countries';
import { prepareAtlasBase, sourcesManifestSchema, viewOf, type AtlasBase, type AtlasFiles, type AtlasView } from '../../shared/atlas/view';

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/** Reads data/sources and data/atlas in `dataFolder` and builds the atlas the renderer shows. */
export async function loadAtlas(dataFolder: string): Promise<AtlasView> {
  return viewOf(await loadAtlasBase(dataFolder));
}

/** Reads data/sources and data/atlas in `dataFolder`: the data files validated, the bundled sources linked. */
export async function loadAtlasBase(dataFolder: string): Promise<AtlasBase> {
  return prepareAtlasBase(await readAtlasFiles(dataFolder));
}

/** Reads data/sources and data/atlas in `dataFolder`, parsed but not yet validated. */
export async function readAtlasFiles(dataFolder: string): Promise<AtlasFiles> {
  const manifest = await readJson(join(dataFolder, 'sources', 'sources.json'));
  const { sources } = sourcesManifestSchema.parse(manifest);
  const texts = new Map(
    await Promise.all(sources.map(async ({ file }) => [file, await readFile(join(dataFolder, 'sources', file), 'utf8')] as const)),
  );
  const [aliases, tiers, curated, organisations] = await Promise.all(
    ['aliases', 'tiers', 'curated', 'organisations'].map((name) => readJson(join(dataFolder, 'atlas', `${name}.json`))),
  );
  return { manifest, texts, worldCountries, aliases, tiers, curated, organisations };
}
