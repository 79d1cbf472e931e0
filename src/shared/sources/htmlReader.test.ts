import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HTML_MAX_DEPTH, readHtml } from './htmlReader';
import { decodeEntities, tokenizeHtml } from './htmlTokens';

const article = readFileSync(new URL('../../../tests/fixtures/sources/encyclopedia-article.html', import.meta.url), 'utf8');

describe('readHtml() on a saved encyclopedia page', () => {
  const read = readHtml(article);
  const text = read.blocks.map((block) => block.text).join('\n');

  it('keeps the paragraphs, headings, caption and list items in order, with their citation markers', () => {
    expect(read.blocks).toEqual([
      {
        text: 'Chile–South Korea relations are the bilateral relations between the Republic of Chile and South Korea.[1] The two countries established diplomatic relations in 1962.[2]',
      },
      { text: 'History', heading: 2 },
      {
        text: 'In 2004 the Korea–Chile Free Trade Agreement came into force, the first free trade agreement South Korea concluded with any country.[3] Trade between the two countries has grown almost fivefold since then.',
      },
      { text: 'Strategic partnership', heading: 2 },
      {
        text: 'In 2021 Chile and South Korea agreed to raise their ties to a strategic partnership, with cooperation on critical minerals, green hydrogen and Antarctic research.[4]',
      },
      { text: 'The presidents of Chile and South Korea at the 2005 APEC summit in Busan.' },
      { text: 'Chile has an embassy in Seoul.' },
      { text: 'South Korea has an embassy in Santiago.' },
    ]);
  });

  it('leaves out the navigation, header, sidebar, infobox, edit links, reference sections, navbox and footer', () => {
    // Every piece of page furniture in the fixture names Mongolia; the article itself never does.
    expect(text).not.toMatch(/Mongolia/);
    for (const furniture of ['Main page', 'Jump to content', 'From Wikipedia', 'edit', 'citation needed', 'See also', 'References', 'Embassy records', 'Text is available']) {
      expect(text).not.toContain(furniture);
    }
  });

  it('never keeps script, style, noscript or template content, and counts the scripts and event handlers it dropped', () => {
    expect(text).not.toMatch(/enemies|innerHTML|__ran|font-family|Enable JavaScript|template/);
    expect(read.removed).toEqual({ scripts: 3, handlers: 3 });
  });

  it('takes the title from the first heading and the attribution from the site and its licence link', () => {
    expect(read.title).toBe('Chile–South Korea relations');
    expect(read.author).toBe('Wikipedia contributors');
    expect(read.licence).toBe('CC BY-SA 4.0');
  });
});

describe('readHtml()', () => {
  it('cleans the site name off the page title when the page has no heading', () => {
    const read = readHtml('<html><head><title>Korea and ASEAN | Policy Institute</title></head><body><p>Text.</p></body></html>');
    expect(read.title).toBe('Korea and ASEAN');
  });

  it('drops hidden elements and elements styled away', () => {
    const read = readHtml('<p>Seen.</p><p hidden>Hidden one.</p><div style="display: none">Hidden two.</div><p aria-hidden="false">Seen too.</p>');
    expect(read.blocks.map((block) => block.text)).toEqual(['Seen.', 'Seen too.']);
  });

  it('reads table rows as blocks with their cells apart', () => {
    const read = readHtml('<table><tr><th>Year</th><th>Event</th></tr><tr><td>1992</td><td>Relations with China established</td></tr></table>');
    expect(read.blocks.map((block) => block.text)).toEqual(['Year Event', '1992 Relations with China established']);
  });

  it('counts javascript: links as active content and keeps their text', () => {
    const read = readHtml('<p>See <a href="javascript:steal()">the report</a>.</p>');
    expect(read.removed.handlers).toBe(1);
    expect(read.blocks).toEqual([{ text: 'See the report.' }]);
  });
});

// Each of these froze the import for seconds before: the time took four times as long for twice the
// input, so these inputs, twice those measured, took half a minute; the limits are many times what they take now.
describe('readHtml() on hostile input', () => {
  it('reads 50,000 nested <div> (560 kB) at once (half of it took 7.5 s)', { timeout: 10_000 }, () => {
    expect(readHtml(`${'<div>'.repeat(50_000)}Japan${'</div>'.repeat(50_000)}<p>Korea</p>`).blocks).toEqual([{ text: 'Japan' }, { text: 'Korea' }]);
  });

  it('reads "<textarea></t" repeated (780 kB) at once (half of it took 6 s)', { timeout: 10_000 }, () => {
    expect(readHtml(`<p>Japan</p>${'<textarea></t'.repeat(60_000)}`).blocks).toEqual([{ text: 'Japan' }]);
  });

  it(`past ${String(HTML_MAX_DEPTH)} levels still starts paragraphs and drops hidden elements`, () => {
    const deep = '<div>'.repeat(HTML_MAX_DEPTH);
    expect(readHtml(`${deep}<p>Japan</p><nav><p>Menu</p></nav><p hidden>Secret</p><p>Korea</p>`).blocks).toEqual([{ text: 'Japan' }, { text: 'Korea' }]);
  });
});

describe('tokenizeHtml()', () => {
  it('reads a script up to its end tag only, whatever markup it holds', () => {
    const tokens = [...tokenizeHtml('<SCRIPT type="x">if (a < b) document.write("<p>no</p>")</Script ><p>yes</p>')];
    expect(tokens).toEqual([
      { kind: 'start', name: 'script', attributes: new Map([['type', 'x']]), selfClosing: false },
      { kind: 'raw', name: 'script', text: 'if (a < b) document.write("<p>no</p>")' },
      { kind: 'end', name: 'script' },
      { kind: 'start', name: 'p', attributes: new Map(), selfClosing: false },
      { kind: 'text', text: 'yes' },
      { kind: 'end', name: 'p' },
    ]);
  });

  it('treats a stray "<" as text and skips comments, doctypes and CDATA', () => {
    const text = [...tokenizeHtml('<!doctype html><!-- a <p>comment</p> --><![CDATA[x]]>1 < 2')]
      .filter((token) => token.kind === 'text')
      .map((token) => (token.kind === 'text' ? token.text : ''))
      .join('');
    expect(text).toBe('1 < 2');
  });

  it('ends the document at an unterminated comment rather than reading on', () => {
    expect([...tokenizeHtml('<p>before</p><!-- never closed <p>after</p>')].filter((token) => token.kind === 'text')).toEqual([{ kind: 'text', text: 'before' }]);
  });

  it('reads quoted, unquoted and bare attributes, lower-casing their names', () => {
    const [tag] = [...tokenizeHtml('<a HREF="/x?a=1&amp;b=2" data-n=3 hidden onClick=\'go()\'>')];
    expect(tag).toEqual({
      kind: 'start',
      name: 'a',
      attributes: new Map([
        ['href', '/x?a=1&b=2'],
        ['data-n', '3'],
        ['hidden', ''],
        ['onclick', 'go()'],
      ]),
      selfClosing: false,
    });
  });
});

describe('decodeEntities()', () => {
  it('decodes named, decimal and hexadecimal references and leaves unknown ones', () => {
    expect(decodeEntities('Seoul&nbsp;&ndash;&#32;Santiago &#x2014; &amp;c &unknown; &#0;')).toBe('Seoul\u00a0– Santiago — &c &unknown; \ufffd');
  });
});
