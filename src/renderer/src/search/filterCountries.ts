import { foldForSearch } from '../../../shared/text';
import type { CountrySummary } from '../../../shared/contract';
import { sameOrNext } from './rows';

function normalise(text: string): string {
  return foldForSearch(text).trim();
}

/**
 * A filter over `countries` for search as you type: every name is folded once, here, so a
 * keystroke only compares strings. The filter returns the countries matching `query` in any name
 * (English, Korean, official, alternative) or code: names that start with the query first, then
 * names containing it, each group in list order. A query with the same result as the one before
 * gets the very same array back, so a keystroke that changes nothing renders nothing new.
 */
export function createCountryFilter<T extends CountrySummary>(countries: readonly T[]): (query: string) => readonly T[] {
  const entries = countries.map((country) => ({
    country,
    code: normalise(country.id),
    names: [country.name.en, country.name.ko, country.officialName.en, country.officialName.ko, ...country.altNames].map(normalise),
  }));
  let last: readonly T[] | undefined;
  return (query) => {
    last = sameOrNext(last, matches(query));
    return last;
  };

  function matches(query: string): T[] {
    const needle = normalise(query);
    if (needle === '') return [...countries];
    const starts: T[] = [];
    const contains: T[] = [];
    for (const { country, code, names } of entries) {
      if (code === needle || names.some((name) => name.startsWith(needle))) starts.push(country);
      else if (names.some((name) => name.includes(needle))) contains.push(country);
    }
    return [...starts, ...contains];
  }
}
