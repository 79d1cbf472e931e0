import { useMemo, useState } from 'react';
import type { AtlasSummary } from '../../../shared/contract';
import { countriesInRange } from './timelineEvents';

/** The timeline's bounds and the year range chosen on it. */
export interface TimelineRange {
  /** The first and last year of any event. */
  bounds: [number, number];
  range: [number, number];
  setRange(range: [number, number]): void;
  /** The countries with an event in the range while the timeline is shown (the others fade on the map); null otherwise. */
  inRange: ReadonlySet<string> | null;
}

/** The year range the timeline shows, which fades the map while the timeline is `shown`; the events themselves are paged from main. */
export function useTimelineRange(summary: AtlasSummary, shown: boolean): TimelineRange {
  const bounds = useMemo<[number, number]>(() => summary.eventYears ?? [1945, 2025], [summary]);
  const [range, setRange] = useState<[number, number]>(bounds);
  const inRange = useMemo(() => (shown ? countriesInRange(summary, range[0], range[1]) : null), [shown, summary, range]);
  return { bounds, range, setRange, inRange };
}
