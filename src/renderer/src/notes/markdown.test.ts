import { describe, expect, it } from 'vitest';
import { noteMarkdownHtml } from './markdown';

// DOMPurify needs a DOM, which Vitest's Node has not: the HTML after it is checked in Chromium, by
// the notes e2e tests.
const REFUSED = 'not a link: only https addresses open';

describe('noteMarkdownHtml()', () => {
  it('keeps an https link as a link', () => {
    expect(noteMarkdownHtml('[brief](https://example.org/brief)', REFUSED)).toBe('<p><a href="https://example.org/brief" rel="noreferrer noopener">brief</a></p>\n');
  });

  it('shows an http: or mailto: link as its text, its address and why it is not a link', () => {
    expect(noteMarkdownHtml('[site](http://example.org)', REFUSED)).toBe(`<p>site <small>(http://example.org · ${REFUSED})</small></p>\n`);
    expect(noteMarkdownHtml('<mailto:desk@example.org>', REFUSED)).toBe(`<p><small>(mailto:desk@example.org · ${REFUSED})</small></p>\n`);
    expect(noteMarkdownHtml('write to desk@example.org', REFUSED)).toBe(`<p>write to <small>(mailto:desk@example.org · ${REFUSED})</small></p>\n`);
    expect(noteMarkdownHtml('see http://example.org', REFUSED)).toBe(`<p>see <small>(http://example.org · ${REFUSED})</small></p>\n`);
  });

  it('shows any other link as its text alone', () => {
    expect(noteMarkdownHtml('[x](javascript:alert(1))', REFUSED)).toBe('<p>x</p>\n');
    expect(noteMarkdownHtml('[y](file:///etc/passwd)', REFUSED)).toBe('<p>y</p>\n');
  });

  it('shows a note nested past the limits as text instead of overflowing', () => {
    const note = `${'>'.repeat(5000)} x`;
    expect(noteMarkdownHtml(note, REFUSED)).toBe(`<p>${'&gt;'.repeat(5000)} x</p>\n`);
  });
});
