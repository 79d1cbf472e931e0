import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Note, NoteView, TierOverride } from '../../../shared/contract';
import { atlas, unwrap } from '../bridge';
import { countNotes, dropNote, groupByCountry, placeNote } from './noteList';

/** The user's notes and tier overrides as the app shows them, with the calls that change them. */
export interface NotesState {
  notes: readonly NoteView[];
  overrides: ReadonlyMap<string, TierOverride>;
  /** Notes per country (country and passage notes). */
  counts: ReadonlyMap<string, number>;
  /** The notes of each country (country and passage notes), in the list's order; see `groupByCountry`. */
  byCountry: ReadonlyMap<string, readonly NoteView[]>;
  refresh(): Promise<void>;
  create(input: Parameters<typeof window.atlas.notes.create>[0]): Promise<Note>;
  update(id: string, patch: { body?: string; tags?: string[]; pinned?: boolean }): Promise<Note>;
  remove(id: string): Promise<Note>;
  restore(note: Note): Promise<Note>;
  setOverride(countryId: string, tier: string, reason: string): Promise<void>;
  clearOverride(countryId: string): Promise<void>;
  /**
   * Registers what saves a card's pending edit at once; run when the page is hidden or goes away
   * (window closed, reload, quit), so the last words typed are sent before it does. Returns the
   * unregister function.
   */
  onLeave(flush: () => void): () => void;
}

const NotesContext = createContext<NotesState | null>(null);

/** What changes notes and overrides; never changes itself, so its users do not re-render with the list. */
export type NoteActions = Omit<NotesState, 'notes' | 'overrides' | 'counts' | 'byCountry'>;

const ActionsContext = createContext<NoteActions | null>(null);

interface NoteList {
  notes: readonly NoteView[];
  counts: ReadonlyMap<string, number>;
  byCountry: ReadonlyMap<string, readonly NoteView[]>;
}

const NO_NOTES: readonly NoteView[] = [];

/** A country's notes (country and passage notes) from `byCountry`, or none. */
export function notesOf(state: Pick<NotesState, 'byCountry'>, countryId: string): readonly NoteView[] {
  return state.byCountry.get(countryId) ?? NO_NOTES;
}

function load() {
  return Promise.all([unwrap(atlas().notes.list()), unwrap(atlas().overrides.list())]);
}

/** Times a reload is retried when the user changed a note while it was on its way. */
const RELOAD_TRIES = 3;

/**
 * Holds the notes and overrides main has. A change the user makes is applied to the list in place
 * with what main answers (the saved note, put where main's list would have it), rather than by
 * reloading every note: with 10,000 notes a reload after each autosave was a long task. Only what
 * needs main's view of the atlas (where a new or restored passage note belongs) reloads.
 */
export function NotesProvider({ children }: { children: ReactNode }) {
  const [{ notes, counts, byCountry }, setList] = useState<NoteList>({ notes: [], counts: new Map(), byCountry: new Map() });
  const [overrides, setOverrides] = useState<ReadonlyMap<string, TierOverride>>(new Map());
  // Counts changes made in place, so a reload that started before one does not undo it.
  const edits = useRef(0);
  const live = useRef(true);
  const leaving = useRef(new Set<() => void>());

  const actions = useMemo<NoteActions>(() => {
    /** The counts and groups are kept with the list, so they stay the same objects where a save does not change them. */
    const setNotes = (change: (views: readonly NoteView[]) => readonly NoteView[]) =>
      setList((current) => {
        const next = change(current.notes);
        if (next === current.notes) return current;
        return { notes: next, counts: countNotes(next, current.counts), byCountry: groupByCountry(next, current.byCountry) };
      });
    const refresh = async () => {
      for (let attempt = 1; ; attempt++) {
        const before = edits.current;
        const [list, tiers] = await load();
        if (!live.current) return;
        if (before !== edits.current && attempt < RELOAD_TRIES) continue;
        setNotes(() => list);
        setOverrides(new Map(tiers.map((entry) => [entry.countryId, entry])));
        return;
      }
    };
    const changeNotes = (change: (views: readonly NoteView[]) => readonly NoteView[]) => {
      edits.current++;
      setNotes(change);
    };
    /** A note main has just written: in place when its placement is known here, else by a reload. */
    const saved = async (note: Note) => {
      if (note.target.kind === 'country') changeNotes((views) => placeNote(views, note, { kind: 'country' }));
      else await refresh();
      return note;
    };
    return {
      refresh,
      create: async (input) => saved(await unwrap(atlas().notes.create(input))),
      update: async (id, patch) => {
        // Body, tags and pin do not move a note: it keeps its placement.
        const note = await unwrap(atlas().notes.update({ id, patch }));
        changeNotes((views) => placeNote(views, note));
        return note;
      },
      remove: async (id) => {
        const note = await unwrap(atlas().notes.remove({ id }));
        changeNotes((views) => dropNote(views, id));
        return note;
      },
      restore: async (note) => saved(await unwrap(atlas().notes.restore({ note }))),
      setOverride: async (countryId, tier, reason) => {
        const entry = await unwrap(atlas().overrides.set({ countryId, tier, reason }));
        setOverrides((current) => new Map(current).set(entry.countryId, entry));
      },
      onLeave: (flush) => {
        leaving.current.add(flush);
        return () => void leaving.current.delete(flush);
      },
      clearOverride: async (countryId) => {
        await unwrap(atlas().overrides.clear({ countryId }));
        setOverrides((current) => {
          if (!current.has(countryId)) return current;
          const next = new Map(current);
          next.delete(countryId);
          return next;
        });
      },
    };
  }, []);

  useEffect(() => {
    live.current = true;
    void actions.refresh();
    return () => {
      live.current = false;
    };
  }, [actions]);

  useEffect(() => {
    // Each flush sends its save at once (the bridge call is made before the handler returns), so
    // main has it even when the page is gone a moment later; quitting waits for main's queued saves.
    const flushAll = () => leaving.current.forEach((flush) => flush());
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushAll();
    };
    window.addEventListener('pagehide', flushAll);
    window.addEventListener('beforeunload', flushAll);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', flushAll);
      window.removeEventListener('beforeunload', flushAll);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);

  const value = useMemo<NotesState>(() => ({ notes, overrides, counts, byCountry, ...actions }), [notes, overrides, counts, byCountry, actions]);

  return (
    <ActionsContext.Provider value={actions}>
      <NotesContext.Provider value={value}>{children}</NotesContext.Provider>
    </ActionsContext.Provider>
  );
}

/** The notes state; only inside NotesProvider. */
export function useNotes(): NotesState {
  const value = useContext(NotesContext);
  if (!value) throw new Error('useNotes() outside NotesProvider');
  return value;
}

/** The calls that change notes and overrides, without the notes; only inside NotesProvider. */
export function useNoteActions(): NoteActions {
  const value = useContext(ActionsContext);
  if (!value) throw new Error('useNoteActions() outside NotesProvider');
  return value;
}
