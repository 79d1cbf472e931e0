/** One piece of an HTML document, as the tokenizer reads it. */
export type HtmlToken =
  | { kind: 'text'; text: string }
  | { kind: 'start'; name: string; attributes: ReadonlyMap<string, string>; selfClosing: boolean }
  | { kind: 'end'; name: string }
  /** The content of an element whose content is not markup (script, style, title…), undecoded for scripts. */
  | { kind: 'raw'; name: string; text: string };

// Elements whose content is text up to their end tag, never markup. noscript is one because the app
// reads a document as a browser with scripting on would, and then it is not rendered either.
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'textarea', 'title', 'plaintext']);
const DECODED_RAW = new Set(['textarea', 'title']);

/**
 * Splits HTML into tokens. This is a reader for extracting text, not a browser: it never runs or
 * loads anything, tolerates broken markup the way browsers mostly do (a stray `<` is text, an
 * unterminated comment or tag ends the document), and decodes character references in text and
 * attribute values.
 */
export function* tokenizeHtml(html: string): Generator<HtmlToken, void, void> {
  let index = 0;
  const length = html.length;
  while (index < length) {
    const open = html.indexOf('<', index);
    if (open === -1) {
      yield { kind: 'text', text: decodeEntities(html.slice(index)) };
      return;
    }
    if (open > index) yield { kind: 'text', text: decodeEntities(html.slice(index, open)) };
    const next = html.charCodeAt(open + 1);

    if (html.startsWith('<!--', open)) {
      const close = html.indexOf('-->', open + 4);
      index = close === -1 ? length : close + 3;
      continue;
    }
    if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      // Doctype, CDATA and processing instructions: nothing to read in any of them.
      const close = html.startsWith('<![CDATA[', open) ? html.indexOf(']]>', open) : html.indexOf('>', open);
      index = close === -1 ? length : close + (html.startsWith('<![CDATA[', open) ? 3 : 1);
      continue;
    }
    if (next === 0x2f /* / */ && isLetter(html.charCodeAt(open + 2))) {
      const close = html.indexOf('>', open);
      const name = readName(html, open + 2);
      index = close === -1 ? length : close + 1;
      yield { kind: 'end', name };
      continue;
    }
    if (!isLetter(next)) {
      yield { kind: 'text', text: '<' };
      index = open + 1;
      continue;
    }

    const tag = readStartTag(html, open + 1);
    index = tag.end;
    yield { kind: 'start', name: tag.name, attributes: tag.attributes, selfClosing: tag.selfClosing };
    if (RAW_TEXT.has(tag.name) && !tag.selfClosing) {
      const close = tag.name === 'plaintext' ? -1 : findEndTag(html, tag.name, index);
      const text = html.slice(index, close === -1 ? length : close);
      yield { kind: 'raw', name: tag.name, text: DECODED_RAW.has(tag.name) ? decodeEntities(text) : text };
      if (close === -1) return;
      const end = html.indexOf('>', close);
      index = end === -1 ? length : end + 1;
      yield { kind: 'end', name: tag.name };
    }
  }
}

function isLetter(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

function readName(html: string, from: number): string {
  let end = from;
  while (end < html.length) {
    const code = html.charCodeAt(end);
    if (isSpace(code) || code === 0x2f || code === 0x3e) break;
    end++;
  }
  return html.slice(from, end).toLowerCase();
}

function readStartTag(html: string, from: number): { name: string; attributes: Map<string, string>; selfClosing: boolean; end: number } {
  const name = readName(html, from);
  const attributes = new Map<string, string>();
  let index = from + name.length;
  let selfClosing = false;
  while (index < html.length) {
    const code = html.charCodeAt(index);
    if (code === 0x3e /* > */) return { name, attributes, selfClosing, end: index + 1 };
    if (isSpace(code)) {
      index++;
      continue;
    }
    if (code === 0x2f /* / */) {
      selfClosing = html.charCodeAt(index + 1) === 0x3e;
      index++;
      continue;
    }
    let nameEnd = index + 1;
    while (nameEnd < html.length) {
      const c = html.charCodeAt(nameEnd);
      if (isSpace(c) || c === 0x2f || c === 0x3e || c === 0x3d) break;
      nameEnd++;
    }
    const attribute = html.slice(index, nameEnd).toLowerCase();
    index = nameEnd;
    while (index < html.length && isSpace(html.charCodeAt(index))) index++;
    let value = '';
    if (html.charCodeAt(index) === 0x3d /* = */) {
      index++;
      while (index < html.length && isSpace(html.charCodeAt(index))) index++;
      const quote = html.charCodeAt(index);
      if (quote === 0x22 || quote === 0x27) {
        const close = html.indexOf(String.fromCharCode(quote), index + 1);
        const end = close === -1 ? html.length : close;
        value = html.slice(index + 1, end);
        index = end + 1;
      } else {
        let end = index;
        while (end < html.length && !isSpace(html.charCodeAt(end)) && html.charCodeAt(end) !== 0x3e) end++;
        value = html.slice(index, end);
        index = end;
      }
    }
    if (!attributes.has(attribute)) attributes.set(attribute, decodeEntities(value));
  }
  return { name, attributes, selfClosing, end: html.length };
}

function findEndTag(html: string, name: string, from: number): number {
  const lower = `</${name}`;
  let at = from;
  for (;;) {
    const found = indexOfIgnoringCase(html, lower, at);
    if (found === -1) return -1;
    const after = html.charCodeAt(found + lower.length);
    if (Number.isNaN(after) || isSpace(after) || after === 0x2f || after === 0x3e) return found;
    at = found + 1;
  }
}

function indexOfIgnoringCase(text: string, needle: string, from: number): number {
  // Tag names are ASCII, so only the first character needs both cases to find candidates quickly.
  // Each case's next candidate is looked for again only once it has been passed: looking for a case
  // the text does not have from every candidate of the other made "</t" repeated quadratic.
  const first = needle.charAt(2);
  let lower = -2;
  let upper = -2;
  for (let at = from; ; ) {
    if (lower !== -1 && lower < at) lower = text.indexOf(`</${first}`, at);
    if (upper !== -1 && upper < at) upper = text.indexOf(`</${first.toUpperCase()}`, at);
    const found = lower === -1 ? upper : upper === -1 ? lower : Math.min(lower, upper);
    if (found === -1) return -1;
    if (text.slice(found, found + needle.length).toLowerCase() === needle) return found;
    at = found + 1;
  }
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200c',
  zwj: '\u200d',
  shy: '\u00ad',
  ndash: '–',
  mdash: '—',
  minus: '−',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  lsaquo: '‹',
  rsaquo: '›',
  middot: '·',
  bull: '•',
  dagger: '†',
  Dagger: '‡',
  prime: '′',
  Prime: '″',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  plusmn: '±',
  times: '×',
  divide: '÷',
  frac12: '½',
  frac14: '¼',
  frac34: '¾',
  sup1: '¹',
  sup2: '²',
  sup3: '³',
  para: '¶',
  sect: '§',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  won: '₩',
  larr: '←',
  rarr: '→',
  uarr: '↑',
  darr: '↓',
  harr: '↔',
  aacute: 'á',
  eacute: 'é',
  iacute: 'í',
  oacute: 'ó',
  uacute: 'ú',
  agrave: 'à',
  egrave: 'è',
  ograve: 'ò',
  acirc: 'â',
  ecirc: 'ê',
  ocirc: 'ô',
  auml: 'ä',
  euml: 'ë',
  iuml: 'ï',
  ouml: 'ö',
  uuml: 'ü',
  Auml: 'Ä',
  Ouml: 'Ö',
  Uuml: 'Ü',
  Eacute: 'É',
  szlig: 'ß',
  ccedil: 'ç',
  ntilde: 'ñ',
  atilde: 'ã',
  otilde: 'õ',
  aring: 'å',
  oslash: 'ø',
  aelig: 'æ',
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/** Decodes character references (`&amp;`, `&#8212;`, `&#x2014;`); unknown names stay as they are. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, decimal: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex ?? '', 16);
    // NUL, surrogates and out-of-range code points are replaced, as browsers do.
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}
