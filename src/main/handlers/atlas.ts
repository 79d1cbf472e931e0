import type { AtlasView, Handlers } from '../../shared/contract';

/** Handlers for the atlas the renderer shows (relations, tiers, passages). */
export function createAtlasHandlers(deps: {
  /** The atlas as it is now (imported sources change it). */
  atlas: () => AtlasView;
}): Pick<Handlers, 'atlas'> {
  return {
    atlas: {
      get: () => deps.atlas(),
    },
  };
}
