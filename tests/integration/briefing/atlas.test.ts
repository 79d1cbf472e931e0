import { beforeAll, describe, expect, it } from 'vitest';
import { atlasCountryIds, atlasFileName, buildAtlasHtml, type BriefingContext, type BriefingOptions } from '../../../src/shared/briefing';
import { activeContent, inner, noteView, textOf } from './inspect';
import { loadRealAtlas } from './realAtlas';

const EN: BriefingOptions = { paper: 'a4', includeNotes: true, language: 'en' };

let context: BriefingContext;
let ids: string[];
let draft: string;

/** The table of contents' entries: where each links and the page number it prints. */
function entries(html: string): { href: string; page: string }[] {
  const toc = inner(html, '<section class="toc">', '</section>') ?? '';
  return [...toc.matchAll(/<li class="entry"><a href="#([^"]+)">[\s\S]*?<span class="page">([^<]*)<\/span><\/a><\/li>/g)].map((match) => ({
    href: match[1] ?? '',
    page: match[2] ?? '',
  }));
}

beforeAll(async () => {
  const atlas = await loadRealAtlas();
  context = { ...atlas, notes: [noteView({ kind: 'country', countryId: 'USA' }, 'Alliance review due.')], overrides: [], generatedAt: new Date(2026, 10, 27, 9), appVersion: '1.2.3' };
  ids = atlasCountryIds(atlas.model);
  draft = buildAtlasHtml(context, EN, null);
});

describe('atlasCountryIds()', () => {
  it('covers every country the sources cover, South Korea aside, strongest tier first and then by name', () => {
    const { model } = context;
    const expected = Object.values(model.countries).filter((country) => country.tier !== 'not-covered' && country.id !== 'KOR');
    expect([...ids].sort()).toEqual(expected.map((country) => country.id).sort());
    expect(ids).not.toContain('KOR');
    expect(ids.slice(0, 3)).toEqual(['USA', 'VNM', 'AUT']);
    const rank = new Map(model.tiers.map((tier) => [tier.id, tier.rank]));
    for (let i = 1; i < ids.length; i++) {
      const a = model.countries[ids[i - 1] ?? ''];
      const b = model.countries[ids[i] ?? ''];
      if (!a || !b) throw new Error('unknown id');
      const order = (rank.get(a.tier) ?? 0) - (rank.get(b.tier) ?? 0) || a.name.en.localeCompare(b.name.en, 'en');
      expect(order, `${a.id} before ${b.id}`).toBeLessThan(0);
    }
  });
});

describe('buildAtlasHtml()', () => {
  it('opens with a world map coloured by tier and its legend', () => {
    const cover = inner(draft, '<section class="cover">', '</section>') ?? '';
    expect(cover).toContain('<h1>Korea Relations Atlas</h1>');
    expect(cover).toContain('<svg class="world"');
    for (const tier of context.model.tiers) {
      if (context.model.counts[tier.id] > 0) expect(cover, tier.id).toContain(`fill="${tier.colour.light}"`);
      expect(textOf(cover)).toContain(tier.label.en);
    }
    expect(textOf(cover)).toContain(`${ids.length} country briefings`);
  });

  it('lists every briefing in the contents, each linking to its section, in the order they follow', () => {
    const listed = entries(draft);
    expect(listed.map((entry) => entry.href)).toEqual(ids.map((id) => `c-${id}`));
    const sections = [...draft.matchAll(/<section class="briefing (c-[^" ]+)" id="(c-[^"]+)"/g)].map((match) => match[2]);
    expect(sections).toEqual(ids.map((id) => `c-${id}`));
    for (const id of ids) expect(draft).toContain(`section.c-${id} { page: c-${id}; }`);
  });

  it('prints placeholders on the first pass and the numbers on the second, on the same lines', () => {
    const startPages = Object.fromEntries(ids.map((id, index) => [id, 3 + index * 2]));
    const numbered = buildAtlasHtml(context, EN, startPages);
    const before = entries(draft);
    const after = entries(numbered);
    expect(after).toHaveLength(before.length);
    expect(before.every((entry) => entry.page === '–')).toBe(true);
    expect(after.map((entry) => entry.page)).toEqual(ids.map((_, index) => String(3 + index * 2)));
    // Only the numbers differ: the contents' lines, and so its page count, stay the same.
    const lines = (html: string) => (inner(html, '<section class="toc">', '</section>') ?? '').replace(/<span class="page">[^<]*<\/span>/g, '');
    expect(lines(numbered)).toBe(lines(draft));
    expect(numbered.replace(/<section class="toc">[\s\S]*?<\/section>/, '')).toBe(draft.replace(/<section class="toc">[\s\S]*?<\/section>/, ''));
  });

  it('holds one briefing per country, each with its passages and the user’s notes, and nothing that loads or runs', () => {
    for (const id of ids) {
      const section = inner(draft, `<section class="briefing c-${id}" id="c-${id}"[^>]*>`, '</section>') ?? '';
      expect(section, id).toContain('<svg class="locator"');
      expect(section.match(/<li class="passage/g) ?? [], id).toHaveLength(context.model.countries[id]?.passageIds.length ?? -1);
    }
    expect(textOf(draft)).toContain('Alliance review due.');
    expect(activeContent(draft)).toEqual([]);
    expect(textOf(buildAtlasHtml(context, { ...EN, includeNotes: false }, null))).not.toContain('Alliance review due.');
  });

  it('switches to Korean labels', () => {
    const ko = buildAtlasHtml(context, { ...EN, language: 'ko' }, null);
    expect(ko).toContain('<html lang="ko">');
    expect(ko).toContain('<h1>한국 대외관계 지도</h1>');
    expect(ko).toContain('<h1>차례</h1>');
    expect(ko).not.toContain('<h1>Contents</h1>');
  });

  it('builds the whole atlas in well under a second once the map shapes are indexed', () => {
    const started = performance.now();
    buildAtlasHtml({ ...context }, EN, null);
    // Generous for a loaded test machine; the figure the issue cares about is printed by the benchmark.
    expect(performance.now() - started).toBeLessThan(3_000);
  });
});

describe('atlasFileName()', () => {
  it('names the whole atlas after the app and the day, in the chosen language', () => {
    expect(atlasFileName(context, EN)).toBe('Korea Relations Atlas — 2026-11-27.pdf');
    expect(atlasFileName(context, { ...EN, language: 'ko' })).toBe('한국 대외관계 지도 — 2026-11-27.pdf');
  });
});
