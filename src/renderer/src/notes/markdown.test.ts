import { describe, expect, it } from 'vitest';
import { noteHtml } from '../../../shared/briefing/noteHtml';
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

describe('a note in the window and in a printed briefing', () => {
  // Links, headings and task boxes are what the two show differently; everything else is one parser.
  const notes = {
    'paragraphs and line breaks': 'First line\nsecond line\n\nAnother paragraph.',
    emphasis: '**bold**, _em_, ~~struck~~ and `code <b>`',
    lists: '- one\n  - nested\n- two\n\n1. first\n2. second',
    'a quote and a rule': '> quoted *text*\n\n---\n\nafter',
    'a code block': '```ts\nconst a = 1 < 2;\n```',
    'a table': '| Country | Tier |\n| --- | :-: |\n| Japan | partner |',
    'raw HTML': 'Hi <img src=x onerror=alert(1)> there\n\n<script>alert(1)</script>',
    'an image': '![a <b>map</b>](file:///etc/passwd)',
    'a block past the limits': `${'>'.repeat(5000)} x\n\nthen *this*`,
  };

  for (const [name, note] of Object.entries(notes)) {
    it(`renders ${name} as the same HTML`, () => {
      expect(noteMarkdownHtml(note, REFUSED)).toBe(noteHtml(note));
    });
  }
});
