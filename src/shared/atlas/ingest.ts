import { compactText } from '../text';
import { fnv1a64 } from './hash';
import type { Citation, Passage, PassageKind } from './types';

/** A plain-text source: a title line, then one passage per paragraph, then a block of captions. */
export interface SourceText {
  sourceId: string;
  title: string;
  text: string;
}

/** Longest line still taken for a caption when it sits in the final block of single lines. */
export const CAPTION_MAX_LENGTH = 200;

/**
 * Longest passage, in characters of the source: a longer paragraph (a document with no line breaks
 * is one paragraph) is cut into passages at sentence ends, so a panel shows the part that holds a
 * piece of evidence rather than a whole document, and a note or a search hit points somewhere
 * readable. The longest paragraph of the bundled article is under 1,000 characters.
 */
export const PASSAGE_MAX_LENGTH = 4000;

// A sentence's end: its stop, any closing quotes or brackets and citation markers, then whitespace.
const SENTENCE_END = /[.!?。！？]['"’”)\]]*(?:\[[^\]\s]{1,12}\])*\s+/g;

const CITATION_MARKER = /\[(\d{1,4}|[a-z]|note \d{1,4})\]/g;
const WHITESPACE_RUN = /\s+/g;
// Whitespace other than a lone space: a chunk without any is already collapsed, and is not copied.
const UNUSUAL_WHITESPACE = /[^\S ]| {2}/;

interface Block {
  lines: string[];
}

/**
 * Splits a source into passages in source order. The title line is not a passage; the final block of
 * short single lines is read as image captions, one passage per line.
 */
export function ingestSource(source: SourceText): Passage[] {
  const steps = ingestSourceSteps(source);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * {@link ingestSource} in steps of `batch` passages, for a caller that must not block for the whole
 * of a long source: each `next()` yields how much is done, from 0 to 1.
 */
export function* ingestSourceSteps(source: SourceText, batch = 2000): Generator<number, Passage[], void> {
  // Splitting megabytes into lines, then into blocks, are steps of their own: main breathes between them.
  const lines = dropTitle(source.text, source.title);
  yield 0;
  const blocks = splitBlocks(lines);
  yield 0;
  const drafts: { kind: PassageKind; raw: string }[] = [];
  blocks.forEach((block, position) => {
    if (position === blocks.length - 1 && isCaptionBlock(block)) {
      for (const line of block.lines) drafts.push({ kind: 'caption', raw: line });
      return;
    }
    for (const raw of cutLong(block.lines.join('\n'))) drafts.push({ kind: 'prose', raw });
  });

  const seen = new Map<string, number>();
  const passages: Passage[] = [];
  for (const [index, draft] of drafts.entries()) {
    const { text, citations } = normalisePassage(draft.raw);
    const base = passageId(source.sourceId, text);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    // Duplicates are numbered in source order, so the first occurrence keeps the bare id.
    const id = count === 1 ? base : `${base}-${String(count)}`;
    passages.push({ id, sourceId: source.sourceId, index, kind: draft.kind, text, citations });
    if ((index + 1) % batch === 0 && index + 1 < drafts.length) yield (index + 1) / drafts.length;
  }
  return passages;
}

/** The id a passage with this normalised text gets in this source (before any duplicate suffix). */
export function passageId(sourceId: string, normalisedText: string): string {
  return fnv1a64(`${sourceId}\n${normalisedText}`);
}

/**
 * Removes citation markers and collapses whitespace; each marker's offset is where it stood in the
 * returned text, so a marker between two words sits at the end of the first.
 */
export function normalisePassage(raw: string): { text: string; citations: Citation[] } {
  const source = raw.normalize('NFC');
  const citations: Citation[] = [];
  let text = '';
  let pendingSpace = false;
  let cursor = 0;

  // Whole runs at a time rather than character by character: an import can be millions of characters.
  const append = (chunk: string): void => {
    let body = UNUSUAL_WHITESPACE.test(chunk) ? chunk.replace(WHITESPACE_RUN, ' ') : chunk;
    if (body.startsWith(' ')) {
      body = body.slice(1);
      pendingSpace = text.length > 0;
    }
    const trailing = body.endsWith(' ');
    if (trailing) body = body.slice(0, -1);
    if (body !== '') {
      if (pendingSpace) text += ' ';
      pendingSpace = false;
      text += body;
    }
    if (trailing) pendingSpace = text.length > 0;
  };

  for (const marker of source.matchAll(CITATION_MARKER)) {
    append(source.slice(cursor, marker.index));
    citations.push({ label: marker[1] ?? '', offset: text.length });
    cursor = marker.index + marker[0].length;
  }
  append(source.slice(cursor));
  return { text: compactText(text), citations };
}

function dropTitle(text: string, title: string): string[] {
  // One plain split rather than a regular expression over what may be megabytes of text.
  const unmarked = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = (unmarked.includes('\r') ? unmarked.replace(/\r\n?/g, '\n') : unmarked).split('\n');
  const first = lines.findIndex((line) => line.trim() !== '');
  if (first === -1) return [];
  if (lines[first]?.trim() !== title.trim()) return lines;
  return lines.slice(first + 1);
}

function splitBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') {
      if (current.length > 0) blocks.push({ lines: current });
      current = [];
      continue;
    }
    current.push(line);
  }
  if (current.length > 0) blocks.push({ lines: current });
  return blocks;
}

/**
 * A paragraph as passages of at most `max` characters: each ends at the last sentence end in its
 * reach, or failing one past half of it at the last space, or failing that at `max` itself. Linear in
 * the paragraph: each cut looks at no more than `max` characters.
 */
export function cutLong(raw: string, max = PASSAGE_MAX_LENGTH): string[] {
  if (raw.length <= max) return [raw];
  const pieces: string[] = [];
  let from = 0;
  while (raw.length - from > max) {
    const reach = raw.slice(from, from + max + 1);
    let cut = 0;
    for (const end of reach.matchAll(SENTENCE_END)) {
      // The whitespace after the stop may run past the reach; the piece ends at the stop's end.
      const at = end.index + end[0].length;
      if (at <= max) cut = at;
    }
    if (cut <= max / 2) {
      const space = reach.search(/\s\S*$/);
      cut = space > max / 2 ? space + 1 : max;
      // Never between the two halves of a character outside the basic plane.
      const code = raw.charCodeAt(from + cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    const piece = raw.slice(from, from + cut).trim();
    if (piece !== '') pieces.push(piece);
    from += cut;
  }
  const rest = raw.slice(from).trim();
  if (rest !== '') pieces.push(rest);
  return pieces;
}

function isCaptionBlock(block: Block): boolean {
  if (block.lines.length < 2) return false;
  return block.lines.every((line) => line.trim().length <= CAPTION_MAX_LENGTH);
}
