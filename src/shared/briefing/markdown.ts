import { Marked, type Tokens } from 'marked';
import { renderBoundedMarkdown } from '../markdownBounds';
import { escapeHtml } from './html';

/**
 * Markdown for notes in a printed briefing, safe without a DOM or a sanitiser: raw HTML is shown as
 * text, links as their text (no target is kept, so nothing can be followed or fetched), images as
 * their alt text, and headings as bold paragraphs so a note cannot add entries to the PDF outline.
 * Everything else marked escapes itself.
 */
const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
    link({ tokens }: Tokens.Link) {
      return `<span class="md-link">${this.parser.parseInline(tokens)}</span>`;
    },
    image: ({ text }: Tokens.Image) => escapeHtml(text),
    heading({ tokens, depth }: Tokens.Heading) {
      return `<p class="md-heading md-h${depth}"><strong>${this.parser.parseInline(tokens)}</strong></p>\n`;
    },
    checkbox: ({ checked }: Tokens.Checkbox) => (checked ? '☑ ' : '☐ '),
  },
});

/**
 * A note's Markdown as HTML that holds no link, image, script, event handler or style. Blocks past
 * `MARKDOWN_LIMITS` are printed as plain text, so no note can stop a briefing from printing.
 */
export function noteHtml(source: string): string {
  return renderBoundedMarkdown(source, (text) => marked.parse(text) as string, escapeHtml);
}
