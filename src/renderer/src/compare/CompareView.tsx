import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TierId } from '../../../shared/atlas';
import { EVENT_PAGE_MAX } from '../../../shared/atlas/pages';
import type { CountryDetail, CountryOverview } from '../../../shared/atlas/summary';
import type { CountrySummary } from '../../../shared/contract';
import { useAtlas } from '../atlas/AtlasContext';
import { PageError } from '../atlas/PageError';
import { useCountryDetail, useEvents } from '../atlas/usePages';
import { formatEventDate, yearRowOf } from '../../../shared/briefing/format';
import { TierBadge } from '../legend/TierBadge';
import { createCountryFilter } from '../search/filterCountries';
import { notesOf, useNotes } from '../notes/NotesContext';
import './compare.css';

interface TimelineRow {
  date: string;
  sentence: string;
}

export interface ComparePair {
  a: string;
  /** Null while the user chooses the second country. */
  b: string | null;
}

interface CompareViewProps {
  pair: ComparePair;
  onPair: (pair: ComparePair) => void;
  onClose: () => void;
  onExportPdf: (a: string, b: string) => void;
}

/** Evidence sentences of a country, each once, in the order the atlas gives them (the first few; main sends no more). */
function evidenceSentences(detail: CountryDetail | null): string[] {
  return [...new Set((detail?.evidence ?? []).map((line) => line.sentence))];
}

/** Deciding passages the evidence sentences do not show: the panel lists them. */
function evidenceLeft(entry: CountryOverview | undefined, detail: CountryDetail | null): number {
  return entry && detail ? entry.decidingPassages - new Set(detail.evidence.map((line) => line.passageId)).size : 0;
}

/** Dated events of each country compared: the first page of each (oldest first), as many as main sends at once. */
export const COMPARE_EVENTS = EVENT_PAGE_MAX;

/** Two countries side by side: tiers with evidence, key facts, timelines by year and notes. */
export function CompareView({ pair, onPair, onClose, onExportPdf }: CompareViewProps) {
  const { t } = useTranslation();
  const { countries, names, language } = useAtlas();
  const [changing, setChanging] = useState<'a' | 'b' | null>(pair.b === null ? 'b' : null);
  const heading = useRef<HTMLHeadingElement>(null);
  const nameOf = (id: string) => names.get(id)?.name[language] ?? id;

  useEffect(() => {
    if (changing === null) heading.current?.focus();
  }, [changing]);

  const choose = (id: string) => {
    if (changing === 'a') onPair({ a: id, b: pair.b });
    else onPair({ a: pair.a, b: id });
    setChanging(null);
  };

  const fixed = changing === 'a' ? pair.b : pair.a;
  const title = pair.b ? t('compare.title', { a: nameOf(pair.a), b: nameOf(pair.b) }) : t('compare.region');

  return (
    <section className="compare" aria-labelledby="compare-heading" data-testid="compare-view">
      <header className="compare-header">
        <h2 id="compare-heading" ref={heading} tabIndex={-1}>
          {title}
        </h2>
        <div className="compare-actions">
          {pair.b && (
            <>
              <button type="button" onClick={() => onPair({ a: pair.b!, b: pair.a })}>
                {t('compare.swap')}
              </button>
              <button type="button" className="primary" onClick={() => onExportPdf(pair.a, pair.b!)}>
                {t('compare.export')}
              </button>
            </>
          )}
          <button type="button" className="icon-button" onClick={onClose} aria-label={t('compare.close')} title={t('compare.close')}>
            ×
          </button>
        </div>
      </header>
      {changing !== null && fixed !== null && (
        <CountryPicker
          label={t('compare.choose', { name: nameOf(fixed) })}
          countries={countries.filter((country) => country.id !== fixed)}
          onChoose={choose}
          onCancel={() => (pair.b === null ? onClose() : setChanging(null))}
        />
      )}
      {pair.b !== null && (
        <div className="compare-body">
          <CompareTable ids={[pair.a, pair.b]} onChange={setChanging} />
        </div>
      )}
    </section>
  );
}

function CompareTable({ ids, onChange }: { ids: [string, string]; onChange: (side: 'a' | 'b') => void }) {
  const { t } = useTranslation();
  const { atlas, view, names, language } = useAtlas();
  const notes = useNotes();
  const left = useEvents(view, { countryId: ids[0] }, COMPARE_EVENTS);
  const right = useEvents(view, { countryId: ids[1] }, COMPARE_EVENTS);
  // Evidence lines come with each country's detail from main.
  const details = [useCountryDetail(view, ids[0]), useCountryDetail(view, ids[1])] as const;
  const columns = ids.map((id, side) => {
    const entry = atlas.country(id);
    const more = details[side]!;
    const summary = names.get(id);
    const override = notes.overrides.get(id);
    return {
      id,
      name: summary?.name[language] ?? id,
      entry,
      summary,
      tier: atlas.tier(atlas.tierOf(id)),
      yours: override ? { tier: atlas.tier(override.tier as TierId), reason: override.reason } : null,
      more,
      evidence: evidenceSentences(more.detail),
      evidenceLeft: evidenceLeft(entry, more.detail),
      notes: notesOf(notes, id),
    };
  });
  const years = useMemo(() => {
    // Each event with the sentence it comes from: the date alone says nothing.
    const rows = new Map<string, { label: string; order: number; sides: [TimelineRow[], TimelineRow[]] }>();
    [left.items, right.items].forEach((events, side) => {
      for (const event of events) {
        const { key, label, order } = yearRowOf(event.date, language);
        let row = rows.get(key)?.sides;
        if (!row) rows.set(key, { label, order, sides: (row = [[], []]) });
        const list = row[side]!;
        const { sentence } = event;
        if (!list.some((item) => item.sentence === sentence)) list.push({ date: formatEventDate(event.date, language), sentence });
      }
    });
    return [...rows.values()].sort((x, y) => x.order - y.order);
  }, [left.items, right.items, language]);
  const capped = [left, right].some((events) => events.left > 0);
  const failed = [left, right].find((events) => events.error !== null);

  return (
    <>
      <div className="compare-columns">
        {columns.map((column, index) => (
          <section key={column.id} className="compare-column" aria-labelledby={`compare-${index}-name`} data-country={column.id}>
            <header className="compare-column-header">
              <h3 id={`compare-${index}-name`}>
                <span aria-hidden="true">{column.summary?.flag} </span>
                {column.name}
              </h3>
              <button type="button" onClick={() => onChange(index === 0 ? 'a' : 'b')} aria-label={`${t('compare.change')}: ${column.name}`}>
                {t('compare.change')}
              </button>
            </header>
            <h4>{t('compare.tier')}</h4>
            <p className="compare-tier">
              <span className="muted">{t('compare.sourcesTier')} </span>
              <TierBadge tier={column.tier} language={language} />
            </p>
            {column.yours && (
              <p className="compare-tier compare-yours">
                <span className="muted">{t('compare.yourTier')} </span>
                <TierBadge tier={column.yours.tier} language={language} />
                {column.yours.reason && <span className="compare-reason"> — {column.yours.reason}</span>}
              </p>
            )}
            <h4>{t('compare.evidence')}</h4>
            {column.more.error !== null ? (
              <PageError error={column.more.error} onRetry={column.more.retry} />
            ) : column.more.detail === null && (column.entry?.decidingPassages ?? 0) > 0 ? (
              <p className="muted">{t('pages.loading')}</p>
            ) : column.evidence.length > 0 ? (
              <ul className="compare-evidence">
                {column.evidence.map((sentence) => (
                  <li key={sentence} lang="en">
                    {sentence}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('compare.noEvidence')}</p>
            )}
            {column.evidenceLeft > 0 && <p className="muted compare-more">{t('pages.compareEvidenceLeft', { count: column.evidenceLeft })}</p>}
            <h4>{t('compare.facts')}</h4>
            <dl className="compare-facts">
              <dt>{t('compare.capital')}</dt>
              <dd>{column.summary?.capital.join(', ') || '—'}</dd>
              <dt>{t('compare.passages')}</dt>
              <dd>{column.entry?.passages ?? 0}</dd>
            </dl>
            <h4>{t('compare.notes')}</h4>
            {column.notes.length > 0 ? (
              <ul className="compare-notes">
                {column.notes.map(({ note }) => (
                  <li key={note.id} className="compare-note">
                    {note.body}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted">{t('compare.noNotes')}</p>
            )}
          </section>
        ))}
      </div>
      <section className="compare-timeline" aria-labelledby="compare-timeline-heading">
        <h3 id="compare-timeline-heading">{t('compare.timeline')}</h3>
        {failed && <PageError error={failed.error!} onRetry={failed.retry} />}
        {capped && (
          <p className="muted compare-more">
            {[left, right]
              .map((events, side) => (events.left > 0 ? t('pages.compareEventsCapped', { name: columns[side]!.name, shown: events.items.length, count: events.total ?? 0 }) : null))
              .filter(Boolean)
              .join(' ')}
          </p>
        )}
        {left.total === null || right.total === null ? (
          <p className="muted">{t('pages.loading')}</p>
        ) : years.length === 0 ? (
          <p className="muted">{t('compare.noEvents')}</p>
        ) : (
          <table>
            <thead>
              <tr>
                <td />
                <th scope="col">{columns[0]!.name}</th>
                <th scope="col">{columns[1]!.name}</th>
              </tr>
            </thead>
            <tbody>
              {years.map(({ label, sides: [left, right] }) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  {[left, right].map((items, side) => (
                    <td key={side}>
                      {items.map((item) => (
                        <p key={item.sentence} className="compare-event">
                          <strong>{item.date}</strong> — <span lang="en">{item.sentence}</span>
                        </p>
                      ))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

/** A searchable list operated from the keyboard: type to filter, arrows to move, Enter to choose, Esc to back out. */
function CountryPicker({
  label,
  countries,
  onChoose,
  onCancel,
}: {
  label: string;
  countries: readonly CountrySummary[];
  onChoose: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const { language } = useAtlas();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const inputId = useId();
  // The same search as the country list: any name or code, names that start with the query first.
  const filter = useMemo(
    () => createCountryFilter([...countries].sort((x, y) => x.name[language].localeCompare(y.name[language], language))),
    [countries, language],
  );
  const matches = useMemo(() => filter(query), [filter, query]);

  useEffect(() => input.current?.focus(), []);
  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, listId]);

  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') setActive((i) => Math.min(i + 1, matches.length - 1));
    else if (event.key === 'ArrowUp') setActive((i) => Math.max(i - 1, 0));
    else if (event.key === 'Enter' && matches[active]) onChoose(matches[active].id);
    else if (event.key === 'Escape') onCancel();
    else return;
    event.preventDefault();
  };

  return (
    <div className="compare-picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        ref={input}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={matches[active] ? `${listId}-${active}` : undefined}
        placeholder={t('compare.searchPlaceholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKey}
      />
      <ul id={listId} role="listbox" aria-label={t('compare.chooseLabel')} className="compare-options">
        {matches.map((country, index) => (
          <li
            key={country.id}
            id={`${listId}-${index}`}
            role="option"
            aria-selected={index === active}
            data-country={country.id}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onChoose(country.id)}
          >
            <span aria-hidden="true">{country.flag} </span>
            {country.name[language]}
          </li>
        ))}
      </ul>
      {matches.length === 0 && <p className="muted">{t('compare.noMatch')}</p>}
    </div>
  );
}
