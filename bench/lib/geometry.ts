import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createFeatureIdResolver } from '../../src/shared/countries';
import { prepareLevel, type DetailLevel } from '../../resources/build/geometry/levels';

const require = createRequire(import.meta.url);

export type Detail = DetailLevel;

/**
 * The world-atlas shapes at each resolution, put through the app's own prepare step (rounded and
 * simplified as the build does, see DETAIL_LEVELS), as files the bare pages load. Prepared once
 * and cached by the hash of their inputs (10m takes a while).
 * Returns the path of each file.
 */
export async function prepareDetailLevels(repo: string, log: (line: string) => void): Promise<Record<Detail, string>> {
  const inputs = ['resources/build/geometry/prepare.ts', 'resources/build/geometry/simplify.ts', 'resources/build/geometry/levels.ts', 'src/shared/countries.ts', 'data/atlas/areas.json', 'node_modules/world-atlas/package.json'];
  const hash = createHash('sha256');
  for (const input of inputs) hash.update(await readFile(join(repo, input)));
  const folder = join(repo, 'node_modules/.cache/atlas-bench', hash.digest('hex').slice(0, 16));
  const paths = { '110m': join(folder, 'shapes-110m.json'), '50m': join(folder, 'shapes-50m.json'), '10m': join(folder, 'shapes-10m.json') };
  try {
    await Promise.all(Object.values(paths).map((path) => readFile(path, { flag: 'r' }).then(() => undefined)));
    return paths;
  } catch {
    // Not prepared yet.
  }
  const areas: unknown = JSON.parse(await readFile(join(repo, 'data/atlas/areas.json'), 'utf8'));
  const resolveId = createFeatureIdResolver(require('world-countries') as unknown[], areas);
  await mkdir(folder, { recursive: true });
  for (const detail of ['110m', '50m', '10m'] as const) {
    log(`preparing world-atlas countries-${detail} (cached afterwards)`);
    const prepared = prepareLevel(require(`world-atlas/countries-${detail}.json`), resolveId, detail);
    if (prepared.unresolved.length > 0) log(`  ${detail}: left out shapes without an id: ${prepared.unresolved.join(', ')}`);
    await writeFile(paths[detail], JSON.stringify(prepared.shapes));
  }
  return paths;
}
