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

const CITATION_MARKER = /\[(\d{1,4}|[a-z]|note \d{1,4})\]/g;

interface Block {
  lines: string[];
}

/**
 * Splits a source into passages in source order. The title line is not a passage; the final block of
 * short single lines is read as image captions, one passage per line.
 */
export function ingestSource(source: SourceText): Passage[] {
  const blocks = splitBlocks(dropTitle(source.text, source.title));
  const drafts: { kind: PassageKind; raw: string }[] = [];
  blocks.forEach((block, position) => {
    if (position === blocks.length - 1 && isCaptionBlock(block)) {
      for (const line of block.lines) drafts.push({ kind: 'caption', raw: line });
      return;
    }
    drafts.push({ kind: 'prose', raw: block.lines.join('\n') });
  });

  const seen = new Map<string, number>();
  return drafts.map((draft, index): Passage => {
    const { text, citations } = normalisePassage(draft.raw);
    const base = passageId(source.sourceId, text);
    const count = (seen.get(base) ?? 0) + 1;
    seen.set(base, count);
    // Duplicates are numbered in source order, so the first occurrence keeps the bare id.
    const id = count === 1 ? base : `${base}-${String(count)}`;
    return { id, sourceId: source.sourceId, index, kind: draft.kind, text, raw: draft.raw, citations };
  });
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

  const append = (chunk: string): void => {
    for (const symbol of chunk) {
      if (/\s/u.test(symbol)) {
        pendingSpace = text.length > 0;
        continue;
      }
      if (pendingSpace) text += ' ';
      pendingSpace = false;
      text += symbol;
    }
  };

  for (const marker of source.matchAll(CITATION_MARKER)) {
    append(source.slice(cursor, marker.index));
    citations.push({ label: marker[1] ?? '', offset: text.length });
    cursor = marker.index + marker[0].length;
  }
  append(source.slice(cursor));
  return { text, citations };
}

function dropTitle(text: string, title: string): string[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
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

function isCaptionBlock(block: Block): boolean {
  if (block.lines.length < 2) return false;
  return block.lines.every((line) => line.trim().length <= CAPTION_MAX_LENGTH);
}
