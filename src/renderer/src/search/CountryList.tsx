import { forwardRef, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountrySummary, Language } from '../../../shared/contract';
import { filterCountries } from './filterCountries';
import type { PassageHit, PassageSearch } from './passageSearch';

interface CountryListProps {
  countries: readonly CountrySummary[];
  language: Language;
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Ids that have a shape on the map; the others are marked. */
  mapped: ReadonlySet<string> | null;
  passageSearch: PassageSearch;
  /** Countries a passage is about, partners first. */
  subjectsOf: (hit: PassageHit) => string[];
  onSelectPassage: (passageId: string, countryId: string) => void;
}

type Option = { kind: 'country'; id: string; country: CountrySummary } | { kind: 'passage'; id: string; hit: PassageHit; countryId: string };

/**
 * The keyboard way to every country and passage: a search box driving a listbox (arrow keys move,
 * Enter opens, Ctrl+Home/End jump). With a query, results come in two groups: countries (any name,
 * in English or Korean, or an alias) and passages of the sources (full text).
 */
export const CountryList = forwardRef<HTMLInputElement, CountryListProps>(function CountryList(
  { countries, language, selectedId, onSelect, mapped, passageSearch, subjectsOf, onSelectPassage },
  inputRef,
) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const byId = useMemo(() => new Map(countries.map((country) => [country.id, country])), [countries]);
  const sorted = useMemo(
    () => [...countries].sort((a, b) => a.name[language].localeCompare(b.name[language], language)),
    [countries, language],
  );
  const countryOptions = useMemo<Option[]>(
    () => filterCountries(sorted, query).map((country) => ({ kind: 'country', id: `country-option-${country.id}`, country })),
    [sorted, query],
  );
  const passageOptions = useMemo<Option[]>(
    () =>
      passageSearch.search(query).flatMap((hit) => {
        const countryId = subjectsOf(hit)[0];
        return countryId ? [{ kind: 'passage' as const, id: `passage-option-${hit.passage.id}`, hit, countryId }] : [];
      }),
    [passageSearch, query, subjectsOf],
  );
  const options = useMemo(() => [...countryOptions, ...passageOptions], [countryOptions, passageOptions]);
  const activeOption = options[Math.min(active, options.length - 1)];

  useEffect(() => setActive(0), [query]);
  useEffect(() => {
    if (!activeOption) return;
    listRef.current?.querySelector(`#${CSS.escape(activeOption.id)}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeOption]);

  function choose(option: Option): void {
    if (option.kind === 'country') onSelect(option.country.id);
    else onSelectPassage(option.hit.passage.id, option.countryId);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const last = options.length - 1;
    const moves: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, PageDown: active + 10, PageUp: active - 10 };
    if (event.key in moves) {
      event.preventDefault();
      setActive(Math.max(0, Math.min(last, moves[event.key] ?? 0)));
    } else if ((event.key === 'Home' || event.key === 'End') && event.ctrlKey) {
      event.preventDefault();
      setActive(event.key === 'Home' ? 0 : last);
    } else if (event.key === 'Enter' && activeOption) {
      event.preventDefault();
      choose(activeOption);
    } else if (event.key === 'Escape' && query !== '' && selectedId === null) {
      // With a panel open, Esc closes the panel first (handled by the app); then it clears the search.
      event.preventDefault();
      event.stopPropagation();
      setQuery('');
    }
  }

  const renderOption = (option: Option, index: number) => {
    const common = {
      id: option.id,
      role: 'option',
      'data-active': index === active ? 'true' : undefined,
      onMouseDown: (event: { preventDefault(): void }) => event.preventDefault(),
      onClick: () => {
        setActive(index);
        choose(option);
      },
    } as const;
    if (option.kind === 'country') {
      const { country } = option;
      return (
        <div key={option.id} {...common} aria-selected={country.id === selectedId} className="option">
          <span className="flag" aria-hidden="true">
            {country.flag || '▫'}
          </span>
          <span className="name">{country.name[language]}</span>
          {mapped && !mapped.has(country.id) && <span className="muted">{t('list.noMap')}</span>}
        </div>
      );
    }
    const subjects = subjectsOf(option.hit)
      .map((id) => byId.get(id)?.name[language] ?? id)
      .join(', ');
    return (
      <div key={option.id} {...common} aria-selected={false} className="option passage-option">
        <span className="snippet">{snippet(option.hit.passage.text)}</span>
        <span className="muted">{t('search.passageIn', { countries: subjects })}</span>
      </div>
    );
  };

  return (
    <div className="country-list">
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
        aria-activedescendant={activeOption?.id}
        placeholder={t('list.searchPlaceholder')}
        value={query}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setQuery(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="country-count" aria-live="polite">
        {options.length === 0 ? t('list.noResults', { query }) : t('list.count', { count: countryOptions.length })}
      </p>
      <div id="country-options" ref={listRef} role="listbox" aria-label={t('list.heading')} className="options">
        {query.trim() === '' ? (
          countryOptions.map(renderOption)
        ) : (
          <>
            {countryOptions.length > 0 && (
              <div role="group" aria-labelledby="group-countries">
                <div id="group-countries" className="group-heading" role="presentation">
                  {t('search.countries')}
                </div>
                {countryOptions.map(renderOption)}
              </div>
            )}
            {passageOptions.length > 0 && (
              <div role="group" aria-labelledby="group-passages">
                <div id="group-passages" className="group-heading" role="presentation">
                  {t('search.passages')}
                </div>
                {passageOptions.map((option, index) => renderOption(option, countryOptions.length + index))}
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
});

function snippet(text: string): string {
  return text.length > 140 ? `${text.slice(0, 137)}…` : text;
}
