import { useCallback, useEffect, useState } from 'react';
import type { MapView, SessionState, SidebarTab } from '../../../shared/contract';
import { atlas, unwrap } from '../bridge';
import { createSessionSaver } from './session';

/** What the window tells the session saver. */
export interface SessionTracking {
  /** Told by the panel once it has rendered. */
  panelShown(id: string): void;
  /** Told when the panel failed: it is forgotten at once, so the next start does not reopen it. */
  panelFailed(): void;
  /** Told where the map's camera is after each move. */
  viewChanged(view: MapView): void;
}

/**
 * Remembers where the user is (open panel, tab, map view) for the next start. The open panel is
 * remembered only once it has rendered (start-up cleared it before the restored one opens), so a
 * panel that fails is never reopened into the same failure.
 */
export function useSession(session: SessionState | null, selectedId: string | null, tab: SidebarTab): SessionTracking {
  const [saver] = useState(() =>
    createSessionSaver(
      { ...session, selected: null },
      (state) => void unwrap(atlas().prefs.setSession(state)).catch(() => undefined),
    ),
  );
  const [shownPanel, setShownPanel] = useState<string | null>(null);
  const shownId = selectedId !== null && shownPanel === selectedId ? selectedId : null;
  useEffect(() => saver.update({ selected: shownId, tab }), [saver, shownId, tab]);
  const panelFailed = useCallback(() => {
    setShownPanel(null);
    saver.update({ selected: null });
    saver.flush();
  }, [saver]);
  useEffect(() => {
    const flush = () => saver.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      saver.dispose();
    };
  }, [saver]);
  const viewChanged = useCallback((view: MapView) => saver.update({ view }), [saver]);
  return { panelShown: setShownPanel, panelFailed, viewChanged };
}
