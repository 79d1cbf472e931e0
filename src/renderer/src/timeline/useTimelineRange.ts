import { useEffect, useMemo, useState } from 'react';
import type { AtlasSummary } from '../../../shared/contract';
import { fetchCountriesInYears } from '../atlas/usePages';

/** The timeline's bounds and the year range chosen on it. */
export interface TimelineRange {
  /** The first and last year of any event. */
  bounds: [number, number];
  range: [number, number];
  setRange(range: [number, number]): void;
  /**
   * The countries with an event in the range while the timeline is shown (the others fade on the
   * map); null otherwise. Main answers it: the window keeps no years per country. While a new
   * range's answer comes, the last one stays, so the map does not flash.
   */
  inRange: ReadonlySet<string> | null;
}

/** The year range the timeline shows, which fades the map while the timeline is `shown`; the events themselves are paged from main. */
export function useTimelineRange(summary: AtlasSummary, shown: boolean): TimelineRange {
  const bounds = useMemo<[number, number]>(() => summary.eventYears ?? [1945, 2025], [summary]);
  const [range, setRange] = useState<[number, number]>(bounds);
  const [answer, setAnswer] = useState<{ summary: AtlasSummary; ids: ReadonlySet<string> } | null>(null);
  const [from, to] = range;
  useEffect(() => {
    if (!shown) return;
    let live = true;
    // A range dragged past is overtaken by the next: only the answer for the range now is kept.
    fetchCountriesInYears(summary, from, to)
      .then((ids) => {
        if (live) setAnswer({ summary, ids: new Set(ids) });
      })
      // No answer (main restarting, say): the map is not faded rather than faded wrongly.
      .catch(() => {
        if (live) setAnswer(null);
      });
    return () => {
      live = false;
    };
  }, [shown, summary, from, to]);
  const inRange = shown && answer?.summary === summary ? answer.ids : null;
  return { bounds, range, setRange, inRange };
}
