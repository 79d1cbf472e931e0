import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { loadAtlas } from '../../../src/main/data/atlasFiles';
import { loadCountries } from '../../../src/main/data/countryList';
import type { AtlasModel } from '../../../src/shared/atlas';
import type { CountrySummary } from '../../../src/shared/contract';
import { createFeatureIdResolver } from '../../../src/shared/countries';
import { prepareGeometry } from '../../../resources/build/geometry/prepare';

const require = createRequire(import.meta.url);
const dataFolder = fileURLToPath(new URL('../../../data', import.meta.url));

/** The bundled atlas as the app loads it: model, country list and the 50m map shapes the build writes. */
export interface RealAtlas {
  model: AtlasModel;
  countries: CountrySummary[];
  shapes: FeatureCollection<Polygon | MultiPolygon, { id: string }>;
}

/** Loads the real data files the way main does, and prepares the shapes the way the build does. */
export async function loadRealAtlas(): Promise<RealAtlas> {
  const [{ model }, countries] = await Promise.all([loadAtlas(dataFolder), loadCountries(dataFolder)]);
  const areas: unknown = JSON.parse(readFileSync(`${dataFolder}/atlas/areas.json`, 'utf8'));
  const resolveId = createFeatureIdResolver(require('world-countries') as unknown[], areas);
  const { shapes } = prepareGeometry(require('world-atlas/countries-50m.json'), resolveId, 3);
  return { model, countries, shapes };
}
