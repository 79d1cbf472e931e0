import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AtlasModel, AtlasPassage, Tier } from '../atlas';
import type { NoteView, TierOverride } from '../contract';
import type { CountrySummary } from '../countries';
import { compareNotes } from '../notes/operations';
import type { BriefingOptions } from './options';

/** How to build a briefing: the options the user chose, and what only measurements change. */
export interface BriefingBuildOptions extends BriefingOptions {
  /** Draw the locator map (default true); false gives the same document without it, to price the map. */
  withMap?: boolean;
}

/** Everything a briefing is built from; nothing is read from elsewhere. */
export interface BriefingContext {
  model: AtlasModel;
  countries: readonly CountrySummary[];
  /** The app's 50m map shapes, keyed by the same ids as `model.countries`. */
  shapes: FeatureCollection<Polygon | MultiPolygon, { id: string }>;
  /** All the user's notes, placed against the current passages. */
  notes: readonly NoteView[];
  overrides: readonly TierOverride[];
  generatedAt: Date;
  appVersion: string;
}

/** Look-ups built once per context, so the whole atlas does not rescan the model for every country. */
export interface Prepared {
  context: BriefingContext;
  countries: ReadonlyMap<string, CountrySummary>;
  passages: ReadonlyMap<string, AtlasPassage>;
  tiers: ReadonlyMap<string, Tier>;
  overrides: ReadonlyMap<string, TierOverride>;
  /** Country id → its notes (country and passage notes), pinned first, then most recently updated. */
  notes: ReadonlyMap<string, readonly NoteView[]>;
}

const cache = new WeakMap<BriefingContext, Prepared>();

/** The look-ups for `context`, built on first use. */
export function prepare(context: BriefingContext): Prepared {
  const cached = cache.get(context);
  if (cached) return cached;
  const notes = new Map<string, NoteView[]>();
  for (const view of context.notes) {
    const list = notes.get(view.note.target.countryId);
    if (list) list.push(view);
    else notes.set(view.note.target.countryId, [view]);
  }
  for (const list of notes.values()) list.sort((a, b) => compareNotes(a.note, b.note));
  const prepared: Prepared = {
    context,
    countries: new Map(context.countries.map((country) => [country.id, country])),
    passages: new Map(context.model.passages.map((passage) => [passage.id, passage])),
    tiers: new Map(context.model.tiers.map((tier) => [tier.id, tier])),
    overrides: new Map(context.overrides.map((override) => [override.countryId, override])),
    notes,
  };
  cache.set(context, prepared);
  return prepared;
}
