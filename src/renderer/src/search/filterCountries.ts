import { foldForSearch } from '../../../shared/text';
import type { CountrySummary } from '../../../shared/contract';

function normalise(text: string): string {
  return foldForSearch(text).trim();
}

/**
 * Countries matching `query` in any name (English, Korean, official, alternative) or code: names
 * that start with the query first, then names containing it, each group in list order.
 */
export function filterCountries(countries: readonly CountrySummary[], query: string): CountrySummary[] {
  const needle = normalise(query);
  if (needle === '') return [...countries];
  const starts: CountrySummary[] = [];
  const contains: CountrySummary[] = [];
  for (const country of countries) {
    const names = [country.name.en, country.name.ko, country.officialName.en, country.officialName.ko, ...country.altNames].map(normalise);
    if (names.some((name) => name.startsWith(needle)) || normalise(country.id) === needle) starts.push(country);
    else if (names.some((name) => name.includes(needle))) contains.push(country);
  }
  return [...starts, ...contains];
}
