import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { CountrySummary } from '../../../shared/contract';
import { useAtlas } from '../atlas/AtlasContext';
import type { ComparePair } from '../compare/CompareView';
import type { WorldMapHandle } from '../map/WorldMap';

/** The country whose panel is open. */
export interface Selection {
  id: string;
  /** Where it was chosen: `restore` is the panel left open at the last session's end. */
  from: 'map' | 'list' | 'restore';
  passageId: string | null;
}

/** The open panel and the comparison opened from it. */
export interface SelectionState {
  selection: Selection | null;
  /** The selected country, if the atlas lists it. */
  selected: CountrySummary | undefined;
  /** Opens a country's panel (and frames it on the map), or closes the panel with null. */
  select(id: string | null, from: 'map' | 'list', passageId?: string | null): void;
  close(): void;
  /** The comparison of the open panel, if one is open. */
  compare: ComparePair | null;
  setCompare(pair: ComparePair | null): void;
  /** Opens a comparison of the selected country with one still to choose. */
  startCompare(): void;
}

/**
 * Which country's panel is open (at start, the one left open last time) and the comparison opened
 * from it. Esc backs out one level, the comparison first, then the panel, unless a dialog is open
 * (`dialogOpen`: the Esc is the dialog's).
 */
export function useSelection(restore: () => string | null, map: RefObject<WorldMapHandle | null>, dialogOpen: boolean): SelectionState {
  const { names } = useAtlas();
  const [selection, setSelection] = useState<Selection | null>(() => {
    const id = restore();
    return id ? { id, from: 'restore', passageId: null } : null;
  });
  // A comparison belongs to the panel it was opened from: choosing another country leaves it.
  const [compareState, setCompareState] = useState<{ from: string; pair: ComparePair } | null>(null);

  const selected = selection ? names.get(selection.id) : undefined;
  const compare = selected && compareState?.from === selected.id ? compareState.pair : null;
  const setCompare = useCallback((pair: ComparePair | null) => setCompareState((current) => (pair && current ? { from: current.from, pair } : null)), []);
  const startCompare = useCallback(() => {
    if (selected) setCompareState({ from: selected.id, pair: { a: selected.id, b: null } });
  }, [selected]);

  const select = useCallback(
    (id: string | null, from: 'map' | 'list', passageId: string | null = null) => {
      setSelection(id ? { id, from, passageId } : null);
      if (id && from === 'list') map.current?.flyTo(id);
      // A country clicked where the panel is about to open is brought out from under it.
      if (id && from === 'map') map.current?.reveal(id);
    },
    [map],
  );
  const close = useCallback(() => setSelection(null), []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && selection && !dialogOpen && !event.defaultPrevented) {
        if (compare) setCompare(null);
        else setSelection(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, dialogOpen, compare, setCompare]);

  return { selection, selected, select, close, compare, setCompare, startCompare };
}
