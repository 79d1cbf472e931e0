import { z } from 'zod';
import { HOME_COUNTRY_ID } from '../home';
import { parseCurated, resolveCurated } from './curated';
import type { CuratedEntry } from './curated';
import { buildGazetteer } from './gazetteer';
import type { Gazetteer } from './gazetteer';
import { ingestSourceSteps, type SourceText } from './ingest';
import { countriesOf, DocumentLinker, linkPassage } from './link';
import { membershipsOf, parseOrganisations, sharedMemberships } from './memberships';
import type { Organisation } from './memberships';
import { AtlasDataError, parseDataFile } from './parse';
import { memoOf, MemoisedPassage } from './passageMemo';
import { TIER_IDS } from './tierIds';
import type { TierId } from './tierIds';
import { classifyCountriesSteps, parseTierScheme, warmPassageFindings } from './tiers';
import type { Classification, Tier, TierScheme } from './tiers';
import { extractEvents } from './timeline';
import type { TimelineEvent } from './timeline';
import type { LinkedPassage, Localised, Passage } from './types';

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
  /** Empty for an imported document, whose one attribution line is in `author`. */
  licence: string;
  passageIds: string[];
  /** Set for a document the user imported; bundled sources leave it out. */
  imported?: true;
}

/** A source's attribution, without its passages. */
export type AtlasSourceInfo = Omit<AtlasSource, 'passageIds'>;

/** A source's passages, ingested, linked and dated, ready to be assembled with others into a model. */
export interface LinkedSource {
  source: AtlasSourceInfo;
  passages: AtlasPassage[];
}

/** The validated data files: everything an atlas is built from except the source texts. */
export interface AtlasContext {
  gazetteer: Gazetteer;
  scheme: TierScheme;
  curated: CuratedEntry[];
  organisations: Organisation[];
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
  /** Why each curated entry left out was skipped (its evidence is not in the sources); absent when none was. */
  skippedCurated?: string[];
}

/**
 * Builds the atlas from the sources and data files. Every file is validated; a malformed file, an
 * alias or member that names an unknown country, or a bloc that disagrees with its organisation
 * throws, naming the file. A curated tier whose evidence is not in the sources is skipped and
 * listed in `skippedCurated`.
 */
export function buildAtlasModel(input: AtlasInput): AtlasModel {
  const sources = parseDataFile('sources', sourcesSchema, input.sources);
  const context = prepareAtlas(input);
  const linked = sources.map(({ text, ...source }) => ({ source, passages: linkAtlasSource({ sourceId: source.id, title: source.title, text }, context.gazetteer) }));
  return assembleAtlasModel(context, linked);
}

/** Validates every data file but the sources, and checks them against each other. */
export function prepareAtlas(input: Omit<AtlasInput, 'sources'>): AtlasContext {
  const gazetteer = buildGazetteer(input.worldCountries, input.aliases);
  const scheme = parseTierScheme(input.tiers);
  const curated = parseCurated(input.curated);
  const organisations = parseOrganisations(input.organisations);
  checkOrganisations(organisations, gazetteer);
  const unknownCurated = curated.filter((entry) => !gazetteer.countries.has(entry.countryId));
  if (unknownCurated.length > 0) {
    throw new AtlasDataError('curated.json', `unknown countries ${unknownCurated.map((entry) => entry.countryId).join(', ')}`);
  }
  return { gazetteer, scheme, curated, organisations };
}

/** Ingests, links and dates one source's passages. */
export function linkAtlasSource(source: SourceText, gazetteer: Gazetteer, scheme?: TierScheme): AtlasPassage[] {
  const steps = linkAtlasSourceSteps(source, gazetteer, scheme);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link linkAtlasSource} in steps, for a caller that must not block for the whole of a long source:
 * each `next()` does a bounded amount of work and yields how much is done, from 0 to 1. Given the
 * tier scheme, it also runs the tier rules over each passage (their findings are kept with the
 * passage), so assembling an atlas with this source later does not have to, all at once.
 */
export function* linkAtlasSourceSteps(source: SourceText, gazetteer: Gazetteer, scheme?: TierScheme, batch = 400): Generator<number, AtlasPassage[], void> {
  const ingesting = ingestSourceSteps(source, batch * 4);
  let passages: Passage[];
  for (;;) {
    const step = ingesting.next();
    if (step.done) {
      passages = step.value;
      break;
    }
    yield step.value * INGEST_SHARE;
  }
  const linking = linkPassagesSteps(passages, gazetteer, scheme, batch);
  for (;;) {
    const step = linking.next();
    if (step.done) return step.value;
    yield INGEST_SHARE + (1 - INGEST_SHARE) * step.value;
  }
}

/** Links and dates ingested passages (and runs the tier rules over them, given the scheme), `batch` passages a step. */
export function* linkPassagesSteps(passages: readonly Passage[], gazetteer: Gazetteer, scheme?: TierScheme, batch = 400): Generator<number, AtlasPassage[], void> {
  const linked: AtlasPassage[] = [];
  // The tier rules run over a batch of passages at a time (see warmPassageFindings).
  const findFor = (from: number): void => {
    if (!scheme) return;
    const some = linked.slice(from);
    warmPassageFindings(some, scheme);
    for (const item of some) subjectsOf(item);
  };
  const linker = new DocumentLinker(gazetteer);
  let batchStart = 0;
  for (const passage of passages) {
    linked.push(new MemoisedPassage(passage, linker.link(passage), extractEvents(passage)));
    if (linked.length % batch === 0 && linked.length < passages.length) {
      findFor(batchStart);
      batchStart = linked.length;
      yield linked.length / passages.length;
    }
  }
  findFor(batchStart);
  // Passages before the document's first mention of a Korea, linked again now that it has one.
  const again = linker.relink().map((index) => {
    const before = linked[index]!;
    return (linked[index] = new MemoisedPassage(passages[index]!, linkPassage(passages[index]!, gazetteer, true), before.events));
  });
  if (scheme && again.length > 0) warmPassageFindings(again, scheme);
  return linked;
}

// Ingesting is about a third of the work of a source, linking and dating the rest.
const INGEST_SHARE = 0.3;

/**
 * Puts linked sources together into the atlas: tiers from the passages of every source given, and
 * curated tiers checked against the sources named in `curatedSourceIds` (the bundled ones the
 * curation was written for; every source when left out). A curated entry whose evidence is missing
 * there is skipped and listed in the model's `skippedCurated`.
 */
export function assembleAtlasModel(context: AtlasContext, sources: readonly LinkedSource[], curatedSourceIds?: ReadonlySet<string>): AtlasModel {
  const steps = assembleAtlasModelSteps(context, sources, curatedSourceIds);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link assembleAtlasModel} in bounded steps, each yielding how much is done (0 to 1), so a caller
 * can keep answering while an atlas of tens of thousands of passages is put together.
 */
export function* assembleAtlasModelSteps(
  context: AtlasContext,
  sources: readonly LinkedSource[],
  curatedSourceIds?: ReadonlySet<string>,
): Generator<number, AtlasModel, void> {
  const { gazetteer, scheme, organisations } = context;
  const passages: AtlasPassage[] = [];
  for (const linked of sources) for (const passage of linked.passages) passages.push(passage);
  const curatedPassages = curatedSourceIds ? passages.filter((passage) => curatedSourceIds.has(passage.sourceId)) : passages;
  const { entries: curated, skipped: skippedCurated } = resolveCurated(context.curated, curatedPassages);

  // One pass over the passages in source order gathers, per country, what its panel lists: the
  // passages that link it and the other subjects they name. Events are sorted once for all countries.
  const covering = new Map<string, string[]>();
  const coMentioned = new Map<string, Set<string>>();
  const dated: { event: TimelineEvent; ids: readonly string[] }[] = [];
  const pairsSeen = new Set<string>();
  for (let index = 0; index < passages.length; index++) {
    const passage = passages[index]!;
    const ids = linkedOf(passage);
    for (const id of ids) {
      const list = covering.get(id);
      if (list) list.push(passage.id);
      else covering.set(id, [passage.id]);
    }
    const subjects = subjectsOf(passage);
    // The same subjects in the same order add nothing the second time: many passages share them.
    const key = subjects.length > 1 ? subjects.join() : '';
    if (key !== '' && !pairsSeen.has(key)) {
      pairsSeen.add(key);
      for (const id of subjects) {
        let others = coMentioned.get(id);
        for (const other of subjects) {
          if (other === id || other === HOME_COUNTRY_ID) continue;
          if (!others) coMentioned.set(id, (others = new Set()));
          others.add(other);
        }
      }
    }
    if (ids.length > 0) for (const event of passage.events) dated.push({ event, ids });
    if (index % 5000 === 4999) yield 0.1 * (index / passages.length);
  }
  // A stable sort of every event, handed out in that order: each country gets its own events sorted
  // as sortEvents() would sort them (ties in source order), without a sort per country.
  dated.sort((a, b) => a.event.sortKey - b.event.sortKey);
  const eventsOf = new Map<string, TimelineEvent[]>();
  for (const { event, ids } of dated) {
    for (const id of ids) {
      const list = eventsOf.get(id);
      if (list) list.push(event);
      else eventsOf.set(id, [event]);
    }
  }

  const classifying = classifyCountriesSteps(gazetteer.countries.keys(), passages, scheme, curated, new Set(covering.keys()));
  let classifications: Map<string, Classification>;
  for (;;) {
    const step = classifying.next();
    if (step.done) {
      classifications = step.value;
      break;
    }
    yield 0.1 + 0.5 * step.value;
  }

  const countries: Record<string, AtlasCountry> = {};
  const counts = Object.fromEntries(TIER_IDS.map((id) => [id, 0])) as Record<TierId, number>;
  let described = 0;
  for (const [id, name] of gazetteer.countries) {
    const country = describeCountry(id, name, covering.get(id) ?? [], eventsOf.get(id) ?? [], coMentioned.get(id), organisations, classifications.get(id)!);
    countries[id] = country;
    counts[country.tier] += 1;
    if (++described % 10 === 0) yield 0.6 + (0.4 * described) / gazetteer.countries.size;
  }

  return {
    homeId: HOME_COUNTRY_ID,
    tiers: scheme.tiers,
    organisations,
    sources: sources.map(({ source, passages: own }) => ({ ...source, passageIds: own.map((passage) => passage.id) })),
    passages,
    countries,
    counts,
    ...(skippedCurated.length > 0 ? { skippedCurated } : {}),
  };
}

// `passageIds` are the passages that link the country, in source order; `events` are theirs, oldest first.
function describeCountry(
  id: string,
  name: Localised,
  passageIds: string[],
  events: TimelineEvent[],
  coMentioned: ReadonlySet<string> | undefined,
  organisations: readonly Organisation[],
  classification: Classification,
): AtlasCountry {
  const memberships = id === HOME_COUNTRY_ID ? membershipsOf(id, organisations) : sharedMemberships(id, organisations);
  return {
    id,
    name,
    ...classification,
    passageIds,
    events,
    memberships: memberships.map((organisation) => organisation.id),
    coMentioned: coMentioned ? [...coMentioned] : [],
  };
}

// Per passage, kept across rebuilds of the atlas (passages are never edited once linked): the
// countries it links, and those it is about.
function linkedOf(passage: LinkedPassage): readonly string[] {
  const memo = memoOf(passage);
  if (memo.linked) return memo.linked;
  // A loop rather than a Set: a passage links a handful of countries, and an import has tens of thousands of passages.
  const ids: string[] = [];
  for (const { countryId } of passage.links) if (!ids.includes(countryId)) ids.push(countryId);
  return (memo.linked = ids);
}

function subjectsOf(passage: LinkedPassage): readonly string[] {
  const memo = memoOf(passage);
  return (memo.subjects ??= countriesOf(passage.links));
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
