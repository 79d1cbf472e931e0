import { z } from 'zod';
import { CodedError } from '../codedError';
import { countryIdSchema, NOTE_BODY_MAX, noteSchema, noteTargetSchema, TAG_MAX, type Note } from '../store/schema';
import { foldForSearch } from '../text';
import { normaliseTag } from '../store/tags';

/** Tags as typed by the user: normalised and de-duplicated before they are stored. */
const rawTagsSchema = z.array(z.string().max(TAG_MAX * 4)).max(200);

/** What it takes to create a note. */
export const newNoteInputSchema = z.strictObject({
  target: noteTargetSchema,
  body: z.string().max(NOTE_BODY_MAX),
  tags: rawTagsSchema.optional(),
  pinned: z.boolean().optional(),
});
export type NewNoteInput = z.infer<typeof newNoteInputSchema>;

/** The parts of a note an edit may change; the target and times are not among them. */
export const notePatchSchema = z
  .strictObject({
    body: z.string().max(NOTE_BODY_MAX).optional(),
    tags: rawTagsSchema.optional(),
    pinned: z.boolean().optional(),
  })
  .refine((patch) => patch.body !== undefined || patch.tags !== undefined || patch.pinned !== undefined, 'The edit changes nothing.');
export type NotePatch = z.infer<typeof notePatchSchema>;

/** Which notes a list shows; every given criterion must hold. */
export const noteFilterSchema = z.strictObject({
  tag: z.string().max(TAG_MAX * 4).optional(),
  /** Words that must all occur in the body or the tags, ignoring case and diacritics. */
  text: z.string().max(1_000).optional(),
  countryId: countryIdSchema.optional(),
});
export type NoteFilter = z.infer<typeof noteFilterSchema>;

/** Parses `input` with `schema`, or throws the CodedError an IPC handler can pass on. */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new CodedError('invalid-input', `Invalid ${what}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

/** Normalises tags and drops empty and repeated ones, keeping the user's order. */
export function normaliseTags(raw: readonly string[]): string[] {
  const tags: string[] = [];
  for (const tag of raw.map(normaliseTag)) {
    if (tag !== '' && !tags.includes(tag)) tags.push(tag);
  }
  return tags;
}

/** A new note, validated; `id` and `now` come from the caller so this stays pure. */
export function buildNote(input: unknown, id: string, now: Date): Note {
  const { target, body, tags = [], pinned = false } = parseInput(newNoteInputSchema, input, 'note');
  const stamp = now.toISOString();
  return validNote({ id, target, body, tags: normaliseTags(tags), pinned, createdAt: stamp, updatedAt: stamp });
}

/** `note` with `patch` applied and `updatedAt` moved to `now`. */
export function patchNote(note: Note, patch: unknown, now: Date): Note {
  const { body, tags, pinned } = parseInput(notePatchSchema, patch, 'note edit');
  return validNote({
    ...note,
    body: body ?? note.body,
    tags: tags === undefined ? note.tags : normaliseTags(tags),
    pinned: pinned ?? note.pinned,
    updatedAt: now.toISOString(),
  });
}

/** Checks a whole note (one coming back for undo, or just built) against the stored schema. */
export function validNote(note: unknown): Note {
  return parseInput(noteSchema, note, 'note');
}


/** The notes matching `filter`, sorted as every list shows them (see `compareNotes`). */
export function filterNotes(notes: readonly Note[], filter: NoteFilter = {}): Note[] {
  const tag = filter.tag === undefined ? undefined : normaliseTag(filter.tag);
  const words = filter.text === undefined ? [] : foldForSearch(filter.text).split(/\s+/u).filter((word) => word !== '');
  return notes
    .filter((note) => {
      if (filter.countryId !== undefined && note.target.countryId !== filter.countryId) return false;
      if (tag !== undefined && tag !== '' && !note.tags.includes(tag)) return false;
      if (words.length === 0) return true;
      const haystack = foldForSearch(`${note.body}\n${note.tags.join('\n')}`);
      return words.every((word) => haystack.includes(word));
    })
    .sort(compareNotes);
}

/** Pinned notes first, then the most recently updated; ties broken by id so the order is stable. */
export function compareNotes(a: Note, b: Note): number {
  if (a.pinned !== b.pinned) return a.pinned ? -1 : 1;
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** How many notes each country has (country and passage notes alike), for marking the map. */
export function countNotesByCountry(notes: readonly Note[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const note of notes) counts.set(note.target.countryId, (counts.get(note.target.countryId) ?? 0) + 1);
  return Object.fromEntries(counts);
}

/** Where a note belongs now that the atlas may have changed under it. */
export type NotePlacement =
  | { kind: 'country' }
  | { kind: 'attached' }
  /** The passage is gone, or reads differently: show the note apart, with `note.target.passageText`. */
  | { kind: 'detached'; reason: 'passage-removed' | 'passage-changed' };

/** A note with its placement. */
export interface PlacedNote {
  note: Note;
  placement: NotePlacement;
}

/**
 * Places one country's notes against that country's current passages. A passage note whose passage
 * has vanished or whose text has changed is marked detached, never dropped: the user wrote it about
 * the old text, which the note still carries. Whitespace and Unicode composition differences alone
 * do not detach a note.
 */
export function attachNotes(notes: readonly Note[], currentText: ReadonlyMap<string, string>): PlacedNote[] {
  // Only the passages notes point at are compared: an imported document can hold 50,000 passages.
  return notes.map((note): PlacedNote => {
    if (note.target.kind === 'country') return { note, placement: { kind: 'country' } };
    const current = currentText.get(note.target.passageId);
    if (current === undefined) return { note, placement: { kind: 'detached', reason: 'passage-removed' } };
    if (comparable(current) !== comparable(note.target.passageText)) return { note, placement: { kind: 'detached', reason: 'passage-changed' } };
    return { note, placement: { kind: 'attached' } };
  });
}

function comparable(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
