import type { CountrySummary, Handlers } from '../../shared/contract';

/** Handlers for the list of countries and areas the map shows. */
export function createCountriesHandlers(deps: { countries: readonly CountrySummary[] }): Pick<Handlers, 'countries'> {
  return {
    countries: {
      list: () => [...deps.countries],
    },
  };
}
