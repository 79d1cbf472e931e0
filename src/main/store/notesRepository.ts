import { randomUUID } from 'node:crypto';
import { CodedError } from '../../shared/codedError';
import {
  buildNote,
  countNotesByCountry,
  filterNotes,
  noteFilterSchema,
  notePatchSchema,
  parseInput,
  patchNote,
  validNote,
  type NewNoteInput,
  type NoteFilter,
  type NotePatch,
} from '../../shared/notes/operations';
import type { Note } from '../../shared/store/schema';
import type { Store } from './openStore';

/** Personal notes on countries and passages. Every method validates its input (CodedError `invalid-input`). */
export interface NotesRepository {
  /** Creates a note with a new id; resolves once it is on disk. */
  create(input: NewNoteInput): Promise<Note>;
  /** Changes the body, tags or pinned flag and moves `updatedAt` to now. Rejects `not-found`. */
  update(id: string, patch: NotePatch): Promise<Note>;
  /** Deletes a note and resolves with it exactly as it was, for `restore` to undo. Rejects `not-found`. */
  delete(id: string): Promise<Note>;
  /** Puts a deleted note back unchanged (same id and times). Rejects `already-exists`. */
  restore(note: Note): Promise<Note>;
  get(id: string): Note | undefined;
  /** Notes matching `filter`: pinned first, then most recently updated. */
  list(filter?: NoteFilter): Note[];
  /** Notes per country id, counting passage notes too; countries without notes are absent. */
  countsByCountry(): Record<string, number>;
  /** Every tag in use with how many notes carry it, most used first. */
  tags(): Array<{ tag: string; count: number }>;
}

/** Clock and id source, replaceable in tests. */
export interface NotesRepositoryOptions {
  now?: () => Date;
  newId?: () => string;
}

/** The notes repository over `store`. */
export function createNotesRepository(store: Store, options: NotesRepositoryOptions = {}): NotesRepository {
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? randomUUID;

  return {
    async create(input) {
      const note = buildNote(input, newId(), now());
      // A fresh random id cannot clash; the store's own check before writing would catch it anyway.
      await store.update((draft) => {
        draft.notes.push(note);
      });
      return note;
    },

    async update(id, patch) {
      const checked = parseInput(notePatchSchema, patch, 'note edit');
      const at = now();
      let updated: Note | undefined;
      await store.update((draft) => {
        const index = indexOf(draft.notes, id);
        updated = patchNote(draft.notes[index]!, checked, at);
        draft.notes[index] = updated;
      });
      return updated!;
    },

    async delete(id) {
      let deleted: Note | undefined;
      await store.update((draft) => {
        const index = indexOf(draft.notes, id);
        [deleted] = draft.notes.splice(index, 1);
      });
      return deleted!;
    },

    async restore(note) {
      const checked = validNote(note);
      await store.update((draft) => {
        if (draft.notes.some((existing) => existing.id === checked.id)) throw new CodedError('already-exists', `A note ${checked.id} exists already.`);
        draft.notes.push(checked);
      });
      return checked;
    },

    get: (id) => store.read().notes.find((note) => note.id === id),

    list: (filter = {}) => filterNotes(store.read().notes, parseInput(noteFilterSchema, filter, 'note filter')),

    countsByCountry: () => countNotesByCountry(store.read().notes),

    tags() {
      const counts = new Map<string, number>();
      for (const note of store.read().notes) for (const tag of note.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return [...counts]
        .map(([tag, count]) => ({ tag, count }))
        .sort((a, b) => b.count - a.count || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
    },
  };
}

function indexOf(notes: readonly Note[], id: string): number {
  const index = notes.findIndex((note) => note.id === id);
  if (index === -1) throw new CodedError('not-found', `There is no note ${id}.`);
  return index;
}
