import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NoteView } from '../../../shared/contract';
import { NoteCard } from './NoteCard';
import { notesOf, useNotes } from './NotesContext';

/** The notes on a whole country, with a way to add one. */
export function CountryNotes({ countryId }: { countryId: string }) {
  const { t } = useTranslation();
  const notes = notesOf(useNotes(), countryId);
  const [adding, setAdding] = useState(false);
  const mine = notes.filter(({ note }) => note.target.kind === 'country' && note.target.countryId === countryId);
  return (
    <section className="panel-notes" aria-labelledby="panel-notes-heading">
      <h3 id="panel-notes-heading">{t('notes.heading')}</h3>
      {mine.length === 0 && !adding && <p className="muted">{t('notes.empty')}</p>}
      {mine.map((view) => (
        <NoteCard key={view.note.id} view={view} target={{ kind: 'country', countryId }} />
      ))}
      {adding ? (
        <NoteCard view={null} target={{ kind: 'country', countryId }} startEditing onDiscard={() => setAdding(false)} />
      ) : (
        <button type="button" onClick={() => setAdding(true)}>
          {t('notes.add')}
        </button>
      )}
    </section>
  );
}

/** Notes whose passage has changed or vanished: kept, shown with the text they were written on. */
export function DetachedNotes({ countryId }: { countryId: string }) {
  const { t } = useTranslation();
  const notes = notesOf(useNotes(), countryId);
  const detached = notes.filter((view): view is NoteView & { placement: { kind: 'detached' } } => view.note.target.countryId === countryId && view.placement.kind === 'detached');
  if (detached.length === 0) return null;
  return (
    <section className="panel-detached" aria-labelledby="panel-detached-heading">
      <h3 id="panel-detached-heading">{t('notes.detachedHeading')}</h3>
      {detached.map((view) => (
        <div key={view.note.id} className="detached-note">
          <p className="muted">{view.placement.reason === 'passage-removed' ? t('notes.detachedRemoved') : t('notes.detachedChanged')}</p>
          {view.note.target.kind === 'passage' && <blockquote className="old-passage">{view.note.target.passageText}</blockquote>}
          <NoteCard view={view} target={{ kind: 'country', countryId }} />
        </div>
      ))}
    </section>
  );
}
