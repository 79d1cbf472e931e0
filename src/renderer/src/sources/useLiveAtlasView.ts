import { useEffect, useRef, useState } from 'react';
import type { AtlasSummary } from '../../../shared/contract';
import { atlas, unwrap } from '../bridge';

/**
 * The atlas as main has it now: starts from the one the app booted with and is fetched again
 * whenever main says it changed (a source imported, turned on or off, removed). `onChange` runs
 * after each new atlas arrives, for what depends on it (notes are placed against its passages).
 */
export function useLiveAtlasView(initial: AtlasSummary, onChange?: () => void): AtlasSummary {
  const [view, setView] = useState(initial);
  const latest = useRef(0);
  const changed = useRef(onChange);
  useEffect(() => {
    changed.current = onChange;
  }, [onChange]);

  useEffect(
    () =>
      atlas().onAtlasChanged(() => {
        // Only the newest fetch lands, should two changes come close together.
        const request = ++latest.current;
        void unwrap(atlas().atlas.get()).then((next) => {
          if (request !== latest.current) return;
          setView(next);
          changed.current?.();
        });
      }),
    [],
  );
  return view;
}
