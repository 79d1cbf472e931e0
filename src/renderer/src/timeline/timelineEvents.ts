import type { AtlasSummary } from '../../../shared/contract';

/** Countries with at least one event in the years `from`–`to`, inclusive (from each country's spans of years). */
export function countriesInRange(summary: Pick<AtlasSummary, 'countries'>, from: number, to: number): Set<string> {
  const found = new Set<string>();
  for (const [id, entry] of Object.entries(summary.countries)) {
    if (entry.eventYears.some(([first, last]) => last >= from && first <= to)) found.add(id);
  }
  return found;
}
