import type { Note, NoteView } from '../../../shared/contract';
import { compareNotes, type NotePlacement } from '../../../shared/notes/operations';

/**
 * `views` with `note` put where the store's own list would have it (see `compareNotes`): the note
 * with the same id is replaced, keeping its placement unless `placement` is given, or the note is
 * inserted. A passage note that is not in `views` needs its `placement` (only main can tell it);
 * without one, `views` is returned as it is. `views` must already be in that order, as every list
 * from main is; it is not changed.
 */
export function placeNote(views: readonly NoteView[], note: Note, placement?: NotePlacement): readonly NoteView[] {
  const kept = placement ?? views.find((view) => view.note.id === note.id)?.placement ?? (note.target.kind === 'country' ? { kind: 'country' as const } : undefined);
  if (!kept) return views;
  const view: NoteView = { note, placement: kept };
  const next: NoteView[] = [];
  let placed = false;
  for (const current of views) {
    if (current.note.id === note.id) continue;
    if (!placed && compareNotes(note, current.note) < 0) {
      next.push(view);
      placed = true;
    }
    next.push(current);
  }
  if (!placed) next.push(view);
  return next;
}

/** `views` without the note `id` (the same array when it is not there). */
export function dropNote(views: readonly NoteView[], id: string): readonly NoteView[] {
  const index = views.findIndex((view) => view.note.id === id);
  if (index < 0) return views;
  return [...views.slice(0, index), ...views.slice(index + 1)];
}

/**
 * Notes per country (country and passage notes). `previous` is returned when the counts are the
 * same, so what depends on them (the map's note markers) does not redo its work after a save that
 * only changed a note's text.
 */
export function countNotes(views: readonly NoteView[], previous?: ReadonlyMap<string, number>): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const { note } of views) counts.set(note.target.countryId, (counts.get(note.target.countryId) ?? 0) + 1);
  if (previous && previous.size === counts.size && [...counts].every(([id, count]) => previous.get(id) === count)) return previous;
  return counts;
}

/**
 * The notes of each country (country and passage notes), in the order of `views`. A country whose
 * notes are the same objects as in `previous` keeps its array from there, so a save changes the
 * array of its own country only. The panel's note lists read their country's notes from here
 * rather than filtering all the notes each (one list per passage, each over 10,000 notes).
 */
export function groupByCountry(
  views: readonly NoteView[],
  previous?: ReadonlyMap<string, readonly NoteView[]>,
): ReadonlyMap<string, readonly NoteView[]> {
  const groups = new Map<string, NoteView[]>();
  for (const view of views) {
    const countryId = view.note.target.countryId;
    const group = groups.get(countryId);
    if (group) group.push(view);
    else groups.set(countryId, [view]);
  }
  if (!previous) return groups;
  const result = new Map<string, readonly NoteView[]>();
  for (const [countryId, group] of groups) {
    const before = previous.get(countryId);
    result.set(countryId, before && before.length === group.length && before.every((view, index) => view === group[index]) ? before : group);
  }
  return result;
}
