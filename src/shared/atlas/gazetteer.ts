import { z } from 'zod';
import { AtlasDataError, parseDataFile } from './parse';
import type { Localised } from './types';

/** What kind of name a gazetteer entry is; places can be a meeting's venue, the others cannot. */
export type NameKind =
  | 'name'
  | 'capital'
  | 'demonym'
  | 'place'
  | 'historic-state'
  | 'leader'
  | 'abbreviation'
  | 'short-name'
  | 'bloc'
  | 'relation'
  | 'policy'
  | 'event';

const PLACE_KINDS: ReadonlySet<NameKind> = new Set<NameKind>([
  'name',
  'capital',
  'place',
  'historic-state',
  'abbreviation',
  'short-name',
  'bloc',
]);

/** One name the linker looks for, with the countries it stands for. */
export interface GazetteerName {
  name: string;
  countries: readonly string[];
  kind: NameKind;
  caseSensitive: boolean;
  /** Whether the name denotes a place, and so may be recorded as a venue. */
  place: boolean;
  /** Where the name came from: aliases win over world-countries for the same spelling. */
  origin: 'world-countries' | 'aliases';
  /** Only passages of these sources use the name; null for every source. */
  sourceIds: readonly string[] | null;
  /** Set for a short form ("the North") that names a Korea only where the passage or its document names one otherwise. */
  koreanContext?: true;
  /** Set for a country name that is also a given name ("Jordan"): followed by a capitalised word, it is a person. */
  givenName?: true;
}

/** Every name the linker knows, and the countries it can link. */
export interface Gazetteer {
  names: readonly GazetteerName[];
  /** Country id → display names, for every world-countries record. */
  countries: ReadonlyMap<string, Localised>;
}

const iso3 = z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code');

const worldCountryRecordSchema = z.object({
  name: z.object({ common: z.string(), official: z.string() }),
  cca3: iso3,
  independent: z.boolean().nullable().optional(),
  capital: z.array(z.string()).default([]),
  altSpellings: z.array(z.string()).default([]),
  // Only the languages read here are declared, so the other thirty-odd are skipped rather than validated.
  demonyms: z.object({ eng: z.object({ m: z.string(), f: z.string() }).optional() }).optional(),
  translations: z.object({ kor: z.object({ common: z.string(), official: z.string() }).optional() }).default({}),
});
type WorldCountryRecord = z.infer<typeof worldCountryRecordSchema>;

const aliasKindSchema = z.enum([
  'place',
  'historic-state',
  'leader',
  'abbreviation',
  'short-name',
  'bloc',
  'relation',
  'policy',
  'event',
  'demonym',
]);

const aliasSchema = z.strictObject({
  names: z.array(z.string().min(2)).min(1),
  countries: z.array(iso3).min(1),
  kind: aliasKindSchema,
  note: z.string().min(1),
  caseInsensitive: z.boolean().optional(),
  sources: z.array(z.string().min(1)).min(1).optional(),
  koreanContext: z.literal(true).optional(),
});

/** The shape of `data/atlas/aliases.json`. */
export const aliasesFileSchema = z.strictObject({
  description: z.string(),
  ignore: z.array(z.strictObject({ name: z.string().min(1), reason: z.string().min(1) })),
  givenNames: z.array(z.strictObject({ name: z.string().min(1), reason: z.string().min(1) })).default([]),
  aliases: z.array(aliasSchema),
});
/** The parsed aliases file. */
export type AliasesFile = z.infer<typeof aliasesFileSchema>;

/** Shortest alternative spelling taken from world-countries; two-letter codes would match ordinary words. */
export const MIN_ALT_SPELLING_LENGTH = 3;

/**
 * Builds the gazetteer from world-countries records and the aliases file. A world-countries name
 * shared by several records is kept only when exactly one of them is independent (so "American" is
 * the United States, not the Northern Mariana Islands) and dropped otherwise ("Congolese").
 */
export function buildGazetteer(worldCountries: readonly unknown[], aliasesFile: unknown): Gazetteer {
  const records = parseDataFile('world-countries', z.array(worldCountryRecordSchema), worldCountries);
  const aliases = parseDataFile('aliases.json', aliasesFileSchema, aliasesFile);
  const known = new Set(records.map((record) => record.cca3));
  for (const alias of aliases.aliases) {
    const unknown = alias.countries.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new AtlasDataError('aliases.json', `"${alias.names.join('", "')}" names unknown countries ${unknown.join(', ')}`);
  }

  const ignored = new Set(aliases.ignore.map((entry) => entry.name));
  const aliasSpellings = new Set(aliases.aliases.flatMap((alias) => alias.names));
  const givenNames = new Set(aliases.givenNames.map((entry) => entry.name));
  const fromPackage = packageNames(records)
    .filter((entry) => !ignored.has(entry.name) && !aliasSpellings.has(entry.name))
    .map((entry): GazetteerName => (givenNames.has(entry.name) ? { ...entry, givenName: true } : entry));
  const fromAliases = aliases.aliases.flatMap((alias) =>
    alias.names.map(
      (name): GazetteerName => ({
        name,
        countries: alias.countries,
        kind: alias.kind,
        caseSensitive: alias.caseInsensitive !== true,
        place: PLACE_KINDS.has(alias.kind),
        origin: 'aliases',
        sourceIds: alias.sources ?? null,
        ...(alias.koreanContext ? { koreanContext: true as const } : {}),
      }),
    ),
  );

  const countries = new Map<string, Localised>(
    records.map((record) => [record.cca3, { en: record.name.common, ko: record.translations.kor?.common ?? record.name.common }]),
  );
  return { names: [...fromAliases, ...fromPackage], countries };
}

interface Candidate {
  name: string;
  kind: NameKind;
  record: WorldCountryRecord;
}

function packageNames(records: readonly WorldCountryRecord[]): GazetteerName[] {
  const byName = new Map<string, Candidate[]>();
  const add = (name: string, kind: NameKind, record: WorldCountryRecord): void => {
    const trimmed = name.trim();
    if (trimmed.length < 2) return;
    const list = byName.get(trimmed) ?? [];
    if (list.some((candidate) => candidate.record.cca3 === record.cca3)) return;
    list.push({ name: trimmed, kind, record });
    byName.set(trimmed, list);
  };

  for (const record of records) {
    add(record.name.common, 'name', record);
    add(record.name.official, 'name', record);
    for (const spelling of record.altSpellings) {
      if (spelling.length >= MIN_ALT_SPELLING_LENGTH) add(spelling, 'name', record);
    }
    for (const capital of record.capital) add(capital, 'capital', record);
    const demonyms = record.demonyms?.eng;
    if (!demonyms) continue;
    for (const demonym of new Set([demonyms.m, demonyms.f])) {
      add(demonym, 'demonym', record);
      const plural = pluralDemonym(demonym);
      if (plural) add(plural, 'demonym', record);
    }
  }

  const names: GazetteerName[] = [];
  for (const [name, candidates] of byName) {
    const chosen = candidates.length === 1 ? candidates : candidates.filter((candidate) => candidate.record.independent === true);
    const only = chosen.length === 1 ? chosen[0] : undefined;
    if (!only) continue;
    names.push({
      name,
      countries: [only.record.cca3],
      kind: only.kind,
      caseSensitive: true,
      place: PLACE_KINDS.has(only.kind),
      origin: 'world-countries',
      sourceIds: null,
    });
  }
  return names;
}

// Demonyms in -ese, -ish, -ch and -s are their own plural ("the Japanese", "the Swiss").
function pluralDemonym(demonym: string): string | null {
  if (/(?:ese|sh|ch|s|x|z)$/.test(demonym)) return null;
  return `${demonym}s`;
}
