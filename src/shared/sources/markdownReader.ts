import { Lexer, type Token, type Tokens } from 'marked';
import { isReferenceHeading, type Block, type ReadDocument } from './blocks';
import { readHtml } from './htmlReader';
import { decodeEntities } from './htmlTokens';
import { findLicence } from './licence';

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
// Footnote definitions ("[^3]: Ministry report, 2019") are reference material, with their indented continuation lines.
const FOOTNOTE_DEFINITION = /^ {0,3}\[\^[^\]\n]+\]:.*(?:\r?\n(?: {2,}|\t).*)*/gm;
// A label never holds "[": each attempt stops at the next one, so "Japan[^" repeated is read once, not once per "[^".
const FOOTNOTE_REFERENCE = /\[\^([^\][\s]+)\]/g;

/**
 * Deepest nesting of quotes and lists read as such. marked lexes each level again from the level
 * above, recursively: "> " repeated 2 million times took 3 s to overflow the stack. Deeper markers
 * are read as the text they are.
 */
export const MARKDOWN_MAX_DEPTH = 32;
/**
 * Most emphasis marks (`*`, `_`) marked reads in one paragraph. Each mark makes it look ahead through
 * the rest of the paragraph, so a paragraph of 40,000 of them took 11 s; past this many, they are
 * read as the text they are.
 */
export const MARKDOWN_MAX_EMPHASIS = 64;

/**
 * Reads a Markdown document (field notes, a report) with marked's lexer: headings, paragraphs, list
 * items, quotes and table rows become blocks of plain text; code blocks, images, link targets and
 * footnote definitions are left out, and footnote references become citation markers (`[^3]` →
 * `[3]`). Raw HTML inside goes through the HTML reader, so its scripts are dropped, never run.
 * Front matter (`title:`, `author:`, `license:`) and the first heading give the title and attribution.
 */
export function readMarkdown(markdown: string): ReadDocument {
  const front = FRONT_MATTER.exec(markdown);
  const fields = front ? frontMatterFields(front[1] ?? '') : new Map<string, string>();
  const body = (front ? markdown.slice(front[0].length) : markdown.replace(/^\uFEFF/, ''))
    .replace(FOOTNOTE_DEFINITION, '')
    .replace(FOOTNOTE_REFERENCE, (_, label: string) => (/^(?:\d{1,4}|[a-z])$/.test(label) ? `[${label}]` : ''));

  const blocks: Block[] = [];
  const removed = { scripts: 0, handlers: 0 };
  let skippedSection: number | null = null;
  let firstHeading: string | null = null;

  const add = (text: string, heading?: number): void => {
    const line = text.replace(/\s+/g, ' ').trim();
    if (line === '') return;
    if (heading !== undefined && skippedSection !== null && heading <= skippedSection) skippedSection = null;
    if (skippedSection !== null) return;
    if (heading !== undefined && isReferenceHeading(line)) {
      skippedSection = heading;
      return;
    }
    blocks.push(heading === undefined ? { text: line } : { text: line, heading });
  };

  const walk = (tokens: readonly Token[]): void => {
    for (const token of tokens) {
      switch (token.type) {
        case 'heading': {
          const heading = token as Tokens.Heading;
          const text = inlineText(heading.tokens);
          if (firstHeading === null && blocks.length === 0) firstHeading = text.replace(/\s+/g, ' ').trim();
          add(text, heading.depth);
          break;
        }
        case 'paragraph':
          add(inlineText((token as Tokens.Paragraph).tokens));
          break;
        case 'text':
          add(inlineText([token]));
          break;
        case 'blockquote':
          walk((token as Tokens.Blockquote).tokens);
          break;
        case 'list':
          for (const item of (token as Tokens.List).items) {
            add(inlineText(item.tokens.filter((part) => part.type !== 'list')));
            walk(item.tokens.filter((part) => part.type === 'list'));
          }
          break;
        case 'table': {
          const table = token as Tokens.Table;
          for (const row of [table.header, ...table.rows]) add(row.map((cell) => inlineText(cell.tokens)).join(' · '));
          break;
        }
        case 'html': {
          const html = readHtml((token as Tokens.HTML).text);
          removed.scripts += html.removed.scripts;
          removed.handlers += html.removed.handlers;
          for (const block of html.blocks) add(block.text, block.heading);
          break;
        }
        default:
          // Code, rules, link definitions and blank space say nothing the atlas can read.
          break;
      }
    }
  };
  walk(new BoundedLexer({ gfm: true }).lex(boundNesting(body)));

  const title = fields.get('title') ?? firstHeading;
  const author = fields.get('author') ?? fields.get('authors') ?? fields.get('publisher') ?? null;
  const licence =
    findLicence(fields.get('license') ?? fields.get('licence') ?? fields.get('rights') ?? '') ??
    fields.get('license') ??
    fields.get('licence') ??
    findLicence(blocks.map((block) => block.text).join('\n'));
  return { blocks, title, author, licence: licence ?? null, removed };
}

// Stand-ins for "*" and "_" in a paragraph with too many of them: marked reads them as letters, and
// the text read is given them back. Noncharacters, which no document exchanged is meant to hold.
const STAR = '\uFDD0';
const UNDERSCORE = '\uFDD1';
const STAND_INS = /[\uFDD0\uFDD1]/g;

/** marked's lexer, with the emphasis marks of a paragraph that has too many read as text (see MARKDOWN_MAX_EMPHASIS). */
class BoundedLexer extends Lexer {
  override inlineTokens(src: string, tokens: Token[] = []): Token[] {
    return super.inlineTokens(tooMuchEmphasis(src) ? src.replace(/\\?[*_]/g, (mark) => (mark.endsWith('*') ? STAR : UNDERSCORE)) : src, tokens);
  }
}

function tooMuchEmphasis(text: string): boolean {
  let marks = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if ((code === 0x2a || code === 0x5f) && ++marks > MARKDOWN_MAX_EMPHASIS) return true;
  }
  return false;
}

// A quote marker ("> ") or list marker ("- ", "* ", "+ ", "1. ", "1) ") at the start of a line, after up to three spaces.
const CONTAINER_MARKER = / {0,3}(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+)/y;
// A thematic break ("- - -", "* * *"): a line of markers that is not a list.
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;

/**
 * `markdown` with every quote or list marker at a line's start past {@link MARKDOWN_MAX_DEPTH}
 * escaped, so the rest of the line reads as text, and indentation deeper than that many levels
 * need cut to it. One pass over the text.
 */
export function boundNesting(markdown: string): string {
  const maxIndent = MARKDOWN_MAX_DEPTH * 4;
  const parts: string[] = [];
  let copied = 0;
  for (let from = 0; from < markdown.length; ) {
    const newline = markdown.indexOf('\n', from);
    const end = newline === -1 ? markdown.length : newline + 1;
    let at = from;
    while (at < end && (markdown.charCodeAt(at) === 0x20 || markdown.charCodeAt(at) === 0x09)) at++;
    if (at - from > maxIndent) {
      parts.push(markdown.slice(copied, from + maxIndent));
      copied = at;
    } else {
      CONTAINER_MARKER.lastIndex = from;
      let depth = 0;
      let marker = from;
      while (marker < end && CONTAINER_MARKER.test(markdown) && ++depth <= MARKDOWN_MAX_DEPTH) marker = CONTAINER_MARKER.lastIndex;
      if (depth > MARKDOWN_MAX_DEPTH && !THEMATIC_BREAK.test(markdown.slice(from, end).trimEnd())) {
        let escape = marker;
        while (markdown.charCodeAt(escape) === 0x20) escape++;
        // "1." is escaped at its full stop; ">", "-", "*" and "+" at themselves.
        while (markdown.charCodeAt(escape) >= 0x30 && markdown.charCodeAt(escape) <= 0x39) escape++;
        parts.push(markdown.slice(copied, escape), '\\');
        copied = escape;
      }
    }
    from = end;
  }
  parts.push(markdown.slice(copied));
  return parts.join('');
}

function inlineText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'image':
      case 'checkbox':
        break;
      case 'html':
        // Inline tags (<b>, <span>) carry no text of their own; their content comes as text tokens.
        break;
      case 'br':
        text += ' ';
        break;
      case 'codespan':
      case 'escape':
        text += decodeEntities((token as Tokens.Codespan).text);
        break;
      default: {
        const nested = (token as { tokens?: Token[] }).tokens;
        if (nested && nested.length > 0) text += inlineText(nested);
        else text += decodeEntities((token as { text?: string }).text ?? '');
      }
    }
  }
  return text.replace(STAND_INS, (mark) => (mark === STAR ? '*' : '_'));
}

// Front matter as simple `key: value` lines; quotes around a value are dropped, lists are joined.
function frontMatterFields(yaml: string): Map<string, string> {
  const fields = new Map<string, string>();
  let listKey: string | null = null;
  for (const line of yaml.split(/\r?\n/)) {
    const item = /^\s+-\s+(.+)$/.exec(line);
    if (item && listKey !== null) {
      const previous = fields.get(listKey);
      const value = unquote(item[1] ?? '');
      fields.set(listKey, previous ? `${previous}, ${value}` : value);
      continue;
    }
    const pair = /^([A-Za-z][\w-]*)\s*:\s*(.*)$/.exec(line);
    if (!pair) continue;
    const key = (pair[1] ?? '').toLowerCase();
    const value = unquote(pair[2] ?? '');
    listKey = value === '' ? key : null;
    if (value !== '' && !fields.has(key)) fields.set(key, value);
  }
  return fields;
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^(["'])(.*)\1$/.exec(trimmed);
  return (quoted ? (quoted[2] ?? '') : trimmed).trim();
}
