import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { scaleDocument } from '../../../bench/lib/scaleDocuments';
import { generatedDocument } from '../../../bench/metrics/import';
import { loadAtlasBase } from '../../../src/main/data/atlasFiles';
import { linkAtlasSource } from '../../../src/shared/atlas/model';
import { atlasPages, EVENT_PAGE_MAX, PASSAGE_PAGE_MAX, UnknownCountryError } from '../../../src/shared/atlas/pages';
import { EVIDENCE_SAMPLE, mergeSpans, PHRASE_MAX, SNIPPET_MAX } from '../../../src/shared/atlas/summary';
import { viewOf } from '../../../src/shared/atlas/view';

// The bundled atlas, and the same with a generated 1 MB document imported (the bundled article's
// paragraphs, numbered: every one names the countries the bundled source already covers).
const repo = fileURLToPath(new URL('../../..', import.meta.url));
const base = await loadAtlasBase(`${repo}/data`);
const bundled = viewOf(base);
const text = await generatedDocument(repo, 1_000_000);
const source = { id: 'imported-generated', title: 'Generated report', author: 'Test', licence: '', imported: true as const };
const imported = viewOf(base, [{ source, passages: linkAtlasSource({ sourceId: source.id, title: '', text }, base.context.gazetteer, base.context.scheme) }]);
const pages = atlasPages(imported.model, imported.searchNames);
// What IPC copies: the structured clone of the answer.
const bytes = (value: unknown) => serialize(value).byteLength;

describe('the atlas the window gets', () => {
  it('does not grow with the passages of an imported document', () => {
    const full = { bundled: bytes(bundled), imported: bytes(imported) };
    const summary = { bundled: bytes(atlasPages(bundled.model, bundled.searchNames).summary()), imported: bytes(pages.summary()) };
    // The document is large next to the bundled source: the whole atlas grows many times over with it.
    expect(imported.model.passages.length).toBeGreaterThan(10 * bundled.model.passages.length);
    expect(full.imported).toBeGreaterThan(5 * full.bundled);
    // The summary does not.
    expect(summary.imported).toBeLessThanOrEqual(1.2 * summary.bundled);
    expect(summary.imported).toBeLessThan(full.imported / 20);
  });

  it('does not grow with the number of documents either, each naming every country', async () => {
    // Three reports in which every country of the map has passages, evidence and events: what the
    // summary holds per country stays the same size, so only the list of sources grows.
    const reports = await Promise.all([0, 1, 2].map((index) => scaleDocument(repo, index, 300_000)));
    const sources = reports.map((text, index) => {
      const info = { id: `imported-report-${String(index)}`, title: `Report ${String(index)}`, author: 'Test', licence: '', imported: true as const };
      return { source: info, passages: linkAtlasSource({ sourceId: info.id, title: '', text }, base.context.gazetteer, base.context.scheme) };
    });
    const one = viewOf(base, sources.slice(0, 1));
    const three = viewOf(base, sources);
    const covered = (model: typeof three.model) => Object.values(model.countries).filter((entry) => entry.evidence.length > 0).length;
    expect(covered(three.model)).toBeGreaterThan(4 * covered(bundled.model));
    const sizes = [bundled, one, three].map((view) => bytes(atlasPages(view.model, view.searchNames).summary()));
    expect(bytes(three)).toBeGreaterThan(20 * sizes[0]!);
    expect(sizes[2]!).toBeLessThanOrEqual(1.2 * sizes[0]!);
    // Two more documents change counts, tiers and the phrases that decide them; they add nothing per document.
    expect(sizes[2]!).toBeLessThanOrEqual(1.05 * sizes[1]!);
    const summary = atlasPages(three.model, three.searchNames).summary();
    for (const entry of Object.values(summary.countries)) expect(entry.phrase?.length ?? 0).toBeLessThanOrEqual(PHRASE_MAX);
  });

  it('has no passage text, and counts what main pages in', () => {
    const summary = pages.summary();
    expect(summary).not.toHaveProperty('passages');
    const usa = summary.countries['USA']!;
    const model = imported.model.countries['USA']!;
    expect(usa.passages).toBe(model.passageIds.length);
    expect(usa.events).toBe(model.events.length);
    expect(usa.evidenceCount).toBe(model.evidence.length);
    expect(usa.phrase).toBe(model.evidence[0]!.phrase);
    // What grows with the sources comes with the country's detail.
    const detail = pages.country('USA');
    expect(detail.passagesBySource.map((group) => group.sourceId)).toEqual([bundled.model.sources[0]!.id, source.id]);
    expect(detail.passagesBySource.reduce((sum, group) => sum + group.count, 0)).toBe(model.passageIds.length);
    expect(detail.coMentioned).toEqual(model.coMentioned);
    expect(detail.evidence.length).toBeLessThanOrEqual(EVIDENCE_SAMPLE);
    expect(detail.evidence.length).toBeGreaterThan(0);
    expect(() => pages.country('XXX')).toThrow(UnknownCountryError);
    for (const line of detail.evidence) {
      expect(line.sentence.length).toBeLessThanOrEqual(SNIPPET_MAX + 2);
      const phrases = model.evidence.filter((item) => item.passageId === line.passageId).map((item) => item.phrase.toLowerCase());
      expect(phrases).toContain(line.sentence.slice(line.start, line.end).toLowerCase());
    }
    expect(summary).not.toHaveProperty('sources');
    expect(detail.sources.map((entry) => [entry.id, entry.passages])).toEqual(imported.model.sources.map((entry) => [entry.id, entry.passageIds.length]));
  });

  it('lists the years a country has events in as the fewest disjoint spans', () => {
    expect(mergeSpans([[1990, 1999], [1950, 1950], [1995, 2003], [2004, 2004], [2010, 2019]])).toEqual([[1950, 1950], [1990, 2004], [2010, 2019]]);
    expect(mergeSpans([])).toEqual([]);
    // The timeline's question, "which countries have an event between these years?", main answers.
    const usa = imported.model.countries['USA']!;
    const events = pages.events({ countryId: 'USA', offset: 0, limit: EVENT_PAGE_MAX });
    expect(events.total).toBe(usa.events.length);
    const listedFor = events.events.filter((event) => event.countries.includes('USA'));
    expect(listedFor.length).toBeGreaterThan(0);
    for (const event of listedFor) expect(pages.inYears(event.date.year, event.date.year)).toContain('USA');
  });
});

describe('pages of passages', () => {
  const usa = imported.model.countries['USA']!;
  const ofSource = usa.passageIds.filter((id) => pages.passage(id)!.sourceId === source.id);

  it('go through a country’s passages of one source in source order, with the total', () => {
    const seen: string[] = [];
    for (let offset = 0; offset < ofSource.length; offset += PASSAGE_PAGE_MAX) {
      const page = pages.passages({ countryId: 'USA', sourceId: source.id, offset, limit: PASSAGE_PAGE_MAX });
      expect(page.total).toBe(ofSource.length);
      expect(page.offset).toBe(offset);
      for (const [index, passage] of page.passages.entries()) expect(passage.place).toBe(offset + index);
      seen.push(...page.passages.map((passage) => passage.id));
    }
    expect(seen).toEqual(ofSource);
    expect(ofSource.length).toBeGreaterThan(PASSAGE_PAGE_MAX);
  });

  it('never send more than the page limit, nor links or events', () => {
    const page = pages.passages({ countryId: 'USA', offset: 0, limit: 10_000 });
    expect(page.passages).toHaveLength(PASSAGE_PAGE_MAX);
    expect(page.passages[0]).not.toHaveProperty('links');
    expect(page.passages[0]).not.toHaveProperty('events');
    expect(pages.passages({ countryId: 'USA', offset: 10_000_000, limit: 50 })).toEqual({ total: usa.passageIds.length, offset: usa.passageIds.length, passages: [] });
  });

  it('give the page that holds a passage asked for', () => {
    const far = ofSource[ofSource.length - 3]!;
    const page = pages.passages({ countryId: 'USA', sourceId: source.id, offset: 0, limit: 50, around: far });
    expect(page.offset).toBe(Math.floor((ofSource.length - 3) / 50) * 50);
    expect(page.passages.map((passage) => passage.id)).toContain(far);
    // A passage the list does not hold: the page at the offset.
    expect(pages.passages({ countryId: 'USA', sourceId: source.id, offset: 0, limit: 50, around: 'ffffffffffffffff' }).offset).toBe(0);
  });

  it('mark the country’s phrases, and list its deciding passages', () => {
    const deciding = pages.passages({ countryId: 'USA', deciding: true, offset: 0, limit: 5 });
    expect(deciding.total).toBe(new Set(usa.evidence.map((item) => item.passageId)).size);
    for (const passage of deciding.passages) {
      const evidence = passage.marks.filter((mark) => mark.kind === 'evidence');
      expect(evidence.length).toBeGreaterThan(0);
      for (const mark of evidence) expect(usa.evidence.some((item) => item.passageId === passage.id && item.start === mark.start)).toBe(true);
    }
  });

  it('refuse a country the atlas does not know', () => {
    expect(() => pages.passages({ countryId: 'XXX', offset: 0, limit: 5 })).toThrow(UnknownCountryError);
    expect(() => pages.events({ countryId: 'XXX', offset: 0, limit: 5 })).toThrow(UnknownCountryError);
  });
});

describe('pages of events', () => {
  it('go through every event in a range of years, oldest first, with the text around each', () => {
    const all = pages.events({ offset: 0, limit: EVENT_PAGE_MAX });
    const inRange = pages.events({ from: 2000, to: 2009, offset: 0, limit: EVENT_PAGE_MAX });
    expect(all.total).toBe(imported.model.passages.reduce((sum, passage) => sum + passage.events.length, 0));
    expect(inRange.total).toBeLessThan(all.total);
    expect(inRange.total).toBeGreaterThan(EVENT_PAGE_MAX);
    for (let i = 1; i < inRange.events.length; i++) expect(inRange.events[i]!.sortKey).toBeGreaterThanOrEqual(inRange.events[i - 1]!.sortKey);
    for (const event of inRange.events) {
      expect(event.date.year).toBeLessThanOrEqual(2009);
      expect(event.sentence).toContain(event.text);
      expect(event.excerpt.length).toBeLessThanOrEqual(142);
    }
    const second = pages.events({ from: 2000, to: 2009, offset: EVENT_PAGE_MAX, limit: EVENT_PAGE_MAX });
    expect(second.events[0]!.sortKey).toBeGreaterThanOrEqual(inRange.events.at(-1)!.sortKey);
  });

  it('give one country’s events in the order of its timeline', () => {
    const japan = imported.model.countries['JPN']!;
    const page = pages.events({ countryId: 'JPN', offset: 0, limit: 100 });
    expect(page.total).toBe(japan.events.length);
    expect(page.events.map((event) => `${event.passageId}@${event.start}`)).toEqual(japan.events.slice(0, 100).map((event) => `${event.passageId}@${event.start}`));
  });
});
