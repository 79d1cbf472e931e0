import type { Tokens } from 'marked';
import { noteMarked, renderNoteMarkdown } from '../notes/markdownHtml';

/**
 * Markdown for notes in a printed briefing, safe without a DOM or a sanitiser: on top of the notes'
 * parser (raw HTML and images as text), links show as their text (no target is kept, so nothing can
 * be followed or fetched), headings as bold paragraphs so a note cannot add entries to the PDF
 * outline, and task boxes as ☑ and ☐.
 */
const marked = noteMarked({
  link({ tokens }: Tokens.Link) {
    return `<span class="md-link">${this.parser.parseInline(tokens)}</span>`;
  },
  heading({ tokens, depth }: Tokens.Heading) {
    return `<p class="md-heading md-h${depth}"><strong>${this.parser.parseInline(tokens)}</strong></p>\n`;
  },
  checkbox: ({ checked }: Tokens.Checkbox) => (checked ? '☑ ' : '☐ '),
});

/**
 * A note's Markdown as HTML that holds no link, image, script, event handler or style. Blocks past
 * `MARKDOWN_LIMITS` are printed as plain text, so no note can stop a briefing from printing.
 */
export function noteHtml(source: string): string {
  return renderNoteMarkdown(source, marked);
}
