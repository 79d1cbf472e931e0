import { useMemo, useState } from 'react';
import type { AtlasModel } from '../../../shared/atlas';
import { allEvents, countriesInRange, lastYear, type AtlasEvent } from './timelineEvents';

/** The timeline's events and the year range chosen on it. */
export interface TimelineRange {
  events: readonly AtlasEvent[];
  /** The first and last year of any event. */
  bounds: [number, number];
  range: [number, number];
  setRange(range: [number, number]): void;
  /** The countries with an event in the range while the timeline is shown (the others fade on the map); null otherwise. */
  inRange: ReadonlySet<string> | null;
}

/** The atlas's dated events and the year range the timeline shows, which fades the map while the timeline is `shown`. */
export function useTimelineRange(model: AtlasModel, shown: boolean): TimelineRange {
  const events = useMemo(() => allEvents(model), [model]);
  const bounds = useMemo<[number, number]>(
    () => (events.length > 0 ? [Math.min(...events.map((e) => e.date.year)), Math.max(...events.map(lastYear))] : [1945, 2025]),
    [events],
  );
  const [range, setRange] = useState<[number, number]>(bounds);
  const inRange = useMemo(() => (shown ? countriesInRange(events, range[0], range[1]) : null), [shown, events, range]);
  return { events, bounds, range, setRange, inRange };
}
