/** One paragraph, heading, list item or caption of a document, whitespace already collapsed. */
export interface Block {
  text: string;
  /** Heading level 1–6, for a heading. */
  heading?: number;
}

/** What reading a document found: its blocks and what it says about itself. */
export interface ReadDocument {
  blocks: Block[];
  title: string | null;
  author: string | null;
  licence: string | null;
  /** Active content left out of an HTML document (never run). */
  removed: { scripts: number; handlers: number };
}

// Sections that list references rather than say anything: dropped with everything under them.
const REFERENCE_HEADINGS = new Set([
  'references',
  'notes',
  'notes and references',
  'citations',
  'footnotes',
  'sources',
  'bibliography',
  'further reading',
  'external links',
  'see also',
  '각주',
  '주석',
  '참고 문헌',
  '참고문헌',
  '참고 자료',
  '외부 링크',
  '같이 보기',
]);

/** Whether a heading starts a section of references, notes, links or "see also". */
export function isReferenceHeading(text: string): boolean {
  return REFERENCE_HEADINGS.has(
    text
      .replace(/\[\s*edit\s*\]/gi, '')
      .replace(/\s+/g, ' ')
      .trim()
      .toLowerCase(),
  );
}

/** Longest title taken from a document; the user can still write a longer one. */
export const PREFILL_TITLE_MAX = 200;

/**
 * The source text the atlas ingests: one block per paragraph, separated by blank lines, each on one
 * line (so a run of short blocks at the end is never taken for image captions). A first heading
 * that repeats the title is left out, as the bundled source's title line is.
 */
export function sourceTextOf(blocks: readonly Block[], title: string | null): string {
  const kept = blocks.map((block) => collapseWhitespace(block.text).trim()).filter((text) => text !== '');
  if (title !== null && kept[0] !== undefined && kept[0].toLowerCase() === title.trim().toLowerCase()) kept.shift();
  return kept.join('\n\n');
}

// Whitespace other than a lone space: most blocks have none, and are kept as they are rather than copied.
const UNUSUAL_WHITESPACE = /[^\S ]| {2}/;

/** `text` with every run of whitespace made one space. */
function collapseWhitespace(text: string): string {
  return UNUSUAL_WHITESPACE.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** A title from a file name: "foreign_relations-2024.md" → "foreign relations-2024". */
export function titleFromFileName(fileName: string): string {
  const stem = fileName.replace(/\.[A-Za-z0-9]{1,8}$/, '').replace(/_+/g, ' ').trim();
  return stem === '' ? fileName : stem;
}

/** A title or attribution as a form field is prefilled with: one line, not too long. */
export function prefill(text: string | null, max = PREFILL_TITLE_MAX): string {
  const line = (text ?? '').replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
