import { tokenizeHtml } from './htmlTokens';
import { findLicence, licenceFromUrl } from './licence';
import { isReferenceHeading, type ReadDocument } from './blocks';

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

// Page furniture and anything that is not the text: dropped with everything inside it.
const DROPPED_ELEMENTS = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'audio',
  'video',
  'map',
  'dialog',
  'menu',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
]);
const DROPPED_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'complementary', 'search', 'menu', 'menubar', 'toolbar', 'dialog']);
// Encyclopedia page furniture (MediaWiki's class names, and common ones elsewhere).
const DROPPED_CLASSES = new Set([
  'navbox',
  'vertical-navbox',
  'navbox-styles',
  'navigation-not-searchable',
  'reflist',
  'references',
  'mw-references-wrap',
  'mw-editsection',
  'mw-jump-link',
  'mw-cite-backlink',
  'toc',
  'vector-toc',
  'catlinks',
  'noprint',
  'printfooter',
  'mw-indicators',
  'sistersitebox',
  'metadata',
  'ambox',
  'hatnote',
  'shortdescription',
  'infobox',
  'sidebar',
  'navbar',
  'portalbox',
  'mw-empty-elt',
  'breadcrumb',
  'breadcrumbs',
  'skip-link',
  'cookie-banner',
]);
const DROPPED_IDS = new Set([
  'toc',
  'catlinks',
  'mw-navigation',
  'mw-panel',
  'mw-head',
  'mw-head-base',
  'mw-page-base',
  'footer',
  'sitesub',
  'contentsub',
  'contentsub2',
  'jump-to-nav',
  'p-lang',
  'sitenotice',
  'centralnotice',
]);

// Each of these starts a new paragraph of text; inline elements run on within one.
const BLOCKS = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hgroup',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);
const CELLS = new Set(['td', 'th']);
const HEADINGS: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/**
 * Deepest nesting of elements kept track of, as in browsers (Chromium's parser stops nesting at 512
 * too): a start tag deeper than that still starts a paragraph, but its content counts as its
 * parent's. Closing an element looks down the open ones, so without a bound 25,000 nested `<div>`
 * (280 kB) took 7.5 s.
 */
export const HTML_MAX_DEPTH = 512;

interface Open {
  name: string;
  dropped: boolean;
  footer: boolean;
}

/**
 * Reads the text of an HTML document (a saved encyclopedia page, say): paragraphs, headings, list
 * items, captions and table rows, each one block, with citation markers such as `[12]` kept as text.
 * Navigation, headers, footers, sidebars, scripts, styles, edit links, hidden elements and
 * reference sections are left out. Nothing is ever run or loaded: scripts and event-handler
 * attributes are only counted, so the preview can say they were removed.
 */
export function readHtml(html: string): ReadDocument {
  const blocks: ReadDocument['blocks'] = [];
  const stack: Open[] = [];
  // How many elements of each name are open: an end tag for none of them is passed over at once.
  const openNames = new Map<string, number>();
  let droppedDepth = 0;
  let buffer = '';
  let heading: number | null = null;
  // While a reference section ("References", "External links"…) runs: the level of its heading.
  let skippedSection: number | null = null;
  let scripts = 0;
  let handlers = 0;
  let pageTitle: string | null = null;
  let firstHeading: string | null = null;
  let h1Buffer: string | null = null;
  let footerDepth = 0;
  const footer: string[] = [];
  const meta = new Map<string, string>();
  let licenceLink: string | null = null;

  const flush = (): void => {
    const text = buffer.replace(/\s+/g, ' ').trim();
    buffer = '';
    const level = heading;
    heading = null;
    if (text === '' || skippedSection !== null) return;
    if (level !== null && isReferenceHeading(text)) {
      skippedSection = level;
      return;
    }
    blocks.push(level === null ? { text } : { text, heading: level });
  };

  for (const token of tokenizeHtml(html)) {
    if (token.kind === 'raw') {
      if (token.name === 'title' && pageTitle === null) pageTitle = token.text.replace(/\s+/g, ' ').trim();
      continue;
    }
    if (token.kind === 'text') {
      if (h1Buffer !== null) h1Buffer += token.text;
      // Footers carry the licence line of most sites: their text is kept for that alone.
      if (footerDepth > 0) footer.push(token.text);
      if (droppedDepth > 0) continue;
      if (skippedSection === null) buffer += token.text;
      continue;
    }
    if (token.kind === 'start') {
      const { name, attributes } = token;
      for (const [attribute, value] of attributes) {
        if (attribute.startsWith('on')) handlers++;
        else if ((attribute === 'href' || attribute === 'src' || attribute === 'action') && /^\s*javascript:/i.test(value)) handlers++;
      }
      if (name === 'script') scripts++;
      if (name === 'meta') readMeta(attributes, meta);
      if ((name === 'link' || name === 'a') && /\blicense\b/i.test(attributes.get('rel') ?? '')) licenceLink ??= attributes.get('href') ?? null;
      if (name === 'h1' && firstHeading === null) h1Buffer = '';
      if (VOID.has(name)) {
        if (droppedDepth === 0 && name === 'br') buffer += '\n';
        if (droppedDepth === 0 && (name === 'hr' || name === 'img')) flush();
        continue;
      }
      if (token.selfClosing && !BLOCKS.has(name) && !DROPPED_ELEMENTS.has(name)) continue;
      const dropped = droppedDepth > 0 || isDropped(name, attributes);
      if (droppedDepth === 0 && (BLOCKS.has(name) || dropped)) flush();
      if (droppedDepth === 0 && CELLS.has(name)) buffer += ' ';
      // Past the depth, only an element that drops its content is still opened: everything in it is dropped then.
      if (stack.length >= HTML_MAX_DEPTH && (droppedDepth > 0 || !dropped)) continue;
      const isFooter = name === 'footer' || attributes.get('role') === 'contentinfo' || attributes.get('id') === 'footer';
      stack.push({ name, dropped, footer: isFooter });
      openNames.set(name, (openNames.get(name) ?? 0) + 1);
      if (dropped) droppedDepth++;
      if (isFooter) footerDepth++;
      if (!dropped && name in HEADINGS) {
        const level = HEADINGS[name] ?? 6;
        if (skippedSection !== null && level <= skippedSection) skippedSection = null;
        heading = level;
      }
      continue;
    }
    // An end tag closes the nearest open element of its name and everything opened inside it.
    if (token.name === 'h1' && h1Buffer !== null) {
      const text = h1Buffer.replace(/\s+/g, ' ').trim();
      if (text !== '') firstHeading = text;
      h1Buffer = null;
    }
    if (!openNames.get(token.name)) continue;
    let at = stack.length - 1;
    while (stack[at]?.name !== token.name) at--;
    const closing = stack.splice(at);
    if (droppedDepth === 0 && closing.some((open) => BLOCKS.has(open.name))) flush();
    for (const open of closing) {
      if (open.dropped) droppedDepth--;
      if (open.footer) footerDepth--;
      openNames.set(open.name, (openNames.get(open.name) ?? 1) - 1);
    }
  }
  flush();

  const siteName = meta.get('og:site_name') ?? null;
  const title = firstHeading ?? meta.get('og:title') ?? cleanPageTitle(pageTitle, siteName);
  const author =
    meta.get('author') ?? meta.get('dc.creator') ?? meta.get('citation_author') ?? meta.get('article:author') ?? (siteName === 'Wikipedia' ? 'Wikipedia contributors' : siteName);
  const licence =
    (licenceLink ? licenceFromUrl(licenceLink) : null) ??
    findLicence(meta.get('dc.rights') ?? meta.get('license') ?? meta.get('rights') ?? '') ??
    findLicence(footer.join(' ')) ??
    findLicence(blocks.map((block) => block.text).join('\n'));
  return { blocks, title: title ?? null, author: author ?? null, licence, removed: { scripts, handlers } };
}

function isDropped(name: string, attributes: ReadonlyMap<string, string>): boolean {
  if (DROPPED_ELEMENTS.has(name)) return true;
  if (attributes.has('hidden')) return true;
  if (/display\s*:\s*none/i.test(attributes.get('style') ?? '')) return true;
  if (DROPPED_ROLES.has((attributes.get('role') ?? '').toLowerCase())) return true;
  if (DROPPED_IDS.has((attributes.get('id') ?? '').toLowerCase())) return true;
  const classes = attributes.get('class');
  return classes !== undefined && classes.split(/\s+/).some((name) => DROPPED_CLASSES.has(name.toLowerCase()));
}

function readMeta(attributes: ReadonlyMap<string, string>, meta: Map<string, string>): void {
  const key = (attributes.get('name') ?? attributes.get('property') ?? '').toLowerCase();
  const content = (attributes.get('content') ?? '').replace(/\s+/g, ' ').trim();
  if (key !== '' && content !== '' && !meta.has(key)) meta.set(key, content);
}

// "Foreign relations of South Korea - Wikipedia" → "Foreign relations of South Korea".
function cleanPageTitle(title: string | null, siteName: string | null): string | null {
  if (title === null || title === '') return null;
  const parts = title.split(/\s+[-–—|]\s+/);
  const last = parts.at(-1) ?? '';
  if (parts.length > 1 && (last === siteName || last.length <= 40)) return parts.slice(0, -1).join(' - ');
  return title;
}
