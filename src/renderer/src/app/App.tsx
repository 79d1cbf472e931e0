import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountrySummary, Language, MenuCommand } from '../../../shared/contract';
import { HOME_COUNTRY_ID } from '../../../shared/countries';
import { applyLanguage } from '../i18n/i18n';
import { MAP_COLOURS } from '../map/palette';
import { MapControls } from '../map/MapControls';
import { WorldMap, type WorldMapHandle } from '../map/WorldMap';
import { CountryPanel } from '../panel/CountryPanel';
import { CountryList } from '../search/CountryList';
import { AboutDialog } from './AboutDialog';
import { atlas, unwrap } from './client';

const PANEL_WIDTH = 380;

/** The main view: country list, map, and the panel of the selected country. */
export function App({ countries }: { countries: CountrySummary[] }) {
  const { t, i18n } = useTranslation();
  const language = (i18n.language === 'ko' ? 'ko' : 'en') satisfies Language;
  const [selection, setSelection] = useState<{ id: string; from: 'map' | 'list' } | null>(null);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [mapped, setMapped] = useState<ReadonlySet<string> | null>(null);
  const mapHandle = useRef<WorldMapHandle>(null);
  const searchInput = useRef<HTMLInputElement>(null);
  const byId = useMemo(() => new Map(countries.map((country) => [country.id, country])), [countries]);
  const selected = selection ? byId.get(selection.id) : undefined;
  // Until relationship tiers exist every partner shares the neutral fill, set through feature-state
  // like any later colouring.
  const fills = useMemo(
    () => new Map(countries.filter((country) => country.id !== HOME_COUNTRY_ID).map((country) => [country.id, MAP_COLOURS.neutral])),
    [countries],
  );

  const select = useCallback((id: string | null, from: 'map' | 'list') => {
    setSelection(id ? { id, from } : null);
    if (id && from === 'list') mapHandle.current?.flyTo(id, PANEL_WIDTH + 24);
  }, []);

  const runCommand = useCallback((command: MenuCommand) => {
    if (command === 'about') setAboutOpen(true);
    if (command === 'focus-search') searchInput.current?.focus();
    if (command === 'reset-view') mapHandle.current?.resetView();
    if (command === 'zoom-in') mapHandle.current?.zoomIn();
    if (command === 'zoom-out') mapHandle.current?.zoomOut();
  }, []);

  useEffect(() => {
    const offMenu = atlas().onMenuCommand(runCommand);
    const offPrefs = atlas().onPrefsChanged((prefs) => void applyLanguage(prefs.language));
    return () => {
      offMenu();
      offPrefs();
    };
  }, [runCommand]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && selection && !aboutOpen) setSelection(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selection, aboutOpen]);

  useEffect(() => {
    document.title = t('app.title');
  }, [t, language]);

  const otherLanguage: Language = language === 'en' ? 'ko' : 'en';
  return (
    <div className="app" data-panel={selected ? 'open' : 'closed'}>
      <a className="skip-link" href="#country-search">
        {t('app.skipToList')}
      </a>
      <header className="toolbar">
        <h1>{t('app.title')}</h1>
        <div className="toolbar-actions">
          <button
            type="button"
            lang={otherLanguage}
            aria-label={t('language.switchTo', { language: t(`language.${otherLanguage}`) })}
            onClick={() => void unwrap(atlas().prefs.setLanguage({ language: otherLanguage }))}
          >
            {t(`language.${otherLanguage}`)}
          </button>
          <button type="button" onClick={() => setAboutOpen(true)}>
            {t('menu.about')}
          </button>
        </div>
      </header>
      <main className="workspace">
        <CountryList
          ref={searchInput}
          countries={countries}
          language={language}
          selectedId={selection?.id ?? null}
          onSelect={(id) => select(id, 'list')}
          mapped={mapped}
        />
        <section className="map-area" aria-label={t('map.ariaLabel')}>
          <WorldMap
            ref={mapHandle}
            countries={countries}
            language={language}
            selectedId={selection?.id ?? null}
            fills={fills}
            onSelect={(id) => select(id, 'map')}
            onMapped={setMapped}
          />
          <MapControls
            onZoomIn={() => mapHandle.current?.zoomIn()}
            onZoomOut={() => mapHandle.current?.zoomOut()}
            onReset={() => mapHandle.current?.resetView()}
          />
          {selected && (
            <CountryPanel country={selected} language={language} onClose={() => setSelection(null)} takeFocus={selection?.from === 'map'} />
          )}
        </section>
      </main>
      <AboutDialog open={aboutOpen} onClose={() => setAboutOpen(false)} />
    </div>
  );
}
