import type { Citation } from '../atlas';
import { textWithCitations } from './atlasData';

/** A source as a citation names it: the bundled one by its manifest, an imported one by what the user gave it. */
export interface CitedSource {
  /** The atlas's source id; the BibTeX key is made from it, so it is the same every time. */
  id: string;
  title: string;
  /** The author, or an imported document's attribution line (may be empty). */
  author: string;
  /** Empty for an imported document. */
  licence: string;
  /** Set for a document the user imported: when, and from which file. */
  imported?: { at: string; fileName: string };
}

/** The words of a plain-text citation, in the reader's language. */
export interface CitationLabels {
  /** `Imported {{date}} from {{file}}`. */
  imported: (date: string, fileName: string) => string;
  /** `Cited {{date}} in Korea Relations Atlas`. */
  cited: (date: string) => string;
}

/** Longest excerpt a citation quotes; a longer passage is cut at a word and ends with `…`. */
export const EXCERPT_MAX = 500;

/** The passage's text, with its citation markers, cut to {@link EXCERPT_MAX} characters at a word. */
export function excerptOf(text: string, citations: readonly Citation[], max = EXCERPT_MAX): string {
  const full = textWithCitations(text, citations);
  if (full.length <= max) return full;
  const cut = full.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A passage cited in plain text: the quoted excerpt, then its source's title, author and licence
 * (or, for an imported document, its attribution, when and from which file it was imported) and
 * the day it was cited.
 */
export function plainCitation(source: CitedSource, passage: { text: string; citations: readonly Citation[] }, cited: Date, labels: CitationLabels): string {
  const parts = [`"${source.title}"`];
  if (source.author.trim() !== '') parts.push(source.author.trim());
  if (source.licence.trim() !== '') parts.push(source.licence.trim());
  if (source.imported) parts.push(labels.imported(source.imported.at.slice(0, 10), source.imported.fileName));
  parts.push(labels.cited(cited.toISOString().slice(0, 10)));
  return `"${excerptOf(passage.text, passage.citations)}"\n— ${parts.join(', ')}.`;
}

const BIBTEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '&': '\\&',
  '%': '\\%',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '^': '\\textasciicircum{}',
  '~': '\\textasciitilde{}',
};

/** A text for a braced BibTeX field: its special characters escaped, its whitespace (newlines too) made single spaces. */
export function escapeBibtex(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[\\{}&%$#_^~]/g, (char) => BIBTEX_SPECIAL[char]!);
}

/** The entry's key: the source id with every character but letters, digits, `-` and `:` dropped (`atlas:wikipedia-…`). */
export function bibtexKey(sourceId: string): string {
  return `atlas:${sourceId.replace(/[^A-Za-z0-9-]/g, '') || 'source'}`;
}

/**
 * The source as a BibTeX `@misc` entry. The author is braced twice, as a corporate author
 * ("Wikipedia contributors") must not be split into first and last names; the licence, or an
 * imported document's import date and file, go in `note`.
 */
export function bibtexCitation(source: CitedSource, cited: Date): string {
  const fields: [string, string][] = [['title', `{${escapeBibtex(source.title)}}`]];
  if (source.author.trim() !== '') fields.push(['author', `{{${escapeBibtex(source.author)}}}`]);
  const notes: string[] = [];
  if (source.licence.trim() !== '') notes.push(`Licence: ${source.licence}`);
  if (source.imported) notes.push(`Imported ${source.imported.at.slice(0, 10)} from ${source.imported.fileName}`);
  notes.push(`Cited ${cited.toISOString().slice(0, 10)}`);
  fields.push(['note', `{${escapeBibtex(notes.join('. '))}}`]);
  return `@misc{${bibtexKey(source.id)},\n${fields.map(([name, value]) => `  ${name} = ${value}`).join(',\n')}\n}\n`;
}
