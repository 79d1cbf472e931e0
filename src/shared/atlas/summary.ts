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

/** What the window knows of one country: its tier and why in brief, and counts of what main pages in. */
export interface CountryOverview {
  id: string;
  name: Localised;
  tier: TierId;
  decidedBy: Classification['decidedBy'];
  basis?: TierBasis;
  /** The first deciding phrases with distinct sentences, at most {@link EVIDENCE_SAMPLE}. */
  evidence: EvidenceLine[];
  /** Deciding phrases in all, and the passages they stand in. */
  evidenceCount: number;
  decidingPassages: number;
  /** Sources with a deciding passage, in the atlas's source order. */
  decidingSources: string[];
  /** The kinds of tension flagged, each once, in order of first flag. */
  tensions: TensionKind[];
  /** Passages that link the country, and how many of them each source has (in source order, none left out but empty ones). */
  passages: number;
  passagesBySource: { sourceId: string; count: number }[];
  /**
   * Dated events of its passages, and the distinct spans of years ([first, last], a decade runs ten
   * years) of the events the timeline lists it for (those of passages it is a subject of).
   */
  events: number;
  eventYears: [number, number][];
  memberships: string[];
  coMentioned: string[];
}

/**
 * The atlas as the window gets it: countries, tiers, evidence lines and counts, and no passage text.
 * Its size grows with the countries and sources, not with what the sources say.
 */
export interface AtlasSummary {
  homeId: string;
  tiers: Tier[];
  organisations: Organisation[];
  sources: SourceInfo[];
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
export function summariseAtlas(model: AtlasModel, searchNames: Record<string, string[]>, passageOf: (id: string) => AtlasPassage | undefined): AtlasSummary {
  const sourceOrder = new Map(model.sources.map((source, index) => [source.id, index]));
  const countries: Record<string, CountryOverview> = {};
  let first = Infinity;
  let last = -Infinity;
  // The timeline lists an event for the countries its passage is about (South Korea when none other).
  const spansOf = new Map<string, Map<number, [number, number]>>();
  for (const passage of model.passages) {
    if (passage.events.length === 0) continue;
    const subjects = countriesOf(passage.links).filter((id) => id !== model.homeId);
    for (const event of passage.events) {
      const span: [number, number] = [event.date.year, lastYearOf(event.date)];
      first = Math.min(first, span[0]);
      last = Math.max(last, span[1]);
      for (const id of subjects.length > 0 ? subjects : [model.homeId]) {
        let spans = spansOf.get(id);
        if (!spans) spansOf.set(id, (spans = new Map()));
        spans.set(span[0] * 10_000 + span[1], span);
      }
    }
  }
  for (const [id, entry] of Object.entries(model.countries)) {
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
    countries[id] = {
      id,
      name: entry.name,
      tier: entry.tier,
      decidedBy: entry.decidedBy,
      ...(entry.basis ? { basis: entry.basis } : {}),
      evidence: evidenceLines(entry.evidence, passageOf),
      evidenceCount: entry.evidence.length,
      decidingPassages: deciding.size,
      decidingSources: [...decidingSources].sort((a, b) => (sourceOrder.get(a) ?? 0) - (sourceOrder.get(b) ?? 0)),
      tensions: [...new Set(entry.tensions.map((tension) => tension.kind))],
      passages: entry.passageIds.length,
      passagesBySource: [...bySource].map(([sourceId, count]) => ({ sourceId, count })).sort((a, b) => (sourceOrder.get(a.sourceId) ?? 0) - (sourceOrder.get(b.sourceId) ?? 0)),
      events: entry.events.length,
      eventYears: [...(spansOf.get(id)?.values() ?? [])].sort((a, b) => a[0] - b[0] || a[1] - b[1]),
      memberships: entry.memberships,
      coMentioned: entry.coMentioned,
    };
  }
  return {
    homeId: model.homeId,
    tiers: model.tiers,
    organisations: model.organisations,
    sources: model.sources.map(({ passageIds, ...source }) => ({ ...source, passages: passageIds.length })),
    countries,
    counts: model.counts,
    ...(model.skippedCurated ? { skippedCurated: model.skippedCurated } : {}),
    searchNames,
    eventYears: first <= last ? [first, last] : null,
  };
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
