import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CuratedEvidenceError, parseCurated, resolveCurated, resolveCuratedEntry } from './curated';
import type { CuratedEntry } from './curated';
import { buildGazetteer } from './gazetteer';
import { ingestSource } from './ingest';
import { linkSource } from './link';

const require = createRequire(import.meta.url);
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')) as unknown;
const text = readFileSync(new URL('../../../data/sources/foreign-relations-of-south-korea.txt', import.meta.url), 'utf8');
const gazetteer = buildGazetteer(require('world-countries') as unknown[], readJson('data/atlas/aliases.json'));
const passages = linkSource(
  ingestSource({ sourceId: 'wikipedia-foreign-relations-of-south-korea', title: 'Foreign relations of South Korea', text }),
  gazetteer,
);

const britain: CuratedEntry = {
  countryId: 'GBR',
  tier: 'engaged',
  reason: 'Foreign ministers pictured meeting.',
  evidence: [{ passagePrefix: 'South Korean Foreign Minister Cho Tae-yul', phrase: 'UK Foreign Secretary David Lammy' }],
};

describe('parseCurated()', () => {
  it('reads the shipped file, whose every entry is found in the source', () => {
    const entries = parseCurated(readJson('data/atlas/curated.json'));
    expect(resolveCurated(entries, passages).skipped).toEqual([]);
  });

  it('refuses an entry without evidence, or with both a passage id and a prefix', () => {
    const file = { description: '', entries: [{ ...britain, evidence: [] }] };
    expect(() => parseCurated(file)).toThrow(/curated\.json/);
    const both = { description: '', entries: [{ ...britain, evidence: [{ passageId: 'x', passagePrefix: 'South Korean Foreign', phrase: 'UK' }] }] };
    expect(() => parseCurated(both)).toThrow(/exactly one of passageId and passagePrefix/);
  });

  it('refuses a tier that is not a relationship tier', () => {
    expect(() => parseCurated({ description: '', entries: [{ ...britain, tier: 'not-covered' }] })).toThrow(/curated\.json/);
  });
});

describe('resolveCuratedEntry()', () => {
  it('finds the passage and the phrase span', () => {
    const { tier, evidence } = resolveCuratedEntry(britain, passages);
    expect(tier).toBe('engaged');
    const [item] = evidence;
    const passage = passages.find((candidate) => candidate.id === item?.passageId);
    expect(item && passage?.text.slice(item.start, item.end)).toBe('UK Foreign Secretary David Lammy');
  });

  it('accepts a passage id as well as a prefix', () => {
    const passage = passages.find((candidate) => candidate.text.startsWith('South Korean Foreign Minister Cho Tae-yul'));
    const byId: CuratedEntry = { ...britain, evidence: [{ passageId: passage?.id ?? '', phrase: 'David Lammy' }] };
    expect(resolveCuratedEntry(byId, passages).evidence[0]?.passageId).toBe(passage?.id);
  });

  const broken: [string, CuratedEntry, RegExp][] = [
    ['a phrase the passage does not contain', { ...britain, evidence: [{ passagePrefix: 'South Korean Foreign Minister Cho Tae-yul', phrase: 'state visit' }] }, /does not contain/],
    ['a prefix no passage has', { ...britain, evidence: [{ passagePrefix: 'The Queen visited Seoul', phrase: 'Seoul' }] }, /no passage/],
    ['an unknown passage id', { ...britain, evidence: [{ passageId: '0000000000000000', phrase: 'UK' }] }, /no passage/],
    ['a prefix several passages share', { ...britain, evidence: [{ passagePrefix: 'South Korean President', phrase: 'President' }] }, /ambiguous/],
    ['a passage that does not link the country', { ...britain, countryId: 'FRA', evidence: [{ passagePrefix: 'South Korean Foreign Minister Cho Tae-yul', phrase: 'Laos' }] }, /does not link FRA/],
    ['a passage where the country is only the venue', { ...britain, countryId: 'LAO', evidence: [{ passagePrefix: 'South Korean Foreign Minister Cho Tae-yul', phrase: 'Laos' }] }, /does not link LAO as a subject/],
  ];

  it.each(broken)('throws for %s', (_, entry, message) => {
    expect(() => resolveCuratedEntry(entry, passages)).toThrow(CuratedEvidenceError);
    expect(() => resolveCuratedEntry(entry, passages)).toThrow(message);
  });
});

describe('resolveCuratedEntry() on evidence that does not state the relationship', () => {
  it('throws for a passage about two other countries', () => {
    const other = linkSource(ingestSource({ sourceId: 'other', title: 'T', text: 'T\n\nJapan has long regarded Russia as an enemy.' }), gazetteer);
    const entry: CuratedEntry = { countryId: 'RUS', tier: 'adversarial', reason: 'Not a relation with South Korea.', evidence: [{ passagePrefix: 'Japan has long regarded', phrase: 'enemy' }] };
    expect(() => resolveCuratedEntry(entry, other)).toThrow(/RUS: passage "Japan has long regarded" does not state a relation with South Korea/);
  });
});

describe('resolveCurated()', () => {
  it('skips and reports an entry whose passage is missing, keeping the others pinned to their passage', () => {
    const missing: CuratedEntry = { ...britain, countryId: 'FRA', evidence: [{ passagePrefix: 'The Queen visited Seoul', phrase: 'Seoul' }] };
    const { entries, skipped } = resolveCurated([missing, britain], passages);
    expect(skipped).toEqual(['curated.json: FRA: no passage "The Queen visited Seoul"']);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.evidence[0]?.passageId).toBe(passages.find((passage) => passage.text.startsWith('South Korean Foreign Minister'))?.id);
  });
});
