import { forwardRef, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountrySummary, Language } from '../../../shared/contract';
import { filterCountries } from './filterCountries';

interface CountryListProps {
  countries: readonly CountrySummary[];
  language: Language;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Ids that have a shape on the map; the others are marked. */
  mapped: ReadonlySet<string> | null;
}

/**
 * The keyboard way to every country: a search box driving a listbox (arrow keys move, Enter opens,
 * Home/End jump), the accessible alternative to clicking the canvas.
 */
export const CountryList = forwardRef<HTMLInputElement, CountryListProps>(function CountryList(
  { countries, language, selectedId, onSelect, mapped },
  inputRef,
) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLUListElement>(null);
  const sorted = useMemo(
    () => [...countries].sort((a, b) => a.name[language].localeCompare(b.name[language], language)),
    [countries, language],
  );
  const results = useMemo(() => filterCountries(sorted, query), [sorted, query]);
  const activeCountry = results[Math.min(active, results.length - 1)];

  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    if (!activeCountry) return;
    listRef.current?.querySelector(`#country-option-${CSS.escape(activeCountry.id)}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeCountry]);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const last = results.length - 1;
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + 10, PageUp: active - 10 };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(last, moves[event.key] ?? 0)));
    } else if ((event.key === 'Home' || event.key === 'End') && event.ctrlKey) {
      event.preventDefault();
      setActive(event.key === 'Home' ? 0 : last);
    } else if (event.key === 'Enter' && activeCountry) {
      event.preventDefault();
      onSelect(activeCountry.id);
    } else if (event.key === 'Escape' && query !== '' && selectedId === null) {
      // With a panel open, Esc closes the panel first (handled by the app); then it clears the search.
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
    }
  }

  return (
    <nav className="country-list" aria-labelledby="country-list-heading">
      <h2 id="country-list-heading">{t('list.heading')}</h2>
      <label className="visually-hidden" htmlFor="country-search">
        {t('list.searchLabel')}
      </label>
      <input
        id="country-search"
        ref={inputRef}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls="country-options"
        aria-autocomplete="list"
        aria-activedescendant={activeCountry ? `country-option-${activeCountry.id}` : undefined}
        placeholder={t('list.searchPlaceholder')}
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="country-count" aria-live="polite">
        {results.length === 0 ? t('list.noResults', { query }) : t('list.count', { count: results.length })}
      </p>
      <ul id="country-options" ref={listRef} role="listbox" aria-label={t('list.heading')}>
        {results.map((country, index) => (
          <li
            key={country.id}
            id={`country-option-${country.id}`}
            role="option"
            aria-selected={country.id === selectedId}
            data-active={index === active ? 'true' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              setActive(index);
              onSelect(country.id);
            }}
          >
            <span className="flag" aria-hidden="true">
              {country.flag || '▫'}
            </span>
            <span className="name">{country.name[language]}</span>
            {mapped && !mapped.has(country.id) && <span className="muted">{t('list.noMap')}</span>}
          </li>
        ))}
      </ul>
    </nav>
  );
});
