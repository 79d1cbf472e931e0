import type { NoteView } from '../../../shared/contract';
import { normaliseTag } from '../../../shared/store/tags';
import { foldForSearch } from '../../../shared/text';

/** What the notes view filters by: a tag, and words that must all occur in the body or the tags. */
export interface NoteQuery {
  text?: string;
  tag?: string;
}

/**
 * Search as you type over the notes the app already holds, with the store's own rules (see
 * `filterNotes` in src/shared/notes/operations.ts, which main applies): a note matches when it has the
 * tag and every word of the text occurs in its body or tags, case and diacritics folded. Each
 * note's text is folded once and kept while the note is unchanged (same id and `updatedAt`), so a
 * keystroke over 10,000 notes only compares strings, and a save refolds only the note it changed.
 * The order of `views` is kept (the app's list is sorted already).
 */
export function createNoteSearch(): (views: readonly NoteView[], query: NoteQuery) => NoteView[] {
  let byKey = new Map<string, string>();
  let latest: { views: readonly NoteView[]; texts: string[] } | null = null;

  /** The folded text of each note of `views`, in order; computed once per list. */
  function haystacks(views: readonly NoteView[]): string[] {
    if (latest?.views === views) return latest.texts;
    const next = new Map<string, string>();
    const texts = views.map(({ note }) => {
      const key = `${note.id}\u0000${note.updatedAt}`;
      const text = byKey.get(key) ?? foldForSearch(`${note.body}\n${note.tags.join('\n')}`);
      next.set(key, text);
      return text;
    });
    // Only the notes of the latest list are kept: a changed or deleted note's old text goes.
    byKey = next;
    latest = { views, texts };
    return texts;
  }

  /** The last search: typing on narrows it, so only its results need looking at again. */
  let previous: { views: readonly NoteView[]; tag: string; words: string[]; indices: number[] } | null = null;

  return (views, query) => {
    const tag = query.tag === undefined ? '' : normaliseTag(query.tag);
    const words = foldForSearch(query.text ?? '')
      .split(/\s+/u)
      .filter((word) => word !== '');
    if (tag === '' && words.length === 0) {
      previous = null;
      return [...views];
    }
    const texts = words.length > 0 ? haystacks(views) : [];
    const candidates = previous && previous.views === views && previous.tag === tag && narrows(previous.words, words) ? previous.indices : views.map((_, index) => index);
    const indices = candidates.filter((index) => {
      const note = views[index]?.note;
      if (!note || (tag !== '' && !note.tags.includes(tag))) return false;
      const text = texts[index] ?? '';
      return words.every((word) => text.includes(word));
    });
    previous = { views, tag, words, indices };
    return indices.flatMap((index) => views[index] ?? []);
  };
}

/**
 * Whether every note matching `next` also matches `before`: each earlier word is part of a word
 * now (typing on, or adding a word), so the new results are among the earlier ones.
 */
export function narrows(before: readonly string[], next: readonly string[]): boolean {
  return before.every((word) => next.some((longer) => longer.includes(word)));
}
