import { z } from 'zod';

export { HOME_COUNTRY_ID } from './home';

/** A country or an area on the map, as the renderer lists it. */
export interface CountrySummary {
  /** Stable id: ISO 3166-1 alpha-3 where one exists, otherwise an `x-` slug. */
  id: string;
  /** ISO 3166-1 alpha-3, or null for areas without an officially assigned code. */
  iso3: string | null;
  name: { en: string; ko: string };
  officialName: { en: string; ko: string };
  /** Flag emoji, or an empty string where the area has none. */
  flag: string;
  region: string;
  subregion: string;
  capital: string[];
  /** Other names a user may type when searching. */
  altNames: string[];
}

/** The fields of a world-countries record this app reads. */
export const worldCountrySchema = z.object({
  name: z.object({ common: z.string(), official: z.string() }),
  cca3: z.string().length(3),
  ccn3: z.string(),
  status: z.string(),
  flag: z.string().optional(),
  region: z.string(),
  subregion: z.string(),
  capital: z.array(z.string()).default([]),
  altSpellings: z.array(z.string()).default([]),
  translations: z.record(z.string(), z.object({ common: z.string(), official: z.string() })),
});
export type WorldCountry = z.infer<typeof worldCountrySchema>;

/** An area without an ISO code, from data/atlas/areas.json. */
export const areaSchema = z.object({
  id: z.string().regex(/^x-[a-z0-9-]+$/),
  geometryName: z.string(),
  name: z.object({ en: z.string(), ko: z.string() }),
  region: z.string(),
  subregion: z.string(),
  capital: z.array(z.string()),
});
export type Area = z.infer<typeof areaSchema>;
export const areasFileSchema = z.object({ description: z.string(), areas: z.array(areaSchema) });

/** Builds the country list from world-countries and the areas file; ids are unique and sorted by English name. */
export function buildCountryList(worldCountries: readonly unknown[], areasFile: unknown): CountrySummary[] {
  const records = z.array(worldCountrySchema).parse(worldCountries);
  const { areas } = areasFileSchema.parse(areasFile);
  const fromPackage = records.map(toSummary);
  const fromAreas = areas.map(
    (area): CountrySummary => ({
      id: area.id,
      iso3: null,
      name: area.name,
      officialName: area.name,
      flag: '',
      region: area.region,
      subregion: area.subregion,
      capital: area.capital,
      altNames: area.geometryName === area.name.en ? [] : [area.geometryName],
    }),
  );
  const all = [...fromPackage, ...fromAreas];
  const seen = new Set<string>();
  for (const country of all) {
    if (seen.has(country.id)) throw new Error(`Duplicate country id ${country.id}`);
    seen.add(country.id);
  }
  return all.sort((a, b) => a.name.en.localeCompare(b.name.en, 'en'));
}

function toSummary(record: WorldCountry): CountrySummary {
  const ko = record.translations['kor'];
  return {
    id: record.cca3,
    iso3: record.status === 'officially-assigned' ? record.cca3 : null,
    name: { en: record.name.common, ko: ko?.common ?? record.name.common },
    officialName: { en: record.name.official, ko: ko?.official ?? record.name.official },
    flag: record.flag ?? '',
    region: record.region,
    subregion: record.subregion,
    capital: record.capital,
    altNames: record.altSpellings.filter((name) => name.length > 2),
  };
}

/**
 * Resolves a Natural Earth feature (numeric ISO id, or none, and its name) to a country id.
 * Returns null for a feature nothing in the list accounts for.
 */
export function createFeatureIdResolver(
  worldCountries: readonly unknown[],
  areasFile: unknown,
): (numericId: string | undefined, name: string) => string | null {
  const records = z.array(worldCountrySchema).parse(worldCountries);
  const { areas } = areasFileSchema.parse(areasFile);
  const byNumeric = new Map(records.filter((r) => r.ccn3 !== '').map((r) => [r.ccn3, r.cca3]));
  const byName = new Map<string, string>([
    ...records.map((r): [string, string] => [r.name.common, r.cca3]),
    ...areas.map((a): [string, string] => [a.geometryName, a.id]),
  ]);
  return (numericId, name) => (numericId ? byNumeric.get(numericId) : undefined) ?? byName.get(name) ?? null;
}
