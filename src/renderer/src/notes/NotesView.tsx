import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CountrySummary, Language, NoteView } from '../../../shared/contract';
import { atlas, unwrap } from '../app/client';
import { useNotes } from './NotesContext';

interface NotesViewProps {
  names: ReadonlyMap<string, CountrySummary>;
  language: Language;
  onOpen: (countryId: string, passageId: string | null) => void;
  onExport: () => void;
}

/** Every note across countries: filter by tag, search the text, newest first (pinned on top). */
export function NotesView({ names, language, onOpen, onExport }: NotesViewProps) {
  const { t, i18n } = useTranslation();
  const { notes } = useNotes();
  const [text, setText] = useState('');
  const [tag, setTag] = useState('');
  const [shown, setShown] = useState<readonly NoteView[]>(notes);
  const tags = useMemo(() => [...new Set(notes.flatMap(({ note }) => note.tags))].sort(), [notes]);

  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      const filter = { ...(text.trim() ? { text: text.trim() } : {}), ...(tag ? { tag } : {}) };
      void unwrap(atlas().notes.list(filter)).then((list) => {
        if (current) setShown(list);
      });
    }, 150);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text, tag, notes]);

  return (
    <section className="notes-view" aria-labelledby="notes-view-heading">
      <h2 id="notes-view-heading" className="visually-hidden">
        {t('notes.heading')}
      </h2>
      <div className="notes-filters">
        <label>
          {t('notes.search')}
          <input type="search" value={text} onChange={(event) => setText(event.target.value)} />
        </label>
        <label>
          {t('notes.filterTag')}
          <select value={tag} onChange={(event) => setTag(event.target.value)}>
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
        <ol className="notes-list">
          {shown.map(({ note, placement }) => {
            const country = names.get(note.target.countryId);
            return (
              <li key={note.id}>
                <button type="button" onClick={() => onOpen(note.target.countryId, note.target.kind === 'passage' && placement.kind === 'attached' ? note.target.passageId : null)}>
                  <span className="notes-list-country">
                    {country?.flag} {country?.name[language] ?? note.target.countryId}
                    {note.pinned && ' 📌'}
                  </span>
                  {note.target.kind === 'passage' && <span className="muted">{t('notes.onPassage')}</span>}
                  <span className="notes-list-body">{note.body.slice(0, 200)}</span>
                  <span className="muted">
                    {note.tags.map((name) => `#${name}`).join(' ')} {t('notes.updated', { date: new Date(note.updatedAt).toLocaleDateString(i18n.language) })}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <p className="muted notes-hint">{t('notes.mapMarker')}</p>
    </section>
  );
}
