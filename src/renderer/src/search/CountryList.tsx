import { forwardRef, memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Tier } from '../../../shared/atlas';
import type { CountrySummary, Language, PassageSearchHit, SnippetRange } from '../../../shared/contract';
import { useAtlas } from '../atlas/AtlasContext';
import { TierBadge } from '../legend/TierBadge';
import { createCountryFilter } from './filterCountries';
import { snippetParts } from './passageSearch';
import { usePassageSearch } from './usePassageSearch';
import { FIRST_ROWS, firstRows } from './rows';
import './search.css';

interface CountryListProps {
  countries: readonly CountrySummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Ids that have a shape on the map; the others are marked. */
  mapped: ReadonlySet<string> | null;
  onSelectPassage: (passageId: string, countryId: string) => void;
  /** The tier a country has on the map (yours where you set one), or null where the atlas does not cover it. */
  tierOf?: (id: string) => Tier | null;
}

type Option =
  | { kind: 'country'; id: string; country: CountrySummary }
  | { kind: 'passage'; id: string; hit: PassageSearchHit; countryId: string; subjects: string }
  | { kind: 'more'; id: string };

const MORE_ID = 'passage-option-more';

const NO_OPTIONS: Option[] = [];

/**
 * The keyboard way to every country and passage: a search box driving a listbox (arrow keys move,
 * Enter opens, Ctrl+Home/End jump). With a query, results come in two groups: countries (any name,
 * in English or Korean, or an alias) and passages of the sources (full text, searched by main,
 * which answers with ranked hits a page at a time; the last row asks for the next page).
 *
 * Each keystroke renders only what it changes: the names are folded once (createCountryFilter), rows
 * are memoised and take no callbacks (clicks are handled once, on the listbox), and of a long
 * country list the first rows — more than the list shows at once — come with the keystroke, the
 * rest in a deferred render that the next keystroke can interrupt (see `firstRows`).
 */
export const CountryList = forwardRef<HTMLInputElement, CountryListProps>(function CountryList(
  { countries, selectedId, onSelect, mapped, onSelectPassage, tierOf },
  inputRef,
) {
  const { t } = useTranslation();
  const { language, view } = useAtlas();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const byId = useMemo(() => new Map(countries.map((country) => [country.id, country])), [countries]);
  const filter = useMemo(
    () => createCountryFilter([...countries].sort((a, b) => a.name[language].localeCompare(b.name[language], language))),
    [countries, language],
  );
  const matches = useMemo(() => filter(query), [filter, query]);
  const countryOptions = useMemo<Option[]>(() => matches.map((country) => ({ kind: 'country', id: `country-option-${country.id}`, country })), [matches]);
  // Main searches the passages (the window holds none of their text); the atlas changing asks again.
  const passages = usePassageSearch(query.trim() === '' ? '' : query, view);
  const optionsOf = useCallback(
    (hits: readonly PassageSearchHit[]): Option[] =>
      hits.flatMap((hit) => {
        const countryId = hit.countryIds[0];
        if (!countryId) return [];
        const names = hit.countryIds.map((id) => byId.get(id)?.name[language] ?? id).join(', ');
        return [{ kind: 'passage' as const, id: `passage-option-${hit.passageId}`, hit, countryId, subjects: names }];
      }),
    [byId, language],
  );
  const showPassages = query.trim() !== '' && passages.query !== '';
  const passageOptions = useMemo<Option[]>(() => {
    if (!showPassages) return NO_OPTIONS;
    const hits = optionsOf(passages.hits);
    return passages.hits.length < passages.total ? [...hits, { kind: 'more', id: MORE_ID }] : hits;
  }, [showPassages, optionsOf, passages.hits, passages.total]);
  const options = useMemo(() => [...countryOptions, ...passageOptions], [countryOptions, passageOptions]);
  const activeIndex = Math.min(active, options.length - 1);
  const activeOption = options[activeIndex];
  const completeCountries = useDeferredValue(countryOptions, NO_OPTIONS);
  const shownCountries = firstRows(countryOptions, completeCountries, Math.max(FIRST_ROWS, activeIndex + 1));
  const firstCountries = shownCountries.slice(0, FIRST_ROWS);
  const moreCountries = shownCountries.slice(FIRST_ROWS);

  // The keyboard moves the active option into view. Typing makes the first option active: the list
  // goes back to its top if it was scrolled, without scrollIntoView's forced layout on every key.
  const moved = useRef(false);
  const scrolled = useRef(false);
  useEffect(() => {
    if (!moved.current || !activeOption) return;
    moved.current = false;
    listRef.current?.querySelector(`#${CSS.escape(activeOption.id)}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeOption]);

  function choose(option: Option): void {
    if (option.kind === 'country') onSelect(option.country.id);
    else if (option.kind === 'passage') onSelectPassage(option.hit.passageId, option.countryId);
    else passages.more();
  }

  function search(text: string): void {
    setQuery(text);
    setActive(0);
    moved.current = false;
    if (scrolled.current && listRef.current) listRef.current.scrollTop = 0;
  }

  function move(index: number): void {
    moved.current = true;
    setActive(index);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    const last = options.length - 1;
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, PageDown: activeIndex + 10, PageUp: activeIndex - 10 };
    if (event.key in moves) {
      event.preventDefault();
      move(Math.max(0, Math.min(last, moves[event.key] ?? 0)));
    } else if ((event.key === 'Home' || event.key === 'End') && event.ctrlKey) {
      event.preventDefault();
      move(event.key === 'Home' ? 0 : last);
    } else if (event.key === 'Enter') {
      // Passages still showing an earlier query's hits (main has not answered the last keystroke
      // yet): Enter opens what the query typed finds, asked for now.
      event.preventDefault();
      if (activeOption?.kind === 'country' || passages.query === query || (query.trim() === '' && activeOption)) {
        if (activeOption) choose(activeOption);
        return;
      }
      const index = activeIndex;
      void passages.flush().then((hits) => {
        const current = [...countryOptions, ...optionsOf(hits)];
        const chosen = current[Math.max(0, Math.min(index, current.length - 1))];
        if (chosen) choose(chosen);
      });
    } else if (event.key === 'Escape' && query !== '' && selectedId === null) {
      // With a panel open, Esc closes the panel first (handled by the app); then it clears the search.
      event.preventDefault();
      event.stopPropagation();
      search('');
    }
  }

  /** One handler for every option: the rows stay free of callbacks, so they re-render only when they change. */
  function onListClick(event: MouseEvent<HTMLDivElement>): void {
    const element = event.target instanceof Element ? event.target.closest('[role="option"]') : null;
    const index = element ? options.findIndex((option) => option.id === element.id) : -1;
    const option = options[index];
    if (!option) return;
    setActive(index);
    choose(option);
  }

  const noMap = t('list.noMap');
  const renderOption = (option: Option, index: number) =>
    option.kind === 'country' ? (
      <CountryOption
        key={option.id}
        id={option.id}
        country={option.country}
        language={language}
        active={index === activeIndex}
        selected={option.country.id === selectedId}
        noMap={mapped && !mapped.has(option.country.id) ? noMap : null}
        tier={tierOf?.(option.country.id) ?? null}
      />
    ) : option.kind === 'passage' ? (
      <PassageOption
        key={option.id}
        id={option.id}
        snippet={option.hit.snippet}
        ranges={option.hit.ranges}
        about={t('search.hitIn', { countries: option.subjects, source: option.hit.sourceTitle })}
        active={index === activeIndex}
      />
    ) : (
      <div key={option.id} id={option.id} role="option" aria-selected={false} data-active={index === activeIndex ? 'true' : undefined} className="option more-option">
        {t('search.more', { shown: passages.hits.length.toLocaleString(language), total: passages.total.toLocaleString(language) })}
      </div>
    );

  // The rows past the first ones sit in a wrapper of their own, which a keystroke that shortens the
  // list removes in one go. It has no role: to assistive technology the options are still the
  // listbox's (or their group's) own.
  const countryRows = (
    <>
      {firstCountries.map(renderOption)}
      {moreCountries.length > 0 && <div role="presentation">{moreCountries.map((option, index) => renderOption(option, FIRST_ROWS + index))}</div>}
    </>
  );

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
        onChange={(event) => search(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <p className="country-count" aria-live="polite">
        {options.length === 0 ? t('list.noResults', { query }) : t('list.count', { count: countryOptions.length })}
      </p>
      {query.trim() !== '' && (passages.searching || passages.error) && (
        <p className="country-count muted" role="status">
          {passages.error ? t('search.failed', { message: passages.error }) : t('search.searching')}
        </p>
      )}
      <div
        id="country-options"
        ref={listRef}
        role="listbox"
        aria-label={t('list.heading')}
        className="options"
        // The query the passage hits shown answer, and whether main is still searching (the bench waits on them).
        data-passage-query={passages.query}
        data-searching={passages.searching ? 'true' : undefined}
        // The search box keeps the focus when an option is clicked (the scroll bar works as ever).
        onMouseDown={(event) => {
          if (event.target instanceof Element && event.target.closest('[role="option"]')) event.preventDefault();
        }}
        onClick={onListClick}
        onScroll={(event) => (scrolled.current = event.currentTarget.scrollTop > 0)}
      >
        {query.trim() === '' ? (
          countryRows
        ) : (
          <>
            {countryOptions.length > 0 && (
              <div role="group" aria-labelledby="group-countries">
                <div id="group-countries" className="group-heading" role="presentation">
                  {t('search.countries')}
                </div>
                {countryRows}
              </div>
            )}
            {passageOptions.length > 0 && (
              <div role="group" aria-labelledby="group-passages">
                <div id="group-passages" className="group-heading" role="presentation">
                  {t('search.passagesTotal', { total: passages.total.toLocaleString(language) })}
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

interface CountryOptionProps {
  id: string;
  country: CountrySummary;
  language: Language;
  active: boolean;
  selected: boolean;
  /** The "not on the map" mark, or null. */
  noMap: string | null;
  /** What the map's colour says, for those who do not see the map; null where it says nothing. */
  tier: Tier | null;
}

const CountryOption = memo(function CountryOption({ id, country, language, active, selected, noMap, tier }: CountryOptionProps) {
  return (
    // Read as "Japan Partner": the tier the map's colour shows, in words, from the visible text.
    <div id={id} role="option" aria-selected={selected} data-active={active ? 'true' : undefined} className="option">
      <span className="flag" aria-hidden="true">
        {country.flag || '▫'}
      </span>
      <span className="name">{country.name[language]}</span>
      {tier && <TierBadge tier={tier} language={language} />}
      {noMap && <span className="muted">{noMap}</span>}
    </div>
  );
});

interface PassageOptionProps {
  id: string;
  snippet: string;
  ranges: readonly SnippetRange[];
  /** The countries it is about and its source, one line. */
  about: string;
  active: boolean;
}

/** A passage hit: its snippet as text with the matched words in <mark> (never HTML: markup in a document stays text). */
const PassageOption = memo(function PassageOption({ id, snippet, ranges, about, active }: PassageOptionProps) {
  const parts = useMemo(() => snippetParts(snippet, ranges), [snippet, ranges]);
  return (
    <div id={id} role="option" aria-selected={false} data-active={active ? 'true' : undefined} className="option passage-option">
      <span className="snippet">{parts.map((part, index) => (part.marked ? <mark key={index}>{part.text}</mark> : part.text))}</span>
      <span className="muted">{about}</span>
    </div>
  );
});
