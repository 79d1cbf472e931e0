import { createContext, useContext, type ReactNode } from 'react';
import type { AtlasSummary, CountrySummary, Language } from '../../../shared/contract';
import type { AtlasIndex } from './atlasIndex';

/** The atlas as the views read it, with what travels with it everywhere: the countries and the language. */
export interface AtlasState {
  /** The atlas now, indexed: it changes while the app runs as sources are imported, turned off or removed. */
  atlas: AtlasIndex;
  /** The same atlas as main sent it: countries, tiers and counts; passages and events are paged in (atlas/usePages). */
  view: AtlasSummary;
  /** Every country of the map, as main lists it. */
  countries: readonly CountrySummary[];
  /** The same countries by id. */
  names: ReadonlyMap<string, CountrySummary>;
  /** The language the window is shown in. */
  language: Language;
}

const AtlasContext = createContext<AtlasState | null>(null);

/** Gives the views below it the atlas, the countries and the language, so they are not passed down by hand. */
export function AtlasProvider({ value, children }: { value: AtlasState; children: ReactNode }) {
  return <AtlasContext.Provider value={value}>{children}</AtlasContext.Provider>;
}

/** The atlas, the countries and the language of the window. */
export function useAtlas(): AtlasState {
  const state = useContext(AtlasContext);
  if (!state) throw new Error('useAtlas() outside AtlasProvider');
  return state;
}
