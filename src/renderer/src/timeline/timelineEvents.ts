import type { AtlasModel, TimelineEvent } from '../../../shared/atlas';
import { countriesOf } from '../../../shared/atlas';

/** A dated event of the sources with the countries its passage is about. */
export interface AtlasEvent extends TimelineEvent {
  countries: string[];
}

/** Every dated event of every passage, oldest first, with the (non-home) countries it concerns. */
export function allEvents(model: AtlasModel): AtlasEvent[] {
  return model.passages
    .flatMap((passage) => {
      const subjects = countriesOf(passage.links).filter((id) => id !== model.homeId);
      const countries = subjects.length > 0 ? subjects : [model.homeId];
      return passage.events.map((event) => ({ ...event, countries }));
    })
    .sort((a, b) => a.sortKey - b.sortKey || a.passageId.localeCompare(b.passageId) || a.start - b.start);
}

/** The last year an event covers: a decade runs to its ninth year. */
export function lastYear(event: TimelineEvent): number {
  return event.date.precision === 'decade' ? event.date.year + 9 : event.date.year;
}

/** Events that overlap the years `from`–`to`, inclusive. */
export function eventsInRange(events: readonly AtlasEvent[], from: number, to: number): AtlasEvent[] {
  return events.filter((event) => lastYear(event) >= from && event.date.year <= to);
}

/** Countries with at least one event in the range. */
export function countriesInRange(events: readonly AtlasEvent[], from: number, to: number): Set<string> {
  return new Set(eventsInRange(events, from, to).flatMap((event) => event.countries));
}
