import type { AtlasModel } from './model';
import type { TierId } from './tierIds';
import type { LinkedPassage } from './types';

/** How many passages of a source link each country, and which passages link none. */
export interface SourceSummary {
  passages: number;
  /** Every country the source links, with how many of its passages do, most first. */
  countries: { id: string; count: number }[];
  unlinked: number;
  /** The first few passages that link no country, shortened. */
  unlinkedSample: string[];
}

/** A country whose tier an import (or turning a source on or off) changes. */
export interface TierChange {
  countryId: string;
  from: TierId;
  to: TierId;
}

const SAMPLE = 5;
const EXCERPT = 160;

/** Counts what a source's passages link. */
export function summariseSource(passages: readonly LinkedPassage[]): SourceSummary {
  const counts = new Map<string, number>();
  // The passage each country was last counted for: a country linked twice in a passage counts once.
  const countedIn = new Map<string, number>();
  const unlinked: LinkedPassage[] = [];
  passages.forEach((passage, index) => {
    if (passage.links.length === 0) unlinked.push(passage);
    for (const { countryId } of passage.links) {
      if (countedIn.get(countryId) === index) continue;
      countedIn.set(countryId, index);
      counts.set(countryId, (counts.get(countryId) ?? 0) + 1);
    }
  });
  return {
    passages: passages.length,
    countries: [...counts].map(([id, count]) => ({ id, count })).sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)),
    unlinked: unlinked.length,
    unlinkedSample: unlinked.slice(0, SAMPLE).map((passage) => excerpt(passage.text)),
  };
}

/** Every country whose tier differs between two atlases, by country id. */
export function tierChanges(before: AtlasModel, after: AtlasModel): TierChange[] {
  return Object.keys(after.countries)
    .sort()
    .flatMap((countryId) => {
      const from = before.countries[countryId]?.tier ?? 'not-covered';
      const to = after.countries[countryId]?.tier ?? 'not-covered';
      return from === to ? [] : [{ countryId, from, to }];
    });
}

function excerpt(text: string): string {
  return text.length <= EXCERPT ? text : `${text.slice(0, EXCERPT - 1).trimEnd()}…`;
}
