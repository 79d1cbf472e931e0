import { z } from 'zod';
import { importedSourceSchema, noteSchema, STORE_VERSION, storedPrefsSchema, tierOverrideSchema, type Note, type StoreData } from './schema';
import { savedViewSchema, viewsProblem, type SavedView } from './schema';

const shellSchema = z.strictObject({
  schemaVersion: z.literal(STORE_VERSION),
  prefs: storedPrefsSchema,
  notes: z.array(z.unknown()),
  overrides: z.array(z.unknown()),
  sources: z.array(z.unknown()),
  views: z.array(z.unknown()),
});

/**
 * Checks each new state before it is written, as strictly as a load would (storeSchema), but only
 * re-validates notes, overrides and sources it has not seen: items it has seen are frozen, so they
 * cannot have changed. With thousands of notes (or a source of megabytes) this keeps a save
 * proportional to what the save changed.
 */
export interface StateChecker {
  /** Freezes a state that was validated as a whole (at load) and remembers its items. */
  trust(state: StoreData): void;
  /** The first reason `draft` would not load again, or null when it is valid. */
  problem(draft: StoreData): string | null;
  /** Freezes a state just written, so later drafts can only replace its items, never edit them. */
  seal(state: StoreData): void;
}

/** A checker with no items seen yet. */
export function createStateChecker(): StateChecker {
  const seen = new WeakSet<object>();

  const seal = (state: StoreData): void => {
    for (const note of state.notes) {
      if (seen.has(note)) continue;
      freezeNote(note);
      seen.add(note);
    }
    for (const override of state.overrides) {
      if (seen.has(override)) continue;
      Object.freeze(override);
      seen.add(override);
    }
    for (const source of state.sources) {
      if (seen.has(source)) continue;
      Object.freeze(source);
      seen.add(source);
    }
    for (const view of state.views) {
      if (seen.has(view)) continue;
      freezeView(view);
      seen.add(view);
    }
    if (state.prefs.window) Object.freeze(state.prefs.window);
    Object.freeze(state.prefs);
    Object.freeze(state.notes);
    Object.freeze(state.overrides);
    Object.freeze(state.sources);
    Object.freeze(state.views);
    Object.freeze(state);
  };

  return {
    trust: seal,
    seal,
    problem(draft) {
      const shell = shellSchema.safeParse(draft);
      if (!shell.success) return z.prettifyError(shell.error);
      const ids = new Set<string>();
      for (const [index, note] of draft.notes.entries()) {
        if (!seen.has(note)) {
          const parsed = noteSchema.safeParse(note);
          if (!parsed.success) return `notes[${String(index)}]: ${z.prettifyError(parsed.error)}`;
        }
        if (ids.has(note.id)) return `Two notes share the id ${note.id}.`;
        ids.add(note.id);
      }
      const countries = new Set<string>();
      for (const [index, override] of draft.overrides.entries()) {
        if (!seen.has(override)) {
          const parsed = tierOverrideSchema.safeParse(override);
          if (!parsed.success) return `overrides[${String(index)}]: ${z.prettifyError(parsed.error)}`;
        }
        if (countries.has(override.countryId)) return `Two overrides for ${override.countryId}.`;
        countries.add(override.countryId);
      }
      const sourceKeys = new Set<string>();
      for (const [index, source] of draft.sources.entries()) {
        if (!seen.has(source)) {
          const parsed = importedSourceSchema.safeParse(source);
          if (!parsed.success) return `sources[${String(index)}]: ${z.prettifyError(parsed.error)}`;
        }
        if (sourceKeys.has(source.id) || sourceKeys.has(source.hash)) return `Two sources share ${source.id}.`;
        sourceKeys.add(source.id);
        sourceKeys.add(source.hash);
      }
      for (const [index, view] of draft.views.entries()) {
        if (seen.has(view)) continue;
        const parsed = savedViewSchema.safeParse(view);
        if (!parsed.success) return `views[${String(index)}]: ${z.prettifyError(parsed.error)}`;
      }
      return viewsProblem(draft.views);
    },
  };
}

function freezeNote(note: Note): void {
  Object.freeze(note.target);
  Object.freeze(note.tags);
  Object.freeze(note);
}

function freezeView(view: SavedView): void {
  Object.freeze(view.state.camera.center);
  Object.freeze(view.state.camera);
  Object.freeze(view.state.years);
  Object.freeze(view.state);
  Object.freeze(view);
}

/** A draft of `state` that changes may edit: fresh containers around the same (frozen) items. */
export function draftOf(state: StoreData): StoreData {
  return {
    schemaVersion: state.schemaVersion,
    prefs: { ...state.prefs, ...(state.prefs.window ? { window: { ...state.prefs.window } } : {}) },
    notes: [...state.notes],
    overrides: [...state.overrides],
    sources: [...state.sources],
    views: [...state.views],
  };
}

