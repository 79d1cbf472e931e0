import { z } from 'zod';
import { HOME_COUNTRY_ID } from '../countries';
import { parseCurated, verifyCurated } from './curated';
import { buildGazetteer } from './gazetteer';
import type { Gazetteer } from './gazetteer';
import { ingestSource } from './ingest';
import { countriesOf, linkSource } from './link';
import { membershipsOf, parseOrganisations, sharedMemberships } from './memberships';
import type { Organisation } from './memberships';
import { AtlasDataError, parseDataFile } from './parse';
import { TIER_IDS } from './tierIds';
import type { TierId } from './tierIds';
import { classifyCountry, parseTierScheme } from './tiers';
import type { Classification, Tier } from './tiers';
import { extractEvents, sortEvents } from './timeline';
import type { TimelineEvent } from './timeline';
import type { LinkedPassage, Localised } from './types';

const sourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, 'a lowercase slug'),
  title: z.string().min(1),
  author: z.string().min(1),
  licence: z.string().min(1),
  text: z.string(),
});
const sourcesSchema = z
  .array(sourceSchema)
  .min(1)
  .refine((sources) => new Set(sources.map((source) => source.id)).size === sources.length, { error: 'source ids must be unique' });

/** A source text with the attribution its licence asks for. */
export type AtlasSourceInput = z.infer<typeof sourceSchema>;

/** Everything the atlas is built from, each as parsed JSON (validated here). */
export interface AtlasInput {
  sources: unknown;
  worldCountries: readonly unknown[];
  aliases: unknown;
  tiers: unknown;
  curated: unknown;
  organisations: unknown;
}

/** A passage with its links and dated events. */
export interface AtlasPassage extends LinkedPassage {
  events: TimelineEvent[];
}

/** A source as the atlas shows it: attribution and its passages in order. */
export interface AtlasSource {
  id: string;
  title: string;
  author: string;
  licence: string;
  passageIds: string[];
}

/** Everything the atlas knows about one country. */
export interface AtlasCountry extends Classification {
  /** ISO 3166-1 alpha-3. */
  id: string;
  name: Localised;
  /** Every passage that links the country, as subject or venue, in source order. */
  passageIds: string[];
  /** Dated mentions in those passages, oldest first. */
  events: TimelineEvent[];
  /** Ids of the organisations the country shares with South Korea. */
  memberships: string[];
  /** Other countries linked as subjects in the same passages (South Korea left out), in order of first mention. */
  coMentioned: string[];
}

/** The whole atlas: what the renderer draws and the briefing prints. */
export interface AtlasModel {
  homeId: string;
  tiers: Tier[];
  organisations: Organisation[];
  sources: AtlasSource[];
  passages: AtlasPassage[];
  /** Every world-countries record, keyed by ISO 3166-1 alpha-3. */
  countries: Record<string, AtlasCountry>;
  /** How many countries each tier has. */
  counts: Record<TierId, number>;
}

/**
 * Builds the atlas from the sources and data files. Every file is validated; a malformed file, an
 * alias or member that names an unknown country, a bloc that disagrees with its organisation, or a
 * curated tier whose evidence is not in the sources throws, naming the file.
 */
export function buildAtlasModel(input: AtlasInput): AtlasModel {
  const sources = parseDataFile('sources', sourcesSchema, input.sources);
  const gazetteer = buildGazetteer(input.worldCountries, input.aliases);
  const scheme = parseTierScheme(input.tiers);
  const curated = parseCurated(input.curated);
  const organisations = parseOrganisations(input.organisations);
  checkOrganisations(organisations, gazetteer);
  const unknownCurated = curated.filter((entry) => !gazetteer.countries.has(entry.countryId));
  if (unknownCurated.length > 0) {
    throw new AtlasDataError('curated.json', `unknown countries ${unknownCurated.map((entry) => entry.countryId).join(', ')}`);
  }

  const passages: AtlasPassage[] = sources.flatMap((source) =>
    linkSource(ingestSource({ sourceId: source.id, title: source.title, text: source.text }), gazetteer).map((passage) => ({
      ...passage,
      events: extractEvents(passage),
    })),
  );
  verifyCurated(curated, passages);

  const countries: Record<string, AtlasCountry> = {};
  const counts = Object.fromEntries(TIER_IDS.map((id) => [id, 0])) as Record<TierId, number>;
  for (const [id, name] of gazetteer.countries) {
    const country = describeCountry(id, name, passages, organisations, classifyCountry(id, passages, scheme, curated));
    countries[id] = country;
    counts[country.tier] += 1;
  }

  return {
    homeId: HOME_COUNTRY_ID,
    tiers: scheme.tiers,
    organisations,
    sources: sources.map((source) => ({
      id: source.id,
      title: source.title,
      author: source.author,
      licence: source.licence,
      passageIds: passages.filter((passage) => passage.sourceId === source.id).map((passage) => passage.id),
    })),
    passages,
    countries,
    counts,
  };
}

function describeCountry(
  id: string,
  name: Localised,
  passages: readonly AtlasPassage[],
  organisations: readonly Organisation[],
  classification: Classification,
): AtlasCountry {
  const linking = passages.filter((passage) => passage.links.some((link) => link.countryId === id));
  const coMentioned = new Set<string>();
  for (const passage of linking) {
    const subjects = countriesOf(passage.links);
    if (!subjects.includes(id)) continue;
    for (const other of subjects) if (other !== id && other !== HOME_COUNTRY_ID) coMentioned.add(other);
  }
  const memberships = id === HOME_COUNTRY_ID ? membershipsOf(id, organisations) : sharedMemberships(id, organisations);
  return {
    id,
    name,
    ...classification,
    passageIds: linking.map((passage) => passage.id),
    events: sortEvents(linking.flatMap((passage) => passage.events)),
    memberships: memberships.map((organisation) => organisation.id),
    coMentioned: [...coMentioned],
  };
}

// A bloc alias ("EU") and the organisation of the same name must list the same members, or the map
// and the membership panel would disagree.
function checkOrganisations(organisations: readonly Organisation[], gazetteer: Gazetteer): void {
  for (const organisation of organisations) {
    const unknown = organisation.members.filter((member) => !gazetteer.countries.has(member));
    if (unknown.length > 0) throw new AtlasDataError('organisations.json', `${organisation.id} lists unknown countries ${unknown.join(', ')}`);
  }
  for (const bloc of gazetteer.names.filter((name) => name.kind === 'bloc')) {
    const organisation = organisations.find((candidate) => candidate.aliases.includes(bloc.name));
    if (!organisation) continue;
    const same = [...bloc.countries].sort().join() === [...organisation.members].sort().join();
    if (!same) throw new AtlasDataError('aliases.json', `bloc "${bloc.name}" and organisation ${organisation.id} list different members`);
  }
}
