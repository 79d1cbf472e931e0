import { countriesOf } from './link';
import type { AtlasCountry, AtlasModel, AtlasPassage } from './model';
import { countryDetail, eventYearsByCountry, summariseAtlas, lastYearOf, snippet, type AtlasSummary, type CountryDetail } from './summary';
import type { TimelineEvent } from './timeline';
import type { Passage } from './types';

/** Most passages one page may hold. */
export const PASSAGE_PAGE_MAX = 200;
/** Most events one page may hold. */
export const EVENT_PAGE_MAX = 500;
/** Longest text an event carries of its passage: the excerpt around its date, and its sentence. */
const EVENT_TEXT_MAX = 400;

/** A highlighted span of a passage for one country: a phrase that decided its tier, or one that flags a tension. */
export interface PassageMark {
  start: number;
  end: number;
  kind: 'evidence' | 'tension';
}

/** A passage as a country's panel shows it: its text and citations, the country's phrases marked in it. */
export interface PassageView extends Passage {
  marks: PassageMark[];
  /** The passage names the country only as where something happened. */
  venueOnly: boolean;
  /** Its place in the list it was paged from, from 0. */
  place: number;
}

/** Which of a country's passages to page through, in source order. */
export interface PassageQuery {
  countryId: string;
  /** Only this source's passages. */
  sourceId?: string | undefined;
  /** Only the passages that decide its tier (in the order of their evidence). */
  deciding?: boolean | undefined;
  offset: number;
  limit: number;
  /** The page holding this passage instead of `offset`, when it is in the list. */
  around?: string | undefined;
}

export interface PassagePage {
  /** Passages in the whole list. */
  total: number;
  /** Where this page starts in it. */
  offset: number;
  passages: PassageView[];
}

/** A dated event as the timeline lists it, with the countries its passage is about and a bounded piece of its text. */
export interface EventView extends TimelineEvent {
  sourceId: string;
  /** Countries the passage is about (South Korea only when it names no other). */
  countries: string[];
  /** The text around the date (up to 140 characters). */
  excerpt: string;
  /** The sentence the date stands in, bounded. */
  sentence: string;
}

/** Which events to page through, oldest first: one country's, or every one, within a range of years. */
export interface EventQuery {
  countryId?: string | undefined;
  /** Events that overlap these years, inclusive. */
  from?: number | undefined;
  to?: number | undefined;
  offset: number;
  limit: number;
}

export interface EventPage {
  total: number;
  offset: number;
  events: EventView[];
}

/** What main answers the window from one atlas; each index is built when first asked for, then kept. */
export interface AtlasPages {
  summary(): AtlasSummary;
  /** What a view showing one country needs beyond the summary. */
  country(id: string): CountryDetail;
  passage(id: string): AtlasPassage | undefined;
  passages(query: PassageQuery): PassagePage;
  events(query: EventQuery): EventPage;
  /** Countries the timeline lists an event for in the years `from`–`to`, inclusive, in id order. */
  inYears(from: number, to: number): string[];
}

/** The pages of `model`. Throws {@link UnknownCountryError} for a country the atlas does not know. */
export function atlasPages(model: AtlasModel, searchNames: Record<string, string[]>): AtlasPages {
  let byId: Map<string, AtlasPassage> | null = null;
  const passage = (id: string): AtlasPassage | undefined => (byId ??= new Map(model.passages.map((each) => [each.id, each]))).get(id);
  let summary: AtlasSummary | null = null;
  const details = new Map<string, CountryDetail>();
  const marks = new Map<string, ReadonlyMap<string, PassageMark[]>>();
  const lists = new Map<string, readonly string[]>();
  let everyEvent: { event: TimelineEvent; passage: AtlasPassage }[] | null = null;
  let yearsOf: Map<string, [number, number][]> | null = null;

  const countryOf = (id: string) => {
    const entry = model.countries[id];
    if (!entry) throw new UnknownCountryError(id);
    return entry;
  };
  const marksOf = (countryId: string): ReadonlyMap<string, PassageMark[]> => {
    let own = marks.get(countryId);
    if (!own) marks.set(countryId, (own = marksByPassage(countryOf(countryId))));
    return own;
  };
  const listOf = (query: PassageQuery): readonly string[] => {
    const key = `${query.countryId}\n${query.sourceId ?? ''}\n${query.deciding ? 1 : 0}`;
    const cached = lists.get(key);
    if (cached) return cached;
    const entry = countryOf(query.countryId);
    let ids: readonly string[] = query.deciding ? [...new Set(entry.evidence.map((evidence) => evidence.passageId))] : entry.passageIds;
    if (query.sourceId !== undefined) ids = ids.filter((id) => passage(id)?.sourceId === query.sourceId);
    lists.set(key, ids);
    return ids;
  };

  return {
    summary: () => (summary ??= summariseAtlas(model, searchNames)),
    country(id) {
      let detail = details.get(id);
      if (!detail) {
        detail = countryDetail(model, id, passage);
        if (!detail) throw new UnknownCountryError(id);
        details.set(id, detail);
      }
      return detail;
    },
    passage,
    passages(query) {
      const ids = listOf(query);
      const limit = Math.min(query.limit, PASSAGE_PAGE_MAX);
      const at = query.around === undefined ? -1 : ids.indexOf(query.around);
      const offset = at >= 0 ? at - (at % limit) : Math.min(query.offset, ids.length);
      const own = marksOf(query.countryId);
      const passages: PassageView[] = [];
      for (let place = offset; place < Math.min(ids.length, offset + limit); place++) {
        const found = passage(ids[place]!);
        if (!found) continue;
        const { id, sourceId, index, kind, text, citations } = found;
        const links = found.links.filter((link) => link.countryId === query.countryId);
        passages.push({ id, sourceId, index, kind, text, citations, marks: own.get(id) ?? [], venueOnly: links.length > 0 && links.every((link) => link.role === 'venue'), place });
      }
      return { total: ids.length, offset, passages };
    },
    inYears(from, to) {
      const found: string[] = [];
      for (const [id, spans] of (yearsOf ??= eventYearsByCountry(model))) if (spans.some(([first, last]) => last >= from && first <= to)) found.push(id);
      return found.sort();
    },
    events(query) {
      let list: readonly { event: TimelineEvent; passage: AtlasPassage | undefined }[];
      if (query.countryId !== undefined) list = countryOf(query.countryId).events.map((event) => ({ event, passage: passage(event.passageId) }));
      else list = everyEvent ??= allEvents(model);
      const { from, to } = query;
      if (from !== undefined || to !== undefined) {
        list = list.filter(({ event }) => (from === undefined || lastYearOf(event.date) >= from) && (to === undefined || event.date.year <= to));
      }
      const limit = Math.min(query.limit, EVENT_PAGE_MAX);
      const offset = Math.min(query.offset, list.length);
      const events = list.slice(offset, offset + limit).map(({ event, passage: found }) => eventView(event, found, model.homeId));
      return { total: list.length, offset, events };
    },
  };
}

/**
 * The evidence and tension phrases of a country, by passage, to mark in its passages: gathered in
 * one pass, as a large source can give a country thousands of each.
 */
export function marksByPassage(entry: Pick<AtlasCountry, 'evidence' | 'tensions'>, kinds: readonly PassageMark['kind'][] = ['evidence', 'tension']): ReadonlyMap<string, PassageMark[]> {
  const marks = new Map<string, PassageMark[]>();
  const add = (phrases: readonly { passageId: string; start: number; end: number }[], kind: PassageMark['kind']) => {
    for (const { passageId, start, end } of phrases) {
      const mark: PassageMark = { start, end, kind };
      const list = marks.get(passageId);
      if (list) list.push(mark);
      else marks.set(passageId, [mark]);
    }
  };
  if (kinds.includes('evidence')) add(entry.evidence, 'evidence');
  if (kinds.includes('tension')) add(entry.tensions, 'tension');
  return marks;
}

/** A country the atlas does not know was asked for. */
export class UnknownCountryError extends Error {
  constructor(readonly countryId: string) {
    super(`No country ${countryId} in the atlas.`);
  }
}

// Every dated event of every passage that links a country, oldest first (ties by passage id, then place).
function allEvents(model: AtlasModel): { event: TimelineEvent; passage: AtlasPassage }[] {
  const events: { event: TimelineEvent; passage: AtlasPassage }[] = [];
  for (const passage of model.passages) for (const event of passage.events) events.push({ event, passage });
  return events.sort((a, b) => a.event.sortKey - b.event.sortKey || a.event.passageId.localeCompare(b.event.passageId) || a.event.start - b.event.start);
}

function eventView(event: TimelineEvent, passage: AtlasPassage | undefined, homeId: string): EventView {
  const text = passage?.text ?? '';
  const subjects = passage ? countriesOf(passage.links).filter((id) => id !== homeId) : [];
  return {
    ...event,
    sourceId: passage?.sourceId ?? '',
    countries: subjects.length > 0 ? subjects : [homeId],
    excerpt: excerpt(text, event.start),
    sentence: passage ? snippet(text, event.start, event.end, EVENT_TEXT_MAX).sentence : event.text,
  };
}

function excerpt(text: string, around: number): string {
  const start = Math.max(0, around - 50);
  const end = Math.min(text.length, around + 90);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
