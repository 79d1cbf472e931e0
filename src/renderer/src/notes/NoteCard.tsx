import { memo, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note, NoteView } from '../../../shared/contract';
import { useToast } from '../ui/Toasts';
import { errorText } from './errorText';
import { renderMarkdown } from './markdown';
import { useNoteActions } from './NotesContext';

const AUTOSAVE_MS = 700;

type SaveState = { kind: 'saved' } | { kind: 'unsaved' } | { kind: 'saving' } | { kind: 'failed'; reason: string };

/** What a new note is about, until its first save gives it an id. */
export type NoteTargetDraft = { kind: 'country'; countryId: string } | { kind: 'passage'; countryId: string; passageId: string; passageText: string };

interface NoteCardProps {
  /** An existing note, or null for a new one on `target`. */
  view: NoteView | null;
  target: NoteTargetDraft;
  /** Start in the editor (a new note, or after choosing Edit). */
  startEditing?: boolean;
  /** Called when a new note's editor is closed without anything written. */
  onDiscard?: () => void;
}

/** A link in a note never navigates the app: it is offered to the OS browser (main asks first). */
function openLinksOutside(event: ReactMouseEvent<HTMLElement>): void {
  const link = (event.target as HTMLElement).closest('a');
  if (!link) return;
  event.preventDefault();
  window.open(link.href, '_blank', 'noopener');
}

function splitTags(text: string): string[] {
  return text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');
}

/** Same note, same target, same options: the card would render the same. */
function sameCard(before: NoteCardProps, after: NoteCardProps): boolean {
  const a = before.target;
  const b = after.target;
  const sameTarget =
    a.kind === b.kind && a.countryId === b.countryId && (a.kind === 'country' || (b.kind === 'passage' && a.passageId === b.passageId && a.passageText === b.passageText));
  return before.view === after.view && sameTarget && before.startEditing === after.startEditing && before.onDiscard === after.onDiscard;
}

/**
 * One note: its Markdown rendered safely, or an editor that saves as you type (debounced) and says
 * whether the text is saved. A failed save keeps the text in the editor and offers to retry. A card
 * re-renders only when its own note changes (a save elsewhere leaves it alone), and parses its
 * Markdown again only when the text does.
 */
export const NoteCard = memo(function NoteCard({ view, target, startEditing = false, onDiscard }: NoteCardProps) {
  const { t, i18n } = useTranslation();
  const notes = useNoteActions();
  const toast = useToast();
  const [editing, setEditing] = useState(startEditing);
  const [body, setBody] = useState(view?.note.body ?? '');
  const [tags, setTags] = useState((view?.note.tags ?? []).join(', '));
  const [state, setState] = useState<SaveState>({ kind: 'saved' });
  // The id is read by saves still in flight (a ref) and by the markup (state).
  const noteId = useRef<string | null>(view?.note.id ?? null);
  const [savedId, setSavedId] = useState<string | null>(view?.note.id ?? null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ body: view?.note.body ?? '', tags: (view?.note.tags ?? []).join(', ') });
  const saving = useRef<Promise<void>>(Promise.resolve());
  // The latest `save` (it reads this render's target), for the flushes below.
  const saveLatest = useRef<() => Promise<void>>(() => Promise.resolve());
  useEffect(() => {
    saveLatest.current = save;
  });

  // A pending autosave is saved, not dropped, when the card goes (panel closed, another country
  // chosen) and when the page is hidden or goes away (window closed, reload, quit).
  useEffect(() => {
    const flush = () => {
      if (timer.current !== undefined) void saveLatest.current();
    };
    const off = notes.onLeave(flush);
    return () => {
      off();
      flush();
    };
  }, [notes]);

  function save(): Promise<void> {
    clearTimeout(timer.current);
    timer.current = undefined;
    const run = async () => {
      const { body: text, tags: tagText } = latest.current;
      if (noteId.current === null && text.trim() === '') return;
      setState({ kind: 'saving' });
      try {
        if (noteId.current === null) {
          const created = await notes.create({ target: target.kind === 'country' ? { kind: 'country', countryId: target.countryId } : target, body: text, tags: splitTags(tagText) });
          noteId.current = created.id;
          setSavedId(created.id);
        } else {
          await notes.update(noteId.current, { body: text, tags: splitTags(tagText) });
        }
        if (latest.current.body === text && latest.current.tags === tagText) setState({ kind: 'saved' });
      } catch (error) {
        setState({ kind: 'failed', reason: errorText(t, error) });
      }
    };
    saving.current = saving.current.then(run, run);
    return saving.current;
  }

  function changed(next: { body?: string; tags?: string }): void {
    latest.current = { ...latest.current, ...next };
    if (next.body !== undefined) setBody(next.body);
    if (next.tags !== undefined) setTags(next.tags);
    setState({ kind: 'unsaved' });
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), AUTOSAVE_MS);
  }

  async function finish(): Promise<void> {
    if (state.kind !== 'saved') await save();
    if (noteId.current === null && latest.current.body.trim() === '') {
      onDiscard?.();
      return;
    }
    setEditing(false);
  }

  async function remove(): Promise<void> {
    if (!noteId.current) return onDiscard?.();
    try {
      const removed: Note = await notes.remove(noteId.current);
      toast.show(t('notes.deleted'), { label: t('notes.undo'), run: () => void notes.restore(removed) });
    } catch (error) {
      setState({ kind: 'failed', reason: errorText(t, error) });
    }
  }

  const note = view?.note;
  const markdown = note?.body;
  const refused = t('notes.linkRefused');
  const bodyHtml = useMemo(() => (markdown === undefined ? '' : renderMarkdown(markdown, refused)), [markdown, refused]);
  const status = (
    <p className="save-state" data-state={state.kind} role="status">
      {state.kind === 'failed' ? (
        <>
          {t('notes.status.failed', { reason: state.reason })}{' '}
          <button type="button" className="link-button" onClick={() => void save()}>
            {t('notes.status.retry')}
          </button>
        </>
      ) : (
        t(`notes.status.${state.kind}`)
      )}
    </p>
  );

  if (editing) {
    return (
      <div className="note-card editing" data-note={savedId ?? 'new'}>
        <label className="visually-hidden" htmlFor={`note-body-${savedId ?? target.kind}`}>
          {t('notes.bodyLabel')}
        </label>
        <textarea
          id={`note-body-${savedId ?? target.kind}`}
          value={body}
          placeholder={t('notes.placeholder')}
          rows={5}
          autoFocus
          onChange={(event) => changed({ body: event.target.value })}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              void finish();
            }
          }}
        />
        <label className="note-tags">
          {t('notes.tags')}
          <input value={tags} placeholder={t('notes.tagsHint')} onChange={(event) => changed({ tags: event.target.value })} />
        </label>
        <div className="note-actions">
          {status}
          <button type="button" onClick={() => void finish()}>
            {t('notes.done')}
          </button>
          <button type="button" onClick={() => void remove()} aria-label={t('notes.delete')}>
            🗑
          </button>
        </div>
      </div>
    );
  }

  if (!note) return null;
  return (
    <article className="note-card" data-note={note.id} data-pinned={note.pinned ? 'true' : undefined}>
      {/* Rendered through marked with raw HTML escaped, then DOMPurify: see markdown.ts. */}
      <div className="note-body" onClick={openLinksOutside} dangerouslySetInnerHTML={{ __html: bodyHtml }} />
      <footer className="note-meta">
        {note.pinned && <span className="pin">📌 {t('notes.pinned')}</span>}
        {note.tags.map((tag) => (
          <span key={tag} className="tag">
            #{tag}
          </span>
        ))}
        <span className="muted">{t('notes.updated', { date: new Date(note.updatedAt).toLocaleString(i18n.language) })}</span>
        <span className="note-buttons">
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            {t('notes.edit')}
          </button>
          <button type="button" className="link-button" onClick={() => void notes.update(note.id, { pinned: !note.pinned })}>
            {note.pinned ? t('notes.unpin') : t('notes.pin')}
          </button>
          <button type="button" className="link-button" onClick={() => void remove()}>
            {t('notes.delete')}
          </button>
        </span>
      </footer>
      {state.kind === 'failed' && status}
    </article>
  );
}, sameCard);
