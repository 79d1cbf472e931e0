import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import worldCountries from 'world-countries';
import type { CountrySummary } from '../../shared/contract';
import { buildCountryList } from '../../shared/countries';

/** Loads the country list from world-countries and `data/atlas/areas.json` in `dataFolder`. */
export async function loadCountries(dataFolder: string): Promise<CountrySummary[]> {
  const areas: unknown = JSON.parse(await readFile(join(dataFolder, 'atlas', 'areas.json'), 'utf8'));
  return buildCountryList(worldCountries, areas);
}
