import DOMPurify from 'dompurify';
import type { Marked, Tokens } from 'marked';
import { escapeHtml } from '../../../shared/html';
import { noteMarked, renderNoteMarkdown } from '../../../shared/notes/markdownHtml';

/** Only https links are offered to the OS browser (main asks first); see `isOpenableExternally`. */
function isOpenable(href: string): boolean {
  return /^https:/i.test(href);
}

/**
 * Markdown for personal notes: the notes' parser (raw HTML shown as text, never parsed; images as
 * their alt text), where a link is a link only for an https target; any other (http:, mailto:,
 * javascript:, a relative path) shows its text and, for http: and mailto:, its address and
 * `refused` (why it is not a link), so a click that would do nothing is not offered. The result
 * still goes through DOMPurify, so nothing a note holds can run script or load anything.
 */
function windowMarked(refused: string): Marked {
  return noteMarked({
    link({ href, title, tokens, text: label }: Tokens.Link) {
      const text = this.parser.parseInline(tokens);
      if (isOpenable(href)) {
        const titleAttribute = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(href)}"${titleAttribute} rel="noreferrer noopener">${text}</a>`;
      }
      if (!/^(?:http:|mailto:)/i.test(href)) return text;
      // A bare address is its own text: said once.
      const shown = label === href || `mailto:${label}` === href ? '' : `${text} `;
      return `${shown}<small>(${escapeHtml(href)} · ${escapeHtml(refused)})</small>`;
    },
  });
}

const parsers = new Map<string, Marked>();

/**
 * A note's Markdown as HTML, before sanitising. Blocks past `MARKDOWN_LIMITS` (nesting that would
 * overflow marked's stack, runs that would take it seconds) are shown as plain text.
 */
export function noteMarkdownHtml(source: string, refused: string): string {
  let marked = parsers.get(refused);
  if (!marked) {
    // One parser per wording of `refused`, that is per language.
    if (parsers.size > 4) parsers.clear();
    marked = windowMarked(refused);
    parsers.set(refused, marked);
  }
  return renderNoteMarkdown(source, marked);
}

/** Turns a note's Markdown into HTML that is safe to insert (see `noteMarkdownHtml`). */
export function renderMarkdown(source: string, refused: string): string {
  return DOMPurify.sanitize(noteMarkdownHtml(source, refused), {
    ALLOWED_TAGS: ['p', 'br', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'small'],
    ALLOWED_ATTR: ['href', 'title', 'rel'],
    ALLOWED_URI_REGEXP: /^https:/i,
  });
}
