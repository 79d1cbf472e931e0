import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Note, NoteView, TierOverride } from '../../../shared/contract';
import { atlas, unwrap } from '../app/client';

/** The user's notes and tier overrides as the app shows them, with the calls that change them. */
export interface NotesState {
  notes: readonly NoteView[];
  overrides: ReadonlyMap<string, TierOverride>;
  /** Notes per country (country and passage notes). */
  counts: ReadonlyMap<string, number>;
  refresh(): Promise<void>;
  create(input: Parameters<typeof window.atlas.notes.create>[0]): Promise<Note>;
  update(id: string, patch: { body?: string; tags?: string[]; pinned?: boolean }): Promise<Note>;
  remove(id: string): Promise<Note>;
  restore(note: Note): Promise<Note>;
  setOverride(countryId: string, tier: string, reason: string): Promise<void>;
  clearOverride(countryId: string): Promise<void>;
}

const NotesContext = createContext<NotesState | null>(null);

function load() {
  return Promise.all([unwrap(atlas().notes.list()), unwrap(atlas().overrides.list())]);
}

export function NotesProvider({ children }: { children: ReactNode }) {
  const [notes, setNotes] = useState<readonly NoteView[]>([]);
  const [overrides, setOverrides] = useState<ReadonlyMap<string, TierOverride>>(new Map());

  const refresh = useCallback(async () => {
    const [list, tiers] = await load();
    setNotes(list);
    setOverrides(new Map(tiers.map((entry) => [entry.countryId, entry])));
  }, []);

  useEffect(() => {
    let live = true;
    void load().then(([list, tiers]) => {
      if (!live) return;
      setNotes(list);
      setOverrides(new Map(tiers.map((entry) => [entry.countryId, entry])));
    });
    return () => {
      live = false;
    };
  }, []);

  const value = useMemo<NotesState>(() => {
    const counts = new Map<string, number>();
    for (const { note } of notes) counts.set(note.target.countryId, (counts.get(note.target.countryId) ?? 0) + 1);
    const after = async <T,>(result: Promise<T>) => {
      const value = await result;
      await refresh();
      return value;
    };
    return {
      notes,
      overrides,
      counts,
      refresh,
      create: (input) => after(unwrap(atlas().notes.create(input))),
      update: (id, patch) => after(unwrap(atlas().notes.update({ id, patch }))),
      remove: (id) => after(unwrap(atlas().notes.remove({ id }))),
      restore: (note) => after(unwrap(atlas().notes.restore({ note }))),
      setOverride: async (countryId, tier, reason) => {
        await after(unwrap(atlas().overrides.set({ countryId, tier, reason })));
      },
      clearOverride: async (countryId) => {
        await after(unwrap(atlas().overrides.clear({ countryId })));
      },
    };
  }, [notes, overrides, refresh]);

  return <NotesContext.Provider value={value}>{children}</NotesContext.Provider>;
}

/** The notes state; only inside NotesProvider. */
export function useNotes(): NotesState {
  const value = useContext(NotesContext);
  if (!value) throw new Error('useNotes() outside NotesProvider');
  return value;
}
