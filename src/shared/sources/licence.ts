const CC_PARTS: Readonly<Record<string, string>> = {
  attribution: 'BY',
  sharealike: 'SA',
  'share-alike': 'SA',
  noncommercial: 'NC',
  'non-commercial': 'NC',
  noderivatives: 'ND',
  noderivs: 'ND',
};

// "licensed under CC BY-SA 4.0", "available under the Creative Commons Attribution-ShareAlike 4.0 License".
const UNDER =
  /\b(?:licen[sc]ed|released|available|published|distributed)\s+under\s+(?:the\s+|an?\s+)?(Creative\s+Commons\s+(?:Attribution|Zero|CC0)(?:[\s-]+(?:ShareAlike|Share-Alike|NonCommercial|Non-Commercial|NoDerivatives|NoDerivs))*(?:\s+\d\.\d)?(?:\s+(?:International|Unported|Generic))?(?:\s+Licen[sc]e)?\b|CC[\s-]?BY(?:-(?:SA|NC|ND))*(?:\s+\d\.\d)?|CC0(?:\s+1\.0)?|(?:the\s+)?GNU\s+Free\s+Documentation\s+Licen[sc]e|(?:the\s+)?MIT\s+Licen[sc]e|(?:the\s+)?public\s+domain)/i;
const BARE_CC = /\bCC[\s-]BY(?:-(?:SA|NC|ND))*(?:\s+\d\.\d)?\b|\bCC0(?:\s+1\.0)?\b/;
const CC_URL = /creativecommons\.org\/(licenses|publicdomain)\/([a-z-]+)\/(\d\.\d)/i;

/**
 * The licence a document states about itself, in its usual short form ("CC BY-SA 4.0"), or null.
 * Looks for "licensed under …"-style sentences first, then a bare "CC BY…" mark.
 */
export function findLicence(text: string): string | null {
  const under = UNDER.exec(text);
  if (under?.[1]) return shortLicence(under[1]);
  const bare = BARE_CC.exec(text);
  return bare ? shortLicence(bare[0]) : null;
}

/** A Creative Commons licence URL as its short form ("…/licenses/by-sa/4.0/" → "CC BY-SA 4.0"), or null. */
export function licenceFromUrl(url: string): string | null {
  const match = CC_URL.exec(url);
  if (!match) return null;
  const [, kind = '', code = '', version = ''] = match;
  if (kind.toLowerCase() === 'publicdomain') return code.toLowerCase() === 'zero' ? `CC0 ${version}` : 'Public domain';
  return `CC ${code.toUpperCase()} ${version}`;
}

function shortLicence(found: string): string {
  const text = found.replace(/\s+/g, ' ').trim();
  if (/^creative commons/i.test(text)) {
    if (/zero|cc0/i.test(text)) return 'CC0 1.0';
    const parts = text
      .toLowerCase()
      .split(/[\s-]+/)
      .flatMap((word) => {
        const part = CC_PARTS[word];
        return part ? [part] : [];
      });
    const version = /\d\.\d/.exec(text)?.[0];
    if (parts.length > 0) return `CC ${[...new Set(parts)].join('-')}${version ? ` ${version}` : ''}`;
    return text;
  }
  if (/^cc[\s-]?by/i.test(text)) return text.toUpperCase().replace(/^CC[\s-]?BY/, 'CC BY');
  if (/^cc0/i.test(text)) return 'CC0 1.0';
  if (/public domain/i.test(text)) return 'Public domain';
  if (/gnu free documentation/i.test(text)) return 'GFDL';
  if (/mit/i.test(text)) return 'MIT';
  return text;
}

/** One attribution line from what a document says about itself: "Author, Licence". */
export function attributionLine(author: string | null, licence: string | null): string {
  return [author, licence].filter((part): part is string => part !== null && part.trim() !== '').join(', ');
}
