import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generatedDocument } from '../../../bench/metrics/import';
import { loadAtlasBase } from '../../../src/main/data/atlasFiles';
import { linkAtlasSource } from '../../../src/shared/atlas/model';
import { viewOf } from '../../../src/shared/atlas/view';
import { buildBriefingHtml, type BriefingContext, type BriefingOptions } from '../../../src/shared/briefing';
import { formatNumber } from '../../../src/shared/briefing/format';
import { mostRelevantPassages } from '../../../src/shared/briefing/relevance';
import { noteView, textOf } from './inspect';
import { loadRealAtlas } from './realAtlas';

// The bundled atlas with a generated 1 MB document imported: the United States gets thousands of passages.
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const base = await loadAtlasBase(`${repo}/data`);
const text = await generatedDocument(repo, 1_000_000);
const source = { id: 'imported-generated', title: 'Generated report', author: 'Test', licence: '', imported: true as const };
const { model } = viewOf(base, [{ source, passages: linkAtlasSource({ sourceId: source.id, title: '', text }, base.context.gazetteer, base.context.scheme) }]);
const { countries, shapes } = await loadRealAtlas();
const usa = model.countries['USA']!;
const byId = new Map(model.passages.map((passage) => [passage.id, passage]));
const all = usa.passageIds.map((id) => byId.get(id)!);
const leftOutPassage = all.at(-1)!;
const notes = [noteView({ kind: 'passage', countryId: 'USA', passageId: leftOutPassage.id, passageText: leftOutPassage.text }, 'Follow the last paragraph up.')];
const context: BriefingContext = { model, countries, shapes, notes, overrides: [], generatedAt: new Date('2026-11-05T10:00:00Z'), appVersion: 'test' };
const EN: BriefingOptions = { paper: 'a4', includeNotes: true, language: 'en', passages: 'deciding-and-most-relevant', passageCap: 50 };
const printed = (html: string) => [...html.matchAll(/<li class="passage[^"]*" id="[^"]*" data-passage="([^"]+)"/g)].map((match) => match[1]!);

describe('a briefing of a country with thousands of passages', () => {
  it('prints every passage when asked for all (the default)', () => {
    expect(all.length).toBeGreaterThan(1000);
    const { passages: _, passageCap: __, ...plain } = EN;
    expect(printed(buildBriefingHtml(context, 'USA', plain))).toEqual(usa.passageIds);
  });

  it('prints the deciding and most relevant up to the cap, says how many were left out, and points at nothing left out', () => {
    const html = buildBriefingHtml(context, 'USA', EN);
    const shown = printed(html);
    expect(shown).toEqual(mostRelevantPassages('USA', usa, all, 50).shown.map((passage) => passage.id));
    expect(shown).toHaveLength(50);
    // Deciding passages come first: with the cap below their number, every one printed decides.
    const deciding = new Set(usa.evidence.map((evidence) => evidence.passageId));
    expect(deciding.size).toBeGreaterThan(50);
    for (const id of shown) expect(deciding.has(id)).toBe(true);
    const words = textOf(html);
    expect(words).toContain(`Passages left out: ${formatNumber(all.length - 50, 'en')} of ${formatNumber(all.length, 'en')}; see the app for every one.`);
    // The numbers are the passages' places among all of them, and every reference lands on a printed passage.
    const anchors = new Set([...html.matchAll(/<li class="passage[^"]*" id="([^"]+)"/g)].map((match) => match[1]!));
    const refs = [...html.matchAll(/<a class="ref" href="#([^"]+)"/g)].map((match) => match[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(anchors.has(ref)).toBe(true);
    // A note on a passage left out is kept, under its own heading, with the text it was written on.
    expect(words).toContain('Notes on passages left out');
    expect(words).toContain('Follow the last paragraph up.');
  });

  it('says it in Korean too', () => {
    const words = textOf(buildBriefingHtml(context, 'USA', { ...EN, language: 'ko', passageCap: 10 }));
    expect(words).toContain(`문단 ${formatNumber(all.length, 'ko')}개 중 ${formatNumber(all.length - 10, 'ko')}개는 뺐습니다`);
  });

  it('prints a country with fewer passages than the cap whole, without a note', () => {
    const japan = model.countries['JPN']!;
    const html = buildBriefingHtml(context, 'JPN', { ...EN, passageCap: japan.passageIds.length });
    expect(printed(html)).toEqual(japan.passageIds);
    expect(textOf(html)).not.toContain('left out');
  });
});
