import { useEffect, useState } from 'react';
import type { ThemePreference } from '../../../shared/contract';

/** The theme actually drawn. */
export type Theme = 'light' | 'dark';

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme a preference comes to: the OS's for `system`, else the one chosen. */
export function resolveTheme(preference: ThemePreference, osPrefersDark: boolean): Theme {
  if (preference === 'system') return osPrefersDark ? 'dark' : 'light';
  return preference;
}

/** Whether the OS asks for dark colours now. */
export function osPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

/**
 * Puts the theme on the document: `data-theme` selects the CSS custom properties, `color-scheme`
 * makes form controls and scroll bars match.
 */
export function applyDocumentTheme(theme: Theme): void {
  const root = document.documentElement;
  root.dataset['theme'] = theme;
  root.style.colorScheme = theme;
}

/** The theme on the document now (set at boot, before anything is drawn). */
export function documentTheme(): Theme {
  return document.documentElement.dataset['theme'] === 'dark' ? 'dark' : 'light';
}

/** The theme for a preference, following the OS while the preference is `system`. */
export function useResolvedTheme(preference: ThemePreference): Theme {
  const [prefersDark, setPrefersDark] = useState(osPrefersDark);
  useEffect(() => {
    if (typeof window.matchMedia !== 'function') return;
    const query = window.matchMedia(DARK_QUERY);
    const onChange = () => setPrefersDark(query.matches);
    onChange();
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  const theme = resolveTheme(preference, prefersDark);
  useEffect(() => applyDocumentTheme(theme), [theme]);
  return theme;
}
