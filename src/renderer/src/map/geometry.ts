import type { Feature, FeatureCollection, Point } from 'geojson';
import type { CountrySummary } from '../../../shared/contract';

/** Properties of a label point as built (see resources/build/geometry/prepare.ts), plus names added here. */
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

/** Loads the label points as built (no names: those come with the country list, see `namePlaces`). */
export async function loadPlaces(): Promise<FeatureCollection<Point, PlaceProperties>> {
  const response = await fetch(geometryUrl('places.json'));
  if (!response.ok) throw new Error(`places.json: ${response.status}`);
  return (await response.json()) as FeatureCollection<Point, PlaceProperties>;
}

/** The label points with each country's names for the labels (the id where a country has none). */
export function namePlaces(places: FeatureCollection<Point, PlaceProperties>, countries: readonly CountrySummary[]): FeatureCollection<Point, PlaceProperties> {
  const byId = new Map(countries.map((country) => [country.id, country]));
  return {
    ...places,
    features: places.features.map((place) => {
      const country = byId.get(place.properties.id);
      return { ...place, properties: { ...place.properties, name_en: country?.name.en ?? place.properties.id, name_ko: country?.name.ko ?? place.properties.id } };
    }),
  };
}

/**
 * How MapLibre's worker cuts a shape source into tiles. Its default buffer is a quarter of a tile
 * (128 px) on every side, so a tile of dense shapes carries about twice its own area of geometry to
 * cut, upload and draw (in software here). The widest line drawn on the shapes is 2.5 px, so a
 * 16 px buffer still joins every line across tile edges.
 */
export const SHAPE_TILING = { buffer: 16 } as const;
