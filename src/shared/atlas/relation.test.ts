import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCurated } from './curated';
import { buildGazetteer } from './gazetteer';
import { countriesOf } from './link';
import { linkAtlasSource } from './model';
import { relationReader } from './relation';
import { classifyCountries, parseTierScheme } from './tiers';
import type { Link } from './types';

const require = createRequire(import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')) as unknown;
const scheme = parseTierScheme(readJson('data/atlas/tiers.json'));
const curated = parseCurated(readJson('data/atlas/curated.json'));
const gazetteer = buildGazetteer(require('world-countries') as unknown[], readJson('data/atlas/aliases.json'));

/** What "EU … South Korea" links: the EU's 27 members, then South Korea. */
const EU_AND_SOUTH_KOREA = ['AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL', 'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE', 'KOR'];

/** A sentence, the countries it links as subjects (in order of first mention), and the tier of each country that has one beyond "mentioned". */
type Row = [sentence: string, links: string[], tiers: Record<string, string>];

const ROWS: Row[] = [
  // Attributions that went wrong: a relation between two other countries, a negation, a place name, a person, a city, a hope, a bloc.
  ['North Korea relies on its ally China.', ['PRK', 'CHN'], {}],
  ['Japan has long regarded Russia as an enemy.', ['JPN', 'RUS'], {}],
  ['South Korea did not consider Japan an enemy.', ['KOR', 'JPN'], {}],
  ['He grew up in the North of England.', [], {}],
  ['They spent the summer in the South of France.', ['FRA'], {}],
  ['Jordan Peterson said the talks would fail.', [], {}],
  ['Exports to Seoul are priced in US dollars.', ['KOR'], {}],
  ['The Philippines seeks to cultivate strategic ties with South Korea.', ['PHL', 'KOR'], { PHL: 'engaged' }],
  ['EU companies face barriers to trade in South Korea.', EU_AND_SOUTH_KOREA, {}],
  // News style.
  ['South Korea and Australia signed a free trade agreement in 2014.', ['KOR', 'AUS'], { AUS: 'partner' }],
  ['Seoul and Canberra agreed to deepen defence cooperation on Monday.', ['KOR', 'AUS'], { AUS: 'partner' }],
  ['President Yoon met Canadian Prime Minister Justin Trudeau in Ottawa.', ['CAN'], {}],
  ['South Korea and Poland elevated ties to a comprehensive strategic partnership in 2023.', ['KOR', 'POL'], { POL: 'comprehensive-strategic' }],
  ['Indonesia and South Korea held a summit in Jakarta.', ['IDN', 'KOR'], { IDN: 'engaged' }],
  ['South Korea sent humanitarian aid to Türkiye after the earthquake.', ['KOR', 'TUR'], { TUR: 'engaged' }],
  ['Chile and South Korea signed a strategic partnership.', ['CHL', 'KOR'], { CHL: 'strategic' }],
  ['India and Pakistan are bitter enemies.', ['IND', 'PAK'], {}],
  ['South Korea no longer regards Mongolia as hostile.', ['KOR', 'MNG'], {}],
  ['Mexico hopes to sign a free trade agreement with South Korea.', ['MEX', 'KOR'], { MEX: 'engaged' }],
  ['Kenya plans to expand trade with South Korea.', ['KEN', 'KOR'], { KEN: 'engaged' }],
  ['Brazil and Argentina signed a free trade agreement.', ['BRA', 'ARG'], {}],
  ['South Korea and the United States reaffirmed their alliance.', ['KOR', 'USA'], { USA: 'alliance' }],
  ['The United States is South Korea\'s closest ally.', ['USA', 'KOR'], { USA: 'alliance' }],
  ['Japan and China held talks in Beijing.', ['JPN', 'CHN'], {}],
  ['Iran called Israel an enemy, Seoul officials noted.', ['IRN', 'ISR', 'KOR'], {}],
  ['South Korea sent humanitarian aid to Turkey after the earthquake.', ['KOR', 'TUR'], { TUR: 'engaged' }],
  ["Turkey's trade with Iran grew.", ['TUR', 'IRN'], {}],
  ['Japan, China and South Korea held a summit in Busan.', ['JPN', 'CHN', 'KOR'], { JPN: 'engaged', CHN: 'engaged' }],
  ['Egypt and South Korea established diplomatic relations in 1995.', ['EGY', 'KOR'], { EGY: 'engaged' }],
  ['South Korea never called Vietnam an enemy.', ['KOR', 'VNM'], {}],
  ['Uzbekistan aims to build a special strategic partnership with South Korea.', ['UZB', 'KOR'], { UZB: 'engaged' }],
  ['Kazakhstan and South Korea share common values.', ['KAZ', 'KOR'], { KAZ: 'partner' }],
  // Think-tank prose.
  ['For Seoul, Germany is less a security partner than an economic one, with trade and investment relations at the core.', ['KOR', 'DEU'], { DEU: 'partner' }],
  ['Russia\'s partnership with North Korea has deepened, which South Korea views with alarm.', ['RUS', 'PRK', 'KOR'], {}],
  ['The two nations have pursued strategic dialogue since 2012, Thailand\'s ministry says.', ['THA'], { THA: 'strategic' }],
  ['South Korea seeks to avoid hostility with China.', ['KOR', 'CHN'], {}],
  ['Saudi Arabia, a key partner in energy, signed a strategic partnership with South Korea in 2022.', ['SAU', 'KOR'], { SAU: 'strategic' }],
  ['Analysts note that Singapore and South Korea cooperate closely on cyber security.', ['SGP', 'KOR'], { SGP: 'partner' }],
  ['Both countries, South Korea and New Zealand, deepened economic ties after 2015.', ['KOR', 'NZL'], { NZL: 'partner' }],
  ['While North Korea and Russia pledged to cooperate, South Korea and Japan held a summit.', ['PRK', 'RUS', 'KOR', 'JPN'], { JPN: 'engaged' }],
  ['Cambodia and Laos deepened cooperation, while South Korea watched.', ['KHM', 'LAO', 'KOR'], {}],
  ['South Korea remains cautious: it has not sought an alliance with India.', ['KOR', 'IND'], {}],
  // Captions.
  ['South Korean President Moon Jae-in and French President Emmanuel Macron in Paris, 2018', ['KOR', 'FRA'], { FRA: 'engaged' }],
  ['Japanese Prime Minister Fumio Kishida and President Yoon Suk Yeol in Tokyo', ['JPN', 'KOR'], { JPN: 'engaged' }],
  ['Indian Prime Minister with South Korean Foreign Minister Cho Tae-yul', ['IND', 'KOR'], { IND: 'engaged' }],
  ['German Chancellor and French President in Berlin', ['DEU', 'FRA'], {}],
  ['A street in Seoul, 2020', [], {}],
  ['Mongolian President with the South Korean Ambassador', ['MNG', 'KOR'], { MNG: 'engaged' }],
  // Korean-English transliterations and names.
  ['Hanguk and Ilbon: Korea and Japan agreed to cooperate on supply chains.', ['KOR', 'JPN'], { JPN: 'partner' }],
  ['The ROK and Vietnam signed a comprehensive strategic partnership in Hanoi.', ['KOR', 'VNM'], { VNM: 'comprehensive-strategic' }],
  ['Yoon Suk-yeol visited Canada to discuss trade.', ['KOR', 'CAN'], { CAN: 'partner' }],
  ['Moon Jae In met Kim Jong-un at Panmunjom.', ['KOR', 'PRK'], { PRK: 'engaged' }],
  ['The North fired a missile, and Seoul condemned it.', ['PRK', 'KOR'], {}],
  ['Inter-Korean talks resumed after the South proposed them.', ['KOR', 'PRK'], { PRK: 'engaged' }],
  ['Cheong Wa Dae said the Philippines would remain a partner.', ['KOR', 'PHL'], {}],
  ['Dokdo is administered by South Korea and claimed by Japan.', ['JPN', 'KOR'], {}],
  ['The Sunshine Policy sought to improve relations with the North.', ['KOR', 'PRK'], { PRK: 'engaged' }],
  ['South Korea and Canada are partners who share values.', ['KOR', 'CAN'], { CAN: 'partner' }],
  ['Norway and South Korea did not sign a free trade agreement.', ['NOR', 'KOR'], {}],
  ['Qatar is expected to become a strategic partner of South Korea.', ['QAT', 'KOR'], { QAT: 'engaged' }],
  ['Peru and South Korea signed a free trade agreement in 2011.', ['PER', 'KOR'], { PER: 'partner' }],
  // Ambiguous short forms.
  ['Georgia O\'Keeffe painted flowers.', [], {}],
  ['Chad Smith visited Seoul.', ['KOR'], {}],
  ['Georgia and South Korea signed a visa waiver.', ['GEO', 'KOR'], {}],
  ['Prices fell in Japanese yen terms.', [], {}],
  ['The South China Sea is contested.', ['CHN'], {}],
  ['Jordan and South Korea held talks on trade.', ['JOR', 'KOR'], { JOR: 'partner' }],
];

describe('linkAtlasSource() and classifyCountries() on single sentences', () => {
  it('has at least 60 sentences', () => {
    expect(ROWS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(ROWS)('%s', (sentence, links, tiers) => {
    // A line without a full stop is read as a caption, as in the block of captions that ends an article.
    const caption = !sentence.endsWith('.');
    const text = caption ? `Sentence\n\nThe captions.\n\n${sentence}\nArchive` : `Sentence\n\n${sentence}`;
    const passages = linkAtlasSource({ sourceId: 'sentence', title: 'Sentence', text }, gazetteer, scheme);
    if (caption) expect(passages.find((passage) => passage.text === sentence)?.kind).toBe('caption');
    const linked = [...new Set(passages.flatMap((passage) => countriesOf(passage.links)))];
    expect(linked).toEqual(links);
    const classified = classifyCountries(linked, passages, scheme, curated);
    const decided = Object.fromEntries([...classified].filter(([, entry]) => entry.tier !== 'mentioned' && entry.tier !== 'home').map(([id, entry]) => [id, entry.tier]));
    expect(decided).toEqual(tiers);
  });
});

describe('classifyCountries() on a relation between two other countries', () => {
  it('keeps the phrase as context for both, never as their tier', () => {
    const passages = linkAtlasSource({ sourceId: 'sentence', title: 'Sentence', text: 'Sentence\n\nNorth Korea relies on its ally China.' }, gazetteer, scheme);
    const classified = classifyCountries(['PRK', 'CHN'], passages, scheme, curated);
    for (const id of ['PRK', 'CHN']) {
      expect(classified.get(id)).toMatchObject({ tier: 'mentioned', evidence: [], context: [{ phrase: 'ally', basis: 'context', rule: 'allies' }] });
    }
  });
});

/** One passage of `unit` repeated to `size` characters, its "Japan" and "Korea" links as subjects, and every `phrase` in it. */
function longPassage(unit: string, size: number, phrase: string): { text: string; subjects: Link[]; phrases: number[] } {
  const text = unit.repeat(Math.ceil(size / unit.length));
  const subjects: Link[] = [...text.matchAll(/Japan|Korea/g)].map((match) => ({
    countryId: match[0] === 'Japan' ? 'JPN' : 'KOR',
    start: match.index,
    end: match.index + match[0].length,
    matched: match[0],
    role: 'subject',
  }));
  const phrases = [...text.matchAll(new RegExp(`\\b${phrase}\\b`, 'g'))].map((match) => match.index);
  return { text, subjects, phrases };
}

describe('relationReader()', () => {
  const words = { negation: new RegExp(scheme.negation, 'i'), hedge: new RegExp(scheme.hedge, 'i') };

  // Each phrase is found in its sentence by binary search. Before, each one read the passage's breaks
  // from its start and each comma looked for a list of countries around it: the 200 kB sentence took
  // minutes and the 2 MB passage tens of seconds, where now each takes about a second.
  it('reads every phrase of a 200 kB sentence of commas in far less than a minute', () => {
    const { text, subjects, phrases } = longPassage('Japan, ally, ', 200_000, 'ally');
    const relate = relationReader(text, subjects, words);
    const related = phrases.map((start) => relate(start, start + 'ally'.length));
    expect(related).toHaveLength(15_385);
    // Between two mentions of Japan and no South Korea: context, as in the short sentence.
    for (const relation of related) expect(relation).toEqual({ basis: 'context', countryIds: ['JPN'] });
  }, 10_000);

  it('reads every phrase of a 2 MB passage of clauses in far less than a minute', () => {
    const { text, subjects, phrases } = longPassage('Japan and Korea are allies; ', 2_000_000, 'allies');
    const relate = relationReader(text, subjects, words);
    const related = phrases.map((start) => relate(start, start + 'allies'.length));
    expect(related).toHaveLength(71_429);
    for (const relation of related) expect(relation).toEqual({ basis: 'relation', countryIds: ['JPN'] });
  }, 10_000);

  it('reads a negation or a hope only in the clause of its phrase, however long the passage', () => {
    const { text, subjects, phrases } = longPassage('Japan and Korea are not allies; Japan and Korea hope to be allies; ', 200_000, 'allies');
    const relate = relationReader(text, subjects, words);
    const related = phrases.map((start) => relate(start, start + 'allies'.length));
    expect(related.filter((relation) => relation === null)).toHaveLength(phrases.length / 2);
    expect(related.filter((relation) => relation?.basis === 'aspiration')).toHaveLength(phrases.length / 2);
  }, 20_000);
});
