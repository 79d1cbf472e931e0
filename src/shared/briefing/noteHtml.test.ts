import { describe, expect, it } from 'vitest';
import { noteHtml } from './noteHtml';

describe('noteHtml()', () => {
  it('shows raw HTML as text', () => {
    expect(noteHtml('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(noteHtml('Hi <img src=x onerror=alert(1)> there')).toBe('<p>Hi &lt;img src=x onerror=alert(1)&gt; there</p>\n');
  });

  it('keeps a link’s text and drops its target, whatever the scheme', () => {
    expect(noteHtml('[the brief](https://example.org/brief)')).toBe('<p><span class="md-link">the brief</span></p>\n');
    expect(noteHtml('[x](javascript:alert(1))')).not.toContain('javascript');
    expect(noteHtml('<https://example.org>')).not.toContain('href');
  });

  it('shows an image as its alt text, escaped', () => {
    expect(noteHtml('![a <b>map</b>](file:///etc/passwd)')).toBe('<p>a &lt;b&gt;map&lt;/b&gt;</p>\n');
  });

  it('turns headings into bold paragraphs and keeps lists, emphasis and code', () => {
    expect(noteHtml('## Plan')).toBe('<p class="md-heading md-h2"><strong>Plan</strong></p>\n');
    expect(noteHtml('- **one**\n- `two`')).toBe('<ul>\n<li><strong>one</strong></li>\n<li><code>two</code></li>\n</ul>\n');
    expect(noteHtml('- [x] done')).toContain('☑ done');
  });
});
