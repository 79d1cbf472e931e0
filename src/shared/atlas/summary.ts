import { countriesOf } from './link';
import type { Organisation } from './memberships';
import type { AtlasModel, AtlasPassage } from './model';
import { sentenceAround } from './sentence';
import type { TensionKind, TierBasis, TierId } from './tierIds';
import type { Classification, Tier } from './tiers';
import type { Localised } from './types';

/**
 * Evidence lines a country carries in the summary: enough for the comparison's evidence list and
 * the panel's first lines, bounded whatever the sources say. The rest is paged from main.
 */
export const EVIDENCE_SAMPLE = 12;
/** Evidence items looked at for the sample's distinct sentences (a repeated document repeats them). */
const EVIDENCE_SCAN = 400;
/** Longest sentence of a sample line; a longer one is cut around its phrase. */
export const SNIPPET_MAX = 320;
/** Longest deciding phrase the summary carries for a country (the map's line tooltip shows it). */
export const PHRASE_MAX = 120;

/** One deciding phrase of a country, with the sentence it stands in (bounded), not its passage. */
export interface EvidenceLine {
  passageId: string;
  sourceId: string;
  rule: string;
  basis?: 'aspiration' | 'context';
  /** The sentence around the phrase, at most {@link SNIPPET_MAX} characters. */
  sentence: string;
  /** Where the phrase stands in `sentence`. */
  start: number;
  end: number;
}

/** A source of the atlas as the window lists it: attribution and its number of passages. */
export interface SourceInfo {
  id: string;
  title: string;
  author: string;
  licence: string;
  passages: number;
  imported?: true;
}

/**
 * What the window knows of one country up front: its tier, the phrase that decided it, and counts
 * of what main pages in. Its size does not grow with what the sources say: however many documents
 * are imported, a country costs the window the same few hundred bytes. What grows with them (its
 * evidence lines, its sources, the countries named beside it) is asked for when its panel or the
 * comparison shows it: {@link CountryDetail}.
 */
export interface CountryOverview {
  id: string;
  name: Localised;
  tier: TierId;
  decidedBy: Classification['decidedBy'];
  basis?: TierBasis;
  /** The first deciding phrase (at most {@link PHRASE_MAX} characters); absent when none decided the tier. */
  phrase?: string;
  /** Deciding phrases in all, and the passages they stand in. */
  evidenceCount: number;
  decidingPassages: number;
  /** Passages that link the country. */
  passages: number;
  /** Dated events of its passages (which countries have one in a range of years, main answers). */
  events: number;
  memberships: string[];
}

/** What main sends of one country when a view shows it: what grows with the sources. */
export interface CountryDetail {
  id: string;
  /** The first deciding phrases with distinct sentences, at most {@link EVIDENCE_SAMPLE}. */
  evidence: EvidenceLine[];
  /** Sources with a deciding passage, in the atlas's source order. */
  decidingSources: string[];
  /** The kinds of tension flagged, each once, in order of first flag. */
  tensions: TensionKind[];
  /** How many of its passages each source has (in source order, none left out but empty ones). */
  passagesBySource: { sourceId: string; count: number }[];
  /** Countries its passages name beside it. */
  coMentioned: string[];
  /** The sources of its passages, in the atlas's source order, with their attribution. */
  sources: SourceInfo[];
}

/**
 * The atlas as the window gets it at start: countries, tiers, each one's deciding phrase and counts,
 * and nothing that grows with the sources: no passage text, no list of sources, no evidence lines.
 * Its size follows the countries of the map, not how many documents were imported nor what they say.
 */
export interface AtlasSummary {
  homeId: string;
  tiers: Tier[];
  organisations: Organisation[];
  countries: Record<string, CountryOverview>;
  counts: Record<TierId, number>;
  skippedCurated?: string[];
  /** Country id → names from the gazetteer (leaders, places, historic states, abbreviations…). */
  searchNames: Record<string, string[]>;
  /** The first and last year any event covers; null when no passage is dated. */
  eventYears: [number, number] | null;
}

/** The last year an event's date covers: a decade runs to its ninth year. */
export function lastYearOf(date: { year: number; precision: string }): number {
  return date.precision === 'decade' ? date.year + 9 : date.year;
}

/** Builds the window's summary of a full atlas. */
export function summariseAtlas(model: AtlasModel, searchNames: Record<string, string[]>): AtlasSummary {
  const countries: Record<string, CountryOverview> = {};
  let first = Infinity;
  let last = -Infinity;
  for (const passage of model.passages) {
    for (const event of passage.events) {
      first = Math.min(first, event.date.year);
      last = Math.max(last, lastYearOf(event.date));
    }
  }
  for (const [id, entry] of Object.entries(model.countries)) {
    const deciding = new Set(entry.evidence.map((evidence) => evidence.passageId));
    const lead = entry.evidence[0];
    const phrase = lead ? lead.phrase.slice(0, PHRASE_MAX) : '';
    countries[id] = {
      id,
      name: entry.name,
      tier: entry.tier,
      decidedBy: entry.decidedBy,
      ...(entry.basis ? { basis: entry.basis } : {}),
      ...(phrase ? { phrase } : {}),
      evidenceCount: entry.evidence.length,
      decidingPassages: deciding.size,
      passages: entry.passageIds.length,
      events: entry.events.length,
      memberships: entry.memberships,
    };
  }
  return {
    homeId: model.homeId,
    tiers: model.tiers,
    organisations: model.organisations,
    countries,
    counts: model.counts,
    ...(model.skippedCurated ? { skippedCurated: model.skippedCurated } : {}),
    searchNames,
    eventYears: first <= last ? [first, last] : null,
  };
}

/** The detail of one country of `model`, or undefined if the atlas has no such country. */
export function countryDetail(model: AtlasModel, id: string, passageOf: (id: string) => AtlasPassage | undefined): CountryDetail | undefined {
  const entry = model.countries[id];
  if (!entry) return undefined;
  const sourceOrder = new Map(model.sources.map((source, index) => [source.id, index]));
  const inOrder = (a: string, b: string) => (sourceOrder.get(a) ?? 0) - (sourceOrder.get(b) ?? 0);
  const bySource = new Map<string, number>();
  for (const passageId of entry.passageIds) {
    const sourceId = passageOf(passageId)?.sourceId;
    if (sourceId !== undefined) bySource.set(sourceId, (bySource.get(sourceId) ?? 0) + 1);
  }
  const deciding = new Set<string>();
  const decidingSources = new Set<string>();
  for (const evidence of entry.evidence) {
    if (deciding.has(evidence.passageId)) continue;
    deciding.add(evidence.passageId);
    const sourceId = passageOf(evidence.passageId)?.sourceId;
    if (sourceId !== undefined) decidingSources.add(sourceId);
  }
  return {
    id,
    evidence: evidenceLines(entry.evidence, passageOf),
    decidingSources: [...decidingSources].sort(inOrder),
    tensions: [...new Set(entry.tensions.map((tension) => tension.kind))],
    passagesBySource: [...bySource].map(([sourceId, count]) => ({ sourceId, count })).sort((a, b) => inOrder(a.sourceId, b.sourceId)),
    coMentioned: entry.coMentioned,
    sources: model.sources.filter((source) => bySource.has(source.id)).map(({ passageIds, ...source }) => ({ ...source, passages: passageIds.length })),
  };
}

/**
 * The years the timeline lists each country in: the events of passages it is a subject of (South
 * Korea's when a passage names no other) as the fewest disjoint spans of years, a decade counting
 * as ten years. "Has it an event between these years?" is answered exactly from them.
 */
export function eventYearsByCountry(model: AtlasModel): Map<string, [number, number][]> {
  const spansOf = new Map<string, Map<number, [number, number]>>();
  for (const passage of model.passages) {
    if (passage.events.length === 0) continue;
    const subjects = countriesOf(passage.links).filter((id) => id !== model.homeId);
    for (const event of passage.events) {
      const span: [number, number] = [event.date.year, lastYearOf(event.date)];
      for (const id of subjects.length > 0 ? subjects : [model.homeId]) {
        let spans = spansOf.get(id);
        if (!spans) spansOf.set(id, (spans = new Map()));
        spans.set(span[0] * 10_000 + span[1], span);
      }
    }
  }
  return new Map([...spansOf].map(([id, spans]) => [id, mergeSpans([...spans.values()])]));
}

/** Spans of years as the fewest disjoint spans covering the same years, in order (touching spans join). */
export function mergeSpans(spans: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const [first, last] of sorted) {
    const previous = merged.at(-1);
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

function evidenceLines(evidence: Classification['evidence'], passageOf: (id: string) => AtlasPassage | undefined): EvidenceLine[] {
  const lines: EvidenceLine[] = [];
  const seen = new Set<string>();
  for (const item of evidence.slice(0, EVIDENCE_SCAN)) {
    if (lines.length >= EVIDENCE_SAMPLE) break;
    const passage = passageOf(item.passageId);
    if (!passage) continue;
    const line = snippet(passage.text, item.start, item.end);
    if (seen.has(line.sentence)) continue;
    seen.add(line.sentence);
    lines.push({ passageId: item.passageId, sourceId: passage.sourceId, rule: item.rule, ...(item.basis ? { basis: item.basis } : {}), ...line });
  }
  return lines;
}

/** The sentence around `[start, end)` of `text`, cut to {@link SNIPPET_MAX} characters around the span, with the span's place in it. */
export function snippet(text: string, start: number, end: number, max = SNIPPET_MAX): { sentence: string; start: number; end: number } {
  const whole = sentenceAround(text, start, end);
  let { from, to } = whole;
  while (from < start && /\s/.test(text[from] ?? '')) from += 1;
  const sentenceFrom = from;
  if (to - from > max) {
    from = Math.max(from, start - Math.floor(Math.max(0, max - (end - start)) / 2));
    to = Math.min(to, Math.max(from + max, end));
  }
  const lead = from > sentenceFrom ? '…' : '';
  const trail = to < whole.to ? '…' : '';
  return { sentence: `${lead}${text.slice(from, to)}${trail}`, start: lead.length + start - from, end: lead.length + Math.min(end, to) - from };
}
