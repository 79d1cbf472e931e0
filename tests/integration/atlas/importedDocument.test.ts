import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAtlasFiles } from '../../../src/main/data/atlasFiles';
import { assembleAtlasModel, linkAtlasSource, prepareAtlas } from '../../../src/shared/atlas/model';

// The data files as main reads them; the document as the import reads a plain-text file, linked and assembled alone.
const context = prepareAtlas(await readAtlasFiles(fileURLToPath(new URL('../../../data', import.meta.url))));
const text = readFileSync(new URL('../../fixtures/sources/australia-south-korea-relations.txt', import.meta.url), 'utf8');
const source = { id: 'imported-australia', title: 'Australia–South Korea relations', author: 'Test fixture', licence: '' };
const passages = linkAtlasSource({ sourceId: source.id, title: source.title, text }, context.gazetteer, context.scheme);
const model = assembleAtlasModel(context, [{ source, passages }]);

const passageWith = (words: string) => {
  const found = model.passages.find((passage) => passage.text.includes(words));
  if (!found) throw new Error(`no passage with "${words}"`);
  return found;
};

/** Every country the document covers, with the tier it should get from it alone; every other country is not covered. */
const EXPECTED: Record<string, string> = {
  KOR: 'home',
  // "the two countries elevated their ties to a comprehensive strategic partnership" (2021); never "not a treaty ally".
  AUS: 'comprehensive-strategic',
  // "hopes to build a similar partnership with South Korea …, and the two governments have exchanged visits".
  NZL: 'engaged',
  // "South Korea held its first summit with the Pacific Islands Forum …, with Fiji and Papua New Guinea among those attending".
  FJI: 'engaged',
  PNG: 'engaged',
  // Only in relations with others: China's barriers to trade are against Australia, Japan's strategic partner is Australia,
  // Russia and China exercised together, Indonesia only proposes a dialogue, "Both are allies of the United States" names no pair.
  CHN: 'mentioned',
  JPN: 'mentioned',
  RUS: 'mentioned',
  IDN: 'mentioned',
  USA: 'mentioned',
  PRK: 'mentioned',
  QAT: 'mentioned',
  // Madrid is where the caption's leaders met.
  ESP: 'mentioned',
};

describe('assembleAtlasModel() with an imported document about Australia and South Korea', () => {
  it('gives each country it covers the expected tier, and covers no other', () => {
    const covered = Object.fromEntries(
      Object.values(model.countries)
        .filter((country) => country.tier !== 'not-covered')
        .map((country) => [country.id, country.tier]),
    );
    expect(covered).toEqual(EXPECTED);
  });

  it('makes Australia a comprehensive strategic partner on the 2021 passage, not an ally', () => {
    const australia = model.countries['AUS']!;
    expect(australia.evidence.map((item) => item.phrase)).toEqual(['comprehensive strategic partnership']);
    expect(passageWith('comprehensive strategic partnership').id).toBe(australia.evidence[0]?.passageId);
    expect(australia).toMatchObject({ decidedBy: 'rules', basis: 'single-mention' });
    expect(australia.tensions.map((tension) => tension.kind)).toEqual(['war']);
  });

  it('does not let a dispute under "Neither government has allowed" strain relations', () => {
    const settled = passageWith('Neither government has allowed');
    expect(model.countries['AUS']!.tensions.some((tension) => tension.passageId === settled.id)).toBe(false);
  });

  it('keeps China\'s barriers to trade against Australia out of both countries\' evidence', () => {
    const barriers = passageWith('barriers to trade');
    for (const id of ['CHN', 'AUS']) {
      const country = model.countries[id]!;
      expect([...country.evidence, ...country.tensions].filter((item) => item.passageId === barriers.id)).toEqual([]);
    }
  });

  it('links no person, currency or region as a country: Jordan Smith, US dollars, the North of Australia', () => {
    expect(model.countries['JOR']?.tier).toBe('not-covered');
    const analyst = passageWith('Jordan Smith');
    expect(analyst.links.filter((link) => link.matched === 'US' || link.matched === 'the North' || link.matched === 'Jordan')).toEqual([]);
    expect(analyst.links.filter((link) => link.countryId === 'USA').map((link) => link.matched)).toEqual(['United States']);
  });

  it('records the caption of both leaders as a meeting with Australia', () => {
    const caption = passageWith('Anthony Albanese in Madrid');
    expect(caption.kind).toBe('caption');
    expect(caption.links.find((link) => link.countryId === 'ESP')?.role).toBe('venue');
    const aus = assembleAtlasModel(context, [{ source, passages: passages.filter((passage) => passage.id === caption.id) }]).countries['AUS'];
    expect(aus).toMatchObject({ tier: 'engaged', evidence: [{ rule: 'officials-pictured' }] });
  });
});
