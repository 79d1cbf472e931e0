import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Passage } from '../../../shared/atlas';
import { NoteCard } from './NoteCard';
import { notesOf, useNotes } from './NotesContext';

/** The notes attached to one passage of a country, and the button to add one. */
export function PassageNotes({ countryId, passage }: { countryId: string; passage: Pick<Passage, 'id' | 'text'> }) {
  const { t } = useTranslation();
  // Only this country's notes are looked at: the panel has one of these per passage.
  const notes = notesOf(useNotes(), countryId);
  const [adding, setAdding] = useState(false);
  const attached = notes.filter(
    ({ note, placement }) => placement.kind === 'attached' && note.target.kind === 'passage' && note.target.passageId === passage.id && note.target.countryId === countryId,
  );
  const target = { kind: 'passage' as const, countryId, passageId: passage.id, passageText: passage.text };
  return (
    <div className="passage-notes">
      {attached.length > 0 && (
        <p className="passage-note-count" aria-label={t('notes.passageNotes', { count: attached.length })}>
          📝 {attached.length}
        </p>
      )}
      {attached.map((view) => (
        <NoteCard key={view.note.id} view={view} target={target} />
      ))}
      {adding ? (
        <NoteCard view={null} target={target} startEditing onDiscard={() => setAdding(false)} />
      ) : (
        <button type="button" className="link-button add-passage-note" onClick={() => setAdding(true)}>
          {t('notes.addOnPassage')}
        </button>
      )}
    </div>
  );
}
