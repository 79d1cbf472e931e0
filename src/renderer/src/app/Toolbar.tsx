import { useTranslation } from 'react-i18next';
import type { Language, ThemePreference } from '../../../shared/contract';
import { useAtlas } from '../atlas/AtlasContext';
import { atlas, unwrap } from '../bridge';

/** The window's title bar: the theme, the other language, and Help › About. */
export function Toolbar({ themePreference, onTheme, onAbout }: { themePreference: ThemePreference; onTheme: (theme: ThemePreference) => void; onAbout: () => void }) {
  const { t } = useTranslation();
  const { language } = useAtlas();
  const otherLanguage: Language = language === 'en' ? 'ko' : 'en';
  return (
    <header className="toolbar">
      <h1>{t('app.title')}</h1>
      <div className="toolbar-actions">
        <label className="theme-picker">
          <span>{t('theme.label')}</span>
          <select value={themePreference} onChange={(event) => onTheme(event.target.value as ThemePreference)}>
            {(['system', 'light', 'dark'] as const).map((option) => (
              <option key={option} value={option}>
                {t(`theme.${option}`)}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          lang={otherLanguage}
          aria-label={t('language.switchTo', { language: t(`language.${otherLanguage}`) })}
          onClick={() => void unwrap(atlas().prefs.setLanguage({ language: otherLanguage }))}
        >
          {t(`language.${otherLanguage}`)}
        </button>
        <button type="button" onClick={onAbout}>
          {t('menu.about')}
        </button>
      </div>
    </header>
  );
}
