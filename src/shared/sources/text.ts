import type { Block, ReadDocument } from './blocks';
import { findLicence } from './licence';

/** Lines this long are whole paragraphs on one line; shorter lines are read as hard-wrapped prose. */
const WRAPPED_LINE_MAX = 120;
const TITLE_MAX = 150;
const AUTHOR_LINE = /^(?:author|authors|by|written by|source)\s*:\s*(.+)$/i;

/**
 * Reads plain text: paragraphs are separated by blank lines, and a paragraph hard-wrapped over
 * several lines is joined again; where every paragraph sits on one long line with no blank line
 * between, each line is a paragraph. A short first line that does not end a sentence is the title.
 */
export function readPlainText(text: string): ReadDocument {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = (): void => {
    if (paragraph.length === 0) return;
    const longest = paragraph.reduce((most, line) => Math.max(most, line.length), 0);
    if (longest > WRAPPED_LINE_MAX) for (const line of paragraph) blocks.push({ text: line.trim() });
    else blocks.push({ text: paragraph.map((line) => line.trim()).join(' ') });
    paragraph = [];
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else paragraph.push(line);
  }
  flush();

  const first = blocks[0]?.text ?? '';
  const firstIsTitle = first !== '' && first.length <= TITLE_MAX && !/[.!?:;,]$/.test(first) && blocks.length > 1;
  const author = blocks
    .slice(0, 8)
    .map((block) => AUTHOR_LINE.exec(block.text)?.[1]?.trim())
    .find((found): found is string => found !== undefined && found.length <= 200);
  return {
    blocks: firstIsTitle ? [{ text: first, heading: 1 }, ...blocks.slice(1)] : blocks,
    title: firstIsTitle ? first : null,
    author: author ?? null,
    licence: findLicence(text),
    removed: { scripts: 0, handlers: 0 },
  };
}
