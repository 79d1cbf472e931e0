import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA_SOURCES } from '../dataSources';
import { assembleAtlasModel, buildAtlasModel, linkAtlasSource, prepareAtlas } from './model';
import type { AtlasInput } from './model';
import { AtlasDataError } from './parse';

const require = createRequire(import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')) as unknown;
const text = readFileSync(new URL('../../../data/sources/foreign-relations-of-south-korea.txt', import.meta.url), 'utf8');
const wikipedia = DATA_SOURCES.find((source) => source.id === 'wikipedia-foreign-relations-of-south-korea');
if (!wikipedia) throw new Error('the Wikipedia source is not in DATA_SOURCES');
const source = { id: wikipedia.id, title: wikipedia.title, author: wikipedia.author, licence: wikipedia.licence, text };

const input: AtlasInput = {
  sources: [source],
  worldCountries: require('world-countries') as unknown[],
  aliases: readJson('data/atlas/aliases.json'),
  tiers: readJson('data/atlas/tiers.json'),
  curated: readJson('data/atlas/curated.json'),
  organisations: readJson('data/atlas/organisations.json'),
};
const model = buildAtlasModel(input);

const EU = ['AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL', 'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE'];

/** The tier of every country the source covers; every other country is not covered. */
const COVERED: Record<string, string> = {
  KOR: 'home',
  USA: 'alliance',
  VNM: 'comprehensive-strategic',
  PHL: 'engaged',
  JPN: 'partner',
  ...Object.fromEntries(EU.map((id) => [id, 'partner'])),
  CHN: 'engaged',
  RUS: 'engaged',
  GBR: 'engaged',
  PRK: 'adversarial',
  LAO: 'mentioned',
};

describe('buildAtlasModel()', () => {
  it('gives every covered country its pinned tier and every other country "not-covered"', () => {
    const tiers = Object.fromEntries(
      Object.values(model.countries)
        .filter((country) => country.tier !== 'not-covered')
        .map((country) => [country.id, country.tier]),
    );
    expect(tiers).toEqual(COVERED);
  });

  it('keys every world-countries record by ISO alpha-3 and counts each tier', () => {
    expect(Object.keys(model.countries)).toHaveLength(250);
    const total = Object.values(model.counts).reduce((sum, count) => sum + count, 0);
    expect(total).toBe(250);
    expect(model.counts).toMatchObject({ home: 1, alliance: 1, adversarial: 1, partner: 28, 'not-covered': 250 - Object.keys(COVERED).length });
  });

  it('gives an uncovered country nothing: no passages, evidence, events or neighbours', () => {
    expect(model.countries['BOL']).toMatchObject({
      tier: 'not-covered',
      decidedBy: 'none',
      evidence: [],
      tensions: [],
      passageIds: [],
      events: [],
      coMentioned: [],
      memberships: ['un', 'wto'],
    });
  });

  it('lists a country\'s passages in source order, venues included, and its events oldest first', () => {
    const usa = model.countries['USA'];
    const indexOf = new Map(model.passages.map((passage) => [passage.id, passage.index]));
    const indices = usa?.passageIds.map((id) => indexOf.get(id) ?? -1) ?? [];
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
    expect(usa?.passageIds).toHaveLength(11);
    expect(usa?.events.map((event) => event.text)).toEqual(['1968', 'June 1990', '2007', '2009', 'November 2010', 'November 2017', '2023']);
  });

  it('records the memberships a country shares with South Korea, and all of South Korea\'s own', () => {
    expect(model.countries['VNM']?.memberships).toEqual(['un', 'wto', 'asean-plus-three', 'east-asia-summit']);
    expect(model.countries['KOR']?.memberships).toEqual(['un', 'wto', 'oecd', 'oecd-dac', 'asean-plus-three', 'east-asia-summit', 'g20']);
  });

  it('records the other countries a country is mentioned with, leaving out South Korea and venues', () => {
    expect(model.countries['VNM']?.coMentioned).toEqual(['USA']);
    expect(model.countries['PRK']?.coMentioned).toEqual(['RUS']);
    expect(model.countries['USA']?.coMentioned).toEqual(['VNM', 'JPN']);
  });

  it('carries the sources with their attribution and passages, and the tiers in rank order', () => {
    expect(model.sources).toEqual([
      { id: source.id, title: source.title, author: 'Wikipedia contributors', licence: 'CC BY-SA 4.0', passageIds: model.passages.map((passage) => passage.id) },
    ]);
    expect(model.tiers.map((tier) => tier.rank)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(model.homeId).toBe('KOR');
  });

  it('is plain data that survives a structured clone (as it crosses IPC)', () => {
    expect(structuredClone(model)).toEqual(model);
  });

  it('falls back rather than guesses when a deciding passage is gone', () => {
    const withoutDecember = { ...source, text: text.replace(/\n\[20\]\[21\] In December 2022[^\n]*\n/, '\n') };
    const smaller = buildAtlasModel({ ...input, sources: [withoutDecember] });
    expect(smaller.countries['VNM']).toMatchObject({ tier: 'mentioned', evidence: [] });
    expect(smaller.countries['VNM']?.tensions.map((tension) => tension.kind)).toEqual(['war']);
  });
});

describe('buildAtlasModel() with bad data', () => {
  it('refuses sources that are not a list of attributed texts', () => {
    expect(() => buildAtlasModel({ ...input, sources: [{ id: 'x', text }] })).toThrow(/sources:[\s\S]*title/);
    expect(() => buildAtlasModel({ ...input, sources: [source, source] })).toThrow(/source ids must be unique/);
  });

  it('keeps curated evidence on the bundled source when an imported copy of the article quotes the same passage', () => {
    const curated = { description: '', entries: [{ countryId: 'GBR', tier: 'partner', reason: 'A test entry.', evidence: [{ passagePrefix: 'South Korean Foreign Minister Cho Tae-yul', phrase: 'UK Foreign Secretary' }] }] };
    const copy = { ...source, id: 'imported-0123456789abcdef', title: 'Full article', text: text.replace('Foreign relations of South Korea\n', '') };
    const context = prepareAtlas({ ...input, curated });
    const linked = [source, copy].map(({ text: body, ...info }) => ({ source: info, passages: linkAtlasSource({ sourceId: info.id, title: info.title, text: body }, context.gazetteer) }));
    const ambiguous = assembleAtlasModel(context, linked);
    expect(ambiguous.skippedCurated).toEqual([expect.stringMatching(/ambiguous/)]);
    expect(ambiguous.countries['GBR']).toMatchObject({ tier: 'engaged', decidedBy: 'rules' });
    const both = assembleAtlasModel(context, linked, new Set([source.id]));
    const britain = both.countries['GBR']!;
    expect(britain).toMatchObject({ tier: 'partner', decidedBy: 'curated', basis: 'curated' });
    expect(both.skippedCurated).toBeUndefined();
    expect(both.passages.find((passage) => passage.id === britain.evidence[0]?.passageId)?.sourceId).toBe(source.id);
    expect(both.sources.map((entry) => [entry.id, entry.passageIds.length])).toEqual([
      [source.id, model.passages.length],
      [copy.id, model.passages.length],
    ]);
  });

  it('links "the North" and "the South" before the document first names a Korea, and runs the rules on them', () => {
    const context = prepareAtlas(input);
    const document = { id: 'imported-inter-korean', title: 'Talks', author: 'Test', licence: '' };
    const body = 'Talks\n\nThe North agreed to a summit with the South.\n\nNorth Korea and South Korea met again in 2018.';
    const passages = linkAtlasSource({ sourceId: document.id, title: document.title, text: body }, context.gazetteer, context.scheme);
    expect(passages[0]?.links.map((link) => `${link.countryId}:${link.matched}`)).toEqual(['PRK:The North', 'KOR:the South']);
    const built = assembleAtlasModel(context, [{ source: document, passages }]);
    expect(built.countries['PRK']?.evidence.map((item) => [item.passageId, item.phrase])).toEqual([
      [passages[0]?.id, 'summit'],
      [passages[1]?.id, 'met'],
    ]);
  });

  it('builds the same model from linked sources as from texts', () => {
    const context = prepareAtlas(input);
    const linked = [{ source: { id: source.id, title: source.title, author: source.author, licence: source.licence }, passages: linkAtlasSource({ sourceId: source.id, title: source.title, text }, context.gazetteer) }];
    expect(assembleAtlasModel(context, linked)).toEqual(model);
  });

  it('refuses a tiers file that is not one', () => {
    expect(() => buildAtlasModel({ ...input, tiers: { tiers: [] } })).toThrow(AtlasDataError);
    expect(() => buildAtlasModel({ ...input, tiers: { tiers: [] } })).toThrow(/^tiers\.json:/);
  });

  it('reports and skips a curated tier whose evidence is not in the source, and builds the atlas', () => {
    const curated = {
      description: '',
      entries: [{ countryId: 'CHN', tier: 'alliance', reason: 'Wishful.', evidence: [{ passagePrefix: 'Academics, journalists', phrase: 'mutual defense treaty' }] }],
    };
    const built = buildAtlasModel({ ...input, curated });
    expect(built.skippedCurated).toEqual(['curated.json: CHN: passage "Academics, journalists" does not contain "mutual defense treaty"']);
    expect(built.countries['CHN']).toMatchObject({ tier: 'engaged', decidedBy: 'rules' });
  });

  it('builds the atlas with every caption removed from the source, the United Kingdom then only a venue', () => {
    const withoutCaptions = { ...source, text: text.slice(0, text.indexOf('Participants of the 2010 G20 Seoul summit')) };
    const built = buildAtlasModel({ ...input, sources: [withoutCaptions] });
    expect(built.countries['GBR']?.tier).toBe('mentioned');
    expect(built.countries['USA']?.tier).toBe('alliance');
  });

  it('refuses a curated entry for an unknown country', () => {
    const curated = { description: '', entries: [{ countryId: 'XXX', tier: 'engaged', reason: 'None.', evidence: [{ passageId: 'x', phrase: 'abc' }] }] };
    expect(() => buildAtlasModel({ ...input, curated })).toThrow(/curated\.json: unknown countries XXX/);
  });

  it('refuses an EU alias that disagrees with the EU organisation', () => {
    const organisations = readJson('data/atlas/organisations.json') as { organisations: { id: string; members: string[] }[] };
    const edited = {
      ...organisations,
      organisations: organisations.organisations.map((organisation) =>
        organisation.id === 'eu' ? { ...organisation, members: [...organisation.members, 'GBR'] } : organisation,
      ),
    };
    expect(() => buildAtlasModel({ ...input, organisations: edited })).toThrow(/bloc "EU" and organisation eu list different members/);
  });

  it('refuses an organisation member world-countries does not know', () => {
    const organisations = readJson('data/atlas/organisations.json') as { organisations: { id: string; members: string[] }[] };
    const edited = {
      ...organisations,
      organisations: organisations.organisations.map((organisation) =>
        organisation.id === 'g7' ? { ...organisation, members: [...organisation.members, 'ZZZ'] } : organisation,
      ),
    };
    expect(() => buildAtlasModel({ ...input, organisations: edited })).toThrow(/organisations\.json: g7 lists unknown countries ZZZ/);
  });
});
