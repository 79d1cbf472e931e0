import './notes.css';
import { memo, useDeferredValue, useMemo, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { CountrySummary, Language, Note, NoteView } from '../../../shared/contract';
import { useAtlas } from '../atlas/AtlasContext';
import { useInSteps } from '../ui/useInSteps';
import { createNoteSearch } from '../search/noteSearch';
import { firstRows } from '../search/rows';
import { useNotes } from './NotesContext';

interface NotesViewProps {
  onOpen: (countryId: string, passageId: string | null) => void;
  onExport: () => void;
}

/** Notes listed at first and added by "Show more": enough to fill the view, few enough to render at once. */
const PAGE = 30;

/** Notes rendered with the keystroke that changed the list, the rest of the page just after: more than the view shows. */
const FIRST_NOTES = 12;

const NO_NOTES: NoteView[] = [];

/**
 * Every note across countries: filter by tag, search the text, newest first (pinned on top). The
 * search runs as you type over the notes the app holds (createNoteSearch, the store's own rules),
 * and a long result is listed a page at a time, so a keystroke costs the same with 10 notes or
 * 10,000.
 */
export function NotesView({ onOpen, onExport }: NotesViewProps) {
  const { t, i18n } = useTranslation();
  const { names, language } = useAtlas();
  const { notes } = useNotes();
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const search = useMemo(() => createNoteSearch(), []);
  const shown = useMemo(() => search(notes, { text, tag }), [search, notes, text, tag]);
  const steps = useInSteps(shown.length, PAGE);
  const tags = useMemo(() => [...new Set(notes.flatMap(({ note }) => note.tags))].sort(), [notes]);
  const listed = useMemo(() => shown.slice(0, steps.shown), [shown, steps.shown]);
  const rendered = firstRows(listed, useDeferredValue(listed, NO_NOTES), FIRST_NOTES);
  const rowOf = useMemo(() => rowTexts(names, language, t, i18n.language), [names, language, t, i18n.language]);

  /** One handler for every note in the list, so its rows re-render only when their note changes. */
  function open(event: MouseEvent<HTMLOListElement>): void {
    const item = event.target instanceof Element ? event.target.closest('li[data-note]') : null;
    const view = item ? listed.find(({ note }) => note.id === item.getAttribute('data-note')) : undefined;
    if (!view) return;
    const { note, placement } = view;
    onOpen(note.target.countryId, note.target.kind === 'passage' && placement.kind === 'attached' ? note.target.passageId : null);
  }

  return (
    <section className="notes-view" aria-labelledby="notes-view-heading">
      <h2 id="notes-view-heading" className="visually-hidden">
        {t('notes.heading')}
      </h2>
      <div className="notes-filters">
        <label>
          {t('notes.search')}
          <input
            type="search"
            value={text}
            onChange={(event) => {
              setText(event.target.value);
              steps.reset();
            }}
          />
        </label>
        <label>
          {t('notes.filterTag')}
          <select
            value={tag}
            onChange={(event) => {
              setTag(event.target.value);
              steps.reset();
            }}
          >
            <option value="">{t('notes.allTags')}</option>
            {tags.map((name) => (
              <option key={name} value={name}>
                #{name}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={onExport}>
          {t('notes.export.run')}
        </button>
      </div>
      <p className="country-count" aria-live="polite">
        {t('notes.count', { count: shown.length })}
      </p>
      {notes.length === 0 ? (
        <p className="empty">{t('notes.emptyAll')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t('notes.noMatch')}</p>
      ) : (
        <ol className="notes-list" onClick={open}>
          {rendered.map(({ note }) => (
            <NoteRow key={note.id} {...rowOf(note)} />
          ))}
          {steps.left > 0 && (
            <li className="notes-more">
              <button type="button" onClick={steps.more}>
                {t('notes.showMore', { count: steps.next, left: steps.left })}
              </button>
            </li>
          )}
        </ol>
      )}
      <p className="muted notes-hint">{t('notes.mapMarker')}</p>
    </section>
  );
}

/**
 * A note's row text, worked out once per note object (the list refreshes them after a save), not
 * again on every keystroke that keeps the note in the list.
 */
function rowTexts(names: ReadonlyMap<string, CountrySummary>, language: Language, t: TFunction, locale: string): (note: Note) => NoteRowProps {
  const known = new WeakMap<Note, NoteRowProps>();
  return (note) => {
    const cached = known.get(note);
    if (cached) return cached;
    const country = names.get(note.target.countryId);
    const row = {
      id: note.id,
      country: `${country?.flag ?? ''} ${country?.name[language] ?? note.target.countryId}`,
      pinned: note.pinned,
      onPassage: note.target.kind === 'passage' ? t('notes.onPassage') : null,
      body: note.body.slice(0, 200),
      meta: `${note.tags.map((name) => `#${name}`).join(' ')} ${t('notes.updated', { date: new Date(note.updatedAt).toLocaleDateString(locale) })}`,
    };
    known.set(note, row);
    return row;
  };
}

interface NoteRowProps {
  id: string;
  /** Flag and name. */
  country: string;
  pinned: boolean;
  /** "On a passage", for a passage note. */
  onPassage: string | null;
  body: string;
  /** Tags and when the note was last changed. */
  meta: string;
}

/** One note of the list; its text comes from the list, so it re-renders only when that text changes. */
const NoteRow = memo(function NoteRow({ id, country, pinned, onPassage, body, meta }: NoteRowProps) {
  return (
    <li data-note={id}>
      <button type="button">
        <span className="notes-list-country">
          {country}
          {pinned && ' 📌'}
        </span>
        {onPassage && <span className="muted">{onPassage}</span>}
        <span className="notes-list-body">{body}</span>
        <span className="muted">{meta}</span>
      </button>
    </li>
  );
});
