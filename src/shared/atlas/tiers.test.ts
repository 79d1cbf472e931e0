import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCurated } from './curated';
import type { CuratedEntry } from './curated';
import { buildGazetteer } from './gazetteer';
import { ingestSource } from './ingest';
import { linkSource } from './link';
import { perceivedDifference } from '../../../tests/support/colour';
import { classifyCountries, classifyCountry, parseTierScheme } from './tiers';
import { TIER_IDS } from './tierIds';
import type { LinkedPassage } from './types';

const require = createRequire(import.meta.url);
const SOURCE_ID = 'wikipedia-foreign-relations-of-south-korea';
const readJson = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8')) as unknown;
const text = readFileSync(new URL('../../../data/sources/foreign-relations-of-south-korea.txt', import.meta.url), 'utf8');
const tiersFile = readJson('data/atlas/tiers.json');
const scheme = parseTierScheme(tiersFile);
const curated = parseCurated(readJson('data/atlas/curated.json'));
const gazetteer = buildGazetteer(require('world-countries') as unknown[], readJson('data/atlas/aliases.json'));
const passages = linkSource(ingestSource({ sourceId: SOURCE_ID, title: 'Foreign relations of South Korea', text }), gazetteer);

const classify = (countryId: string, entries: readonly CuratedEntry[] = curated) => classifyCountry(countryId, passages, scheme, entries);
const passageOf = (passageId: string): LinkedPassage => {
  const found = passages.find((passage) => passage.id === passageId);
  if (!found) throw new Error(`no passage ${passageId}`);
  return found;
};
const phrases = (items: readonly { phrase: string }[]): string[] => items.map((item) => item.phrase);

describe('classifyCountry()', () => {
  it('makes the United States an ally, citing the mutual defense treaty and "closest allies"', () => {
    const usa = classify('USA');
    expect(usa.tier).toBe('alliance');
    expect(usa.decidedBy).toBe('rules');
    expect(phrases(usa.evidence)).toEqual(expect.arrayContaining(['Mutual Defense Treaty', 'closest allies', 'Alliance']));
  });

  it('makes Vietnam a comprehensive strategic partner on the strength of its December 2022 passage', () => {
    const vietnam = classify('VNM');
    expect(vietnam.tier).toBe('comprehensive-strategic');
    expect(vietnam.evidence).toHaveLength(1);
    const [evidence] = vietnam.evidence;
    if (!evidence) throw new Error('no evidence');
    const passage = passageOf(evidence.passageId);
    expect(passage.text).toMatch(/^In December 2022/);
    expect(passage.text.slice(evidence.start, evidence.end)).toBe('comprehensive strategic partnership');
  });

  it('does not make Vietnam an ally because "mutual defense treaty" shares a passage with the Vietnam War', () => {
    expect(classify('VNM').evidence.map((item) => item.rule)).not.toContain('mutual-defence-treaty');
  });

  it('makes North Korea adversarial, citing "enemy" and the armistice declared void, over its contacts and ties', () => {
    const north = classify('PRK');
    expect(north.tier).toBe('adversarial');
    expect(phrases(north.evidence)).toEqual(['armistice is no longer valid', 'enemy']);
    expect(north.tensions.map((tension) => tension.kind)).toEqual(expect.arrayContaining(['armed-clash', 'nuclear-issue']));
  });

  it('does not count a negated phrase ("intermediary rather than antagonist") as evidence', () => {
    expect(phrases(classify('PRK').evidence)).not.toContain('antagonist');
  });

  it('does not count a bare mention of the armistice as hostility to the United States', () => {
    expect(classify('USA').evidence.every((item) => item.rule !== 'armistice-void')).toBe(true);
  });

  it('makes Japan a partner that shares universal values, with territorial and incident tension flags', () => {
    const japan = classify('JPN');
    expect(japan.tier).toBe('partner');
    expect(phrases(japan.evidence)).toEqual(['partners who share universal values']);
    const kinds = new Set(japan.tensions.map((tension) => tension.kind));
    expect(kinds).toEqual(new Set(['territorial-dispute', 'incident', 'strained-relations']));
    const tensionTexts = japan.tensions.map((tension) => passageOf(tension.passageId).text);
    expect(tensionTexts.some((body) => body.includes('Liancourt Rocks controversy'))).toBe(true);
    expect(tensionTexts.some((body) => body.includes('Dai Ichi Daihoumaru Ship case'))).toBe(true);
  });

  it('makes the Philippines engaged on an aspiration: it seeks strategic ties and anticipates trade, neither designated', () => {
    const philippines = classify('PHL');
    expect(philippines).toMatchObject({ tier: 'engaged', decidedBy: 'rules', basis: 'aspiration' });
    expect(phrases(philippines.evidence)).toEqual(['strategic ties', 'trade']);
    expect(philippines.evidence.every((item) => item.basis === 'aspiration')).toBe(true);
  });

  it('makes China and Russia engaged: visits, a summit, improving relations, no designation', () => {
    expect(classify('CHN')).toMatchObject({ tier: 'engaged', decidedBy: 'rules' });
    expect(phrases(classify('CHN').evidence)).toEqual(['exchange visits', 'South Korean President Lee Myung-bak and Chinese President Hu Jintao']);
    expect(classify('RUS').tier).toBe('engaged');
    expect(phrases(classify('RUS').evidence)).toEqual(expect.arrayContaining(['summit', 'improving relations']));
  });

  it('leaves a country never mentioned (Bolivia) not covered, with no evidence', () => {
    expect(classify('BOL')).toEqual({ tier: 'not-covered', evidence: [], tensions: [], decidedBy: 'none' });
  });

  it('calls a country that is only a venue (Laos) mentioned, not a partner', () => {
    expect(classify('LAO')).toMatchObject({ tier: 'mentioned', evidence: [], decidedBy: 'none' });
  });

  it('gives South Korea the home style', () => {
    expect(classify('KOR').tier).toBe('home');
  });

  it('makes the United Kingdom engaged by the caption naming both foreign ministers, a single mention', () => {
    const britain = classify('GBR');
    expect(britain).toMatchObject({ tier: 'engaged', decidedBy: 'rules', basis: 'single-mention' });
    expect(britain.evidence).toMatchObject([{ rule: 'officials-pictured', phrase: 'South Korean Foreign Minister Cho Tae-yul and UK Foreign Secretary David Lammy' }]);
  });

  it('lets a curated entry decide, with its verified evidence', () => {
    const entry: CuratedEntry = { countryId: 'GBR', tier: 'partner', reason: 'A test entry.', evidence: [{ passagePrefix: 'South Korean Foreign Minister Cho Tae-yul', phrase: 'UK Foreign Secretary' }] };
    const britain = classify('GBR', [entry]);
    expect(britain).toMatchObject({ tier: 'partner', decidedBy: 'curated', basis: 'curated' });
    const [evidence] = britain.evidence;
    expect(evidence && passageOf(evidence.passageId).text.slice(evidence.start, evidence.end)).toBe(evidence?.phrase);
  });

  it('does not count a tier phrase inside a tension phrase: "barriers to trade" is friction, not partnership', () => {
    const barriers = passages.find((passage) => passage.text.includes('barriers to trade'))!;
    for (const id of ['FRA', 'DEU']) {
      const { evidence, tensions } = classify(id);
      expect(evidence.filter((item) => item.passageId === barriers.id)).toEqual([]);
      expect(tensions.filter((item) => item.passageId === barriers.id).map((item) => item.kind)).toEqual(['trade-barrier']);
    }
  });

  it('classifies many countries at once exactly as one at a time', () => {
    const ids = [...gazetteer.countries.keys()];
    const together = classifyCountries(ids, passages, scheme, curated);
    for (const id of ids) expect(together.get(id), id).toEqual(classify(id));
  });

  it('matches rules with Unicode case folding, where "ſ" is an "s", as the tiers file is validated', () => {
    const linked = linkSource(ingestSource({ sourceId: 'other', title: '', text: 'Chile and South Korea signed a ſtrategic partnership.' }), gazetteer);
    expect(classifyCountry('CHL', linked, scheme, [])).toMatchObject({ tier: 'strategic', evidence: [{ phrase: 'ſtrategic partnership' }] });
  });

  it('only ever cites evidence and tensions in passages that link the country as a subject', () => {
    for (const countryId of gazetteer.countries.keys()) {
      const { evidence, tensions } = classify(countryId);
      for (const item of [...evidence, ...tensions]) {
        const passage = passageOf(item.passageId);
        expect(passage.links.some((link) => link.countryId === countryId && link.role === 'subject'), `${countryId}: ${item.phrase}`).toBe(true);
        expect(passage.text.slice(item.start, item.end)).toBe(item.phrase);
      }
    }
  });
});

describe('parseTierScheme()', () => {
  it('orders the tiers by rank, home first and not-covered last', () => {
    expect(scheme.tiers.map((tier) => tier.id)).toEqual([...TIER_IDS]);
  });

  it('refuses a file with a missing tier or a broken pattern, naming the file', () => {
    const file = tiersFile as { tiers: unknown[]; rules: { pattern: string }[] };
    expect(() => parseTierScheme({ ...file, tiers: file.tiers.slice(1) })).toThrow(/tiers\.json: .*"home" must appear exactly once/s);
    const broken = { ...file, rules: [{ ...file.rules[0], pattern: '(unclosed' }] };
    expect(() => parseTierScheme(broken)).toThrow(/tiers\.json: .*valid regular expression/s);
  });
});

describe('tier colours', () => {
  const pairs = scheme.tiers.flatMap((first, i) => scheme.tiers.slice(i + 1).map((second) => [first, second] as const));
  const cases = (['light', 'dark'] as const).flatMap((theme) =>
    (['normal', 'protanopia', 'deuteranopia', 'tritanopia'] as const).map((vision) => [theme, vision] as const),
  );

  it.each(cases)('keeps every pair of tiers at least 10 CIEDE2000 apart in the %s theme with %s vision', (theme, vision) => {
    const tooClose = pairs
      .map(([first, second]) => ({
        pair: `${first.id}/${second.id}`,
        difference: perceivedDifference(first.colour[theme], second.colour[theme], vision),
      }))
      .filter(({ difference }) => difference < 10);
    expect(tooClose).toEqual([]);
  });
});
