import { beforeAll, describe, expect, it } from 'vitest';
import type { AtlasModel } from '../../../src/shared/atlas';
import { buildComparisonHtml, comparisonFileName, type BriefingContext, type BriefingOptions } from '../../../src/shared/briefing';
import { activeTags, noteView, textOf } from './inspect';
import { loadRealAtlas } from './realAtlas';

const EN: BriefingOptions = { paper: 'a4', includeNotes: true, language: 'en' };
const KO: BriefingOptions = { paper: 'a4', includeNotes: true, language: 'ko' };
const SCRIPT = '<script>alert(1)</script><img src=x onerror="alert(2)">';

let model: AtlasModel;
let context: BriefingContext;

beforeAll(async () => {
  const atlas = await loadRealAtlas();
  model = atlas.model;
  context = {
    ...atlas,
    notes: [noteView({ kind: 'country', countryId: 'JPN' }, `Ask about the **fisheries talks**.\n\n${SCRIPT}`)],
    overrides: [{ countryId: 'CHN', tier: 'adversarial', reason: 'My reading of the sources', createdAt: '2026-11-01T00:00:00.000Z', updatedAt: '2026-11-01T00:00:00.000Z' }] as BriefingContext['overrides'],
    generatedAt: new Date(2026, 10, 28, 9, 0),
    appVersion: '9.8.7',
  };
});

describe('buildComparisonHtml()', () => {
  it('names both countries and shows their tiers and evidence side by side', () => {
    const html = buildComparisonHtml(context, 'JPN', 'CHN', EN);
    const text = textOf(html);
    expect(html).toContain('<title>Japan and China — comparison</title>');
    for (const id of ['JPN', 'CHN']) {
      const entry = model.countries[id]!;
      const tier = model.tiers.find((candidate) => candidate.id === entry.tier)!;
      expect(text).toContain(tier.label.en);
      for (const evidence of entry.evidence.slice(0, 1)) expect(text).toContain(textOf(evidence.phrase));
      expect(html).toContain(`data-country="${id}"`);
    }
    expect(html).toContain('class="compare-table"');
  });

  it('shows the user’s own tier where one is set', () => {
    const text = textOf(buildComparisonHtml(context, 'JPN', 'CHN', EN));
    expect(text).toContain('Your tier:');
  });

  it('prints notes as safe Markdown: formatting kept, markup escaped', () => {
    const html = buildComparisonHtml(context, 'JPN', 'CHN', EN);
    expect(html).toContain('<strong>fisheries talks</strong>');
    expect(activeTags(html)).toEqual([]);
    expect(html).not.toContain('<script>');
    expect(textOf(html)).toContain('<script>alert(1)</script>');
  });

  it('leaves notes out when asked to', () => {
    expect(buildComparisonHtml(context, 'JPN', 'CHN', { ...EN, includeNotes: false })).not.toContain('fisheries talks');
  });

  it('keeps the CSP, the attribution of its sources and no URLs', () => {
    const html = buildComparisonHtml(context, 'JPN', 'CHN', EN);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain(model.sources[0]!.licence);
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('labels everything in Korean when asked to', () => {
    const html = buildComparisonHtml(context, 'JPN', 'CHN', KO);
    expect(html).toContain('<html lang="ko">');
    const text = textOf(html);
    expect(text).toContain('비교');
    expect(text).toContain('근거');
    expect(text).toContain('연도별 연표');
    expect(text).toContain(model.countries['JPN']!.name.ko);
    expect(text).toContain(model.countries['CHN']!.name.ko);
  });

  it('refuses the same country twice', () => {
    expect(() => buildComparisonHtml(context, 'JPN', 'JPN', EN)).toThrow();
  });

  it('names the file after both countries and the day', () => {
    expect(comparisonFileName(context, 'JPN', 'CHN', EN)).toBe('Japan vs China — comparison — 2026-11-28.pdf');
  });
});
