import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CountrySummary } from '../../../shared/contract';

/** Properties of a label point as built (see src/shared/geo/prepare.ts), plus names added here. */
export interface PlaceProperties {
  id: string;
  rank: number;
  bbox: [number, number, number, number];
  name_en?: string;
  name_ko?: string;
}

export type Place = Feature<Point, PlaceProperties>;

/** URL of a built geometry file, next to index.html whatever the origin. */
export function geometryUrl(name: 'shapes-50m.json' | 'shapes-10m.json' | 'places.json'): string {
  return new URL(`geo/${name}`, document.baseURI).href;
}

/** Loads the label points and gives each the country's names for the labels. */
export async function loadPlaces(countries: readonly CountrySummary[]): Promise<FeatureCollection<Point, PlaceProperties>> {
  const response = await fetch(geometryUrl('places.json'));
  if (!response.ok) throw new Error(`places.json: ${response.status}`);
  const places = (await response.json()) as FeatureCollection<Point, PlaceProperties>;
  const byId = new Map(countries.map((country) => [country.id, country]));
  for (const place of places.features) {
    const country = byId.get(place.properties.id);
    place.properties.name_en = country?.name.en ?? place.properties.id;
    place.properties.name_ko = country?.name.ko ?? place.properties.id;
  }
  return places;
}
