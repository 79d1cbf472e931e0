import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildGazetteer } from './gazetteer';
import { ingestSource } from './ingest';
import { countriesOf, linkPassage, linkSource, venuesOf } from './link';
import type { Passage, PassageKind } from './types';

const require = createRequire(import.meta.url);
const SOURCE_ID = 'wikipedia-foreign-relations-of-south-korea';
const worldCountries = require('world-countries') as unknown[];
const aliases = JSON.parse(readFileSync(new URL('../../../data/atlas/aliases.json', import.meta.url), 'utf8')) as unknown;
const text = readFileSync(new URL('../../../data/sources/foreign-relations-of-south-korea.txt', import.meta.url), 'utf8');
const gazetteer = buildGazetteer(worldCountries, aliases);
const linked = linkSource(ingestSource({ sourceId: SOURCE_ID, title: 'Foreign relations of South Korea', text }), gazetteer);

const EU = ['AUT', 'BEL', 'BGR', 'HRV', 'CYP', 'CZE', 'DNK', 'EST', 'FIN', 'FRA', 'DEU', 'GRC', 'HUN', 'IRL', 'ITA', 'LVA', 'LTU', 'LUX', 'MLT', 'NLD', 'POL', 'PRT', 'ROU', 'SVK', 'SVN', 'ESP', 'SWE'];

/** Every passage of the source: a prefix of its text, its subject countries, and its venues. */
const EXPECTED: readonly (readonly [prefix: string, subjects: readonly string[], venues?: readonly string[]])[] = [
  ['South Korea is a member of the United Nations', ['KOR']],
  ['Academics, journalists and particularly families', ['KOR', 'CHN']],
  ['This incident, called the Dai Ichi Daihoumaru', ['KOR', 'JPN']],
  ['However, the Liancourt Rocks controversy', ['JPN', 'KOR']],
  ['and South Korean President Yoon Suk Yeol also said', ['KOR', 'JPN']],
  ["The Philippines's government seeks", ['PHL', 'KOR']],
  ['In the coming years, the Philippines', ['PHL', 'KOR']],
  ['In December 2022, the two nations', ['VNM']],
  ['The fourth stage, activated by Nordpolitik', ['KOR', 'PRK']],
  ['With that policy, continued by the following administration', ['KOR', 'PRK']],
  ['Military ties remain fraught with tension', ['KOR', 'PRK']],
  ['The North Korea cut off talks', ['PRK', 'KOR']],
  ['The resurgence of the nuclear issue', ['PRK', 'KOR']],
  ['On May 27, 2009, North Korea media', ['PRK', 'KOR']],
  ['A 2015 government-sponsored poll', ['KOR', 'PRK']],
  ['In the 1980s South Korean president Roh Tae Woo', ['KOR', 'RUS']],
  ['Gorbachev had signaled Soviet interest', ['RUS', 'KOR']],
  ["In initiating Nordpolitik Roh's confidential", ['KOR', 'RUS']],
  ["Moscow even arranged Kim's meeting", ['RUS', 'PRK', 'KOR'], ['USA']],
  ['EU trade with South Korea exceeded', [...EU, 'KOR']],
  ['Nevertheless, EU companies have significant problems', [...EU, 'KOR']],
  ['Following the Armistice, South Korea and the U.S.', ['KOR', 'USA']],
  ['In 1968, South Korea obliged the mutual defense treaty', ['KOR', 'USA', 'VNM']],
  ['In 2007, a free trade agreement known as', ['KOR', 'USA']],
  ['At the 2009 G-20 London summit', ['USA', 'KOR'], ['GBR']],
  ['Even after a decade, some Gwangju citizens', ['KOR', 'USA']],
  ['We will maintain a robust defense posture', ['USA', 'KOR']],
  ['Participants of the 2010 G20 Seoul summit', [], ['KOR']],
  ['United States, Japan, and South Korean leaders', ['USA', 'JPN', 'KOR']],
  ["Yoon Suk Yeol 's 2023 state visit", ['KOR', 'USA']],
  ['Indo-Pacific', []],
  ['South Korea', ['KOR']],
  ['Free-trade areas', []],
  ['South Korean President Lee Myung-bak and Chinese President Hu Jintao', ['KOR', 'CHN'], ['GBR']],
  ['Japanese Prime Minister Fumio Kishida', ['JPN', 'KOR'], ['KOR']],
  ['There is an ongoing dispute between Japan', ['JPN', 'KOR']],
  ['North Korean leader Kim Jong Un', ['PRK', 'KOR']],
  ['South Korean Foreign Minister Cho Tae-yul', ['KOR', 'GBR'], ['LAO']],
  ['United States President Barack Obama and Lee', ['USA'], ['KOR']],
  ['South Korean President Moon Jae-in with U.S. President', ['KOR', 'USA']],
];

function expectedFor(passageText: string) {
  // The longest matching prefix, so the caption "South Korea" does not claim every passage that starts so.
  const matches = EXPECTED.filter(([prefix]) => passageText === prefix || (prefix.length > 12 && passageText.startsWith(prefix)));
  return matches.sort((a, b) => b[0].length - a[0].length)[0];
}

function passage(body: string, kind: PassageKind = 'prose', sourceId = SOURCE_ID): Passage {
  return { id: 'test', sourceId, index: 0, kind, text: body, citations: [] };
}

function subjects(body: string, kind: PassageKind = 'prose'): string[] {
  return countriesOf(linkPassage(passage(body, kind), gazetteer));
}

function venues(body: string, kind: PassageKind = 'prose'): string[] {
  return venuesOf(linkPassage(passage(body, kind), gazetteer));
}

const sorted = (ids: readonly string[]): string[] => [...ids].sort();

describe('linkSource() on the source text', () => {
  it('has an expectation pinned for every passage, each matching exactly one passage', () => {
    const unpinned = linked.filter((candidate) => !expectedFor(candidate.text)).map((candidate) => candidate.text);
    expect(unpinned).toEqual([]);
    for (const [prefix] of EXPECTED) {
      const claimed = linked.filter((candidate) => expectedFor(candidate.text)?.[0] === prefix);
      expect(claimed, prefix).toHaveLength(1);
    }
  });

  it.each(linked.map((candidate) => [candidate.text.slice(0, 60), candidate] as const))(
    'links exactly the pinned countries in "%s…"',
    (_, candidate) => {
      const [, expectedSubjects = [], expectedVenues = []] = expectedFor(candidate.text) ?? [];
      expect(sorted(countriesOf(candidate.links))).toEqual(sorted(expectedSubjects));
      expect(sorted(venuesOf(candidate.links))).toEqual(sorted(expectedVenues));
    },
  );

  it('records spans that are the matched text and never overlap', () => {
    for (const candidate of linked) {
      const spans = [...new Map(candidate.links.map((link) => [`${String(link.start)}:${String(link.end)}`, link])).values()];
      for (const link of candidate.links) expect(candidate.text.slice(link.start, link.end)).toBe(link.matched);
      for (const [i, a] of spans.entries()) {
        for (const b of spans.slice(i + 1)) expect(a.start < b.end && b.start < a.end, `${a.matched} / ${b.matched}`).toBe(false);
      }
    }
  });
});

describe('linkPassage()', () => {
  it('does not link North Korea inside "South Korea"', () => {
    expect(subjects('South Korea and Japan held talks.')).toEqual(['KOR', 'JPN']);
  });

  it('links "South Korean", "South Koreans" and "the South" to South Korea', () => {
    expect(subjects('South Korean sailors')).toEqual(['KOR']);
    expect(subjects('41% of South Koreans agree')).toEqual(['KOR']);
    expect(subjects('The North Korea cut off talks but the South remained committed')).toEqual(['PRK', 'KOR']);
  });

  it('links "the North" and "the South" only with Korean context in the passage or its document', () => {
    expect(subjects('but the South remained committed')).toEqual([]);
    expect(subjects('He grew up in the North of England and retired to the South of France.')).toEqual(['FRA']);
    expect(subjects('Pyongyang fired a missile; the South protested.')).toEqual(['PRK', 'KOR']);
    expect(subjects('the North of Korea')).toEqual(['KOR']);
    const document = linkSource(ingestSource({ sourceId: 'doc', title: 'T', text: 'T\n\nThe South protested again.\n\nSeoul and Tokyo met.' }), gazetteer);
    expect(document.map((passage) => countriesOf(passage.links))).toEqual([['KOR'], ['KOR', 'JPN']]);
  });

  it('does not link a country name used as a given name or a currency', () => {
    expect(subjects('Jordan Peterson said so')).toEqual([]);
    expect(subjects('Chad Smith and Georgia O\'Keeffe')).toEqual([]);
    expect(subjects('prices in US dollars and Japanese yen')).toEqual([]);
    expect(subjects('Jordan and Chad President Mahamat Déby')).toEqual(['JOR', 'TCD']);
  });

  it('links "North Korea", "North Korean" and "The North Korea" to North Korea only', () => {
    expect(subjects('aid was sent to North Korea')).toEqual(['PRK']);
    expect(subjects('the North Korean ambassador')).toEqual(['PRK']);
    expect(subjects('The North Korea cut off talks')).toEqual(['PRK']);
  });

  it('links "the two Koreas" to both Koreas', () => {
    expect(sorted(subjects('contacts between the two Koreas'))).toEqual(['KOR', 'PRK']);
  });

  it('reads "Korea" alone, as a South Korean president uses it, as South Korea', () => {
    expect(subjects('"Korea and Japan are now partners"')).toEqual(['KOR', 'JPN']);
    expect(subjects('the Republic of Korea-United States Free Trade Agreement')).toEqual(['KOR', 'USA']);
  });

  it('links demonyms to their countries', () => {
    expect(subjects('Chinese President Hu Jintao')).toEqual(['CHN']);
    expect(subjects('an American diplomat')).toEqual(['USA']);
    expect(subjects('Japanese Prime Minister')).toEqual(['JPN']);
    expect(subjects('designated by the Vietnamese side')).toEqual(['VNM']);
  });

  it('links a possessive ("Philippines\'s", "America\'s") to the country', () => {
    expect(subjects("The Philippines's government")).toEqual(['PHL']);
    expect(subjects("one of America's closest allies")).toEqual(['USA']);
  });

  it('reads "People\'s Republic of China" as China, not the Republic of China (Taiwan)', () => {
    expect(subjects("the People's Republic of China (PRC)")).toEqual(['CHN']);
    expect(subjects('the People’s Republic of China')).toEqual(['CHN']);
  });

  it('matches abbreviations only in capitals', () => {
    expect(subjects('the U.S. and the UK')).toEqual(['USA', 'GBR']);
    expect(subjects('the US position')).toEqual(['USA']);
    expect(subjects('let us agree on the uk')).toEqual([]);
  });

  it('links historic states, leaders, places and policies from the aliases file', () => {
    expect(subjects('Soviet policymakers in the Soviet Union')).toEqual(['RUS']);
    expect(subjects('Mikhail Gorbachev and Barack Obama')).toEqual(['RUS', 'USA']);
    expect(subjects('Kishida, Trump and David Lammy')).toEqual(['JPN', 'USA', 'GBR']);
    expect(subjects('Kim Jong Un')).toEqual(['PRK']);
    expect(subjects("Japan's Shimane Prefecture declared \"Takeshima Day\"")).toEqual(['JPN', 'KOR']);
    expect(subjects('his Vladivostok and Krasnoyarsk speeches')).toEqual(['RUS']);
    expect(subjects('some Gwangju citizens')).toEqual(['KOR']);
    expect(sorted(subjects('the future of the Sunshine policy'))).toEqual(['KOR', 'PRK']);
  });

  it('does not link a bare surname shared by leaders of several countries', () => {
    expect(subjects("Kim's meeting")).toEqual([]);
    expect(subjects('Obama and Lee walking')).toEqual(['USA']);
  });

  it('expands the EU to its 27 member states on the same span', () => {
    const links = linkPassage(passage('EU trade grew.'), gazetteer);
    expect(links).toHaveLength(27);
    expect(new Set(links.map((link) => `${String(link.start)}:${String(link.end)}`))).toEqual(new Set(['0:2']));
    expect(links.map((link) => link.countryId)).toContain('DEU');
    expect(links.map((link) => link.countryId)).not.toContain('GBR');
  });

  it('records a meeting place as a venue, not as a subject', () => {
    expect(venues('President Lee Myung-bak and Chinese President Hu Jintao in London , April 2009', 'caption')).toEqual(['GBR']);
    expect(subjects('President Lee Myung-bak and Chinese President Hu Jintao in London , April 2009', 'caption')).toEqual(['KOR', 'CHN']);
    expect(venues('At the 2009 G-20 London summit, U.S. President Barack Obama spoke.')).toEqual(['GBR']);
    expect(venues('the two ministers in Laos, July 2024', 'caption')).toEqual(['LAO']);
    expect(venues('a meeting at the Blue House in Seoul', 'caption')).toEqual(['KOR']);
  });

  it('records the country after a venue\'s comma as the same venue', () => {
    const links = linkPassage(passage('Roh held his first summit with president Gorbachev in San Francisco, United States.'), gazetteer);
    expect(countriesOf(links)).toEqual(['KOR', 'RUS']);
    expect(venuesOf(links)).toEqual(['USA']);
  });

  it('keeps a place as a subject where nothing was held there', () => {
    expect(subjects('inciting mass demonstrations in South Korea')).toEqual(['KOR']);
    expect(venues('inciting mass demonstrations in South Korea')).toEqual([]);
  });

  it('matches "Seoul" in any case, other names only as capitalised', () => {
    expect(venues('Fumio Kishida and President Yoon Suk Yeol in seoul, 2024', 'caption')).toEqual(['KOR']);
    expect(subjects('china and japan')).toEqual([]);
  });

  it('applies an alias limited to one source only in that source', () => {
    const here = countriesOf(linkPassage(passage('The resurgence of the nuclear issue'), gazetteer));
    const elsewhere = countriesOf(linkPassage(passage('The resurgence of the nuclear issue', 'prose', 'another-source'), gazetteer));
    expect(here).toEqual(['PRK']);
    expect(elsewhere).toEqual([]);
  });

  it('leaves out ignored names, ambiguous demonyms and two-letter codes', () => {
    expect(subjects('Victoria visited Jeju Island with Douglas')).toEqual([]);
    expect(subjects('Congolese and Dominican delegates')).toEqual([]);
    expect(subjects('IN THE END, IT IS SO')).toEqual([]);
  });

  it('finds names that start, end or fill the passage, and overlapping spellings, the longest winning', () => {
    expect(subjects('Japan')).toEqual(['JPN']);
    expect(subjects('Trade with the Republic of Korea grew; so did trade with Japan')).toEqual(['KOR', 'JPN']);
    expect(linkPassage(passage('North Korea and South Korea'), gazetteer).map((link) => link.matched)).toEqual(['North Korea', 'South Korea']);
  });

  it('links the same way in a passage whose lower case changes its length (a dotted capital İ)', () => {
    expect(subjects('İstanbul talks: Japan and Chile')).toEqual(subjects('Istanbul talks: Japan and Chile'));
    expect(subjects('İstanbul talks: Japan and Chile')).toEqual(expect.arrayContaining(['JPN', 'CHL']));
  });

  it('needs whole words: "Americas" is not America, "Nigeria" is not Niger', () => {
    expect(subjects('across the Americas')).toEqual([]);
    expect(subjects('Nigeria')).toEqual(['NGA']);
  });
});

describe('countriesOf()', () => {
  it('lists subject countries once each, in order of first mention, without venues', () => {
    const links = linkPassage(passage('Obama met Kishida and Obama again in London.'), gazetteer);
    expect(countriesOf(links)).toEqual(['USA', 'JPN']);
    expect(venuesOf(links)).toEqual(['GBR']);
  });
});
