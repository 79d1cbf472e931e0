import type { SnippetRange } from '../../../shared/contract';

/** Passage hits asked for at a time; *More passages* asks for the next as many. */
export const PASSAGE_PAGE = 20;

/** Whether main is asked to search passages for `query`: two letters or digits at least (one matches nearly everything). */
export function searchable(query: string): boolean {
  return (query.match(/[\p{L}\p{N}]/gu)?.length ?? 0) >= 2;
}

/** A piece of a snippet: plain text, marked where a query word matched it. */
export interface SnippetPart {
  text: string;
  marked: boolean;
}

/**
 * `snippet` cut into plain and marked parts by `ranges` (as main sends them; ranges out of order,
 * overlapping or past the end are put in order, merged and clipped, never trusted). The parts are
 * rendered as text and <mark> elements: a snippet is never HTML, whatever it contains.
 */
export function snippetParts(snippet: string, ranges: readonly SnippetRange[]): SnippetPart[] {
  const clipped = ranges
    .map(({ start, end }) => ({ start: Math.max(0, Math.min(snippet.length, Math.floor(start))), end: Math.max(0, Math.min(snippet.length, Math.floor(end))) }))
    .filter(({ start, end }) => end > start)
    .sort((a, b) => a.start - b.start);
  const parts: SnippetPart[] = [];
  let at = 0;
  for (const range of clipped) {
    const start = Math.max(range.start, at);
    if (range.end <= start) continue;
    if (start > at) parts.push({ text: snippet.slice(at, start), marked: false });
    const last = parts.at(-1);
    if (last?.marked && start === at) last.text += snippet.slice(start, range.end);
    else parts.push({ text: snippet.slice(start, range.end), marked: true });
    at = range.end;
  }
  if (at < snippet.length) parts.push({ text: snippet.slice(at), marked: false });
  return parts;
}
