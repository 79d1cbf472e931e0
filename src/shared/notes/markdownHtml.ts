import { Marked, type RendererObject, type Tokens } from 'marked';
import { escapeHtml } from '../html';

/**
 * What a note's Markdown may hold before a block of it is shown as plain text. marked parses
 * nesting by recursion and scans for closing emphasis, link ends and setext underlines from every
 * candidate, so a few kilobytes of `>`, `- ` or `*` overflow its stack or take seconds; each limit
 * keeps the parser's work for one block proportional to the block's size, with room to spare.
 */
export const MARKDOWN_LIMITS = {
  /** Blockquote and list levels opened on one line (`> - > 1.`), counting two columns of indent as one. */
  depth: 16,
  /**
   * `*`, `_`, `~`, `!`, `<` and `[` characters in one block (text between blank lines): from each,
   * marked may look ahead to the end of the block (for a closing mark, an e-mail address, a `?>`,
   * a link's end).
   */
  emphasisMarks: 1_000,
  /**
   * Characters in one block: what marked does from every position of a block (measured: up to
   * 60 ms for 16 kB of some runs) cannot grow past this, whatever run a block holds.
   */
  blockLength: 20_000,
  /** Spaces and tabs in a row inside a line (with line breaks on, marked looks for a break from each). */
  spaceRun: 256,
  /** Lines in one block (text between blank lines). */
  lines: 500,
  /** Characters of a bare web address (`www.` or `scheme://`) up to the next space. */
  addressLength: 2_000,
} as const;

/** A stretch of a note: Markdown to parse, or text to show as it is (over a limit). */
export interface MarkdownPart {
  kind: 'markdown' | 'text';
  text: string;
}

const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE_OPEN = /^ {0,3}(`{3,}(?=[^`]*$)|~{3,})/;

/** Blank as marked sees it (a line of other white space, such as U+00A0, goes on a paragraph). */
function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9;
}

/** Blockquote and list markers that open a level at the start of `line`, plus its indent in pairs of columns. */
function depthOf(line: string): number {
  if (THEMATIC_BREAK.test(line)) return 0;
  let index = 0;
  let columns = 0;
  while (index < line.length && isSpace(line.charCodeAt(index))) {
    columns += line.charCodeAt(index) === 9 ? 4 : 1;
    index++;
  }
  let markers = 0;
  for (;;) {
    while (index < line.length && isSpace(line.charCodeAt(index))) index++;
    const character = line[index];
    if (character === '>') {
      markers++;
      index++;
      continue;
    }
    let end = index;
    if (character === '-' || character === '+' || character === '*') end = index + 1;
    else {
      while (end < line.length && end - index < 9 && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end++;
      if (end === index || (line[end] !== '.' && line[end] !== ')')) break;
      end++;
    }
    if (end < line.length && !isSpace(line.charCodeAt(end))) break;
    markers++;
    index = end;
  }
  // Indent alone is a code block; before a marker it nests a list in the one above.
  return markers === 0 ? 0 : markers + Math.floor(columns / 2);
}

/** Whether a bare web address on `line` is longer than the limit (marked trims its end one character at a time). */
function hasLongAddress(line: string): boolean {
  if (line.length <= MARKDOWN_LIMITS.addressLength) return false;
  let start = 0;
  for (let index = 0; index <= line.length; index++) {
    const code = index < line.length ? line.charCodeAt(index) : 32;
    if (code !== 32 && code !== 9) continue;
    if (index - start > MARKDOWN_LIMITS.addressLength) {
      const word = line.slice(start, index);
      if (word.includes('www.') || word.includes('://')) return true;
    }
    start = index + 1;
  }
  return false;
}

/** Whether `line` has more spaces and tabs in a row than the limit, after its first other character. */
function hasLongSpaceRun(line: string): boolean {
  let run = 0;
  let started = false;
  for (let index = 0; index < line.length; index++) {
    const space = isSpace(line.charCodeAt(index));
    if (!space) started = true;
    run = space && started ? run + 1 : 0;
    if (run > MARKDOWN_LIMITS.spaceRun) return true;
  }
  return false;
}

/** Whether a block is past any limit. */
function overLimits(block: readonly string[]): boolean {
  if (block.length > MARKDOWN_LIMITS.lines) return true;
  let marks = 0;
  let length = 0;
  for (const line of block) {
    length += line.length + 1;
    if (length > MARKDOWN_LIMITS.blockLength) return true;
    if (depthOf(line) > MARKDOWN_LIMITS.depth || hasLongAddress(line) || hasLongSpaceRun(line)) return true;
    for (let index = 0; index < line.length; index++) {
      const code = line.charCodeAt(index);
      if (code === 42 || code === 95 || code === 126 || code === 33 || code === 60 || code === 91) marks++;
    }
    if (marks > MARKDOWN_LIMITS.emphasisMarks) return true;
  }
  return false;
}

/**
 * Splits a note into what marked may parse and the blocks past `MARKDOWN_LIMITS`, which are shown
 * as text. A note within the limits comes back whole, as one Markdown part, so it renders exactly
 * as before. A block is a run of non-blank lines, or a fenced code block with its blank lines.
 * Linear in the note's length.
 */
export function boundMarkdown(source: string): MarkdownPart[] {
  const lines = source.replace(/\r\n?/g, '\n').split('\n');
  const parts: MarkdownPart[] = [];
  let pending: string[] = [];
  const push = (kind: MarkdownPart['kind'], text: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += `\n${text}`;
    else parts.push({ kind, text });
  };
  const flush = () => {
    if (pending.length > 0) push('markdown', pending.join('\n'));
    pending = [];
  };
  let index = 0;
  while (index < lines.length) {
    const line = lines[index]!;
    if (isBlank(line)) {
      pending.push(line);
      index++;
      continue;
    }
    let end = index + 1;
    const fence = FENCE_OPEN.exec(line)?.[1];
    if (fence) {
      // A fence is one block, blank lines and all: were it split, its closing line would open another.
      const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${String(fence.length)},}[ \\t]*$`);
      while (end < lines.length && !closing.test(lines[end]!)) end++;
      end = Math.min(end + 1, lines.length);
    } else {
      while (end < lines.length && !isBlank(lines[end]!) && !FENCE_OPEN.test(lines[end]!)) end++;
    }
    const block = lines.slice(index, end);
    if (overLimits(block)) {
      flush();
      push('text', block.join('\n'));
    } else {
      pending.push(...block);
    }
    index = end;
  }
  flush();
  return parts;
}

/**
 * A note as HTML: its Markdown parts through `markdown`, the parts past the limits (and, should
 * marked still fail on a part, that part) as escaped text with its line breaks kept.
 */
export function renderBoundedMarkdown(source: string, markdown: (text: string) => string, escape: (text: string) => string): string {
  const asText = (text: string) => `<p>${text.split('\n').map(escape).join('<br>\n')}</p>\n`;
  return boundMarkdown(source)
    .map((part) => {
      if (part.kind === 'text') return asText(part.text);
      try {
        return markdown(part.text);
      } catch {
        // A construct the limits do not foresee: the part is still shown, as text.
        return asText(part.text);
      }
    })
    .join('');
}

/**
 * The one Markdown parser of notes, in the window and in a printed briefing alike: GitHub-flavoured,
 * a line break is a break, raw HTML is shown as text (never parsed) and an image as its alt text (an
 * image would be a request). `renderer` adds what each place shows differently: links, and in a
 * briefing headings and task boxes. Everything else marked escapes itself.
 */
export function noteMarked(renderer: RendererObject = {}): Marked {
  return new Marked({
    gfm: true,
    breaks: true,
    async: false,
    renderer: {
      html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
      image: ({ text }: Tokens.Image) => escapeHtml(text),
      ...renderer,
    },
  });
}

/** A note's Markdown as HTML through `marked` (made by {@link noteMarked}), blocks past `MARKDOWN_LIMITS` as plain text. */
export function renderNoteMarkdown(source: string, marked: Marked): string {
  return renderBoundedMarkdown(source, (text) => marked.parse(text) as string, escapeHtml);
}
