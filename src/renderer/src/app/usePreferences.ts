import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThemePreference } from '../../../shared/contract';
import { atlas, unwrap } from '../bridge';
import { applyLanguage } from '../i18n/i18n';
import { errorText } from '../notes/errorText';
import { useResolvedTheme, type Theme } from '../theme/theme';
import { useToast } from '../ui/Toasts';

/** The theme chosen and drawn, kept in step with main's preferences (the View menu changes them too). */
export interface Preferences {
  themePreference: ThemePreference;
  theme: Theme;
  /** Applies a theme at once and stores it; a store that fails says so in a toast. */
  chooseTheme(next: ThemePreference): void;
}

/** The window's preferences: the language and theme main says, and the theme the toolbar chooses. */
export function usePreferences(initialTheme: ThemePreference): Preferences {
  const { t } = useTranslation();
  const toast = useToast();
  const [themePreference, setThemePreference] = useState<ThemePreference>(initialTheme);
  const theme = useResolvedTheme(themePreference);

  useEffect(
    () =>
      atlas().onPrefsChanged((changed) => {
        void applyLanguage(changed.language);
        setThemePreference(changed.theme);
      }),
    [],
  );

  const chooseTheme = useCallback(
    (next: ThemePreference) => {
      setThemePreference(next);
      void unwrap(atlas().prefs.setTheme({ theme: next })).catch((error: unknown) => toast.show(errorText(t, error)));
    },
    [t, toast],
  );
  return { themePreference, theme, chooseTheme };
}
