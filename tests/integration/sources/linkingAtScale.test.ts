import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleAtlasModel, linkAtlasSource, prepareAtlas, type AtlasPassage, type LinkedSource } from '../../../src/shared/atlas/model';
import type { Gazetteer, GazetteerName } from '../../../src/shared/atlas/gazetteer';
import { decodeLinks, linkCompact } from '../../../src/shared/atlas/compact';
import { ingestSource } from '../../../src/shared/atlas/ingest';
import { countriesOf, documentContext, linkPassage } from '../../../src/shared/atlas/link';
import { extractEvents, sortEvents } from '../../../src/shared/atlas/timeline';
import { parseTierScheme, passageFindings, warmPassageFindings, type TierScheme } from '../../../src/shared/atlas/tiers';
import type { Link, Passage } from '../../../src/shared/atlas/types';
import { convertTextDocument } from '../../../src/shared/sources';

// The linker, the tier rules and the atlas assembly were made fast for large imports (one trie walk
// per word, rules run over many passages at once, one pass for every country's events and
// neighbours). These tests hold them to the plain way of doing the same, on the bundled source, the
// import fixtures and a document written to hit the unusual paths.

const require = createRequire(import.meta.url);
const read = (path: string): string => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const readJson = (path: string): unknown => JSON.parse(read(path)) as unknown;
const context = prepareAtlas({
  worldCountries: require('world-countries') as unknown[],
  aliases: readJson('data/atlas/aliases.json'),
  tiers: readJson('data/atlas/tiers.json'),
  curated: readJson('data/atlas/curated.json'),
  organisations: readJson('data/atlas/organisations.json'),
});
const { gazetteer, scheme } = context;
const BUNDLED_ID = 'wikipedia-foreign-relations-of-south-korea';
const bundledText = read('data/sources/foreign-relations-of-south-korea.txt');

// Curly apostrophes, Korean, a capital whose lower case is longer (İ), shouting, a long s and an emoji.
const mixedText = bundledText
  .split('\n\n')
  .map((paragraph, index) => {
    if (index % 5 === 1) return `${paragraph.replace(/'/g, '\u2019')} 서울 한국 İstanbul Türkiye`;
    if (index % 5 === 2) return `${paragraph} ſtate visit 😀 Côte d’Ivoire, SEOUL and seoul`;
    if (index % 5 === 3) return paragraph.toUpperCase();
    return paragraph;
  })
  .join('\n\n');

const fixtureTexts = ['encyclopedia-article.html', 'peru-report.html', 'field-notes.md'].map((name) => {
  const format = name.endsWith('.md') ? 'markdown' : 'html';
  return { name, text: convertTextDocument(name, format, read(`tests/fixtures/sources/${name}`)).text };
});

const documents: { sourceId: string; title: string; text: string }[] = [
  { sourceId: BUNDLED_ID, title: 'Foreign relations of South Korea', text: bundledText },
  { sourceId: 'imported-mixed', title: '', text: mixedText },
  ...fixtureTexts.map(({ name, text }) => ({ sourceId: `imported-${name.replace(/\W/g, '-')}`, title: '', text })),
];

interface Match {
  start: number;
  end: number;
  entry: GazetteerName;
  order: number;
}

const WORD = /[\p{L}\p{N}]/u;
const isBoundary = (text: string, index: number): boolean => index < 0 || index >= text.length || !WORD.test(text.charAt(index));

/** The straightforward linker: every name of the gazetteer searched for through the whole passage. */
function referenceLinks(passage: Passage, names: Gazetteer['names']): Link[] {
  const text = passage.text.replace(/[\u2019\u02bc]/g, "'");
  const lower = text.toLowerCase();
  const canFoldCase = lower.length === text.length;
  const found: Match[] = [];
  names.forEach((entry, order) => {
    if (entry.sourceIds && !entry.sourceIds.includes(passage.sourceId)) return;
    const insensitive = !entry.caseSensitive && canFoldCase;
    const spelling = entry.name.replace(/[\u2019\u02bc]/g, "'");
    const needle = insensitive ? spelling.toLowerCase() : spelling;
    const haystack = insensitive ? lower : text;
    for (let from = haystack.indexOf(needle); from !== -1; from = haystack.indexOf(needle, from + 1)) {
      const end = from + needle.length;
      if (isBoundary(text, from - 1) && isBoundary(text, end)) found.push({ start: from, end, entry, order });
    }
  });
  const ordered = [...found].sort(
    (a, b) =>
      b.end - b.start - (a.end - a.start) ||
      a.start - b.start ||
      Number(b.entry.origin === 'aliases') - Number(a.entry.origin === 'aliases') ||
      a.order - b.order,
  );
  const taken: Match[] = [];
  for (const match of ordered) if (!taken.some((other) => match.start < other.end && other.start < match.end)) taken.push(match);
  taken.sort((a, b) => a.start - b.start);

  const meeting = passage.kind === 'caption' || /\b(?:summits?|meetings?|meet|met|visits?|visited|talks|conference|held)\b/i.test(passage.text);
  const links: Link[] = [];
  const state: { previous: { match: Match; venue: boolean } | null } = { previous: null };
  for (const match of taken) {
    const { previous } = state;
    const before = passage.text.slice(Math.max(0, match.start - 12), match.start);
    const after = passage.text.slice(match.end, match.end + 16);
    const venue: boolean =
      meeting &&
      match.entry.place &&
      (/\b(?:in|at)\s+(?:the\s+)?$/i.test(before) ||
        /^\s+(?:summit|meeting|conference|talks)\b/i.test(after) ||
        (previous?.venue === true && /^\s*,\s*$/.test(passage.text.slice(previous.match.end, match.start))));
    for (const countryId of match.entry.countries) {
      links.push({ countryId, start: match.start, end: match.end, matched: passage.text.slice(match.start, match.end), role: venue ? 'venue' : 'subject' });
    }
    state.previous = { match, venue };
  }
  return links;
}

describe('linkPassage() on whole documents', () => {
  for (const document of documents) {
    it(`links every passage of ${document.sourceId} exactly as searching for every name does`, () => {
      const passages = ingestSource(document);
      expect(passages.length).toBeGreaterThan(3);
      let links = 0;
      for (const passage of passages) {
        const expected = referenceLinks(passage, gazetteer.names);
        expect(linkPassage(passage, gazetteer), passage.text.slice(0, 80)).toEqual(expected);
        links += expected.length;
      }
      expect(links).toBeGreaterThan(0);
    });
  }
});

describe('documentContext()', () => {
  // A passage names a Korea exactly when linking it on its own links one: "the North" alone never does.
  const linksAKorea = (passage: Passage): boolean => linkPassage(passage, gazetteer).some((link) => link.countryId === 'KOR' || link.countryId === 'PRK');
  const unusual = [
    'Prices were quoted in South Korean won and Japanese yen.',
    'The Democratic People\u2019s Republic of Korea fired a missile over Japan.',
    'SOUTH KOREA AND JAPAN SIGNED A TREATY.',
    'He grew up in the North of England and retired to the South of France.',
    'Talks with the North resumed in 2018.',
    '서울 hosted the summit.',
  ];

  it('finds a Korea named in a passage exactly where linking the passage finds one, whatever its case or spelling', () => {
    const passages = [...documents.flatMap((document) => ingestSource(document)), ...ingestSource({ sourceId: 'imported-unusual', title: '', text: unusual.join('\n\n') })];
    const seen = { named: 0, unnamed: 0 };
    for (const passage of passages) {
      const expected = linksAKorea(passage);
      expect(documentContext([passage], gazetteer).namesAKorea, passage.text.slice(0, 80)).toBe(expected);
      seen[expected ? 'named' : 'unnamed']++;
    }
    expect(seen.named).toBeGreaterThan(20);
    expect(seen.unnamed).toBeGreaterThan(20);
  });

  it('is the whole document\'s: a Korea named in its last passage is context for its first', () => {
    const passages = ingestSource({ sourceId: 'imported-late', title: '', text: ['Talks with the North resumed in 2018.', 'Rainfall was low that year.', 'Seoul hosted the talks.'].join('\n\n') });
    expect(documentContext(passages, gazetteer)).toEqual({ namesAKorea: true });
    expect(documentContext(passages.slice(0, 2), gazetteer)).toEqual({ namesAKorea: false });
  });
});

/** Copies of the passages without anything worked out for them yet. */
const fresh = (passages: readonly AtlasPassage[]): AtlasPassage[] => passages.map((passage) => ({ ...passage }));

describe('warmPassageFindings()', () => {
  const linked = documents.flatMap((document) => linkAtlasSource(document, gazetteer));

  it('finds what passageFindings() finds passage by passage, in the same order', () => {
    const one = fresh(linked);
    const many = fresh(linked);
    warmPassageFindings(many, scheme);
    const expected = one.map((passage) => passageFindings(passage, scheme));
    expect(expected.flat().length).toBeGreaterThan(100);
    expect(many.map((passage) => passageFindings(passage, scheme))).toEqual(expected);
  });

  it('keeps to one passage at a time for a rule that could see past the end of a passage', () => {
    const file = readJson('data/atlas/tiers.json') as { rules: { pattern: string }[] };
    // "$" and "." behave differently once passages are joined: such rules are not batched.
    const edgy: TierScheme = parseTierScheme({
      ...file,
      rules: [...file.rules, { id: 'closing-alliance', tier: 'alliance', pattern: 'alliance.?$', note: 'test' }, { id: 'any', tier: 'partner', pattern: 'Korea.', note: 'test' }],
    });
    const one = fresh(linked);
    const many = fresh(linked);
    warmPassageFindings(many, edgy);
    expect(many.map((passage) => passageFindings(passage, edgy))).toEqual(one.map((passage) => passageFindings(passage, edgy)));
  });
});

describe('assembleAtlasModel() with an imported source', () => {
  const sources: LinkedSource[] = documents.map((document) => ({
    source: { id: document.sourceId, title: document.sourceId, author: 'test', licence: document.sourceId === BUNDLED_ID ? 'CC BY-SA 4.0' : '' },
    passages: linkAtlasSource(document, gazetteer, scheme),
  }));
  const model = assembleAtlasModel(context, sources, new Set([BUNDLED_ID]));

  it("gives each country its passages' events oldest first, and the subjects named beside it, as country-by-country derivation does", () => {
    let checked = 0;
    for (const country of Object.values(model.countries)) {
      const linking = model.passages.filter((passage) => passage.links.some((link) => link.countryId === country.id));
      expect(country.passageIds).toEqual(linking.map((passage) => passage.id));
      expect(country.events).toEqual(sortEvents(linking.flatMap((passage) => passage.events)));
      const neighbours = new Set<string>();
      for (const passage of linking) {
        const subjects = countriesOf(passage.links);
        if (!subjects.includes(country.id)) continue;
        for (const other of subjects) if (other !== country.id && other !== model.homeId) neighbours.add(other);
      }
      expect(country.coMentioned).toEqual([...neighbours]);
      if (linking.length > 0) checked++;
    }
    expect(checked).toBeGreaterThan(20);
  });
});

describe('linkCompact() and decodeLinks(), the way a worker thread links an import', () => {
  const bundledPassages = linkAtlasSource(documents[0]!, gazetteer, scheme);

  it('give the passages, links, events and rule findings that linking in place gives, and the same atlas', () => {
    let sharedSeen = 0;
    for (const document of documents) {
      const expected = linkAtlasSource(document, gazetteer, scheme);
      const passages = ingestSource(document);
      // Sent in two runs, as to two workers.
      const half = Math.ceil(passages.length / 2);
      const runs = [passages.slice(0, half), passages.slice(half)];
      const whole = documentContext(passages, gazetteer);
      const decoded = runs.flatMap((run) => decodeLinks(run, run.map(extractEvents), linkCompact(run, whole, gazetteer, scheme), scheme));
      expect(decoded, document.sourceId).toEqual(expected);
      const findings = decoded.map((passage) => passageFindings(passage, scheme));
      expect(findings, document.sourceId).toEqual(expected.map((passage) => passageFindings(passage, scheme)));
      // One phrase attributed to several countries is one object in both.
      const shared = (all: ReturnType<typeof passageFindings>[]): number =>
        all.reduce((count, found) => count + found.filter((item, index) => index > 0 && (item.kind === 'tension' ? item.tension : item.evidence) === (found[index - 1]!.kind === 'tension' ? (found[index - 1] as { tension: object }).tension : (found[index - 1] as { evidence: object }).evidence)).length, 0);
      expect(shared(findings)).toBe(shared(expected.map((passage) => passageFindings(passage, scheme))));
      sharedSeen += shared(findings);
      const source = { id: document.sourceId, title: document.title || 'Imported', author: 'a', licence: '' };
      const bundled: LinkedSource[] = document.sourceId === BUNDLED_ID ? [] : [{ source: { id: BUNDLED_ID, title: 'Bundled', author: 'a', licence: 'b' }, passages: bundledPassages }];
      const bundledIds = new Set([BUNDLED_ID]);
      expect(assembleAtlasModel(context, [...bundled, { source, passages: decoded }], bundledIds)).toEqual(
        assembleAtlasModel(context, [...bundled, { source, passages: expected }], bundledIds),
      );
    }
    expect(sharedSeen, 'some phrase is attributed to two countries at once').toBeGreaterThan(0);
  });

  it('links "the North" and "the South" in a run as the whole document does, whichever half names a Korea', () => {
    const filler = (index: number): string => `Paragraph ${String(index)} records the rainfall of that year.`;
    const halves = [
      { korea: 'South Korea opened an office in 1990.', short: 'Talks with the North resumed in 2018.' },
      { korea: 'North Korea opened an office in 1990.', short: 'Envoys of the South arrived in 1972.' },
    ];
    for (const [order, { korea, short }] of halves.entries()) {
      // The Korea named in the first half, then in the second.
      const paragraphs = Array.from({ length: 40 }, (_, index) => (index === (order === 0 ? 3 : 30) ? korea : index === (order === 0 ? 30 : 3) ? short : filler(index)));
      const document = { sourceId: 'imported-halves', title: '', text: paragraphs.join('\n\n') };
      const expected = linkAtlasSource(document, gazetteer, scheme);
      expect(expected.find((passage) => passage.text === short)?.links).toHaveLength(1);
      const passages = ingestSource(document);
      const whole = documentContext(passages, gazetteer);
      const runs = [passages.slice(0, 20), passages.slice(20)];
      expect(runs.flatMap((run) => decodeLinks(run, run.map(extractEvents), linkCompact(run, whole, gazetteer, scheme), scheme))).toEqual(expected);
    }
  });

  it('refuses an answer that does not fit what was sent', () => {
    const passages = ingestSource(documents[0]!);
    const compact = linkCompact(passages, documentContext(passages, gazetteer), gazetteer, scheme);
    expect(() => decodeLinks(passages.slice(0, 3), [], compact, scheme)).toThrow(/not sent/);
    expect(() => decodeLinks(passages, [], { ...compact, rules: compact.rules.map((rule) => `${rule}-renamed`) }, scheme)).toThrow(/rule the tiers file does not have/);
  });
});
